// Nothing lost, nothing stops (issue 28): hostile files, failed saves, a blocked database.
// Each test compares storage before and after: nothing the user had is lost.
import { mkdirSync, writeFileSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { test, expect, openApp } from './fixtures.mjs';

const FILES = 'target/e2e-files';
mkdirSync(FILES, { recursive: true });
mkdirSync('target/screenshots', { recursive: true });
const NOW = '2026-05-01T00:00:00Z';
const heading = (page) => page.getByRole('heading', { level: 1 });

function records() {
  const stored = {
    'sotay.schema_version': 4,
    'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW },
    'sotay.member.m0': { id: 'm0', name: 'Nguyễn Văn An', role: 'bi_thu', status: 'chinh_thuc', updated_at: NOW },
    'sotay.member.m1': { id: 'm1', name: 'Lê Thị Cúc', role: 'dang_vien', status: 'chinh_thuc', updated_at: NOW },
    'sotay.meeting.sh1': {
      id: 'sh1', date: '2026-04-03', kind: 'thuong_ky', start_time: '19:00:00', end_time: '20:45:00', place: 'Nhà văn hóa thôn',
      attendance: [{ member_id: 'm0', status: 'present' }, { member_id: 'm1', status: 'present' }],
      resolution: 'Làm đường liên thôn', own_sheet: { framework_id: 'hd42-anphu-2025', inputs: {} }, status: 'draft', updated_at: NOW,
    },
  };
  return stored;
}

async function seed(page) {
  await openApp(page);
  await page.evaluate((data) => {
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
  }, records());
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}

const storedRecords = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([key]) => key.startsWith('sotay.')).sort()));

test('a file of a million broken records on Dữ liệu is refused in seconds with a list that ends', async ({ page }) => {
  // 9.9 MB: a backup whose members are a million empty objects.
  const file = path.join(FILES, 'a-million-broken-members.json');
  const header = '{"format":"so-tay-chi-bo-backup","format_version":3,"app_version":"0.1.0","exported_at":"2026-12-01T08:00:00Z","scope":{"kind":"all"},"data":{"chi_bo":null,"members":[';
  writeFileSync(file, `${header}${Array(1_000_000).fill('{}').join(',')}],"meetings":[],"reviews":[],"handbook_marks":[],"frameworks":[],"dossier_templates":[],"committee_pack":null,"deletions":[]}}`);
  await seed(page);
  const before = await storedRecords(page);
  await page.goto('#/du-lieu');
  const started = Date.now();
  await page.locator('section.card').filter({ hasText: 'Khôi phục hoặc gộp từ tệp' }).locator('input[type=file]').setInputFiles(file);
  const alert = page.getByRole('alert').filter({ hasText: 'Tệp không nhập được' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  const took = Date.now() - started;
  const lines = alert.locator('li');
  expect(await lines.count()).toBeLessThanOrEqual(201);
  await expect(lines.first()).toContainText('Đảng viên thứ 1');
  await expect(lines.last()).toHaveText(/^và ít nhất [\d.]+ lỗi khác\.$/);
  // The app still runs: another screen opens.
  await page.goto('#/sinh-hoat');
  await expect(heading(page)).toHaveText('Sinh hoạt chi bộ');
  await expect(page.locator('#boot-crashed')).toBeHidden();
  expect(await storedRecords(page)).toBe(before);
  console.log(`a million broken records answered in ${took} ms`);
});

test.describe('the đảng ủy picks chi bộ files and a 60 MB video among them', () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test('the video is refused by name, unread; the other files are taken; the app runs on', async ({ page }) => {
    const video = path.join(FILES, 'buoi-sinh-hoat.mp4');
    const handle = openSync(video, 'w');
    ftruncateSync(handle, 60 * 1024 * 1024);
    closeSync(handle);
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+07:00'));
    await openApp(page, '#/dang-uy');
    await expect(heading(page)).toHaveText('Tổng hợp của đảng ủy');
    const fixtures = ['chi-bo-thon-dong.json', 'chi-bo-ban-pung.json', 'chi-bo-thon-tay-2026.json'].map((name) => path.join('tests/fixtures/dang-uy', name));
    await page.locator('input[type=file][multiple]').setInputFiles([fixtures[0], video, fixtures[1], fixtures[2]]);
    await expect(page.getByRole('heading', { name: 'Kết quả nhận tệp' })).toBeVisible();
    await expect(page.locator('.collect-progress')).toHaveCount(0);
    const refused = page.locator('.report').filter({ has: page.locator('.file-name', { hasText: 'buoi-sinh-hoat.mp4' }) });
    await expect(refused).toContainText('Tệp quá lớn (63 MB)');
    await expect(refused).toContainText('Tệp này không được đọc');
    await expect(page.locator('.collect-results')).toContainText('3 tệp được nhận, 1 tệp bị từ chối');
    // Reading a 60 MB file would take the memory of a phone: the page's wasm memory stays small.
    const memory = await page.evaluate(() => window.sotayDiagnostics.wasmMemoryBytes());
    expect(memory).toBeLessThan(60 * 1024 * 1024);
    await page.reload();
    await expect(page.locator('.dang-uy-table tbody tr')).toHaveCount(3);
  });
});

test.describe('a save the browser refuses', () => {
  test.use({ allowConsoleErrors: true });

  test('is named until that record is written, even after other saves succeed', async ({ page }) => {
    // Storage refuses the meetings' keys (one key family) while the test says so.
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function refuseMeetings(key, value) {
        if (window.refuseMeetings && String(key).startsWith('sotay.meeting.')) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await seed(page);
    await page.goto('#/sinh-hoat/sh1');
    await expect(page.getByLabel('Địa điểm')).toHaveValue('Nhà văn hóa thôn');
    await page.evaluate(() => { window.refuseMeetings = true; });
    await page.getByLabel('Địa điểm').fill('Hội trường thôn');
    await page.getByLabel('Địa điểm').blur();
    const notice = page.locator('.unsaved');
    await expect(notice).toContainText('CHƯA được lưu');
    await expect(notice).toContainText('buổi sinh hoạt ngày 03/04/2026');
    await expect(page.locator('.autosave')).toContainText('CHƯA được lưu');
    const storedMeeting = () => page.evaluate(() => JSON.parse(localStorage.getItem('sotay.meeting.sh1')).place);
    expect(await storedMeeting()).toBe('Nhà văn hóa thôn');

    // A later successful save (a handbook bookmark) does not clear it.
    await page.goto('#/so-tay');
    await page.locator('.contents a').first().click();
    await page.locator('.handbook-item').first().getByRole('button', { name: 'Đánh dấu' }).click();
    await expect(page.locator('.handbook-item').first().getByRole('button', { name: 'Đã đánh dấu' })).toBeVisible();
    expect(await page.evaluate(() => Object.keys(localStorage).some((key) => key.startsWith('sotay.mark.')))).toBe(true);
    await expect(notice).toContainText('buổi sinh hoạt ngày 03/04/2026');
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'target/screenshots/unsaved-notice-360.png' });
    // "Thử lưu lại" while storage still refuses: still named, and says so.
    await notice.getByRole('button', { name: 'Thử lưu lại' }).click();
    await expect(notice).toContainText('Vẫn chưa lưu được.');
    expect(await storedMeeting()).toBe('Nhà văn hóa thôn');

    // Room again: the next change retries it, and only then the notice goes.
    await page.evaluate(() => { window.refuseMeetings = false; });
    await page.locator('.handbook-item').first().getByRole('button', { name: 'Đã đánh dấu' }).click();
    await expect(notice).toHaveCount(0);
    expect(await storedMeeting()).toBe('Hội trường thôn');
    await page.reload();
    await page.goto('#/sinh-hoat/sh1');
    await expect(page.getByLabel('Địa điểm')).toHaveValue('Hội trường thôn');
    await expect(page.locator('.autosave')).toHaveText('Mọi thay đổi được lưu ngay trên máy.');
  });
});

