// What a tap on the meeting form recomputes (issue 31: a tick scores one meeting, never the year).
// No fake clock here: Playwright's clock replaces `performance`, whose measures this test reads.
import { test, expect, openWithStorage } from './fixtures.mjs';

const NOW = '2026-05-01T00:00:00Z';
const FRAMEWORK = 'hd42-anphu-2025';

/** A chi bộ of three with two years of finalised meetings and this month's draft. */
function records() {
  const data = {
    'sotay.schema_version': 1,
    'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã', usual_meeting_day: 3, framework_id: FRAMEWORK, updated_at: NOW },
  };
  for (const [id, name] of [['m1', 'Nguyễn Văn An'], ['m2', 'Lê Thị Cúc'], ['m3', 'Trần Văn Bảy']]) {
    data[`sotay.member.${id}`] = { id, name, role: 'dang_vien', status: 'chinh_thuc', updated_at: NOW };
  }
  const attendance = ['m1', 'm2', 'm3'].map((member_id) => ({ member_id, status: 'present' }));
  for (const year of [2024, 2025]) {
    for (let month = 1; month <= 12; month += 1) {
      const id = `h${year}${month}`;
      const date = `${year}-${String(month).padStart(2, '0')}-03`;
      data[`sotay.meeting.${id}`] = { id, date, kind: 'thuong_ky', attendance, own_sheet: { framework_id: FRAMEWORK }, status: 'finalised', updated_at: NOW };
    }
  }
  data['sotay.meeting.draft'] = { id: 'draft', date: '2026-05-03', kind: 'thuong_ky', own_sheet: { framework_id: FRAMEWORK }, updated_at: NOW };
  return data;
}

test('a tick or a roll-call tap scores the meeting on screen once, and no other', async ({ page }) => {
  await openWithStorage(page, records());
  await page.evaluate(() => { location.hash = '#/sinh-hoat/draft'; });
  await expect(page.locator('li.roll-row')).toHaveCount(3);
  const scorings = () => page.evaluate(() => performance.getEntriesByName('sotay:score-meeting', 'measure').length);
  await expect.poll(scorings).toBeGreaterThan(0);
  for (const tap of [
    () => page.locator('section.score-sheet').getByRole('checkbox').first().click(),
    () => page.locator('li.roll-row').first().getByRole('button', { name: 'Có mặt' }).click(),
  ]) {
    const before = await scorings();
    await tap();
    await expect.poll(scorings).toBe(before + 1);
    await page.waitForTimeout(300);
    expect(await scorings()).toBe(before + 1);
  }
});
