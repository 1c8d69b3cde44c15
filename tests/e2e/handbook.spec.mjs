// The member handbook: search without diacritics, bookmarks and notes, committee packs.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const heading = (page) => page.getByRole('heading', { level: 1 });

async function openHandbook(page) {
  await openApp(page, '#/so-tay');
  await expect(heading(page)).toHaveText('Sổ tay đảng viên');
}

function writePack(name, pack) {
  mkdirSync('target/e2e-files', { recursive: true });
  const path = `target/e2e-files/${name}`;
  writeFileSync(path, typeof pack === 'string' ? pack : JSON.stringify(pack, null, 2));
  return path;
}

const committeePack = (body) => ({
  format_version: 1,
  id: 'dang-uy-xa-tan-lap',
  name: 'Sổ tay của Đảng ủy xã Tân Lập',
  issuer: 'Đảng ủy xã Tân Lập',
  version: '2026.1',
  published: '2026-05-01',
  sections: [{
    id: 'quy-dinh-cua-xa',
    title: 'Quy định của Đảng ủy xã',
    items: [{
      id: 'lich-sinh-hoat',
      title: 'Lịch sinh hoạt chi bộ',
      body,
      source: { document: 'Thông báo 12-TB/ĐU', date: '2026-04-20', status: 'official' },
    }],
  }],
});

test('searching without diacritics finds the prohibitions first, with the words highlighted', async ({ page }) => {
  await openHandbook(page);
  await page.getByLabel('Tra cứu trong sổ tay').fill('khong duoc lam');
  const first = page.locator('.result').first();
  await expect(first.locator('.result-section')).toHaveText(/Những điều đảng viên không được làm/);
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(first.locator('mark').first()).toHaveText(/không|được|làm/i);
  // "d" matches "đ", and the result opens the item.
  await page.getByLabel('Tra cứu trong sổ tay').fill('chi bo la goc re');
  await expect(page.locator('.result').first()).toContainText('gốc rễ');
  await page.locator('.result .result-title').first().click();
  await expect(page.locator('.handbook-item.targeted')).toContainText('gốc rễ');
  // Back returns to the same results.
  await page.goBack();
  await expect(page.getByLabel('Tra cứu trong sổ tay')).toHaveValue('chi bo la goc re');
  await page.getByLabel('Tra cứu trong sổ tay').fill('zzqxw');
  await expect(page.getByText('Không tìm thấy mục nào')).toBeVisible();
});

test('numbers and phone shorthand find the 27 manifestations and the 19 articles', async ({ page }) => {
  await openHandbook(page);
  const box = page.getByLabel('Tra cứu trong sổ tay');
  const firstTitle = page.locator('.result .result-title').first();
  // The 12th of the 27 is (3) of group 2 in the resolution.
  await box.fill('bieu hien 12');
  await expect(firstTitle).toHaveText(/^Nhóm 2, biểu hiện \(3\): Kê khai tài sản/);
  await box.fill('dieu 3 khong duoc');
  await expect(firstTitle).toHaveText(/^Điều 3: /);
  await expect(page.locator('.result').first().locator('.result-section')).toHaveText(/Những điều đảng viên không được làm/);
  // "ko dc" is "không được".
  await box.fill('ko dc lam');
  await expect(page.locator('.result').first().locator('.result-section')).toHaveText(/Những điều đảng viên không được làm/);
  await expect(firstTitle).toHaveText(/không được làm/);
  await expect(firstTitle.locator('mark').first()).toHaveText(/không được làm/);
});

test('bookmarks on ids of the earlier, shorter handbook still open their items', async ({ page }) => {
  await openHandbook(page);
  // Stored under ids of the built-in pack before the 27 and the 19 had items of their own.
  await page.evaluate(() => {
    localStorage.setItem('sotay.schema_version', '1');
    for (const id of ['qd37-dieu-2-19', '27-bieu-hien-nhom-1']) {
      localStorage.setItem(`sotay.mark.${id}`, JSON.stringify({ item_id: id, bookmarked: true, note: '', updated_at: '2026-05-01T00:00:00Z' }));
    }
  });
  await page.reload();
  await page.goto('#/so-tay/danh-dau');
  await expect(page.locator('.mark')).toHaveCount(2);
  await expect(page.locator('.mark .field-error')).toHaveCount(0);
  await expect(page.locator('.mark').filter({ hasText: 'Nhóm 1: Suy thoái về tư tưởng chính trị' })).toHaveCount(1);
  await page.locator('.mark .result-title').filter({ hasText: 'Điều 2:' }).click();
  const item = page.locator('.handbook-item.targeted');
  await expect(item.locator('h2')).toHaveText(/^Điều 2: /);
  await expect(item.getByRole('button', { name: 'Đã đánh dấu' })).toHaveAttribute('aria-pressed', 'true');
});

