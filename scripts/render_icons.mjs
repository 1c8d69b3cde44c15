// Renders the PNG icons installers need from the SVG drawings in assets/, with Chromium.
// Run once after changing an icon:  node scripts/render_icons.mjs   (the PNGs are committed).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const jobs = [
  ['assets/icon.svg', 'assets/icon-192.png', 192],
  ['assets/icon.svg', 'assets/icon-512.png', 512],
  ['assets/icon-maskable.svg', 'assets/icon-maskable-512.png', 512],
  ['assets/icon.svg', 'assets/apple-touch-icon.png', 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [svgPath, pngPath, size] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync(svgPath, 'utf8');
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: pngPath, omitBackground: true });
  await page.close();
}
await browser.close();
// Then each PNG with a palette: the same look, a third of the bytes (precache budget).
execFileSync('python3', ['scripts/quantize_icons.py'], { stdio: 'inherit' });
