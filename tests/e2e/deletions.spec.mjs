// Two phones of one chi bộ (two browser contexts, each with its own storage) exchange
// backup files: a deletion travels and the preview says so, its undo travels back, an edit
// made after a deletion wins on both, and the raw export of damaged storage restores on a
// clean phone. Each test compares what the phones store, so nothing else changed.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const NOW = '2026-05-01T00:00:00Z';
const FRAMEWORK = 'hd42-anphu-2025';

function seedRecords() {
  const records = {
    'sotay.schema_version': 4,
    'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', usual_meeting_day: 3, framework_id: FRAMEWORK, updated_at: NOW },
    'sotay.mark.bac-ho-chi-bo-goc-re': { item_id: 'bac-ho-chi-bo-goc-re', bookmarked: true, note: 'Đọc lại', updated_at: NOW },
  };
  // Phạm Văn Dư (m3) was entered by mistake: no meeting names him.
  ['Nguyễn Văn An', 'Lê Thị Cúc', 'Trần Văn Bảy', 'Phạm Văn Dư'].forEach((name, i) => {
    records[`sotay.member.m${i}`] = { id: `m${i}`, name, role: i ? 'dang_vien' : 'bi_thu', status: 'chinh_thuc', updated_at: NOW };
  });
  records['sotay.meeting.sh1'] = {
    id: 'sh1', date: '2026-04-03', kind: 'thuong_ky', start_time: '19:00:00', end_time: '20:45:00', place: 'Nhà văn hóa thôn',
    attendance: [{ member_id: 'm0', status: 'present' }, { member_id: 'm1', status: 'present' }, { member_id: 'm2', status: 'absent_without_reason' }],
    resolution: 'Làm đường liên thôn', own_sheet: { framework_id: FRAMEWORK }, status: 'finalised', updated_at: NOW,
  };
  records['sotay.meeting.sh2'] = {
    id: 'sh2', date: '2026-03-03', kind: 'thuong_ky', place: 'Nhà văn hóa thôn',
    attendance: [{ member_id: 'm0', status: 'present' }], own_sheet: { framework_id: FRAMEWORK }, status: 'finalised', updated_at: NOW,
  };
  return records;
}

/** The stored text of each seeded record, as the test wrote it. */
const seededTexts = (records) => Object.fromEntries(Object.entries(records).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));

/** Every dialog is remembered and accepted (dismissed once after `messages.dismissNext = true`). */
function acceptDialogs(page) {
  const messages = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    if (messages.dismissNext) {
      messages.dismissNext = false;
      dialog.dismiss();
    } else {
      dialog.accept();
    }
  });
  return messages;
}

/** A second phone: its own context (own storage), failing on page and console errors too. */
async function otherPhone(browser, baseURL) {
  const context = await browser.newContext({
    baseURL, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  return { context, page, problems };
}

async function seed(page, records = seedRecords()) {
  await openApp(page);
  await page.evaluate((data) => {
    for (const [key, text] of Object.entries(data)) localStorage.setItem(key, text);
  }, seededTexts(records));
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}

/** Phone A (the test's page) and phone B, both seeded with `records`, every dialog accepted. */
async function twoPhones({ page, browser, baseURL }, records) {
  const b = await otherPhone(browser, baseURL);
  const phones = { a: page, b: b.page, context: b.context, problems: b.problems, dialogsA: acceptDialogs(page), dialogsB: acceptDialogs(b.page) };
  await seed(page, records);
  await seed(b.page, records);
  return phones;
}

/** The app's stored records (`sotay.` keys; bookkeeping such as the snapshot is apart). */
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('sotay.')).sort()));

async function download(page, button, name) {
  await page.goto('#/du-lieu');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = `target/e2e-files/${name}`;
  await file.saveAs(path);
  return path;
}
const exportBackup = (page, name) => download(page, 'Tải tệp sao lưu toàn bộ', name);

async function choose(page, path) {
  await page.goto('#/du-lieu');
  await page.locator('section.card').filter({ hasText: 'Khôi phục hoặc gộp từ tệp' }).locator('input[type=file]').setInputFiles(path);
  await expect(page.getByRole('heading', { name: 'Xem trước' })).toBeVisible();
}

async function merge(page) {
  await page.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
  await expect(page.getByText('Đã gộp dữ liệu từ tệp.')).toBeVisible();
}

