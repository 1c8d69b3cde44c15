// The dues book at 360 px: a month of dues for 40 members ticked one by one (cash or the
// portal, one đóng gộp through "Chi tiết", one member without a usual amount), the month's
// totals, the meeting's opening line in the record and the print, the warning after three
// months without dues in the year summary and the member's year page, the month sheet printed
// and downloaded as CSV (read as Excel on a Vietnamese Windows reads it), the backup carrying
// the book. Normal and "Rất lớn" text; screenshots to target/screenshots/ (looked at by hand).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { test, expect, openApp, setTextSize, tableProblems } from './fixtures.mjs';

const NOW = '2026-04-20T00:00:00Z';
// Monday 4 May 2026 in Vietnam: January to April have ended, May is the month being collected.
const TODAY = new Date('2026-05-04T09:00:00+07:00');
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Văn Hùng'];
const NAMES = Array.from({ length: 40 }, (_, i) => `${FAMILY[i % 8]} ${GIVEN[Math.floor(i / 8)]}`);
const USUAL = 35000;

function records() {
  const data = {
    'sotay.schema_version': 4,
    'sotay.chibo': {
      id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', place_name: 'Đồng Tâm',
      usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW,
    },
  };
  NAMES.forEach((name, i) => {
    data[`sotay.member.m${i}`] = { id: `m${i}`, name, role: i === 0 ? 'bi_thu' : 'dang_vien', status: 'chinh_thuc', updated_at: NOW };
    // Everyone but the last has a usual amount; the last is entered through "Chi tiết".
    if (i < 39) {
      data[`sotay.dues_profile.m${i}`] = { id: `m${i}`, member_id: `m${i}`, category_key: 'bhxh_bat_buoc', usual_amount_dong: USUAL, updated_at: NOW };
    }
  });
  // January to April: paid in one đóng gộp by members 0–36; member 37 paid January only
  // (three months without dues: the warning), member 38 January and February (two: none),
  // member 39 nothing (four).
  const pay = (member, month, count) => {
    data[`sotay.dues_payment.p-${member}-${month}`] = {
      id: `p-${member}-${month}`, member_id: `m${member}`, month, months_covered: count, amount_dong: USUAL * count, way: 'cash',
      recorded_at: NOW, updated_at: NOW,
    };
  };
  for (let i = 0; i < 37; i++) pay(i, '2026-01', 4);
  pay(37, '2026-01', 1);
  pay(38, '2026-01', 2);
  data['sotay.meeting.sh5'] = {
    id: 'sh5', date: '2026-05-03', kind: 'thuong_ky', start_time: '19:00:00', end_time: '21:00:00', place: 'Nhà văn hóa thôn',
    chair_id: 'm0', secretary_id: 'm1', attendance: NAMES.map((_, i) => ({ member_id: `m${i}`, status: 'present' })),
    resolution: 'Làm đường liên thôn', own_sheet: { framework_id: 'hd42-anphu-2025', inputs: {} }, status: 'finalised', updated_at: NOW,
  };
  return data;
}

async function seed(page) {
  await page.clock.setFixedTime(TODAY);
  await openApp(page);
  await page.evaluate((data) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, records());
}

