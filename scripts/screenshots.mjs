// Screenshots of every screen at 360×740, normal and "very large" text, with a realistic
// chi bộ, for a person to look at (not a test). Needs a release build served at the URL:
//   python3 tests/e2e/serve.py target/shots-site so-tay target/e2e-dist 4181 &
//   node scripts/screenshots.mjs http://127.0.0.1:4181/so-tay/ target/screenshots
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [base, out] = [process.argv[2], process.argv[3] ?? 'target/screenshots'];
mkdirSync(out, { recursive: true });
const now = '2026-05-20T02:00:00Z';
const names = ['Nguyễn Văn An', 'Trần Văn Bảy', 'Lê Thị Cúc', 'Phạm Văn Dũng', 'Hoàng Thị Én', 'Vũ Văn Giang',
  'Đặng Thị Hoa', 'Bùi Văn Khánh', 'Đỗ Thị Lan', 'Ngô Văn Minh', 'Dương Thị Nga', 'Lý Văn Phúc'];
const records = {
  'sotay.schema_version': 1,
  'sotay.chibo': { id: 'cb', name: 'Chi bộ thôn Đồng Tâm', kind: 'thon', superior_committee: 'Đảng ủy xã Tân Lập', usual_meeting_day: 3, framework_id: 'hd42-anphu-2025-binhthuan', updated_at: now },
};
names.forEach((name, i) => {
  records[`sotay.member.m${i}`] = {
    id: `m${i}`, name, role: i === 0 ? 'bi_thu' : 'dang_vien', status: 'chinh_thuc', updated_at: now,
    ...(i === 1 ? { exemptions: [{ reason: 'Tuổi cao, sức yếu', from: '2025-01-01' }] } : {}),
  };
});
const attendance = names.map((_, i) => ({ member_id: `m${i}`,
  ...(i === 1 ? { status: 'exempt' } : i === 10 ? { status: 'absent_with_reason', reason: 'family' } : i === 11 ? { status: 'absent_without_reason' } : { status: 'present' }) }));
const inputs = Object.fromEntries(['3.1', '3.2', '3.3', '3.4', '3.5', '4a.2', '4a.4', '4a.6', '4a.7', '4a.8', '4b.1', '4b.2', '4b.3', '4b.4', '5.1', '5.2', '5.3', '5.4', '7.1', '7.2', '7.3'].map((id) => [id, { ticked: true }]));
for (const [month, status] of [['03', 'finalised'], ['04', 'finalised'], ['05', 'draft']]) {
  records[`sotay.meeting.sh${month}`] = {
    id: `sh${month}`, date: `2026-${month}-03`, kind: month === '03' ? 'ket_hop' : 'thuong_ky', start_time: '19:00:00', end_time: '20:45:00',
    place: 'Nhà văn hóa thôn', chair_id: 'm0', secretary_id: 'm8', attendance, speakers: ['m2', 'm3', 'm4', 'm5', 'm6', 'm7'],
    agenda_done: ['khai_mac', 'danh_gia_thang_truoc', 'tu_tuong_phe_binh', 'bieu_duong_nhac_nho', 'thao_luan_phan_cong', 'ket_luan_bieu_quyet', 'cham_diem_bien_ban'],
    previous_tasks: [{ id: 't1', what: 'Thu đảng phí quý I', done: true, result: 'Đã thu đủ' }],
    next_tasks: [{ id: `n${month}`, who: 'Lê Thị Cúc', what: 'Vận động bà con làm đường liên thôn', deadline: `2026-${month}-28` }],
    resolution: 'Chi bộ thống nhất tập trung vận động làm đường liên thôn.', vote: { for: 9, against: 0, abstain: 0 },
    notes: '', own_sheet: { framework_id: 'hd42-anphu-2025-binhthuan', inputs }, status, updated_at: now,
  };
}
const screens = [['home', ''], ['meetings', '#/sinh-hoat'], ['meeting', '#/sinh-hoat/sh05'], ['meeting-sheet', '#/sinh-hoat/sh05', '#phieu-cham'],
  ['roster', '#/dang-vien'], ['member', '#/dang-vien/m1'], ['chi-bo', '#/chi-bo'], ['summary', '#/tong-hop/2026'],
  ['print', '#/sinh-hoat/sh04/in'], ['handbook', '#/so-tay'], ['handbook-section', '#/so-tay/loi-bac-ho'],
  ['handbook-frameworks', '#/so-tay/khung-tieu-chi'], ['packs', '#/so-tay/bo-noi-dung'], ['data', '#/du-lieu'], ['settings', '#/cai-dat']];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const size of ['normal', 'xlarge']) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-05-20T09:00:00+07:00'));
  await page.addInitScript(([data, textSize]) => {
    if (localStorage.getItem('sotay.chibo')) return;
    for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
    localStorage.setItem('sotay.settings', JSON.stringify({ text_size: textSize }));
  }, [records, size === 'xlarge' ? 'extra_large' : 'normal']);
  for (const [name, hash, anchor] of screens) {
    await page.goto(base + hash);
    await page.waitForSelector('#app .bottom-nav');
    // A screen in a module of its own says "Đang mở…" until its module is there.
    await page.waitForFunction(() => !document.querySelector('main')?.textContent.includes('Đang mở…'), null, { timeout: 30_000 });
    if (anchor) {
      await page.locator(anchor).scrollIntoViewIfNeeded();
      // The meeting form's sections out of view are drawn only once in view (content-visibility):
      // the frames after the jump, not the jump's own, show what a person sees.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
    await page.screenshot({ path: `${out}/${name}-${size}.png` });
  }
  await context.close();
}
await browser.close();