const meetingRows = (page) => page.goto('#/sinh-hoat').then(() => page.locator('.meeting-row'));

test('a meeting deleted on one phone is deleted on the other, and undoing it there brings it back on both', async ({ page, browser, baseURL }) => {
  const records = seedRecords();
  const { a, b, context, problems, dialogsA, dialogsB } = await twoPhones({ page, browser, baseURL }, records);

  // A deletes the meeting of 03/04/2026: a marker is stored in its place.
  await a.goto('#/sinh-hoat/sh1');
  await a.getByRole('button', { name: 'Xóa buổi sinh hoạt' }).click();
  await expect(a.locator('.toast')).toContainText('Đã xóa buổi sinh hoạt ngày 03/04/2026');
  // Hoàn tác puts it back as a newer edit, without its marker; then it is deleted again.
  await a.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Sinh hoạt thường kỳ 03/04/2026');
  const putBack = await stored(a);
  expect(putBack['sotay.deleted.meeting.sh1']).toBeUndefined();
  expect(Date.parse(JSON.parse(putBack['sotay.meeting.sh1']).updated_at)).toBeGreaterThan(Date.parse(NOW));
  await a.getByRole('button', { name: 'Xóa buổi sinh hoạt' }).click();
  expect(dialogsA.splice(0)).toEqual([expect.stringContaining('Xóa buổi sinh hoạt này?'), expect.stringContaining('Xóa buổi sinh hoạt này?')]);
  await expect(await meetingRows(a)).toHaveCount(1);
  const storedA = await stored(a);
  expect(storedA['sotay.meeting.sh1']).toBeUndefined();
  const marker = JSON.parse(storedA['sotay.deleted.meeting.sh1']);
  expect(marker).toMatchObject({ kind: 'meeting', id: 'sh1' });
  expect(Date.parse(marker.deleted_at)).toBeGreaterThan(Date.parse(NOW));

  // B merges A's file: the preview and the question say what it deletes.
  await choose(b, await exportBackup(a, 'phone-a-deleted.json'));
  await expect(b.locator('.preview-box')).toContainText('Sẽ xóa: buổi sinh hoạt ngày 03/04/2026');
  // A replace asks as plainly; said no to, it changes nothing.
  const beforeB = await stored(b);
  dialogsB.dismissNext = true;
  await b.getByRole('button', { name: 'Thay toàn bộ bằng dữ liệu trong tệp' }).click();
  await expect.poll(() => dialogsB.length).toBe(1);
  expect(dialogsB.pop()).toContain('Thay toàn bộ sẽ xóa 1 mục trên máy mà tệp không có: buổi sinh hoạt ngày 03/04/2026.');
  expect(await stored(b)).toEqual(beforeB);
  await merge(b);
  expect(dialogsB.pop()).toContain('Gộp tệp này sẽ xóa 1 mục trên máy vì đã bị xóa trên máy khác: buổi sinh hoạt ngày 03/04/2026');
  expect(await stored(b)).toEqual(storedA);
  // Gone on B (seen in a second tab, leaving the import card with its undo as it is).
  const bHistory = await context.newPage();
  await bHistory.goto('#/sinh-hoat');
  await expect(bHistory.locator('.meeting-row')).toHaveCount(1);
  await expect(bHistory.locator('.meeting-row')).not.toContainText('03/04/2026');
  await bHistory.close();

  // B undoes the merge: the meeting comes back as a newer edit, and travels back to A.
  await b.getByRole('button', { name: 'Hoàn tác (trở lại như trước khi nhập)' }).click();
  await expect(b.getByText('Đã trở lại dữ liệu như trước khi nhập.')).toBeVisible();
  await expect(await meetingRows(b)).toHaveCount(2);
  const storedB = await stored(b);
  expect(storedB['sotay.deleted.meeting.sh1']).toBeUndefined();
  expect(Date.parse(JSON.parse(storedB['sotay.meeting.sh1']).updated_at)).toBeGreaterThan(Date.parse(marker.deleted_at));

  await choose(a, await exportBackup(b, 'phone-b-undone.json'));
  await expect(a.locator('.preview-box')).toContainText('Thêm 1 buổi sinh hoạt');
  await merge(a);
  await expect(await meetingRows(a)).toHaveCount(2);
  await expect(a.locator('.meeting-row').first()).toContainText('03/04/2026');
  await a.goto('#/sinh-hoat/sh1');
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Sinh hoạt thường kỳ 03/04/2026');
  await expect(a.getByText('từ 19:00 đến 20:45 (105 phút), ngày 03/04/2026, tại Nhà văn hóa thôn.')).toBeVisible();

  // Both phones store the same; every other record is exactly as seeded.
  const finalA = await stored(a);
  expect(await stored(b)).toEqual(finalA);
  const { 'sotay.meeting.sh1': seededMeeting, ...others } = seededTexts(records);
  const { 'sotay.meeting.sh1': back, ...rest } = finalA;
  expect(rest).toEqual(others);
  expect({ ...JSON.parse(back), updated_at: NOW }).toMatchObject(JSON.parse(seededMeeting));
  expect(dialogsA, 'no other question on A').toEqual([]);
  expect(problems, 'errors on phone B').toEqual([]);
  await context.close();
});