const money = (dong) => `${String(dong).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
const row = (page, name) => page.locator('.dues-row').filter({ has: page.locator('.dues-name', { hasText: new RegExp(`^${name}$`) }) });

async function lookAt(page, name) {
  const problems = await tableProblems(page, 'main .dues-row *, main table th, main table td');
  expect(problems.broken, `${name}: words broken inside`).toEqual([]);
  expect(problems.pageScrollsSideways, `${name}: the page scrolls sideways`).toBe(false);
  await page.screenshot({ path: `target/screenshots/${name}.png`, fullPage: true });
}

for (const size of ['normal', 'xlarge']) {
  test(`a month of dues for 40 members, its opening line, the 3-month warning, the print and the CSV (${size} text)`, async ({ page }) => {
    test.setTimeout(120_000);
    await seed(page);
    await setTextSize(page, size);
    await page.goto('#/dang-phi');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sổ thu nộp đảng phí');
    await expect(page.locator('.month-title')).toHaveText('Tháng 5/2026');
    await expect(page.locator('.dues-row')).toHaveCount(40);
    await expect(page.locator('.report-line')).toHaveText('Đã thu 0/40 đồng chí, 0 đ');

    // Members 0–34 pay their usual amount: even ones in cash, odd ones on the portal.
    for (let i = 0; i < 35; i++) {
      const way = i % 2 === 0 ? 'Tiền mặt' : 'Cổng DVC';
      const button = row(page, NAMES[i]).getByRole('button', { name: way });
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
    }
    // A second tap takes a payment back; "Hoàn tác" puts it back.
    const cash0 = row(page, NAMES[0]).getByRole('button', { name: 'Tiền mặt' });
    await cash0.click();
    await expect(cash0).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect(cash0).toHaveAttribute('aria-pressed', 'true');

    // Member 39 has no usual amount: the tap opens the details, the amount is asked for,
    // three months are paid at once (đóng gộp) in cash.
    const last = row(page, NAMES[39]);
    await last.getByRole('button', { name: 'Tiền mặt' }).click();
    await expect(last.getByRole('alert')).toContainText('Nhập số tiền');
    await last.getByLabel('Số tiền (đồng)').fill('120.000');
    await last.getByLabel('Số tháng đóng (đóng gộp)').fill('3');
    await last.getByRole('button', { name: 'Ghi đã đóng' }).click();
    await expect(last.getByRole('button', { name: 'Tiền mặt' })).toHaveAttribute('aria-pressed', 'true');
    await expect(last.locator('.dues-standing')).toContainText('40.000 đ');
    // The profile: the rule's suggestion for an insured member, 1 % of the salary basis.
    await last.getByLabel('Đối tượng').selectOption('bhxh_bat_buoc');
    await last.getByLabel('Căn cứ tính (đồng/tháng)').fill('4.500.000');
    await expect(last.locator('.suggestion')).toContainText('1% × 4.500.000 đ = 45.000 đ');
    await last.getByRole('button', { name: 'Dùng mức này' }).click();
    await last.getByRole('button', { name: 'Lưu mức đóng' }).click();
    await expect(last.getByText('Đã lưu mức đóng.')).toBeVisible();
    await lookAt(page, `dues-month-details-360-${size}`);
    await last.getByRole('button', { name: 'Đóng chi tiết' }).click();

    // 36 of 40 paid; money: 35 × 35.000 + May's share of 120.000 over three months.
    const total = 35 * USUAL + 40000;
    const cash = 18 * USUAL + 40000;
    const portal = 17 * USUAL;
    const line = `Đã thu 36/40 đồng chí, ${money(total)}`;
    await expect(page.locator('.report-line')).toHaveText(line);
    await expect(page.locator('.dues-totals')).toContainText(`Tiền mặt: ${money(cash)}; qua Cổng Dịch vụ công Quốc gia: ${money(portal)}`);
    // Who is behind, in the roster's order (by name).
    const behind = await page.locator('.dues-totals p').filter({ hasText: /^Chưa đóng: / }).innerText();
    expect(behind.replace('Chưa đóng: ', '').split(', ').sort()).toEqual(NAMES.slice(35, 39).sort());
    await lookAt(page, `dues-month-360-${size}`);

    // Stored as records the backup carries.
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sotay.dues_payment.')).length);
    expect(stored).toBe(39 + 36);

    // The meeting of 3 May: its record (and so the shared minutes) and its print carry the line.
    await page.goto('#/sinh-hoat/sh5');
    await expect(page.locator('.record-documents .minutes')).toContainText(`Báo cáo thu nộp đảng phí`);
    await expect(page.locator('.record-documents .minutes')).toContainText(`Tháng 5/2026: ${line}.`);
    await page.goto('#/sinh-hoat/sh5/in');
    await expect(page.locator('.minutes')).toContainText(`Tháng 5/2026: ${line}.`);

    // The year: members 37 (three months) and 39 (four) are named for the chi bộ to consider,
    // member 38 (two months) is not; the basis is named.
    await page.goto('#/tong-hop/2026');
    const warnings = page.locator('.warnings li').filter({ hasText: 'đảng phí' });
    await expect(warnings).toHaveCount(2);
    const threeMonths = warnings.filter({ hasText: `Đồng chí ${NAMES[37]}:` });
    await expect(threeMonths).toContainText(`Đồng chí ${NAMES[37]}: chưa ghi nhận đóng đảng phí 3 tháng trong năm 2026`);
    await expect(threeMonths).toContainText('Điều lệ Đảng (Điều 8)');
    await expect(threeMonths).toContainText('294-QĐ/TW');
    await expect(threeMonths).toContainText('không phải kết luận');
    await expect(warnings.filter({ hasText: `Đồng chí ${NAMES[39]}:` })).toContainText('chưa ghi nhận đóng đảng phí 4 tháng');
    await expect(page.locator('.warnings li').filter({ hasText: NAMES[38] })).toHaveCount(0);
    await page.goto('#/kiem-diem/2026/dang-vien/m37');
    await expect(page.locator('.member-page .warnings')).toContainText('chưa ghi nhận đóng đảng phí 3 tháng');

    // The year's book: each member's months, the same warnings, printable.
    await page.goto('#/dang-phi/nam/2026');
    await expect(page.locator('.dues-year-table tbody tr')).toHaveCount(41);
    await expect(page.locator('.dues-year-table tbody tr').filter({ hasText: NAMES[39] })).toContainText('Chưa đóng');
    await lookAt(page, `dues-year-360-${size}`);

    // The month's sheet on A4: one row per member and the total.
    await page.goto('#/dang-phi/2026-05/in');
    const rows = page.locator('.dues-document tbody tr');
    await expect(rows).toHaveCount(41);
    await expect(rows.last()).toContainText('Đã thu 36/40');
    await expect(rows.last()).toContainText(money(total).replace(' đ', ''));
    await lookAt(page, `dues-print-360-${size}`);

    // The CSV, as Excel on a Vietnamese Windows reads it: UTF-8 with its mark, ';' between
    // columns, whole đồng as numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bảng tháng (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('chi-bo-thon-dong-tam_dang-phi-2026-05.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(42);
    expect(lines[0].split(';').slice(0, 5)).toEqual(['STT', 'Họ và tên', 'Tình trạng', 'Hình thức', 'Số tiền (đ)']);
    const totalCells = lines.at(-1).split(';');
    expect(totalCells[1]).toBe('Tổng cộng');
    expect(totalCells[2]).toBe('Đã thu 36/40');
    expect(totalCells[4]).toBe(String(total));
    const lastMember = lines.find((line) => line.split(';')[1] === NAMES[39]).split(';');
    expect(lastMember[4]).toBe('40000');
    expect(lastMember[3]).toBe('Tiền mặt');
  });
}

test('the book travels in the backup and comes back on another phone', async ({ page }) => {
  await seed(page);
  await page.reload();
  await page.goto('#/dang-phi');
  await row(page, NAMES[0]).getByRole('button', { name: 'Tiền mặt' }).click();
  await expect(page.locator('.report-line')).toHaveText(`Đã thu 1/40 đồng chí, ${money(USUAL)}`);
  await page.goto('#/du-lieu');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu toàn bộ' }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.format_version).toBe(4);
  expect(file.data.dues_profiles).toHaveLength(39);
  expect(file.data.dues_payments.filter((p) => p.month === '2026-05')).toHaveLength(1);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.goto('#/du-lieu');
  await page.locator('input[type="file"]').first().setInputFiles(await download.path());
  await page.getByRole('button', { name: /Gộp vào dữ liệu hiện có|Khôi phục/ }).first().click();
  await page.goto('#/dang-phi/2026-05');
  await expect(page.locator('.report-line')).toHaveText(`Đã thu 1/40 đồng chí, ${money(USUAL)}`);
});

test.describe('the đảng ủy at an office PC (1366×768)', () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test('each chi bộ’s dues per month from two chi bộ files, in the table and its CSV', async ({ page }) => {
    await seed(page);
    await page.reload();
    await page.goto('#/du-lieu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu toàn bộ' }).click()]);
    const dong = JSON.parse(readFileSync(await download.path(), 'utf8'));
    // The second chi bộ: the same people, another name, member 0's payments not recorded.
    const tay = structuredClone(dong);
    tay.data.chi_bo = { ...tay.data.chi_bo, id: 'cb-tay', name: 'Chi bộ thôn Tây' };
    tay.data.dues_payments = tay.data.dues_payments.filter((p) => p.member_id !== 'm0');
    mkdirSync('target/playwright-results', { recursive: true });
    writeFileSync('target/playwright-results/dong-tam.json', JSON.stringify(dong));
    writeFileSync('target/playwright-results/thon-tay.json', JSON.stringify(tay));
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.goto('#/dang-uy');
    await page.locator('input[type=file][multiple]').setInputFiles(['target/playwright-results/dong-tam.json', 'target/playwright-results/thon-tay.json']);
    await expect(page.getByRole('heading', { name: 'Kết quả nhận tệp' })).toBeVisible();
    await expect(page.locator('.collect-progress')).toHaveCount(0);
    // April 2026 (ended): 37 of 40 paid at Đồng Tâm, 36 at Tây; May has not ended.
    const april = (name) => page.locator('.dang-uy-table tr', { hasText: name }).locator('td.month-cell').nth(3);
    await expect(april('Chi bộ thôn Đồng Tâm').locator('.month-dues')).toHaveText('ĐP 37/40');
    await expect(april('Chi bộ thôn Tây').locator('.month-dues')).toHaveText('ĐP 36/40');
    await expect(page.locator('.dang-uy-table tr', { hasText: 'Chi bộ thôn Tây' }).locator('td.month-cell').nth(4).locator('.month-dues')).toHaveCount(0);
    await page.screenshot({ path: 'target/screenshots/dues-dang-uy-1366.png', fullPage: true });
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bảng năm (Excel, .csv)' }).click()]);
    const csv = readFileSync(await sheet.path(), 'utf8');
    const header = csv.slice(1).split('\r\n')[0].split(';');
    expect(header).toContain('Đảng phí');
    expect(csv).toContain('Đã thu 36/40 đồng chí, 1.260.000 đ');
  });
});
