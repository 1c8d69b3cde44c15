// End-to-end tests: the release build, served by a plain static server from the subpath
// /so-tay/, in a phone-sized viewport, driven in Debian's Chromium (no browser download).
import { defineConfig } from '@playwright/test';

const PORT = 4173;
export const APP_URL = `http://127.0.0.1:${PORT}/so-tay/`;
// The server serves SITE_DIR/so-tay, a symlink to DIST_DIR (tests/e2e/offline.spec.mjs re-points it).
export const SITE_DIR = 'target/e2e-site';
export const DIST_DIR = 'target/e2e-dist';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  outputDir: 'target/playwright-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: APP_URL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `python3 tests/e2e/serve.py ${SITE_DIR} so-tay ${DIST_DIR} ${PORT}`,
    url: APP_URL,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