test('a member deleted by mistake on one phone and edited later on the other keeps the edit on both', async ({ page, browser, baseURL }) => {
  const records = seedRecords();
  const { a, b, context, problems, dialogsA } = await twoPhones({ page, browser, baseURL }, records);

  // A member named in a meeting cannot be deleted: the app says why and offers leaving.
  await a.goto('#/dang-vien/m1');
  await a.getByRole('button', { name: 'Xóa đảng viên này' }).click();
  await expect(a.getByRole('alert')).toContainText('Không xóa được: đồng chí «Lê Thị Cúc» có tên trong 1 buổi sinh hoạt đã ghi');
  expect(dialogsA, 'refused without asking').toEqual([]);
  await a.getByRole('button', { name: 'Ghi ngày rời chi bộ' }).click();
  await expect(a.getByLabel('Ngày rời chi bộ (chuyển sinh hoạt, từ trần…)')).not.toHaveValue('');
  expect(await stored(a)).toEqual(seededTexts(records));

  // Phạm Văn Dư is in no meeting: deleted, undone, deleted again.
  await a.goto('#/dang-vien/m3');
  await a.getByRole('button', { name: 'Xóa đảng viên này' }).click();
  expect(dialogsA.pop()).toContain('Xóa đảng viên «Phạm Văn Dư» khỏi danh sách?');
  await expect(a.locator('.toast')).toContainText('Đã xóa đảng viên Phạm Văn Dư');
  await expect(a.locator('.member-row')).toHaveCount(3);
  expect(JSON.parse((await stored(a))['sotay.deleted.member.m3'])).toMatchObject({ kind: 'member', id: 'm3' });
  await a.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(a.getByLabel('Họ và tên')).toHaveValue('Phạm Văn Dư');
  const undone = await stored(a);
  expect(undone['sotay.deleted.member.m3']).toBeUndefined();
  expect(Date.parse(JSON.parse(undone['sotay.member.m3']).updated_at)).toBeGreaterThan(Date.parse(NOW));
  await a.getByRole('button', { name: 'Xóa đảng viên này' }).click();
  await expect(a.locator('.member-row')).toHaveCount(3);
  const deletedAt = JSON.parse((await stored(a))['sotay.deleted.member.m3']).deleted_at;

  // Later, B (which never got the deletion) corrects the name.
  await b.goto('#/dang-vien/m3');
  await b.getByLabel('Họ và tên').fill('Phạm Văn Dư (Út)');
  await b.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(b.locator('.member-row')).toHaveCount(4);
  expect(Date.parse(JSON.parse((await stored(b))['sotay.member.m3']).updated_at)).toBeGreaterThan(Date.parse(deletedAt));

  const fileA = await exportBackup(a, 'phone-a-member-deleted.json');
  const fileB = await exportBackup(b, 'phone-b-member-edited.json');
  // B: A's older deletion loses to B's edit, so A's file changes nothing.
  const beforeB = await stored(b);
  await choose(b, fileA);
  await expect(b.getByText('Tệp không có gì mới')).toBeVisible();
  await expect(b.locator('.preview-box')).not.toContainText('Sẽ xóa:');
  expect(await stored(b)).toEqual(beforeB);
  // A: B's later edit brings the member back, with the edit.
  await choose(a, fileB);
  await merge(a);
  await a.goto('#/dang-vien');
  await expect(a.locator('.member-row')).toHaveCount(4);
  await expect(a.locator('.member-row').filter({ hasText: 'Phạm Văn Dư (Út)' })).toBeVisible();
  expect(await stored(a)).toEqual(await stored(b));
  expect(problems, 'errors on phone B').toEqual([]);
  await context.close();
});