test('a broad search shows ten results first and the rest on request', async ({ page }) => {
  await openHandbook(page);
  const box = page.getByLabel('Tra cứu trong sổ tay');
  await box.fill('dang');
  const count = Number((await page.locator('.hint[aria-live]').textContent()).match(/\d+/)[0]);
  expect(count).toBeGreaterThan(10);
  await expect(page.locator('.result')).toHaveCount(10);
  await page.getByRole('button', { name: `Xem thêm ${count - 10} kết quả` }).click();
  await expect(page.locator('.result')).toHaveCount(count);
  await expect(page.getByRole('button', { name: /Xem thêm/ })).toHaveCount(0);
  // A new query starts again from its first ten.
  await box.fill('dang vien');
  await expect(page.locator('.result')).toHaveCount(10);
  await expect(page.getByRole('button', { name: /Xem thêm \d+ kết quả/ })).toBeVisible();
  // Cards 6–10 are brought up to date just after the paint: every card ends up one of this
  // query's, none left from the one before.
  await box.fill('sinh hoat chuyen de');
  await expect.poll(() => cardsWithoutTheQuery(page, ['sinh', 'hoat', 'chuyen', 'de'])).toEqual([]);
  await expect(page.locator('.result')).toHaveCount(Math.min(10, Number((await page.locator('.hint[aria-live]').textContent()).match(/\d+/)[0])));
});

/** Titles of the result cards none of whose highlighted words is one of `words` (folded). */
async function cardsWithoutTheQuery(page, words) {
  return page.locator('.result').evaluateAll((cards, words) => {
    const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
    return cards
      .filter((card) => ![...card.querySelectorAll('mark')].some((mark) => words.some((word) => fold(mark.textContent).includes(word))))
      .map((card) => card.querySelector('.result-title').textContent);
  }, words);
}

test('a bookmark and a note survive a reload and are listed together', async ({ page }) => {
  await openHandbook(page);
  await page.locator('.contents a').first().click();
  const item = page.locator('.handbook-item').first();
  const title = await item.locator('h2').textContent();
  await item.getByRole('button', { name: 'Đánh dấu' }).click();
  await expect(item.getByRole('button', { name: 'Đã đánh dấu' })).toHaveAttribute('aria-pressed', 'true');
  await item.getByLabel('Ghi chú của tôi').fill('Đọc lại trước buổi sinh hoạt tháng 6');
  await item.getByLabel('Ghi chú của tôi').blur();
  await page.reload();
  await expect(item.getByRole('button', { name: 'Đã đánh dấu' })).toBeVisible();
  await expect(item.getByLabel('Ghi chú của tôi')).toHaveValue('Đọc lại trước buổi sinh hoạt tháng 6');
  await page.goto('#/so-tay/danh-dau');
  await expect(page.locator('.mark')).toHaveCount(1);
  await expect(page.locator('.mark')).toContainText(title.trim());
  await expect(page.locator('.mark')).toContainText('Đọc lại trước buổi sinh hoạt tháng 6');
});

