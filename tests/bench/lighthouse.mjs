// Lighthouse's mobile performance score of the release build, for the bench (issue 31: ≥ 95 on
// a gzip host, TBT ≤ 150 ms, empty as well as with ten years stored).
//
// Lighthouse is installed apart from the test tools (tests/bench/lighthouse, by scripts/bench.sh)
// so that the test command's npm install stays small. Its mobile defaults are used as they are:
// a Moto G Power's screen, simulated Slow 4G and 4× CPU (Lantern), performance only.
//   - "empty": Lighthouse resets the storage first, so this is a first visit.
//   - "ten years stored": the same browser profile after the 10-year backup was merged through
//     the app's Dữ liệu screen and the service worker installed; Lighthouse is told to keep the
//     storage, so this is what a secretary's phone does when the app is opened again.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LIGHTHOUSE_DIR = path.join(HERE, 'lighthouse', 'node_modules');
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

/** Whether Lighthouse is installed (scripts/bench.sh installs it). */
export const lighthouseInstalled = () => existsSync(path.join(LIGHTHOUSE_DIR, 'lighthouse', 'core', 'index.js'));

const importInstalled = (relative) => import(pathToFileURL(path.join(LIGHTHOUSE_DIR, relative)).href);

/** The figures of one Lighthouse run that the bench reports. */
function figuresOf(lhr) {
  const value = (audit) => lhr.audits[audit]?.numericValue ?? null;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    firstContentfulPaint: value('first-contentful-paint'),
    largestContentfulPaint: value('largest-contentful-paint'),
    totalBlockingTime: value('total-blocking-time'),
    speedIndex: value('speed-index'),
    cumulativeLayoutShift: value('cumulative-layout-shift'),
    maxPotentialFid: value('max-potential-fid'),
    runWarnings: lhr.runWarnings ?? [],
  };
}

async function runLighthouse(lighthouse, url, port, { keepStorage }) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    disableStorageReset: keepStorage,
  });
  if (!result?.lhr) throw new Error(`Lighthouse returned no report for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
  return figuresOf(result.lhr);
}

/** How many meetings the app keeps in this page's localStorage (keys of domain/src/backup/layout.rs). */
const storedMeetingKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('sotay.meeting.')).length);

/**
 * Merges `tenYearsFile` into the browser at `port` through the app's Dữ liệu screen and waits
 * for the service worker to control the page. Returns the number of stored meeting keys.
 */
async function storeTenYears(port, base, tenYearsFile, { importRead, importApply }) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    const page = await context.newPage();
    await page.goto(`${base}#/du-lieu`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.locator('input[type="file"]').setInputFiles(tenYearsFile);
    await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length >= 1, importRead, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
    await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length >= 1, importApply, { timeout: 120_000 });
    const stored = await storedMeetingKeys(page);
    await page.close();
    return stored;
  } finally {
    // Connected, not launched: this only disconnects, the browser and its profile stay.
    await browser.close();
  }
}

/** The stored meeting keys seen by a fresh page of the browser at `port`. */
async function storedAfter(port, base) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0].newPage();
    await page.goto(base);
    const stored = await storedMeetingKeys(page);
    await page.close();
    return stored;
  } finally {
    await browser.close();
  }
}

/**
 * `runs` Lighthouse runs of `base` with nothing stored, then `runs` with the ten years stored
 * (when `tenYearsFile` is given). Each case has a browser of its own.
 */
export async function lighthouseRuns({ base, runs, tenYearsFile, measures, log }) {
  const { default: lighthouse } = await importInstalled('lighthouse/core/index.js');
  const chromeLauncher = await importInstalled('chrome-launcher/dist/index.js');
  const launch = () => chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });

  const empty = [];
  let chrome = await launch();
  try {
    for (let run = 0; run < runs; run += 1) {
      empty.push(await runLighthouse(lighthouse, base, chrome.port, { keepStorage: false }));
      log(`  Lighthouse, empty ${run + 1}/${runs}: ${empty.at(-1).score}`);
    }
  } finally {
    await chrome.kill();
  }

  if (!tenYearsFile) return { empty, tenYears: null };
  const tenYears = [];
  chrome = await launch();
  try {
    const stored = await storeTenYears(chrome.port, base, tenYearsFile, measures);
    if (stored === 0) throw new Error('Lighthouse: the ten years were not stored');
    for (let run = 0; run < runs; run += 1) {
      tenYears.push(await runLighthouse(lighthouse, base, chrome.port, { keepStorage: true }));
      log(`  Lighthouse, ten years stored ${run + 1}/${runs}: ${tenYears.at(-1).score}`);
    }
    // Lighthouse was told to keep the storage: checked, since the case means nothing otherwise.
    const after = await storedAfter(chrome.port, base);
    if (after !== stored) throw new Error(`Lighthouse: ${stored} meeting keys stored before the runs, ${after} after`);
  } finally {
    await chrome.kill();
  }
  return { empty, tenYears };
}