test('the raw export of damaged storage restores on a clean phone: the readable records, the damaged one named and skipped', async ({ page, browser, baseURL }) => {
  const a = page;
  const { context, page: b, problems } = await otherPhone(browser, baseURL);
  const records = seedRecords();
  records['sotay.meeting.hong'] = '{"id": "hong", "date": "2026-02-3';
  await seed(a, records);
  const raw = await download(a, /Tải dữ liệu thô/, 'phone-a-raw.json');
  expect(JSON.parse(readFileSync(raw, 'utf8')).format).toBe('so-tay-chi-bo-raw-storage');

  await openApp(b);
  expect(await stored(b)).toEqual({});
  await choose(b, raw);
  const preview = b.locator('.preview-box');
  await expect(preview).toContainText('Tệp dữ liệu thô');
  await expect(preview).toContainText('Bỏ qua 1 mục không đọc được trong tệp dữ liệu thô (không ghi vào máy)');
  await expect(preview).toContainText('sotay.meeting.hong');
  await merge(b);
  await expect(await meetingRows(b)).toHaveCount(2);
  await expect(b.locator('.chi-bo-name')).toHaveText('Chi bộ thôn Đồng Tâm');
  await b.goto('#/dang-vien');
  await expect(b.locator('.member-row')).toHaveCount(4);
  const storedB = await stored(b);
  expect(storedB['sotay.meeting.hong'], 'the damaged record is never written').toBeUndefined();
  expect(Object.keys(storedB)).toEqual(Object.keys(seededTexts(records)).filter((key) => key !== 'sotay.meeting.hong').sort());
  expect(storedB['sotay.schema_version'], 'the clean phone now has the layout version').toBe('4');

  // The same records on both phones (their backups hold the same data), and A keeps its
  // damaged record as it was.
  const dataOf = (path) => JSON.parse(readFileSync(path, 'utf8')).data;
  expect(dataOf(await exportBackup(b, 'phone-b-restored.json'))).toEqual(dataOf(await exportBackup(a, 'phone-a-readable.json')));
  expect((await stored(a))['sotay.meeting.hong']).toBe('{"id": "hong", "date": "2026-02-3');
  expect(problems, 'errors on phone B').toEqual([]);
  await context.close();
});

/** The An Phú frame re-issued by a committee under its own id and name. */
function committeeFramework(id, name) {
  const base = JSON.parse(readFileSync('domain/frameworks/hd42-anphu-2025.json', 'utf8'));
  return { updated_at: NOW, framework: { ...base, id, name, issued_by: 'Đảng ủy xã Tân Lập' } };
}