test('a committee pack is shown as text: markup-looking HTML never runs', async ({ page }) => {
  const evil = '<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">\n\nSinh hoạt vào **mùng 3** hằng tháng.';
  const path = writePack('committee.json', committeePack(evil));
  await openHandbook(page);
  await page.getByRole('link', { name: 'Bộ nội dung sổ tay' }).click();
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByText('Đã nạp bộ nội dung:')).toContainText('Đảng ủy xã Tân Lập');
  await page.goto('#/so-tay/quy-dinh-cua-xa');
  const body = page.locator('.handbook-item .item-body');
  await expect(body).toContainText('<script>window.__pwned = 1</script>');
  await expect(body).toContainText('<img src=x onerror="window.__pwned = 2">');
  await expect(body.locator('strong')).toHaveText('mùng 3');
  await expect(body.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // The pack stays after a reload, and the built-in sections are still there.
  await page.reload();
  await expect(body).toContainText('<script>');
  await page.goto('#/so-tay');
  await expect(page.locator('.contents')).toContainText('Quy định của Đảng ủy xã');
  await expect(page.locator('.contents')).toContainText('Những điều đảng viên không được làm');
});

test('an invalid pack gets a specific Vietnamese error and the current pack stays', async ({ page }) => {
  const good = writePack('good.json', committeePack('Nội dung hợp lệ.'));
  const broken = committeePack('Nội dung');
  delete broken.sections[0].items[0].source;
  const bad = writePack('bad.json', broken);
  const notJson = writePack('not-json.json', '{ "format_version": 1, "id": ');
  await openHandbook(page);
  await page.getByRole('link', { name: 'Bộ nội dung sổ tay' }).click();
  await page.locator('input[type=file]').setInputFiles(good);
  await expect(page.getByText('Đã nạp bộ nội dung:')).toBeVisible();

  await page.locator('input[type=file]').setInputFiles(bad);
  const error = page.getByRole('alert');
  await expect(error).toContainText('Không nạp được bộ nội dung. Sổ tay vẫn giữ nội dung đang dùng.');
  await expect(error).toContainText('lich-sinh-hoat');
  await page.locator('input[type=file]').setInputFiles(notJson);
  await expect(page.getByRole('alert')).toContainText(/dòng \d+/);
  await expect(page.locator('section.card').first()).toContainText('Đảng ủy xã Tân Lập');

  // Reverting to the built-in pack.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: /dùng lại nội dung có sẵn/ }).click();
  await expect(page.getByText('Đã dùng lại nội dung có sẵn.')).toBeVisible();
  await page.goto('#/so-tay');
  await expect(page.locator('.contents')).not.toContainText('Quy định của Đảng ủy xã');
});

test('the scoring frame section shows the points of the built-in frameworks', async ({ page }) => {
  await openHandbook(page);
  await page.getByRole('link', { name: /Khung tiêu chí/ }).click();
  for (const file of ['hd42-anphu-2025', 'hd42-anphu-2025-binhthuan', 'hd12-khung-5-nhom']) {
    const framework = JSON.parse(readFileSync(`domain/frameworks/${file}.json`, 'utf8'));
    const card = page.locator(`#muc-khung-${framework.id}`);
    await expect(card.locator('h2')).toHaveText(framework.name);
    const rows = card.locator('tbody tr:not(.group-row)');
    const criteria = framework.groups.flatMap((group) => group.criteria);
    await expect(rows).toHaveCount(criteria.length);
    for (const [index, criterion] of criteria.entries()) {
      await expect(rows.nth(index).locator('td').first()).toContainText(criterion.label);
      await expect(rows.nth(index).locator('td').last()).toHaveText(String(criterion.max_points).replace('.', ','));
    }
  }
});

test('a criterion of the scoring frame is found by search and opens at its framework', async ({ page }) => {
  await openHandbook(page);
  const anPhu = JSON.parse(readFileSync('domain/frameworks/hd42-anphu-2025.json', 'utf8'));
  await page.getByLabel('Tra cứu trong sổ tay').fill('bieu duong dang vien tieu bieu');
  const result = page.locator('.result').filter({ hasText: anPhu.name }).first();
  await expect(result.locator('.result-section')).toContainText('Khung tiêu chí');
  await expect(result.locator('.snippet mark').first()).toHaveText(/Biểu dương đảng viên tiêu biểu/i);
  await result.locator('.result-title').click();
  await expect(page.locator('.framework.targeted h2')).toHaveText(anPhu.name);
});

