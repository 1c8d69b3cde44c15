// Two tabs open on the app: changes flow between them and no write overwrites a newer one.
import { test, expect, openApp } from './fixtures.mjs';

const NOW = '2026-05-01T00:00:00Z';
const SEED = {
  'sotay.schema_version': 1,
  'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: '', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW },
  'sotay.member.m1': { id: 'm1', name: 'Nguyễn Văn An', role: 'bi_thu', status: 'chinh_thuc', updated_at: NOW },
  'sotay.meeting.sh1': { id: 'sh1', date: '2026-05-03', kind: 'thuong_ky', own_sheet: { framework_id: 'hd42-anphu-2025' }, updated_at: NOW },
};

async function seed(page) {
  await openApp(page);
  await page.evaluate((data) => {
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
  }, SEED);
}

test('a change in one tab appears in the other', async ({ page, context }) => {
  await seed(page);
  await page.goto('#/sinh-hoat/sh1');
  await page.reload();
  const other = await context.newPage();
  await other.goto('#/sinh-hoat/sh1');
  await expect(other.getByLabel('Địa điểm')).toHaveValue('');

  await page.getByLabel('Địa điểm').fill('Hội trường thôn');
  await expect(other.getByLabel('Địa điểm')).toHaveValue('Hội trường thôn');
  await expect(other.getByText('Đã cập nhật theo thay đổi ở một thẻ')).toBeVisible();
  // And the other way round, on another screen.
  await other.getByRole('link', { name: 'Sinh hoạt' }).click();
  await page.goto('#/chi-bo');
  await page.getByLabel('Tên chi bộ').fill('Chi bộ thôn Đồng Tâm mới');
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(other.locator('.chi-bo-name')).toHaveText('Chi bộ thôn Đồng Tâm mới');
  await other.close();
});

test('saving a form opened before another tab changed the record is refused, not overwriting', async ({ page, context }) => {
  await seed(page);
  await page.goto('#/dang-vien/m1');
  await page.reload();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Nguyễn Văn An');

  const other = await context.newPage();
  await other.goto('#/dang-vien/m1');
  await other.getByLabel('Họ và tên').fill('Nguyễn Văn Ân');
  await other.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Danh sách đảng viên');

  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Anh');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('vừa được sửa ở một thẻ');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('sotay.member.m1')).name);
  expect(stored).toBe('Nguyễn Văn Ân');
  await other.close();
});
