// Preparing a meeting at 360 px: the plan made from Trang chủ, the notice sent through the
// share sheet (stubbed: what it is given is recorded, the .ics is parsed), the documents sent
// and printed, the meeting record opened from the plan, and the An Phú sheet's group 3 scored
// from what the plan holds, each criterion explained. Normal and "Rất lớn" text; screenshots
// to target/screenshots/ (looked at by hand).
import { test, expect, openApp, setTextSize, tableProblems } from './fixtures.mjs';

const NOW = '2026-04-20T00:00:00Z';
// The secretary plans on Friday 1 May 2026, 09:00 in Vietnam: the meeting is on the 3rd.
const TODAY = new Date('2026-05-01T09:00:00+07:00');
const NAMES = ['Đặng Đức An', 'Nguyễn Thị Phương Thảo', 'Hoàng Văn Bình', 'Lê Thị Cúc', 'Trần Văn Bảy', 'Phạm Ngọc Khánh'];
const ROLES = ['bi_thu', 'pho_bi_thu', 'chi_uy_vien', 'dang_vien', 'dang_vien', 'dang_vien'];

function records() {
  const data = {
    'sotay.schema_version': 4,
    'sotay.chibo': {
      id: 'cb', name: 'Chi bộ thôn Đông Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', place_name: 'Đông Tâm',
      usual_meeting_day: 3, framework_id: 'hd42-anphu-2025-v2', updated_at: NOW,
    },
  };
  NAMES.forEach((name, i) => {
    data[`sotay.member.m${i}`] = { id: `m${i}`, name, role: ROLES[i], status: 'chinh_thuc', updated_at: NOW };
  });
  data['sotay.meeting.sh4'] = {
    id: 'sh4', date: '2026-04-03', kind: 'thuong_ky', start_time: '19:00:00', end_time: '21:00:00', place: 'Nhà văn hóa thôn',
    chair_id: 'm0', secretary_id: 'm3', attendance: NAMES.map((_, i) => ({ member_id: `m${i}`, status: 'present' })),
    next_tasks: [{ id: 't1', what: 'Sửa đường liên thôn', who: 'Đồng chí Bình' }],
    resolution: 'Sửa đường liên thôn trước mùa mưa', own_sheet: { framework_id: 'hd42-anphu-2025-v2', inputs: {} }, status: 'finalised', updated_at: NOW,
  };
  return data;
}

/** The share sheet, stubbed: every share is recorded (files read as text) and succeeds. */
function stubShareSheet() {
  window.__shared = [];
  navigator.canShare = (data) => !data.files || data.files.every((file) => file.name.endsWith('.ics') || file.name.endsWith('.txt'));
  navigator.share = async (data) => {
    const files = await Promise.all((data.files || []).map(async (file) => ({ name: file.name, type: file.type, text: await file.text() })));
    window.__shared.push({ title: data.title, text: data.text, files });
  };
}

/** RFC 5545 content lines: unfolded, split at CRLF, as NAME(;PARAMS):VALUE. */
function parseIcs(text) {
  expect(text.includes('\r\n'), 'lines end with CRLF').toBe(true);
  const physical = text.split('\r\n');
  for (const line of physical) expect(new TextEncoder().encode(line).length, `folded at 75 octets: ${line}`).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  return lines.map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon), value: line.slice(colon + 1) };
  });
}

