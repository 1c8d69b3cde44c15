// A new chi bộ secretary's first month, as they would do it on the phone.
import { test, expect, openApp } from './fixtures.mjs';

const MEMBERS = [
  'Nguyễn Văn An', 'Trần Văn Bảy', 'Lê Thị Cúc', 'Phạm Văn Dũng', 'Hoàng Thị Én', 'Vũ Văn Giang',
  'Đặng Thị Hoa', 'Bùi Văn Khánh', 'Đỗ Thị Lan', 'Ngô Văn Minh', 'Dương Thị Nga', 'Lý Văn Phúc',
];
const BI_THU = MEMBERS[0];
const EXEMPT = MEMBERS[1];
const ABSENT_WITH_REASON = MEMBERS[10];
const ABSENT_WITHOUT_REASON = MEMBERS[11];
const SPEAKERS = MEMBERS.slice(2, 8);

const heading = (page) => page.getByRole('heading', { level: 1 });
const nav = (page) => page.getByRole('navigation', { name: 'Chuyển màn hình' });
const section = (page, title) => page.locator('section.card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test.beforeEach(async ({ page }) => {
  // 20/5/2026 in Vietnam: the chi bộ meets on the 3rd.
  await page.clock.setFixedTime(new Date('2026-05-20T09:00:00+07:00'));
});

async function createChiBo(page) {
  await openApp(page);
  await page.getByRole('link', { name: 'Thiết lập chi bộ' }).click();
  await expect(heading(page)).toHaveText('Thiết lập chi bộ');
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(page.getByText('Hãy nhập tên chi bộ.')).toBeVisible();
  await page.getByLabel('Tên chi bộ').fill('Chi bộ thôn Đồng Tâm');
  await page.getByLabel('Đảng ủy cấp trên').fill('Đảng ủy xã Tân Lập');
  await page.getByLabel('Ngày sinh hoạt hằng tháng').fill('3');
  await page.getByRole('radio', { name: /Khối tỉnh Bình Thuận Căn cứ/ }).check();
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await expect(page.locator('.chi-bo-name')).toHaveText('Chi bộ thôn Đồng Tâm');
  await page.getByRole('link', { name: 'Tiếp theo: nhập danh sách đảng viên' }).click();
}

async function addMembers(page) {
  await expect(heading(page)).toHaveText('Danh sách đảng viên');
  await page.getByRole('link', { name: 'Thêm đảng viên' }).click();
  for (const [index, name] of MEMBERS.entries()) {
    await page.getByLabel('Họ và tên').fill(name);
    if (name === BI_THU) await page.getByRole('radio', { name: 'Bí thư', exact: true }).check();
    if (name === EXEMPT) {
      await page.getByRole('button', { name: 'Thêm thời gian miễn' }).click();
      await page.getByLabel('Lý do miễn').fill('Tuổi cao, sức yếu');
      await page.getByLabel('Từ ngày').fill('2025-01-01');
    }
    const last = index === MEMBERS.length - 1;
    await page.getByRole('button', { name: last ? 'Lưu' : 'Lưu và thêm người khác', exact: true }).click();
    if (!last) await expect(page.getByText(`Đã lưu. ${name}`)).toBeVisible();
  }
  await expect(heading(page)).toHaveText('Danh sách đảng viên');
  await expect(page.getByText('12 đảng viên đang sinh hoạt')).toBeVisible();
  await expect(page.locator('.member-row').filter({ hasText: EXEMPT })).toContainText('đang miễn sinh hoạt');
}

const rollRow = (page, name) => page.locator('li.roll-row').filter({ hasText: name });

