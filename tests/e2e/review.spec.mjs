// Kiểm điểm cuối năm: a secretary with a year of records opens the year-end review, sees the
// numbers the meetings give, writes the sections, picks the level the chi bộ proposes (each
// level's conditions beside it), records the vote, reloads (all kept), finalises, prints the
// dossier (A4 PDF) and every member's page, downloads the spreadsheets (read back with
// Python's csv module, as Excel on a Vietnamese Windows would split them), and a backup
// round trip keeps the review. Screenshots at 360 px, normal and very large text.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect, openWithStorage, clippedSelects } from './fixtures.mjs';

const NOW = '2025-12-28T00:00:00Z';
const MEMBERS = ['Đặng Đức An', 'Nguyễn Thị Phương Thảo', 'Hoàng Văn Bình', 'Lê Thị Cúc', 'Trần Văn Bảy', 'Phạm Ngọc Khánh'];
const THEMATIC_MONTHS = [3, 6, 11]; // no chuyên đề in quarter III
const WITHOUT_REASON_MONTHS = [2, 5, 9]; // Nguyễn Thị Phương Thảo: three months, removal to consider
const WITH_REASON_MONTHS = [7, 8, 9, 10]; // Hoàng Văn Bình: four in a row

const heading = (page) => page.getByRole('heading', { level: 1 });
const card = (page, title) => page.locator('section.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** A year of 2025: a meeting on the 3rd of every month, members 1 and 2 absent as above,
 * member 3 given a task in January (done in February) and one in March (not done in April);
 * the superior committee scored December. */
function records() {
  const data = {
    'sotay.schema_version': 4,
    'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đông Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', place_name: 'Đông Tâm', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW },
  };
  MEMBERS.forEach((name, i) => {
    data[`sotay.member.m${i}`] = { id: `m${i}`, name, role: i ? 'dang_vien' : 'bi_thu', status: i === 5 ? 'du_bi' : 'chinh_thuc', updated_at: NOW };
  });
  for (let month = 1; month <= 12; month += 1) {
    const mm = String(month).padStart(2, '0');
    const attendance = MEMBERS.map((_, i) => ({ member_id: `m${i}`, status: 'present' }));
    if (WITHOUT_REASON_MONTHS.includes(month)) attendance[1] = { member_id: 'm1', status: 'absent_without_reason' };
    if (WITH_REASON_MONTHS.includes(month)) attendance[2] = { member_id: 'm2', status: 'absent_with_reason', reason: 'illness', reason_text: 'Ốm' };
    const thematic = THEMATIC_MONTHS.includes(month);
    const meeting = {
      id: `sh${mm}`, date: `2025-${mm}-03`, kind: thematic ? 'ket_hop' : 'thuong_ky', start_time: '19:00:00', end_time: thematic ? '21:00:00' : '20:40:00',
      place: 'Nhà văn hóa thôn', chair_id: 'm0', secretary_id: 'm3', attendance, speakers: ['m0', 'm3', 'm4'],
      previous_tasks: [{ id: `chung-${mm}`, what: 'Thu đảng phí', done: true }],
      own_sheet: { framework_id: 'hd42-anphu-2025', inputs: { '3.1': { ticked: true } } }, status: 'finalised', updated_at: NOW,
    };
    if (month === 1) meeting.next_tasks = [{ id: 'viec-1', who: 'm3', what: 'Vận động làm đường liên xóm' }];
    if (month === 2) meeting.previous_tasks.push({ id: 'viec-1', what: 'Vận động làm đường liên xóm', done: true });
    if (month === 3) meeting.next_tasks = [{ id: 'viec-3', who: 'm3', what: 'Kiểm tra vệ sinh môi trường' }];
    if (month === 4) meeting.previous_tasks.push({ id: 'viec-3', what: 'Kiểm tra vệ sinh môi trường', done: false });
    if (month === 12) meeting.superior_sheet = { framework_id: 'hd42-anphu-2025', scored_by: 'Đồng chí Tuấn', inputs: {} };
    data[`sotay.meeting.sh${mm}`] = meeting;
  }
  return data;
}

const seed = (page) => openWithStorage(page, records());

