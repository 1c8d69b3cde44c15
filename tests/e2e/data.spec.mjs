// Data that is never lost: backup and restore, merge, replace with undo, storage full,
// damaged storage at start-up.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const NOW = '2026-05-01T00:00:00Z';
const heading = (page) => page.getByRole('heading', { level: 1 });
const nav = (page) => page.getByRole('navigation', { name: 'Chuyển màn hình' });

function seedRecords() {
  const records = {
    'sotay.schema_version': 1,
    'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW },
    'sotay.mark.bac-ho-chi-bo-goc-re': { item_id: 'bac-ho-chi-bo-goc-re', bookmarked: true, note: 'Đọc lại', updated_at: NOW },
  };
  ['Nguyễn Văn An', 'Lê Thị Cúc', 'Trần Văn Bảy'].forEach((name, i) => {
    records[`sotay.member.m${i}`] = { id: `m${i}`, name, role: i ? 'dang_vien' : 'bi_thu', status: 'chinh_thuc', updated_at: NOW };
  });
  records['sotay.meeting.sh1'] = {
    id: 'sh1', date: '2026-04-03', kind: 'thuong_ky', start_time: '19:00:00', end_time: '20:45:00', place: 'Nhà văn hóa thôn',
    attendance: [{ member_id: 'm0', status: 'present' }, { member_id: 'm1', status: 'present' }, { member_id: 'm2', status: 'absent_without_reason' }],
    resolution: 'Làm đường liên thôn', own_sheet: { framework_id: 'hd42-anphu-2025', inputs: { '3.1': { ticked: true } } }, status: 'finalised', updated_at: NOW,
  };
  return records;
}

