// What a new user trips over: placeholders that are no longer true, tables whose words break
// letter by letter on a phone, a finalised meeting that hid who attended, the minutes' place
// and date line. Screenshots of each screen go to target/screenshots/ (looked at by hand).
import { test, expect, openApp, setTextSize, tableProblems, clippedSelects } from './fixtures.mjs';

const NOW = '2026-05-01T00:00:00Z';
const NAMES = ['Đặng Đức An', 'Nguyễn Thị Phương Thảo', 'Hoàng Văn Bình', 'Lê Thị Cúc', 'Trần Văn Bảy',
  'Phạm Ngọc Khánh', 'Vũ Thị Hương', 'Bùi Quang Dũng', 'Đỗ Thị Lan', 'Ngô Văn Minh', 'Dương Thị Nga', 'Lý Văn Long'];

function records() {
  const data = {
    'sotay.schema_version': 1,
    'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đông Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', place_name: 'Đông Tâm', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW },
  };
  NAMES.forEach((name, i) => {
    data[`sotay.member.m${i}`] = { id: `m${i}`, name, role: i ? 'dang_vien' : 'bi_thu', status: 'chinh_thuc', updated_at: NOW };
  });
  const attendance = NAMES.map((_, i) => ({ member_id: `m${i}`, status: 'present' }));
  attendance[1] = { member_id: 'm1', status: 'absent_with_reason', reason: 'illness', reason_text: 'Ốm, nằm viện' };
  attendance[2] = { member_id: 'm2', status: 'absent_without_reason' };
  data['sotay.meeting.sh1'] = {
    id: 'sh1', date: '2026-04-03', kind: 'thuong_ky', start_time: '19:00:00', end_time: '20:45:00', place: 'Nhà văn hóa thôn',
    chair_id: 'm0', secretary_id: 'm3', attendance, resolution: 'Làm đường liên thôn',
    own_sheet: { framework_id: 'hd42-anphu-2025', inputs: {} }, status: 'finalised', updated_at: NOW,
  };
  return data;
}

async function seed(page) {
  await openApp(page);
  await page.evaluate((data) => {
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, records());
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
}

test('no screen announces as coming a part of the app that exists', async ({ page }) => {
  await seed(page);
  for (const hash of ['', '#/sinh-hoat', '#/so-tay', '#/du-lieu', '#/cai-dat', '#/chi-bo', '#/dang-vien']) {
    await page.goto(hash);
    await expect(page.locator('main h1')).toBeVisible();
    const body = await page.locator('main').innerText();
    expect(body, `placeholder on ${hash || 'Trang chủ'}`).not.toMatch(/Đang xây dựng|chưa có trong bản này|sắp có|coming soon/i);
  }
});

for (const size of ['normal', 'xlarge']) {
  test(`every table reads at 360 px without words broken or cut (${size} text)`, async ({ page }) => {
    await seed(page);
    if (size !== 'normal') await setTextSize(page, size);
    const screens = ['#/tong-hop/2026', '#/sinh-hoat/sh1/in', '#/sinh-hoat/sh1', '#/so-tay'];
    let tablesSeen = 0;
    for (const hash of screens) {
      await page.goto(hash);
      await expect(page.locator('main h1')).toBeVisible();
      if (hash === '#/so-tay') {
        await page.getByRole('link', { name: /Khung tiêu chí/ }).click();
        await expect(page.locator('main table').first()).toBeVisible();
      }
      const problems = await tableProblems(page);
      tablesSeen += problems.tables;
      expect(problems.broken, `words broken inside on ${hash}`).toEqual([]);
      expect(problems.overflowing, `cells cut on ${hash}`).toEqual([]);
      expect(problems.pageScrollsSideways, `page wider than the screen on ${hash}`).toBe(false);
      await page.screenshot({ path: `target/screenshots/tables-${size}-${hash.replace(/[#/]+/g, '-')}.png`, fullPage: true });
    }
    expect(tablesSeen).toBeGreaterThanOrEqual(4);
  });
}

test('a finalised meeting reads as a record: each member with status and reason, minutes and sheet as text', async ({ page }) => {
  await seed(page);
  await page.goto('#/sinh-hoat/sh1');
  const roll = page.locator('.roll-call-record');
  await expect(roll.locator('li')).toHaveCount(NAMES.length);
  await expect(roll.locator('li').filter({ hasText: 'Nguyễn Thị Phương Thảo' })).toContainText('Vắng có lý do — Ốm, nằm viện');
  await expect(roll.locator('li').filter({ hasText: 'Hoàng Văn Bình' })).toContainText('Vắng không lý do');
  await expect(roll.locator('li').filter({ hasText: 'Đặng Đức An' })).toContainText('Có mặt');
  // No greyed form: the record holds the minutes and the score sheet as text.
  await expect(page.locator('main input, main select, main textarea')).toHaveCount(0);
  await expect(page.locator('.record-documents .minutes')).toContainText('Làm đường liên thôn');
  await expect(page.locator('.record-documents .sheet-document')).toContainText('Tổng');
  await expect(page.getByRole('button', { name: 'Mở lại để sửa' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'In biên bản và phiếu chấm' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chia sẻ biên bản' })).toBeVisible();
  // Who attended is the first thing on the record, not buried under the form.
  const rollTop = await roll.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  expect(rollTop).toBeLessThan(1100);
  await page.screenshot({ path: 'target/screenshots/finalised-meeting-normal.png', fullPage: true });
  await setTextSize(page, 'xlarge');
  await page.goto('#/sinh-hoat/sh1');
  await expect(page.locator('.roll-call-record li')).toHaveCount(NAMES.length);
  await page.screenshot({ path: 'target/screenshots/finalised-meeting-xlarge.png', fullPage: true });
  // Reopening shows the form again, with the roll-call buttons.
  await page.getByRole('button', { name: 'Mở lại để sửa' }).click();
  await expect(page.locator('.roll-call-record')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Vắng không lý do' }).first()).toBeVisible();
  // The form's choices (who chairs, the reason for an absence…) are not cut at "Rất lớn".
  expect(await clippedSelects(page)).toEqual([]);
});

test('the minutes carry the place and date line at the top', async ({ page }) => {
  await seed(page);
  await page.goto('#/sinh-hoat/sh1/in');
  await expect(page.locator('.minutes .doc-place-date')).toHaveText('Đông Tâm, ngày 03 tháng 04 năm 2026');
});

test('home and the year summary at 360 px, normal and very large text (screenshots)', async ({ page }) => {
  await seed(page);
  for (const size of ['normal', 'xlarge']) {
    if (size !== 'normal') await setTextSize(page, size);
    await page.goto('');
    await expect(page.locator('main h1')).toHaveText('Trang chủ');
    // The card as it ends up: the newest meeting with its score (which comes with the records
    // read just after the first paint).
    await expect(page.locator('main section.card').filter({ hasText: 'Buổi sinh hoạt gần nhất' }).getByRole('link')).toContainText('điểm');
    await page.screenshot({ path: `target/screenshots/home-${size}.png`, fullPage: true });
    await page.goto('#/tong-hop/2026');
    await expect(page.locator('.attendance-table tbody tr')).toHaveCount(NAMES.length);
    await page.screenshot({ path: `target/screenshots/year-summary-${size}.png`, fullPage: true });
  }
});