// A stand-in for the phone's speech synthesis: records what the app asks it to say. `voices`
// is what the phone offers (none, a network voice only, or a Vietnamese voice of its own).
function stubSpeech(voices) {
  return (list) => {
    window.__spoken = [];
    window.SpeechSynthesisUtterance = class {
      constructor(text) { this.text = text; this.lang = ''; this.voice = null; }
    };
    const listeners = [];
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speaking: false,
        getVoices: () => list,
        addEventListener: (name, listener) => listeners.push(listener),
        speak(utterance) { window.__spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name }); },
        cancel() { window.__spoken.push({ cancelled: true }); },
        pause() { window.__spoken.push({ paused: true }); },
        resume() { window.__spoken.push({ resumed: true }); },
      },
    });
  };
}

test('"Đọc to" reads an item in Vietnamese with the phone\'s own voice, and can pause and stop', async ({ page }) => {
  await page.addInitScript(stubSpeech(), [
    { name: 'Google US English', lang: 'en-US', localService: true },
    { name: 'Giọng mạng', lang: 'vi-VN', localService: false },
    { name: 'Tiếng Việt (máy)', lang: 'vi-VN', localService: true },
  ]);
  await openApp(page, '#/so-tay/loi-bac-ho');
  const item = page.locator('.handbook-item').first();
  const title = await item.locator('h2').textContent();
  await item.getByRole('button', { name: 'Đọc to', exact: true }).click();
  const spoken = await page.evaluate(() => window.__spoken.filter((s) => s.text));
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe('vi-VN');
  expect(spoken[0].voice).toBe('Tiếng Việt (máy)');
  expect(spoken[0].text.startsWith(`${title}. `)).toBe(true);
  expect(spoken[0].text).toContain('Chi bộ là gốc rễ của Đảng');
  await item.getByRole('button', { name: 'Tạm dừng' }).click();
  await item.getByRole('button', { name: 'Đọc tiếp' }).click();
  await item.getByRole('button', { name: 'Dừng đọc' }).click();
  await expect(item.getByRole('button', { name: 'Đọc to', exact: true })).toBeVisible();
  const calls = await page.evaluate(() => window.__spoken.map((s) => Object.keys(s)[0]));
  expect(calls).toEqual(['cancelled', 'text', 'paused', 'resumed', 'cancelled']);
  // The whole section too.
  await page.getByRole('button', { name: 'Đọc to cả phần' }).click();
  const section = await page.evaluate(() => window.__spoken.filter((s) => s.text).at(-1).text);
  expect(section).toContain(title);
});

test('with no Vietnamese voice of its own on the phone, "Đọc to" is not offered and settings say why', async ({ page }) => {
  await page.addInitScript(stubSpeech(), [
    { name: 'Google US English', lang: 'en-US', localService: true },
    { name: 'Giọng mạng', lang: 'vi-VN', localService: false },
  ]);
  await openApp(page, '#/so-tay/loi-bac-ho');
  await expect(page.locator('.handbook-item').first()).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByRole('button', { name: /^Đọc to/ })).toHaveCount(0);
  await page.goto('#/cai-dat');
  await expect(page.getByText('Máy này chưa có giọng đọc tiếng Việt')).toBeVisible();
});

test('a section reopens where the reader left it, after a reload too, and "Mục tiếp theo" moves on', async ({ page }) => {
  await openApp(page, '#/so-tay/dieu-khong-duoc-lam');
  const items = page.locator('.handbook-item');
  await expect(items.nth(5)).toBeVisible();
  const sixth = await items.nth(5).locator('h2').textContent();
  await items.nth(5).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById(document.querySelectorAll('.handbook-item')[5].id).scrollIntoView());
  await page.waitForTimeout(400);
  await page.goto('#/so-tay');
  await page.reload();
  await expect(page.locator('#app .bottom-nav')).toBeVisible();
  await page.goto('#/so-tay/dieu-khong-duoc-lam');
  await expect(page.getByRole('status').filter({ hasText: 'Đọc tiếp từ chỗ đã dừng:' })).toContainText(sixth);
  await expect(page.locator('.handbook-item.targeted h2')).toHaveText(sixth);
  // The next item, from the end of this one.
  const seventh = await items.nth(6).locator('h2').textContent();
  await page.locator('.handbook-item.targeted').getByRole('link', { name: /^Mục tiếp theo:/ }).click();
  await expect(page.locator('.handbook-item.targeted h2')).toHaveText(seventh);
});