async function seed(page, records = seedRecords()) {
  await openApp(page);
  await page.evaluate((data) => {
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, records);
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}

async function exportBackup(page) {
  await page.goto('#/du-lieu');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp sao lưu toàn bộ' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^so-tay-chi-bo_chi-bo-thon-dong-tam_\d{4}-\d{2}-\d{2}\.json$/);
  const path = `target/e2e-files/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return path;
}

async function chooseBackup(page, path) {
  await page.goto('#/du-lieu');
  await page.locator('section.card').filter({ hasText: 'Khôi phục hoặc gộp từ tệp' }).locator('input[type=file]').setInputFiles(path);
}

async function everyScreenShowsTheData(page) {
  await page.goto('#/sinh-hoat');
  await expect(page.locator('.meeting-row')).toContainText('03/04/2026');
  await expect(page.locator('.chi-bo-name')).toHaveText('Chi bộ thôn Đồng Tâm');
  await page.goto('#/dang-vien');
  await expect(page.locator('.member-row')).toHaveCount(3);
  await page.goto('#/sinh-hoat/sh1');
  await expect(page.locator('.record-documents .minutes')).toContainText('Nhà văn hóa thôn');
  await page.goto('#/so-tay/danh-dau');
  await expect(page.locator('.mark')).toContainText('Đọc lại');
}

test('backup, clear the site, restore: every screen shows the same, and a second import changes nothing', async ({ page }) => {
  await seed(page);
  const file = await exportBackup(page);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  expect(backup.format).toBe('so-tay-chi-bo-backup');
  expect(backup.data.meetings).toHaveLength(1);
  await expect(page.getByText('Chưa sao lưu lần nào.')).toHaveCount(0);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('.chi-bo-name')).toHaveText('Chưa thiết lập chi bộ');

  await chooseBackup(page, file);
  await expect(page.getByRole('heading', { name: 'Xem trước' })).toBeVisible();
  await page.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
  await expect(page.getByText('Đã gộp dữ liệu từ tệp.')).toBeVisible();
  await everyScreenShowsTheData(page);

  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('sotay.')).sort()));
  await chooseBackup(page, file);
  await expect(page.getByText('Tệp không có gì mới')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' })).toBeDisabled();
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('sotay.')).sort()));
  expect(after).toBe(before);
});

test('a replace takes a snapshot first and one tap undoes it', async ({ page }) => {
  await seed(page);
  const file = await exportBackup(page);
  // Work continues after the backup: a new member.
  await page.goto('#/dang-vien/moi');
  await page.getByLabel('Họ và tên').fill('Hoàng Thị Én');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('.member-row')).toHaveCount(4);

  await chooseBackup(page, file);
  await expect(page.getByText('Nếu thay toàn bộ:')).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Thay toàn bộ bằng dữ liệu trong tệp' }).click();
  await expect(page.getByText('Đã thay dữ liệu bằng dữ liệu trong tệp.')).toBeVisible();
  await page.goto('#/dang-vien');
  await expect(page.locator('.member-row')).toHaveCount(3);

  await page.goto('#/du-lieu');
  await expect(page.getByRole('heading', { name: 'Bản sao an toàn' })).toBeVisible();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Khôi phục bản sao này' }).click();
  await expect(page.getByText(/^Đã khôi phục bản sao: /)).toBeVisible();
  await page.goto('#/dang-vien');
  await expect(page.locator('.member-row')).toHaveCount(4);
  await expect(page.locator('.member-row').filter({ hasText: 'Hoàng Thị Én' })).toBeVisible();
});

test('an invalid file names the place of each problem and writes nothing', async ({ page }) => {
  await seed(page);
  const file = await exportBackup(page);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  backup.data.meetings[0].end_time = '18:00:00';
  const { writeFileSync } = await import('node:fs');
  writeFileSync('target/e2e-files/bad-backup.json', JSON.stringify(backup));
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await chooseBackup(page, 'target/e2e-files/bad-backup.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Tệp không nhập được. Dữ liệu trên máy không thay đổi.');
  await expect(alert).toContainText('03/04/2026');
  await expect(alert).toContainText('Giờ kết thúc phải sau giờ bắt đầu');
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test.describe('when storage is full', () => {
  test.use({ allowConsoleErrors: true });

  test('a refused write says so, and after a reload everything stored before is intact', async ({ page }) => {
    await seed(page);
    await page.goto('#/sinh-hoat/sh1');
    await page.getByRole('button', { name: 'Mở lại để sửa' }).click();
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa');
    // Fill the rest of the quota with another app's junk.
    await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; i < 200; i++) {
        try { localStorage.setItem(`other-app-${i}`, chunk); } catch { break; }
      }
      let size = 16 * 1024;
      for (let i = 0; size >= 16; i++) {
        try { localStorage.setItem(`other-app-small-${i}`, 'y'.repeat(size)); } catch { size = Math.floor(size / 2); }
      }
    });
    await page.getByLabel('Nghị quyết / kết luận').fill('Một nghị quyết rất dài '.repeat(200));
    await expect(page.getByText('Không lưu được vào bộ nhớ của trình duyệt')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Địa điểm')).toHaveValue('Nhà văn hóa');
    await expect(page.getByLabel('Nghị quyết / kết luận')).toHaveValue('Làm đường liên thôn');
    await page.goto('#/sinh-hoat');
    await expect(page.locator('.meeting-row')).toContainText('03/04/2026');
    await page.goto('#/dang-vien');
    await expect(page.locator('.member-row')).toHaveCount(3);
    await page.goto('#/so-tay/danh-dau');
    await expect(page.locator('.mark')).toContainText('Đọc lại');
  });
});

test('damaged storage at start-up: the app opens, names it, offers the raw data and deletes nothing', async ({ page }) => {
  const records = seedRecords();
  records['sotay.meeting.hong'] = '{"id": "hong", "date": "2026-02-3';
  await seed(page, records);
  await expect(page.getByRole('alert').first()).toContainText('không đọc được');
  await nav(page).getByRole('link', { name: 'Dữ liệu' }).click();
  await expect(page.getByRole('heading', { name: 'Dữ liệu bị hỏng trên máy' })).toBeVisible();
  await expect(page.locator('code')).toHaveText('sotay.meeting.hong');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Tải dữ liệu thô/ }).click(),
  ]);
  const path = 'target/e2e-files/raw.json';
  await download.saveAs(path);
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  const damaged = JSON.stringify(raw).includes('{\\"id\\": \\"hong\\", \\"date\\": \\"2026-02-3');
  expect(damaged, 'the damaged record is in the raw export, as it was stored').toBe(true);
  // The readable records are all there, and the damaged one is still stored.
  await page.goto('#/sinh-hoat');
  await expect(page.locator('.meeting-row')).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('sotay.meeting.hong'))).toBe('{"id": "hong", "date": "2026-02-3');
});
