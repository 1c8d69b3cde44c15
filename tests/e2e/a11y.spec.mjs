// Accessibility: axe-core on every screen, at the normal and the "very large" text size, with the
// update banner shown, and on the screens that only appear with data (chi bộ setup, roster, member,
// meeting form with its score sheet, history, year summary, print view, year-end review with its
// dossier and members' pages, handbook search, section,
// bookmarks, packs). Fails on any serious or critical violation and prints each one with the
// elements it concerns.
import { createRequire } from 'node:module';
import { test, expect, openApp } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

// The page's CSP allows no inline scripts; axe is injected as one, so the CSP is bypassed for
// these tests only (the other specs keep checking that the app itself never needs an exception).
test.use({ bypassCSP: true });

const SCREENS = [
  ['Trang chủ', ''],
  ['Sinh hoạt chi bộ', '#/sinh-hoat'],
  ['Sổ tay đảng viên', '#/so-tay'],
  ['Dữ liệu', '#/du-lieu'],
  ['Cài đặt', '#/cai-dat'],
];

const heading = (page) => page.getByRole('heading', { level: 1 });

/** Runs axe on the whole page; returns the serious and critical violations, printed. */
async function seriousViolations(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const violation of serious) {
    console.log(`[axe] ${where}: ${violation.impact} ${violation.id} — ${violation.help} (${violation.helpUrl})`);
    for (const node of violation.nodes) {
      console.log(`        ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
    }
  }
  return serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Visits every screen through the address bar and checks each one. */
async function checkEveryScreen(page, label) {
  const found = {};
  for (const [title, hash] of SCREENS) {
    await page.goto(hash);
    await expect(heading(page)).toHaveText(title);
    const violations = await seriousViolations(page, `${title} (${label})`);
    if (violations.length) found[title] = violations;
  }
  expect(found, `serious or critical axe violations (${label})`).toEqual({});
}

test('every screen has no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  await checkEveryScreen(page, 'normal text size');
});

test('every screen at the "very large" text size has no serious or critical violations', async ({ page }) => {
  await openApp(page, '#/cai-dat');
  await page.getByRole('radio', { name: 'Rất lớn' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
  await checkEveryScreen(page, 'very large text size');
});

test('the update banner has no serious or critical violations', async ({ page }) => {
  await openApp(page);
  // Plays boot.js's announcement of a waiting worker (offline.spec.mjs covers the real path).
  await page.evaluate(() => {
    window.sotayUpdateReady = true;
    window.dispatchEvent(new Event('sotay-update-ready'));
  });
  await expect(page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' })).toBeVisible();
  expect(await seriousViolations(page, 'update banner'), 'serious or critical axe violations').toEqual([]);
});

test('the screens that appear with data have no serious or critical violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-05-20T09:00:00+07:00'));
  const found = {};
  const check = async (where) => {
    const violations = await seriousViolations(page, where);
    if (violations.length) found[where] = violations;
  };

  await openApp(page, '#/chi-bo');
  await expect(heading(page)).toHaveText('Thiết lập chi bộ');
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(page.getByText('Hãy nhập tên chi bộ.')).toBeVisible();
  await check('chi bộ setup, with an error');
  await page.getByLabel('Tên chi bộ').fill('Chi bộ thôn Đồng Tâm');
  await page.getByLabel('Đảng ủy cấp trên').fill('Đảng ủy xã Tân Lập');
  await page.getByLabel('Ngày sinh hoạt hằng tháng').fill('3');
  await page.getByRole('radio', { name: /Khối tỉnh Bình Thuận Căn cứ/ }).check();
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await check('chi bộ setup, saved');

  await page.goto('#/dang-vien/moi');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await page.getByRole('radio', { name: 'Bí thư', exact: true }).check();
  await page.getByRole('button', { name: 'Thêm thời gian miễn' }).click();
  await check('member form');
  await page.getByLabel('Lý do miễn').fill('Tuổi cao, sức yếu');
  await page.getByLabel('Từ ngày').fill('2026-06-01');
  await page.getByRole('button', { name: 'Lưu và thêm người khác' }).click();
  await expect(page.getByText('Đã lưu. Nguyễn Văn An')).toBeVisible();
  await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(heading(page)).toHaveText('Danh sách đảng viên');
  await check('roster');

  await page.goto('#/sinh-hoat');
  await page.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await expect(heading(page)).toHaveText(/Sinh hoạt thường kỳ/);
  await page.locator('li.roll-row').filter({ hasText: 'Trần Thị Bình' }).getByRole('button', { name: 'Vắng không lý do' }).click();
  await check('meeting form and score sheet');
  const meeting = new URL(page.url()).hash;

  await page.goto('#/sinh-hoat');
  await expect(page.locator('.meeting-row')).toHaveCount(1);
  await check('meeting history');
  await page.goto('#/tong-hop/2026');
  await expect(heading(page)).toHaveText('Tổng hợp năm 2026');
  await check('year summary');
  await page.goto(`${meeting}/in`);
  await expect(page.getByRole('heading', { name: 'BIÊN BẢN SINH HOẠT CHI BỘ' })).toBeVisible();
  await check('print view');
  await page.goto('#/kiem-diem/2026');
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2026');
  await page.getByRole('button', { name: 'Hoàn tất bản kiểm điểm' }).click();
  await expect(page.getByText('Chưa hoàn tất được:')).toBeVisible();
  await check('year-end review, with what stops finalising');
  await page.goto('#/kiem-diem/2026/in');
  await expect(page.getByRole('heading', { name: 'BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ' })).toBeVisible();
  await check('year-end review dossier');
  await page.goto('#/kiem-diem/2026/dang-vien');
  await expect(page.locator('article.member-page')).toHaveCount(2);
  await check("members' year pages");

  await page.goto('#/so-tay');
  await page.getByLabel('Tra cứu trong sổ tay').fill('khong duoc lam');
  await expect(page.locator('.result').first()).toBeVisible();
  await check('handbook search results');
  await page.locator('.result .result-title').first().click();
  await expect(page.locator('.handbook-item.targeted')).toBeVisible();
  await check('handbook section');
  await page.goto('#/so-tay/danh-dau');
  await check('handbook bookmarks');
  await page.goto('#/so-tay/bo-noi-dung');
  await check('handbook packs');
  await page.goto('#/du-lieu');
  await expect(heading(page)).toHaveText('Dữ liệu');
  await check('data, with a chi bộ');

  expect(found, 'serious or critical axe violations').toEqual({});
});
