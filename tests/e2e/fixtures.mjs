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

// The stored setting and the attribute style/main.css keys on.
export const TEXT_SIZES = { normal: 'normal', xlarge: 'extra_large' };

export async function setTextSize(page, size) {
  await page.evaluate((value) => {
    const settings = JSON.parse(localStorage.getItem('sotay.settings') || '{}');
    localStorage.setItem('sotay.settings', JSON.stringify({ ...settings, text_size: value }));
  }, TEXT_SIZES[size]);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', size);
}

/**
 * Every word in every table cell (or the elements `selector` names) on the page: the words drawn on more than one line (broken
 * inside the word), the cells whose text overflows them, and whether the page itself scrolls
 * sideways (a table too wide for the screen must scroll inside its own box).
 */
export async function tableProblems(page, selector = 'main table th, main table td') {
  return page.evaluate((cells) => {
    const broken = [];
    const overflowing = [];
    for (const cell of document.querySelectorAll(cells)) {
      if (cell.offsetParent === null) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) overflowing.push(cell.textContent.trim());
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const re = /\S+/g;
        for (let match = re.exec(node.data); match; match = re.exec(node.data)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    const pageScrollsSideways = document.documentElement.scrollWidth > window.innerWidth + 1;
    return { broken, overflowing, pageScrollsSideways, tables: document.querySelectorAll('main table').length };
  }, selector);
}

/**
 * The visible selects of the screen whose chosen text is wider than the room beside the arrow,
 * measured in the select's own font: a select shows its choice on one line, so such a choice
 * is cut (at 360 px in "Rất lớn" most often).
 */
export async function clippedSelects(page) {
  return page.evaluate(() => {
    const measure = document.createElement('canvas').getContext('2d');
    const ARROW = 24;
    return [...document.querySelectorAll('main select')].filter((select) => select.offsetParent).flatMap((select) => {
      const style = getComputedStyle(select);
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW;
      return measure.measureText(text).width > room ? [text] : [];
    });
  });
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