async function seed(page) {
  await page.clock.setFixedTime(TODAY);
  await page.addInitScript(stubShareSheet);
  await openApp(page);
  await page.evaluate((data) => {
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, records());
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}

const shared = (page) => page.evaluate(() => window.__shared);

for (const size of ['normal', 'xlarge']) {
  test(`a meeting prepared, announced and documented from the phone; group 3 scored from it (${size} text)`, async ({ page }) => {
    await seed(page);
    if (size !== 'normal') await setTextSize(page, size);

    await page.getByRole('button', { name: 'Chuẩn bị buổi sinh hoạt tới' }).click();
    await expect(page.locator('main h1')).toHaveText('Chuẩn bị sinh hoạt 03/05/2026');
    // The content starts from the order of business and the task carried from April.
    const content = page.locator('.plan-content textarea');
    expect(await content.count()).toBeGreaterThan(3);
    await expect(page.locator('.plan-content')).toContainText('Nhiệm vụ của nghị quyết kỳ trước');
    expect(await content.evaluateAll((areas) => areas.map((a) => a.value).join('\n'))).toContain('Sửa đường liên thôn');

    await page.getByLabel('Bắt đầu').fill('19:30');
    await page.getByLabel('Kết thúc').fill('21:00');
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn Đông Tâm');
    await page.getByLabel('Đề cương gợi ý thảo luận').fill('1. Tiến độ sửa đường liên thôn; nguyên nhân chậm.\n2. Phân công vận động hộ dân góp công.');
    await page.getByLabel('Dự thảo nghị quyết (kết luận)').fill('Hoàn thành sửa đường trước 30/5; mỗi đảng viên vận động 5 hộ.');
    await page.getByRole('radio', { name: 'Chi ủy họp chuẩn bị' }).check();
    await expect(page.getByRole('checkbox', { name: /Đặng Đức An/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /Lê Thị Cúc/ })).not.toBeChecked();
    await page.getByLabel('Biên bản tóm tắt cuộc họp chi ủy').fill('Chi ủy thống nhất nội dung, phân công đồng chí Bình chuẩn bị báo cáo.');
    await expect(page.locator('.notice-preview')).toContainText('Thời gian: 19:30 – 21:00, Chủ nhật ngày 03/05/2026.');
    await page.screenshot({ path: `target/screenshots/plan-${size}.png`, fullPage: true });

    // The notice, with its calendar file.
    await page.getByRole('button', { name: 'Gửi thông báo', exact: true }).click();
    await expect(page.locator('.sending-row').nth(0)).toContainText('Đã gửi lúc 09:00 ngày 01/05/2026 (đã chia sẻ từ điện thoại)');
    let sent = await shared(page);
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain('Chi bộ thôn Đông Tâm thông báo: Sinh hoạt thường kỳ tháng 5/2026.');
    expect(sent[0].text).toContain('Địa điểm: Nhà văn hóa thôn Đông Tâm.');
    expect(sent[0].text).toContain('Đề nghị các đồng chí đọc trước: đề cương gợi ý thảo luận; dự thảo nghị quyết, kết luận.');
    expect(sent[0].files).toHaveLength(1);
    expect(sent[0].files[0].name).toBe('sinh-hoat-2026-05-03.ics');
    const ics = parseIcs(sent[0].files[0].text);
    // The event's own lines (the time zone block before it has a DTSTART of its own).
    const event = ics.slice(ics.findIndex((line) => line.name === 'BEGIN' && line.value === 'VEVENT'));
    const value = (name) => event.find((line) => line.name === name || line.name.startsWith(`${name};`));
    expect(ics[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(value('DTSTART')).toEqual({ name: 'DTSTART;TZID=Asia/Ho_Chi_Minh', value: '20260503T193000' });
    expect(value('DTEND')).toEqual({ name: 'DTEND;TZID=Asia/Ho_Chi_Minh', value: '20260503T210000' });
    expect(ics.some((line) => line.name === 'TZID' && line.value === 'Asia/Ho_Chi_Minh'), 'the time zone is defined').toBe(true);
    expect(value('SUMMARY').value).toContain('Sinh hoạt thường kỳ tháng 5/2026');
    expect(value('LOCATION').value).toBe('Nhà văn hóa thôn Đông Tâm');
    expect(ics.filter((line) => line.name === 'BEGIN' && line.value === 'VALARM').length).toBeGreaterThan(0);
    expect(ics.at(-1)).toEqual({ name: 'END', value: 'VCALENDAR' });

    await page.getByRole('button', { name: 'Gửi cho đồng chí phụ trách' }).click();
    await expect(page.locator('.sending-row').nth(1)).toContainText('Đã gửi lúc 09:00 ngày 01/05/2026');
    // The documents, as text and as a file.
    await page.getByRole('button', { name: 'Gửi tài liệu', exact: true }).click();
    await expect(page.locator('.sending-row').nth(2)).toContainText('Đã gửi lúc 09:00 ngày 01/05/2026');
    sent = await shared(page);
    expect(sent).toHaveLength(3);
    expect(sent[2].text).toContain('ĐỀ CƯƠNG GỢI Ý THẢO LUẬN\n1. Tiến độ sửa đường liên thôn; nguyên nhân chậm.');
    expect(sent[2].text).toContain('DỰ THẢO NGHỊ QUYẾT (KẾT LUẬN)\nHoàn thành sửa đường trước 30/5');
    expect(sent[2].files[0].name).toBe('tai-lieu-sinh-hoat-2026-05-03.txt');

    // The printable documents.
    await page.getByRole('link', { name: 'In tài liệu (A4)' }).click();
    await expect(page.locator('.document')).toContainText('TÀI LIỆU SINH HOẠT CHI BỘ');
    await expect(page.locator('.document')).toContainText('Phân công vận động hộ dân góp công.');
    await page.screenshot({ path: `target/screenshots/plan-print-${size}.png`, fullPage: true });
    await page.getByRole('link', { name: 'Về kế hoạch' }).click();

    // The meeting record starts from the plan.
    await page.getByRole('button', { name: 'Ghi biên bản buổi sinh hoạt từ kế hoạch' }).click();
    await expect(page.locator('main h1')).toHaveText('Sinh hoạt thường kỳ 03/05/2026');
    await expect(page.getByRole('link', { name: 'Kế hoạch chuẩn bị buổi này' })).toBeVisible();
    await expect(page.getByLabel('Địa điểm', { exact: true })).toHaveValue('Nhà văn hóa thôn Đông Tâm');
    const texts = await page.locator('textarea').evaluateAll((areas) => areas.map((area) => area.value));
    expect(texts, 'the draft resolution, to be edited into the resolution').toContain('Hoàn thành sửa đường trước 30/5; mỗi đảng viên vận động 5 hộ.');

    // Group 3 of the live sheet: computed from the plan, each line explained.
    const sheet = page.locator('.score-sheet, section').filter({ hasText: 'Công tác chuẩn bị' }).first();
    await expect(sheet).toContainText('Đã gửi tài liệu lúc 09:00 ngày 01/05/2026, trước 2 ngày');
    await page.screenshot({ path: `target/screenshots/plan-meeting-${size}.png`, fullPage: true });
    const problems = await tableProblems(page);
    expect(problems.broken, 'words broken inside').toEqual([]);
    expect(problems.pageScrollsSideways).toBe(false);

    // The plan stays readable from the record; no longer offered as open.
    await page.getByRole('link', { name: 'Kế hoạch chuẩn bị buổi này' }).click();
    await expect(page.getByText('Đã ghi biên bản buổi sinh hoạt:')).toBeVisible();
    await page.goto('#/sinh-hoat');
    await expect(page.getByText('Kế hoạch chuẩn bị chưa họp')).toHaveCount(0);
  });
}

test('a notice the share sheet did not send is not recorded; "Đã gửi" records one sent another way', async ({ page }) => {
  await seed(page);
  await page.evaluate(() => { navigator.share = async () => { throw new DOMException('closed', 'AbortError'); }; });
  await page.getByRole('button', { name: 'Chuẩn bị buổi sinh hoạt tới' }).click();
  await page.getByRole('button', { name: 'Gửi thông báo', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chưa gửi (đã đóng bảng chia sẻ).' })).toBeVisible();
  await expect(page.locator('.sending-row').nth(0)).toContainText('Chưa gửi');
  await page.getByRole('button', { name: 'Đã gửi (Thông báo cho đảng viên)' }).click();
  await expect(page.locator('.sending-row').nth(0)).toContainText('Đã gửi lúc 09:00 ngày 01/05/2026 (đánh dấu đã gửi)');
  // Kept across a restart, and in Sinh hoạt's open plans.
  await page.reload();
  await expect(page.locator('.sending-row').nth(0)).toContainText('(đánh dấu đã gửi)');
  await page.goto('#/sinh-hoat');
  await expect(page.getByRole('link', { name: /03\/05\/2026.*Chuẩn bị/ })).toBeVisible();
});