test.describe('the đảng ủy database', () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test('a blocked open says what to do instead of "Đang mở…" forever', async ({ page }) => {
    // Another tab holds the database at another version: the browser answers "blocked".
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function blockedOpen() {
        const request = {};
        setTimeout(() => request.onblocked && request.onblocked(new Event('blocked')), 50);
        return request;
      };
    });
    await openApp(page, '#/dang-uy');
    await expect(page.getByRole('alert')).toContainText('Hãy đóng các thẻ khác của Sổ tay chi bộ rồi tải lại trang này.');
    await expect(page.getByText('Đang đọc tổng hợp đã lưu…')).toHaveCount(0);
  });

  test('another tab opening a newer version closes this one\'s connection and asks for a reload', async ({ page, context }) => {
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+07:00'));
    await openApp(page, '#/dang-uy');
    await page.locator('input[type=file][multiple]').setInputFiles(path.join('tests/fixtures/dang-uy', 'chi-bo-thon-dong.json'));
    await expect(page.locator('.collect-results')).toContainText('1 tệp được nhận');
    // A newer app in another tab upgrades the database: it is not blocked by this tab.
    const other = await context.newPage();
    await other.goto(page.url().replace(/#.*$/, 'manifest.webmanifest'));
    const upgraded = await other.evaluate(() => new Promise((done) => {
      const request = indexedDB.open('sotay-dang-uy', 2);
      request.onblocked = () => done('blocked');
      request.onsuccess = () => { request.result.close(); done('opened'); };
      request.onerror = () => done('error');
    }));
    expect(upgraded).toBe('opened');
    await expect(page.getByRole('alert').filter({ hasText: 'Hãy tải lại trang này' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tải lại trang' })).toBeVisible();
    // The file taken before is still in the database.
    const kept = await other.evaluate(() => new Promise((done) => {
      const request = indexedDB.open('sotay-dang-uy');
      request.onsuccess = () => {
        const keys = request.result.transaction('collection').objectStore('collection').getAllKeys();
        keys.onsuccess = () => { done(keys.result.length); request.result.close(); };
      };
    }));
    expect(kept).toBeGreaterThanOrEqual(2);
  });
});
