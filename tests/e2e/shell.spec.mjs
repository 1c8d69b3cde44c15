import { test, expect, openApp } from './fixtures.mjs';

const nav = (page) => page.getByRole('navigation', { name: 'Chuyển màn hình' });
const heading = (page) => page.getByRole('heading', { level: 1 });

test('the four screens are reachable from the bottom navigation and the back button retraces them', async ({ page }) => {
  await openApp(page);
  await expect(heading(page)).toHaveText('Trang chủ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

  const visits = [
    ['Sinh hoạt', 'Sinh hoạt chi bộ', /#\/sinh-hoat$/],
    ['Sổ tay', 'Sổ tay đảng viên', /#\/so-tay$/],
    ['Dữ liệu', 'Dữ liệu', /#\/du-lieu$/],
  ];
  for (const [label, title, url] of visits) {
    await nav(page).getByRole('link', { name: label }).click();
    await expect(heading(page)).toHaveText(title);
    await expect(page).toHaveURL(url);
    await expect(nav(page).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${title} — Sổ tay chi bộ`);
  }

  await page.goBack();
  await expect(heading(page)).toHaveText('Sổ tay đảng viên');
  await page.goBack();
  await expect(heading(page)).toHaveText('Sinh hoạt chi bộ');
  await page.goBack();
  await expect(heading(page)).toHaveText('Trang chủ');
  await page.goForward();
  await expect(heading(page)).toHaveText('Sinh hoạt chi bộ');
  await expect(nav(page).getByRole('link', { name: 'Trang chủ' })).not.toHaveAttribute('aria-current', 'page');
});

test('reloading a deep screen under the subpath opens that same screen', async ({ page }) => {
  await openApp(page, '#/so-tay');
  await expect(heading(page)).toHaveText('Sổ tay đảng viên');
  await page.reload();
  await expect(heading(page)).toHaveText('Sổ tay đảng viên');
  expect(new URL(page.url()).pathname).toBe('/so-tay/');
});

test('an unknown address says so and leads back home', async ({ page }) => {
  await openApp(page, '#/khong-co-trang-nay');
  await expect(heading(page)).toHaveText('Không tìm thấy trang');
  await page.getByRole('link', { name: 'Về Trang chủ' }).click();
  await expect(heading(page)).toHaveText('Trang chủ');
});

test('the chosen text size applies to the whole app and survives a reload', async ({ page }) => {
  await openApp(page);
  const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootFontSize();

  await page.getByRole('link', { name: 'Mở cài đặt' }).click();
  await expect(heading(page)).toHaveText('Cài đặt');
  await page.getByRole('radio', { name: 'Rất lớn' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
  const enlarged = await rootFontSize();
  expect(enlarged).toBeGreaterThan(normal * 1.4);

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Rất lớn' })).toBeChecked();
  expect(await rootFontSize()).toBe(enlarged);

  // It applies on every screen, not only on the settings screen.
  await nav(page).getByRole('link', { name: 'Sổ tay' }).click();
  expect(await rootFontSize()).toBe(enlarged);

  await page.getByRole('link', { name: 'Mở cài đặt' }).click();
  await page.getByRole('radio', { name: 'Bình thường' }).check();
  expect(await rootFontSize()).toBe(normal);
});

test('a browser without WebAssembly gets a Vietnamese explanation, not a blank page', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('');
  const notice = page.locator('#boot-unsupported');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Sổ tay chi bộ chưa mở được trên trình duyệt này');
  await expect(notice).toContainText('Dữ liệu đã lưu trên máy');
  await expect(page.locator('#boot-loading')).toBeHidden();
  await expect(page.locator('#app .bottom-nav')).toHaveCount(0);
});

test.describe('when the app files cannot be loaded', () => {
  test.use({ allowConsoleErrors: true });

  test('the Vietnamese notice appears instead of a blank page', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('');
    await expect(page.locator('#boot-unsupported')).toBeVisible();
    await expect(page.locator('#boot-unsupported')).toContainText('chưa mở được');
  });
});