async function recordApril(page) {
  await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
  await page.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await expect(heading(page)).toHaveText('Sinh hoạt thường kỳ 03/05/2026');
  // This is last month's meeting being entered late.
  await page.getByLabel('Ngày sinh hoạt').fill('2026-04-03');
  await expect(heading(page)).toHaveText('Sinh hoạt thường kỳ 03/04/2026');
  await page.getByLabel('Giờ bắt đầu').fill('19:00');
  await page.getByLabel('Giờ kết thúc').fill('18:30');
  await expect(page.getByText('Giờ kết thúc phải sau giờ bắt đầu.')).toBeVisible();
  await page.getByLabel('Giờ kết thúc').fill('20:45');
  await expect(page.getByText('Giờ kết thúc phải sau giờ bắt đầu.')).toHaveCount(0);
  await expect(page.getByText('Thời lượng: 105 phút')).toBeVisible();
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
  await expect(page.getByRole('combobox', { name: 'Chủ trì' })).toHaveValue(/.+/);
  await page.getByRole('combobox', { name: 'Thư ký' }).selectOption({ label: 'Đỗ Thị Lan' });

  await expect(rollRow(page, EXEMPT).getByRole('button', { name: 'Miễn' })).toHaveAttribute('aria-pressed', 'true');
  for (const name of MEMBERS.slice(0, 10).filter((n) => n !== EXEMPT)) {
    await rollRow(page, name).getByRole('button', { name: 'Có mặt' }).click();
  }
  await rollRow(page, ABSENT_WITH_REASON).getByRole('button', { name: 'Vắng có lý do' }).click();
  await rollRow(page, ABSENT_WITH_REASON).getByRole('combobox', { name: 'Lý do' }).selectOption({ label: 'Việc gia đình' });
  await rollRow(page, ABSENT_WITHOUT_REASON).getByRole('button', { name: 'Vắng không lý do' }).click();
  const counts = section(page, 'Điểm danh').locator('.counts');
  await expect(counts).toContainText('Có mặt: 9/11 (81,8%)');
  await expect(counts).toContainText('Vắng có lý do: 1');
  await expect(counts).toContainText('Vắng không lý do: 1');
  await expect(counts).toContainText('Miễn: 1');

  // A dropped phone, a closed tab: the draft is still there.
  await page.reload();
  await expect(heading(page)).toHaveText('Sinh hoạt thường kỳ 03/04/2026');
  await expect(section(page, 'Điểm danh').locator('.counts')).toContainText('Có mặt: 9/11 (81,8%)');
  await expect(page.getByLabel('Giờ kết thúc')).toHaveValue('20:45');

  for (const box of await section(page, 'Trình tự sinh hoạt').getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Thêm nhiệm vụ kỳ trước' }).click();
  await section(page, 'Kiểm điểm nhiệm vụ tháng trước').getByLabel('Nội dung nhiệm vụ').fill('Thu đảng phí quý I');
  await section(page, 'Kiểm điểm nhiệm vụ tháng trước').getByRole('checkbox', { name: 'Đã xong' }).check();
  for (const name of SPEAKERS) await section(page, 'Đảng viên phát biểu').getByRole('checkbox', { name }).check();
  await expect(section(page, 'Đảng viên phát biểu').locator('.counts')).toHaveText('6/9 đã phát biểu');

  await page.getByRole('button', { name: 'Thêm nhiệm vụ', exact: true }).click();
  const next = section(page, 'Nhiệm vụ tháng tới');
  await next.getByLabel('Nội dung nhiệm vụ').fill('Vận động bà con làm đường liên thôn');
  await next.getByLabel('Người thực hiện').fill('Lê Thị Cúc');
  await next.getByLabel('Thời hạn').fill('2026-04-30');
  await page.getByLabel('Nghị quyết / kết luận').fill('Chi bộ thống nhất tập trung vận động làm đường liên thôn trong tháng 4.');
  await page.getByLabel('Tán thành', { exact: true }).fill('9');

  const sheet = page.locator('section.score-sheet');
  for (const box of await sheet.getByRole('checkbox').all()) await box.check();
  const total = sheet.locator('.sheet-total');
  await expect(total).toContainText('97/100');
  await expect(total.locator('.rating')).toHaveText('Khá');
  // The absence without reason is what cost the Tốt rating, and the sheet says so.
  await expect(total).toContainText('nhưng chưa đạt điểm tối đa ở');
  await expect(total).toContainText('Tỷ lệ đảng viên dự sinh hoạt');
  await expect(total).toContainText('→ Khá');
  const attendance = sheet.locator('li.criterion').filter({ hasText: 'Tỷ lệ đảng viên dự sinh hoạt' });
  await expect(attendance).toContainText('vắng không lý do');
  await expect(attendance).toContainText(ABSENT_WITHOUT_REASON);
  await expect(attendance.locator('.points')).toHaveText('2/5');

  await page.getByRole('button', { name: 'Hoàn tất' }).click();
  await expect(page.getByRole('button', { name: 'Mở lại để sửa' })).toBeVisible();
  // Finalised, it reads as a record: no form fields left to change by mistake.
  await expect(page.getByLabel('Địa điểm')).toHaveCount(0);
  await expect(page.locator('.record-documents .minutes')).toContainText('Nhà văn hóa thôn');
}

test('a new secretary sets up the chi bộ, records a meeting, scores it and finds it again', async ({ page }) => {
  test.setTimeout(120_000);
  await createChiBo(page);
  await addMembers(page);
  await recordApril(page);

  // History.
  await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
  const april = page.locator('.meeting-row').filter({ hasText: '03/04/2026' });
  await expect(april).toContainText('97 điểm · Khá');
  await expect(april).toContainText('Đã hoàn tất');

  // Year summary.
  await page.getByRole('link', { name: 'Tổng hợp năm 2026' }).click();
  await expect(heading(page)).toHaveText('Tổng hợp năm 2026');
  await expect(page.locator('.facts')).toContainText('1/12');
  await expect(page.locator('.rating-counts li').filter({ hasText: 'Khá' })).toContainText('1');
  await expect(page.locator('.chart .bar')).toHaveCount(1);
  await expect(page.locator('.attendance-table tbody tr')).toHaveCount(12);
  await expect(page.locator('.attendance-table tbody tr').filter({ hasText: ABSENT_WITHOUT_REASON })).toContainText('0%');

  // The next meeting starts from last month's tasks.
  await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
  await page.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await expect(heading(page)).toHaveText('Sinh hoạt thường kỳ 03/05/2026');
  await expect(section(page, 'Kiểm điểm nhiệm vụ tháng trước').getByLabel('Nội dung nhiệm vụ'))
    .toHaveValue('Vận động bà con làm đường liên thôn — Lê Thị Cúc (hạn 30/04/2026)');
  await expect(page.getByLabel('Địa điểm')).toHaveValue('Nhà văn hóa thôn');

  // Deleting asks first, and can be undone.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Xóa buổi sinh hoạt' }).click();
  await expect(heading(page)).toHaveText('Sinh hoạt chi bộ');
  await expect(page.locator('.meeting-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(heading(page)).toHaveText('Sinh hoạt thường kỳ 03/05/2026');
  await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
  await expect(page.locator('.meeting-row')).toHaveCount(2);

  // Printing: the minutes and the score sheet as A4 documents.
  await page.locator('.meeting-row').filter({ hasText: '03/04/2026' }).click();
  await page.getByRole('link', { name: 'In biên bản và phiếu chấm' }).click();
  await expect(page.getByRole('heading', { name: 'BIÊN BẢN SINH HOẠT CHI BỘ' })).toBeVisible();
  await expect(page.locator('.minutes')).toContainText(`Vắng không lý do: ${ABSENT_WITHOUT_REASON}.`);
  await expect(page.locator('.minutes')).toContainText(`Chủ trì: ${BI_THU}. Thư ký: Đỗ Thị Lan.`);
  await expect(page.locator('.minutes')).toContainText('Có mặt: 9 (81,8%)');
  await expect(page.locator('.minutes')).toContainText('Vận động bà con làm đường liên thôn');
  await expect(page.locator('.sheet-document .total-row')).toContainText('97 — Khá');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app .bottom-nav')).toBeHidden();
  await expect(page.locator('.no-print').first()).toBeHidden();
  await page.locator('.minutes').screenshot({ path: 'target/screenshots/print-minutes.png' });
  await page.locator('.sheet-document').screenshot({ path: 'target/screenshots/print-score-sheet.png' });
  await page.pdf({ path: 'target/screenshots/meeting.pdf', format: 'A4', printBackground: true });
});