test('a committee framework nobody uses, a note and the committee pack leave markers when removed, and the deletions travel', async ({ page, browser, baseURL }) => {
  const records = seedRecords();
  records['sotay.chibo'].framework_id = 'tan-lap-2026';
  records['sotay.framework.tan-lap-2026'] = committeeFramework('tan-lap-2026', 'Khung Tân Lập 2026');
  records['sotay.framework.tan-lap-cu'] = committeeFramework('tan-lap-cu', 'Khung cũ của xã Tân Lập');
  records['sotay.committee_pack'] = {
    updated_at: NOW,
    pack: {
      format_version: 1, id: 'dang-uy-xa-tan-lap', name: 'Sổ tay của Đảng ủy xã Tân Lập', issuer: 'Đảng ủy xã Tân Lập', version: '2026.1', published: '2026-05-01',
      sections: [{ id: 'quy-dinh-cua-xa', title: 'Quy định của Đảng ủy xã', items: [{ id: 'lich-sinh-hoat', title: 'Lịch sinh hoạt chi bộ', body: 'Sinh hoạt vào mùng 3 hằng tháng.', source: { document: 'Thông báo 12-TB/ĐU', date: '2026-04-20', status: 'official' } }] }],
    },
  };
  const { a, b, context, problems, dialogsA, dialogsB } = await twoPhones({ page, browser, baseURL }, records);

  // The framework the chi bộ uses cannot be deleted; the unused one can, and comes back.
  await a.goto('#/chi-bo');
  const deleteButton = (name) => a.locator(`label.choice:has-text("${name}") + button`);
  await deleteButton('Khung Tân Lập 2026').click();
  await expect(a.getByRole('alert')).toContainText('Không xóa được khung «Khung Tân Lập 2026»: chi bộ đang dùng khung này');
  expect(dialogsA).toEqual([]);
  await deleteButton('Khung cũ của xã Tân Lập').click();
  expect(dialogsA.pop()).toContain('Xóa khung «Khung cũ của xã Tân Lập» của cấp ủy khỏi máy?');
  await expect(a.getByRole('radio', { name: /Khung cũ của xã Tân Lập/ })).toHaveCount(0);
  expect(JSON.parse((await stored(a))['sotay.deleted.framework.tan-lap-cu'])).toMatchObject({ kind: 'framework', id: 'tan-lap-cu' });
  await a.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(a.getByRole('radio', { name: /Khung cũ của xã Tân Lập/ })).toHaveCount(1);
  expect((await stored(a))['sotay.deleted.framework.tan-lap-cu']).toBeUndefined();
  await deleteButton('Khung cũ của xã Tân Lập').click();
  await expect(a.getByRole('radio', { name: /Khung cũ của xã Tân Lập/ })).toHaveCount(0);

  // The note: unbookmarked and emptied, it is removed and leaves a marker.
  await a.goto('#/so-tay/danh-dau');
  await a.locator('.mark a').click();
  const marked = a.locator('.handbook-item').filter({ has: a.getByRole('button', { name: 'Đã đánh dấu' }) });
  const item = a.locator(`[id="${await marked.getAttribute('id')}"]`);
  const note = item.getByLabel('Ghi chú của tôi');
  await expect(note).toHaveValue('Đọc lại');
  await item.getByRole('button', { name: 'Đã đánh dấu' }).click();
  await note.fill('');
  await note.blur();
  await a.goto('#/so-tay/danh-dau');
  await expect(a.locator('.mark')).toHaveCount(0);

  // The committee pack: back to the built-in one.
  await a.goto('#/so-tay/bo-noi-dung');
  await a.getByRole('button', { name: /dùng lại nội dung có sẵn/ }).click();
  await expect(a.getByText('Đã dùng lại nội dung có sẵn.')).toBeVisible();

  const storedA = await stored(a);
  for (const gone of ['sotay.framework.tan-lap-cu', 'sotay.mark.bac-ho-chi-bo-goc-re', 'sotay.committee_pack']) expect(storedA[gone], gone).toBeUndefined();
  expect(JSON.parse(storedA['sotay.deleted.mark.bac-ho-chi-bo-goc-re'])).toMatchObject({ kind: 'mark', id: 'bac-ho-chi-bo-goc-re' });
  expect(JSON.parse(storedA['sotay.deleted.committee_pack'])).toMatchObject({ kind: 'committee_pack', id: 'dang-uy-xa-tan-lap' });

  // B merges A's file: asked first, then the same three deletions; the rest as seeded.
  await choose(b, await exportBackup(a, 'phone-a-removed.json'));
  await expect(b.locator('.preview-box')).toContainText('Sẽ xóa:');
  await merge(b);
  expect(dialogsB.pop()).toContain('Gộp tệp này sẽ xóa 3 mục trên máy vì đã bị xóa trên máy khác');
  expect(await stored(b)).toEqual(storedA);
  await b.goto('#/chi-bo');
  await expect(b.getByRole('radio', { name: /Khung cũ của xã Tân Lập/ })).toHaveCount(0);
  await expect(b.getByRole('radio', { name: /Khung Tân Lập 2026/ })).toBeChecked();
  const untouched = Object.keys(seededTexts(records)).filter((key) => !['sotay.framework.tan-lap-cu', 'sotay.mark.bac-ho-chi-bo-goc-re', 'sotay.committee_pack'].includes(key));
  for (const key of untouched) expect(storedA[key], key).toBe(seededTexts(records)[key]);
  expect(problems, 'errors on phone B').toEqual([]);
  await context.close();
});