// Issue 29: the handbook says what the sources say, and shows how each item was checked.
const builtinPack = () => JSON.parse(readFileSync('domain/content/builtin-pack.json', 'utf8'));

test('the corrected items read as the sources say, with their check and both numbers', async ({ page }) => {
  await openApp(page, '#/so-tay/dieu-khong-duoc-lam/qd37-dieu-1');
  const article = page.locator('#muc-qd37-dieu-1');
  await expect(article.locator('.item-body')).toHaveText('Nói, viết, làm trái hoặc không thực hiện Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị, kết luận, quy định, quy chế, quyết định của Đảng; làm những việc mà pháp luật không cho phép');
  await expect(article.locator('.badge.status-official')).toHaveText('Nguyên văn của văn bản');
  await expect(article.locator('.badge.check-word_for_word')).toHaveText('Đã đối chiếu: đúng từng chữ');
  await expect(article.locator('.check-line')).toContainText('Đối chiếu ngày 05/12/2026 với:');
  await page.goto('#/so-tay/dieu-khong-duoc-lam/qd37-dieu-2-19');
  await expect(page.locator('#muc-qd37-dieu-2-19 .item-body')).toContainText('tự ứng cử, nhận đề cử và đề cử');
  await page.goto('#/so-tay/27-bieu-hien/nq04-nhom-1-bh-1');
  const first = page.locator('#muc-nq04-nhom-1-bh-1');
  await expect(first.locator('.item-body')).toContainText('hoài nghi, thiếu tin tưởng vào chủ nghĩa Mác - Lênin');
  await expect(first.locator('.item-numbers')).toHaveText('Số trong văn bản: nhóm 1, (1) · Số thứ tự do ứng dụng đặt để tra cứu (không phải số của văn bản): 1/27');
  await page.goto('#/so-tay/27-bieu-hien/nq04-nhom-2-bh-4');
  await expect(page.locator('#muc-nq04-nhom-2-bh-4 h2')).toContainText('bệnh thành tích');
  await page.screenshot({ path: 'target/screenshots/handbook-checked-item-360.png' });
});

test('the new items are found by search typed without diacritics', async ({ page }) => {
  await openHandbook(page);
  const box = page.getByLabel('Tra cứu trong sổ tay');
  for (const [query, title] of [
    ['dang phi', /Đảng phí/],
    ['chuan muc dao duc', /chuẩn mực đạo đức/i],
    ['noi cu tru', /nơi cư trú/i],
    ['mien sinh hoat dang', /[Mm]iễn công tác và sinh hoạt đảng/],
  ]) {
    await box.fill(query);
    await expect(page.locator('.result .result-title').first(), query).toHaveText(title);
  }
});

test('"Nguồn và đối chiếu" lists every item with counts that match the pack, least certain first on asking', async ({ page }) => {
  const pack = builtinPack();
  const items = pack.sections.flatMap((section) => section.items ?? []);
  const count = (outcome) => items.filter((item) => item.source.check?.outcome === outcome).length;
  await openHandbook(page);
  await page.getByRole('link', { name: 'Nguồn và đối chiếu' }).click();
  await expect(heading(page)).toHaveText('Nguồn và đối chiếu');
  await expect(page.locator('.source-row')).toHaveCount(items.length);
  const facts = page.locator('.check-counts');
  await expect(facts).toContainText(`Tổng số mục${items.length}`);
  await expect(facts).toContainText(`Đã đối chiếu: đúng từng chữ${count('word_for_word')}`);
  await expect(facts).toContainText(`Đã đối chiếu: tóm tắt đúng ý${count('faithful_summary')}`);
  await expect(facts).toContainText(`Chưa xác nhận được với nguồn${count('not_confirmed')}`);
  await expect(page.getByText(`phiên bản ${pack.version}, phát hành ngày 05/12/2026`)).toBeVisible();
  await page.getByRole('radio', { name: 'Mục cần đối chiếu lên trước' }).check();
  await expect(page.locator('.source-row').first()).toHaveAttribute('data-check', 'not_confirmed');
  await expect(page.locator('.source-row').last()).toHaveAttribute('data-check', 'word_for_word');
  await page.screenshot({ path: 'target/screenshots/handbook-sources-360.png' });
});
