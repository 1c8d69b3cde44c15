// Start-up reads only what Trang chủ shows (the chi bộ, its members, each meeting's date and
// kind); every other record is read just after, by code in a module of its own, and every
// other screen waits for it. What a user notices: the home card is right at once; a store
// that needs the full reader (an older layout, a damaged record) still opens with its
// records and says what is wrong; the module missing leaves home working and the other
// screens with "Thử lại".
import { test, expect, openApp } from './fixtures.mjs';

const NOW = '2026-05-04T00:00:00Z';
const heading = (page) => page.getByRole('heading', { level: 1 });
const nav = (page) => page.getByRole('navigation', { name: 'Chuyển màn hình' });

function records({ version = 3 } = {}) {
  const data = {
    'sotay.chibo': { id: 'cb', name: 'Chi bộ bản Nà Hang', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025', updated_at: NOW },
    'sotay.member.m1': { id: 'm1', name: 'Lò Văn Pản', role: 'bi_thu', status: 'chinh_thuc', updated_at: NOW },
    'sotay.member.m2': { id: 'm2', name: 'Lò Thị Ún', role: 'dang_vien', status: 'chinh_thuc', updated_at: NOW },
    'sotay.member.m3': { id: 'm3', name: 'Vì Văn Khăm', role: 'dang_vien', status: 'chinh_thuc', left_on: '2026-01-10', updated_at: NOW },
  };
  for (const [id, date, kind] of [['sh04', '2026-04-03', 'thuong_ky'], ['sh05', '2026-05-03', 'ket_hop'], ['sh03', '2026-03-03', 'thuong_ky']]) {
    data[`sotay.meeting.${id}`] = {
      id, date, kind, start_time: '19:00:00', end_time: '21:00:00', place: 'Nhà văn hóa bản',
      attendance: ['m1', 'm2'].map((member_id) => ({ member_id, status: 'present' })),
      own_sheet: { framework_id: 'hd42-anphu-2025', inputs: {} }, status: 'finalised', updated_at: NOW,
    };
  }
  if (version) data['sotay.schema_version'] = version;
  return data;
}

async function store(page, data) {
  await openApp(page);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, data);
}

async function expectHomeCard(page) {
  await expect(heading(page)).toHaveText('Trang chủ');
  await expect(page.locator('.chi-bo-name')).toHaveText('Chi bộ bản Nà Hang');
  const card = page.locator('main section.card').filter({ hasText: 'Buổi sinh hoạt gần nhất' });
  // Two members today (the third left in January); the newest meeting is May's.
  await expect(card.locator('strong').first()).toHaveText('2');
  await expect(card.getByRole('link')).toContainText('03/05/2026');
  return card;
}

test.describe('when the module that reads every record cannot be fetched', () => {
  test.use({ allowConsoleErrors: true, serviceWorkers: 'block' });

  test('Trang chủ still shows the chi bộ, and the other screens say so and open once it is there', async ({ page }) => {
    await store(page, records());
    let refuse = true;
    await page.route(/split_store_records-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.fulfill({ status: 404, body: '' }) : route.continue()));
    await page.reload();
    const card = await expectHomeCard(page);
    await expect(page.locator('#boot-crashed')).toBeHidden();

    await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Chưa mở được phần này' });
    await expect(alert).toBeVisible();
    refuse = false;
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect(heading(page)).toHaveText('Sinh hoạt chi bộ');
    await expect(page.getByRole('link', { name: /03\/04\/2026/ })).toBeVisible();
    // Back home, the card now comes from the full records, with the meeting's score.
    await nav(page).getByRole('link', { name: 'Trang chủ' }).click();
    await expect(card.getByRole('link')).toContainText('điểm');
  });
});

test('a store the quick read leaves to the full reader opens with its records and says what is wrong', async ({ page }) => {
  // A version-1 layout (no version key: migrated when read) with one meeting record damaged.
  const data = records({ version: 0 });
  data['sotay.meeting.sh03'] = '{"id":"sh03","date":"2026-03-';
  await store(page, data);
  await page.reload();
  await expectHomeCard(page);
  await expect(page.getByRole('alert').filter({ hasText: 'không đọc được' })).toContainText('Số bản ghi: 1.');
  await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
  await expect(page.getByRole('link', { name: /03\/04\/2026/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /03\/03\/2026/ })).toHaveCount(0);
  // The damaged record is kept as it was, for the raw export; the layout is now this app's,
  // the other records as they were.
  expect(await page.evaluate(() => localStorage.getItem('sotay.meeting.sh03'))).toBe('{"id":"sh03","date":"2026-03-');
  expect(await page.evaluate(() => localStorage.getItem('sotay.schema_version'))).toBe('4');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('sotay.meeting.sh04')))).toEqual(data['sotay.meeting.sh04']);
});

test('a meeting saved in another tab reaches this tab’s Trang chủ', async ({ page, context }) => {
  await store(page, records());
  await page.reload();
  await expectHomeCard(page);
  const other = await context.newPage();
  await openApp(other, '#/sinh-hoat');
  await other.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await other.getByLabel('Địa điểm').fill('Nhà văn hóa bản');
  await expect.poll(() => other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sotay.meeting.')).length)).toBe(4);
  // The new meeting's date (the app proposes one after May's) becomes the newest on this tab's home.
  const [year, month, day] = (await other.locator('input[type=date]').first().inputValue()).split('-');
  expect(`${year}-${month}` > '2026-05').toBe(true);
  await expect(page.locator('main section.card').filter({ hasText: 'Buổi sinh hoạt gần nhất' }).getByRole('link')).toContainText(`${day}/${month}/${year}`);
  await other.close();
});
