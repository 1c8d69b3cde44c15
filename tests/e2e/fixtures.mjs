// Shared fixture: every test fails if a request leaves the page's origin, if the page throws,
// or if the console reports an error (a CSP violation shows up there too).
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  // Tests that provoke a failure on purpose (a missing file) switch this on.
  allowConsoleErrors: [false, { option: true }],

  page: async ({ page, baseURL, allowConsoleErrors }, use) => {
    const origin = new URL(baseURL).origin;
    const outsideRequests = [];
    const problems = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        outsideRequests.push(url);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !allowConsoleErrors) problems.push(`console: ${message.text()}`);
    });
    await use(page);
    expect(outsideRequests, 'requests that left the origin').toEqual([]);
    expect(problems, 'errors on the page').toEqual([]);
  },
});

export { expect };

/** Waits until the app has replaced the loading notice with its shell. */
export async function openApp(page, hash = '') {
  await page.goto(hash);
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}

/** Opens the app with `data` in its storage (key → record, or text stored as it is). */
export async function openWithStorage(page, data) {
  await openApp(page);
  await page.evaluate((records) => {
    for (const [key, value] of Object.entries(records)) localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, data);
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}