async function setTextSize(page, value, attribute) {
  await page.evaluate((size) => {
    const settings = JSON.parse(localStorage.getItem('sotay.settings') || '{}');
    localStorage.setItem('sotay.settings', JSON.stringify({ ...settings, text_size: size }));
  }, value);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', attribute);
}

/** The rows of a downloaded CSV as Python's csv module reads them (';', UTF-8 with BOM). */
function readCsv(path) {
  const script = [
    'import csv, json, sys',
    "raw = open(sys.argv[1], 'rb').read()",
    "assert raw.startswith(b'\\xef\\xbb\\xbf'), 'no byte-order mark'",
    "assert b'\\r\\n' in raw, 'no CRLF line ends'",
    "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))",
    'print(json.dumps(rows))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

async function downloadFrom(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = `target/e2e-files/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

const PDF_PAGES = (path) => (readFileSync(path, 'latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-01-10T09:00:00+07:00'));
  mkdirSync('target/e2e-files', { recursive: true });
  mkdirSync('target/screenshots', { recursive: true });
});

test('a secretary writes the year-end review from a year of records, prints it and exports the year', async ({ page }) => {
  await seed(page);
  await page.goto('#/tong-hop/2025');
  await page.getByRole('link', { name: 'Kiểm điểm cuối năm' }).click();
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2025');

  // The numbers the year's records give.
  const evidence = card(page, 'Số liệu sinh hoạt của năm');
  await expect(evidence.locator('.facts')).toContainText('12/12');
  await expect(evidence.locator('.facts')).toContainText('3/4');
  await expect(evidence.locator('.facts')).toContainText('quý III');
  await expect(evidence.locator('.tasks-line')).toContainText('hoàn thành 13/14 = 92,9%');
  const months = evidence.locator('.month-table tbody tr');
  await expect(months).toHaveCount(12);
  await expect(months.nth(8)).toContainText('03/09/2025');
  await expect(months.nth(8)).toContainText('66,7%'); // 4 of 6 present in September
  await expect(months.nth(2)).toContainText('Kết hợp chuyên đề');
  await expect(months.nth(11).locator('td').nth(3)).not.toHaveText('—'); // the superior committee's December score

  const members = card(page, 'Từng đảng viên trong năm');
  const row = (name) => members.locator('tbody tr').filter({ hasText: name });
  await expect(row('Nguyễn Thị Phương Thảo').locator('td')).toHaveText(['9/12', '0', '3', '0', '0/0', 'In trang']);
  await expect(row('Hoàng Văn Bình').locator('td').first()).toHaveText('8/12');
  await expect(row('Lê Thị Cúc').locator('td').nth(3)).toHaveText('12');
  await expect(row('Lê Thị Cúc').locator('td').nth(4)).toHaveText('1/2');
  const warnings = members.locator('.warnings li');
  await expect(warnings).toHaveCount(2);
  await expect(warnings.filter({ hasText: 'Nguyễn Thị Phương Thảo' })).toContainText('chi bộ xem xét việc xóa tên');
  await expect(warnings.filter({ hasText: 'Hoàng Văn Bình' })).toContainText('4 lần liên tiếp');
  await expect(members).toContainText('không phải quyết định');

  // Nothing is stored until the secretary writes.
  expect(await page.evaluate(() => localStorage.getItem('sotay.review.review-2025'))).toBeNull();
  const texts = {
    'Kết quả thực hiện nhiệm vụ trong năm': 'Chi bộ sinh hoạt đủ 12 kỳ; hoàn thành đường liên xóm.',
    'Hạn chế, khuyết điểm và nguyên nhân': 'Quý III chưa sinh hoạt chuyên đề.\nMột đồng chí vắng không lý do ba tháng.',
    'Kết quả khắc phục hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước': 'Đã khắc phục việc đưa tài liệu muộn.',
    'Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm trong năm tới': 'Lập kế hoạch chuyên đề cả năm từ tháng 1.',
  };
  for (const [title, text] of Object.entries(texts)) await page.getByLabel(title, { exact: true }).fill(text);

  // The level: the chi bộ's choice, each with its conditions beside it.
  const levels = page.locator('.level-choice');
  await expect(levels).toHaveCount(4);
  await expect(levels.filter({ hasText: 'Hoàn thành xuất sắc nhiệm vụ' })).toContainText('Đạt từ 90 điểm trở lên');
  await expect(levels.filter({ hasText: 'Hoàn thành tốt nhiệm vụ' })).toContainText('Đạt từ 70 đến dưới 90 điểm');
  await expect(levels.filter({ hasText: 'Không hoàn thành nhiệm vụ' })).toContainText('Dưới 50 điểm');
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0); // never computed
  await page.getByRole('radio', { name: /^Hoàn thành tốt nhiệm vụ/ }).check();

  // The vote: five full members (the probationary member does not vote).
  const vote = card(page, 'Biểu quyết mức đề nghị');
  await expect(vote).toContainText('Số đảng viên chính thức có quyền biểu quyết: 5.');
  await vote.getByLabel('Ngày họp kiểm điểm').fill('2025-12-20');
  await expect(vote).toContainText('Thứ Bảy, 20/12/2025');
  await vote.getByLabel('Tán thành', { exact: true }).fill('6');
  await expect(vote.getByRole('alert')).toContainText('Tổng số biểu quyết (6) nhiều hơn số đảng viên chính thức của chi bộ (5).');
  await vote.getByLabel('Tán thành', { exact: true }).fill('5');
  await expect(vote.getByRole('alert')).toHaveCount(0);

  // A closed tab, a dropped phone: everything is kept.
  await page.reload();
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2025');
  for (const [title, text] of Object.entries(texts)) await expect(page.getByLabel(title, { exact: true })).toHaveValue(text);
  await expect(page.getByRole('radio', { name: /^Hoàn thành tốt nhiệm vụ/ })).toBeChecked();
  await expect(vote.getByLabel('Tán thành', { exact: true })).toHaveValue('5');
  await expect(vote.getByLabel('Ngày họp kiểm điểm')).toHaveValue('2025-12-20');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('sotay.review.review-2025')));
  expect(stored).toMatchObject({ id: 'review-2025', year: 2025, template_id: 'qd366-mau01-tom-tat', proposed_level: 'hoan_thanh_tot', vote: { for: 5, against: 0, abstain: 0 }, reviewed_on: '2025-12-20' });

  // Screenshots of the screen at 360 px, normal and very large text; the page never scrolls
  // sideways (wide tables scroll inside their own box).
  const sidewaysAt = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(await sidewaysAt(), 'the page does not scroll sideways').toBe(false);
  await page.screenshot({ path: 'target/screenshots/review-normal.png', fullPage: true });
  await setTextSize(page, 'extra_large', 'xlarge');
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2025');
  await expect(page.getByRole('radio', { name: /^Hoàn thành tốt nhiệm vụ/ })).toBeChecked();
  await page.screenshot({ path: 'target/screenshots/review-xlarge.png', fullPage: true });
  expect(await sidewaysAt(), 'the page does not scroll sideways at very large text').toBe(false);
  expect(await clippedSelects(page), 'no choice cut at very large text').toEqual([]);
  await setTextSize(page, 'normal', 'normal');

  // Finalise; the texts become a record; reopen works.
  await page.getByRole('button', { name: 'Hoàn tất bản kiểm điểm' }).click();
  await expect(page.getByText('Bản kiểm điểm đã hoàn tất.')).toBeVisible();
  await expect(page.getByLabel('Hạn chế, khuyết điểm và nguyên nhân', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /^Hoàn thành tốt nhiệm vụ/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Mở lại để sửa' }).click();
  await expect(page.getByLabel('Hạn chế, khuyết điểm và nguyên nhân', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Hoàn tất bản kiểm điểm' }).click();
  await expect(page.getByText('Bản kiểm điểm đã hoàn tất.')).toBeVisible();

  // The dossier as an A4 document.
  await page.getByRole('link', { name: 'In báo cáo kiểm điểm' }).click();
  const dossier = page.locator('article.dossier');
  await expect(dossier).toContainText('BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI BỘ');
  await expect(dossier.locator('.doc-place-date')).toHaveText('Đông Tâm, ngày 20 tháng 12 năm 2025');
  await expect(dossier.locator('.doc-org')).toContainText('Chi bộ thôn Đông Tâm');
  await expect(dossier).toContainText('Quý III chưa sinh hoạt chuyên đề.');
  await expect(dossier).toContainText('Mức đề nghị: Hoàn thành tốt nhiệm vụ');
  await expect(dossier).toContainText('5/5 tán thành');
  await expect(dossier.locator('.signed-name')).toHaveText('Đặng Đức An');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.no-print').first()).toBeHidden();
  await page.screenshot({ path: 'target/screenshots/review-dossier-print.png', fullPage: true });
  await page.pdf({ path: 'target/e2e-files/kiem-diem-2025.pdf', format: 'A4', printBackground: true });
  expect(PDF_PAGES('target/e2e-files/kiem-diem-2025.pdf')).toBeGreaterThanOrEqual(2);
  await page.emulateMedia({ media: 'screen' });

  // Every member's page, one page each.
  await page.goto('#/kiem-diem/2025');
  await page.getByRole('link', { name: 'In trang của từng đảng viên' }).click();
  const pages = page.locator('article.member-page');
  await expect(pages).toHaveCount(6);
  const thao = pages.filter({ hasText: 'Nguyễn Thị Phương Thảo' });
  await expect(thao).toContainText('Vắng không lý do: 3 (ngày 03/02/2025, 03/05/2025, 03/09/2025)');
  await expect(thao).toContainText('chi bộ xem xét việc xóa tên');
  const cuc = pages.filter({ hasText: 'Lê Thị Cúc' });
  await expect(cuc).toContainText('2 nhiệm vụ, đã hoàn thành 1');
  await expect(cuc).toContainText('Kiểm tra vệ sinh môi trường (giao ngày 03/03/2025): chưa hoàn thành');
  await expect(cuc).toContainText('Số buổi có phát biểu ý kiến: 12');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'target/e2e-files/kiem-diem-2025-dang-vien.pdf', format: 'A4', printBackground: true });
  expect(PDF_PAGES('target/e2e-files/kiem-diem-2025-dang-vien.pdf')).toBe(6);
  await page.screenshot({ path: 'target/screenshots/review-members-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // One member's page alone, from the review's table.
  await page.goto('#/kiem-diem/2025');
  await card(page, 'Từng đảng viên trong năm').locator('tbody tr').filter({ hasText: 'Hoàng Văn Bình' }).getByRole('link', { name: 'In trang' }).click();
  await expect(pages).toHaveCount(1);
  await expect(pages).toContainText('Vắng có lý do: 4 (ngày 03/07/2025, 03/08/2025, 03/09/2025, 03/10/2025)');

  // The spreadsheets, read back as Excel on a Vietnamese Windows splits them.
  await page.goto('#/kiem-diem/2025');
  const summary = await downloadFrom(page, 'Tải bảng tổng hợp năm (Excel)');
  expect(summary.name).toBe('chi-bo-thon-dong-tam_tong-hop-nam-2025.csv');
  const summaryRows = readCsv(summary.path);
  expect(summaryRows[0]).toEqual(['Tháng', 'Ngày', 'Loại buổi', 'Biên bản', 'Có mặt', 'Phải dự', 'Tỷ lệ dự (%)', 'Điểm chi bộ tự chấm', 'Xếp loại chi bộ tự chấm', 'Điểm cấp trên chấm', 'Xếp loại cấp trên chấm']);
  expect(summaryRows).toHaveLength(14); // header, 12 months, the average
  expect(summaryRows[9].slice(0, 7)).toEqual(['9', '03/09/2025', 'Sinh hoạt thường kỳ', 'Đã hoàn thành', '4', '6', '66,7']);
  expect(summaryRows[13][0]).toBe('Bình quân');
  const attendance = await downloadFrom(page, 'Tải bảng điểm danh đảng viên (Excel)');
  expect(attendance.name).toBe('chi-bo-thon-dong-tam_diem-danh-dang-vien-nam-2025.csv');
  const attendanceRows = readCsv(attendance.path);
  expect(attendanceRows).toHaveLength(7);
  const thaoRow = attendanceRows.find((r) => r[0] === 'Nguyễn Thị Phương Thảo');
  expect(thaoRow.slice(0, 9)).toEqual(['Nguyễn Thị Phương Thảo', 'Đảng viên', '12', '9', '0', '3', '0', '0', '75']);
  expect(thaoRow[12]).toContain('xóa tên');

  // A backup round trip keeps the review.
  await page.goto('#/du-lieu');
  const backup = await downloadFrom(page, 'Tải tệp sao lưu toàn bộ');
  const file = JSON.parse(readFileSync(backup.path, 'utf8'));
  expect(file.format_version).toBe(4);
  expect(file.data.reviews).toHaveLength(1);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('.chi-bo-name')).toHaveText('Chưa thiết lập chi bộ');
  await page.goto('#/du-lieu');
  await page.locator('section.card').filter({ hasText: 'Khôi phục hoặc gộp từ tệp' }).locator('input[type=file]').setInputFiles(backup.path);
  await expect(page.getByRole('heading', { name: 'Xem trước' })).toBeVisible();
  await expect(page.getByText(/bản kiểm điểm cuối năm/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' }).click();
  await expect(page.getByText('Đã gộp dữ liệu từ tệp.')).toBeVisible();
  await page.goto('#/kiem-diem/2025');
  await expect(page.getByText('Bản kiểm điểm đã hoàn tất.')).toBeVisible();
  await expect(page.locator('.review-section').filter({ hasText: 'Hạn chế, khuyết điểm và nguyên nhân' })).toContainText('Quý III chưa sinh hoạt chuyên đề.');
  await expect(page.getByRole('radio', { name: /^Hoàn thành tốt nhiệm vụ/ })).toBeChecked();
});

test('a draft review is deleted with confirmation, leaves its marker, and comes back with Hoàn tác', async ({ page }) => {
  await seed(page);
  await page.goto('#/kiem-diem/2025');
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2025');
  const remove = page.getByRole('button', { name: 'Xóa bản kiểm điểm này' });
  // Nothing stored yet: nothing to delete.
  await expect(remove).toHaveCount(0);
  const results = 'Kết quả thực hiện nhiệm vụ trong năm';
  await page.getByLabel(results, { exact: true }).fill('Chi bộ sinh hoạt đủ 12 kỳ.');
  await expect(remove).toBeVisible();
  const stored = (key) => page.evaluate((k) => localStorage.getItem(k), key);

  // A dismissed confirmation deletes nothing.
  page.once('dialog', (dialog) => dialog.dismiss());
  await remove.click();
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2025');
  expect(await stored('sotay.review.review-2025')).not.toBeNull();

  let question = '';
  page.once('dialog', (dialog) => { question = dialog.message(); dialog.accept(); });
  await remove.click();
  expect(question).toBe('Xóa bản kiểm điểm năm 2025 đang soạn? Ngay sau khi xóa vẫn có thể hoàn tác.');
  await expect(heading(page)).toHaveText('Tổng hợp năm 2025');
  expect(await stored('sotay.review.review-2025')).toBeNull();
  expect(JSON.parse(await stored('sotay.deleted.review.review-2025'))).toMatchObject({ kind: 'review', id: 'review-2025' });

  await page.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(heading(page)).toHaveText('Kiểm điểm cuối năm 2025');
  await expect(page.getByLabel(results, { exact: true })).toHaveValue('Chi bộ sinh hoạt đủ 12 kỳ.');
  expect(await stored('sotay.deleted.review.review-2025')).toBeNull();
});

test("a committee's dossier template file is validated, previewed, then used; the texts written stay", async ({ page }) => {
  await seed(page);
  await page.goto('#/kiem-diem/2025');
  await page.getByLabel('Hạn chế, khuyết điểm và nguyên nhân', { exact: true }).fill('Còn vắng không lý do.');
  const base = JSON.parse(readFileSync('domain/templates/qd366-mau01-tom-tat.json', 'utf8'));
  const loader = page.locator('.framework-file');

  // A broken file: every problem named, nothing stored.
  const broken = { ...base, id: 'mau-xa-tan-lap', sections: [base.sections[0], { ...base.sections[1], id: base.sections[0].id }], levels: base.levels.slice(0, 3) };
  await loader.locator('input[type=file]').setInputFiles({ name: 'mau-loi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(loader.getByRole('alert')).toContainText('Có hai đề mục cùng mã "ket_qua".');
  await expect(loader.getByRole('alert')).toContainText('thiếu mức "Không hoàn thành nhiệm vụ"');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sotay.dossier_template.')))).toEqual([]);

  // A good one: previewed with its basis and headings, used on the user's word.
  const own = {
    ...base, id: 'mau-xa-tan-lap', name: 'Mẫu báo cáo kiểm điểm của Đảng ủy xã Tân Lập', issued_by: 'Đảng ủy xã Tân Lập', wording_status: 'secondary',
    sections: [base.sections[0], base.sections[1], { id: 'dang_vien_moi', heading: 'Công tác phát triển đảng viên' }],
  };
  await loader.locator('input[type=file]').setInputFiles({ name: 'mau.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
  await expect(loader.locator('.preview-box')).toContainText('Ban hành: Đảng ủy xã Tân Lập');
  await expect(loader.locator('.preview-box')).toContainText('Công tác phát triển đảng viên');
  await loader.getByRole('button', { name: 'Dùng mẫu này' }).click();
  await expect(page.getByText('Đã nạp mẫu «Mẫu báo cáo kiểm điểm của Đảng ủy xã Tân Lập».')).toBeVisible();
  await expect(page.getByLabel('Công tác phát triển đảng viên', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Hạn chế, khuyết điểm và nguyên nhân', { exact: true })).toHaveValue('Còn vắng không lý do.');
  await page.reload();
  await expect(page.locator('details.provenance summary')).toContainText('Mẫu báo cáo kiểm điểm của Đảng ủy xã Tân Lập');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sotay.dossier_template.')))).toEqual(['sotay.dossier_template.mau-xa-tan-lap']);

  // The wrong template after all: deleted, the review goes back to the built-in one and keeps
  // what was written under the template's own section; Hoàn tác brings both back.
  const ownSection = page.getByLabel('Công tác phát triển đảng viên', { exact: true });
  await ownSection.fill('Kết nạp 2 đảng viên.');
  await page.locator('section.card', { has: page.locator('details.provenance') }).screenshot({ path: 'target/screenshots/review-template-card.png' });
  let question = '';
  page.once('dialog', (dialog) => { question = dialog.message(); dialog.accept(); });
  await page.getByRole('button', { name: 'Xóa mẫu này khỏi máy, dùng mẫu có sẵn' }).click();
  await expect(page.locator('details.provenance summary')).toContainText(base.name);
  expect(question).toContain('Xóa mẫu «Mẫu báo cáo kiểm điểm của Đảng ủy xã Tân Lập» khỏi máy');
  await expect(ownSection).toHaveCount(0);
  await expect(page.locator('main')).toContainText('Kết nạp 2 đảng viên.');
  const stored = () => page.evaluate(() => ({
    template: localStorage.getItem('sotay.dossier_template.mau-xa-tan-lap'),
    marker: JSON.parse(localStorage.getItem('sotay.deleted.dossier_template.mau-xa-tan-lap') || 'null'),
    review: JSON.parse(localStorage.getItem('sotay.review.review-2025')).template_id,
  }));
  expect(await stored()).toMatchObject({ template: null, marker: { kind: 'dossier_template', id: 'mau-xa-tan-lap' }, review: base.id });
  // Undone from another screen (the toast outlives the review's screen).
  await page.goto('#/tong-hop/2025');
  await expect(heading(page)).toHaveText('Tổng hợp năm 2025');
  await page.locator('.toast').getByRole('button', { name: 'Hoàn tác' }).click();
  await page.goto('#/kiem-diem/2025');
  await expect(page.locator('details.provenance summary')).toContainText('Mẫu báo cáo kiểm điểm của Đảng ủy xã Tân Lập');
  await expect(ownSection).toHaveValue('Kết nạp 2 đảng viên.');
  expect(await stored()).toMatchObject({ marker: null, review: 'mau-xa-tan-lap' });
});
