// Committee authoring: a đảng ủy makes its scoring framework and a handbook pack with the forms
// (not JSON), sees each problem next to its field, cannot export anything invalid, exports the
// files; a chi bộ on another phone loads them and uses them. Drafts survive a reload; axe finds
// no serious violations on either editor; screenshots for looking at.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, openApp, clippedSelects } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const heading = (page) => page.getByRole('heading', { level: 1 });
const AN_PHU = 'Khung 100 điểm (thời kỳ Hướng dẫn 42), chi tiết theo phiếu chấm của Đảng ủy phường An Phú';
const COMMITTEE_NAME = 'Khung chấm điểm của Đảng ủy xã Tân Lập 2026';
const COMMITTEE_ID = 'dang-uy-xa-tan-lap-2026';
const criterion = (page, id) => page.locator(`li.criterion-card[aria-label="Tiêu chí ${id}"]`);
const group = (page, number) => page.locator(`article.group-card[aria-label="Nhóm ${number}"]`);
const exportButton = (page) => page.getByRole('button', { name: 'Xuất tệp (.json)' });

/** A second phone: a context of its own, with the project's settings, failing on outside requests. */
async function secondPhone(browser, testInfo) {
  const { baseURL, viewport, isMobile, hasTouch, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, locale, timezoneId });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(baseURL).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`outside request: ${url}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  return { context, page, problems };
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  mkdirSync('target/e2e-files', { recursive: true });
  const path = `target/e2e-files/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return path;
}

async function copyAnPhu(page) {
  await openApp(page, '#/soan-khung');
  await expect(heading(page)).toHaveText('Soạn khung chấm điểm');
  await page.getByRole('button', { name: `Sao chép khung «${AN_PHU}»` }).click();
  await expect(page.getByLabel('Tên khung')).toHaveValue(AN_PHU);
}

test('a committee copies the An Phú framework, fixes a wrong total, adds a guard and exports; a chi bộ scores with the file', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // Reachable from Thông tin chi bộ.
  await openApp(page, '#/chi-bo');
  await page.getByRole('link', { name: 'Soạn khung chấm điểm của cấp ủy' }).click();
  await expect(heading(page)).toHaveText('Soạn khung chấm điểm');
  await page.getByRole('button', { name: `Sao chép khung «${AN_PHU}»` }).click();
  await expect(page.getByText('Không còn lỗi. Có thể xuất tệp.')).toBeVisible();

  await page.getByLabel('Tên khung').fill(COMMITTEE_NAME);
  await page.getByLabel(/^Mã khung/).fill('hd42-anphu-2025');
  await expect(page.getByText('trùng với một khung có sẵn').first()).toBeVisible();
  await expect(exportButton(page)).toBeDisabled();
  await page.getByLabel(/^Mã khung/).fill(COMMITTEE_ID);
  await page.getByLabel('Cấp ủy ban hành').fill('Đảng ủy xã Tân Lập');

  // 3.1 worth 4 instead of 3: group 3 no longer adds up, and the message sits by its maximum.
  await criterion(page, '3.1').getByLabel('Điểm tối đa', { exact: true }).fill('4');
  const mismatch = 'Nhóm "3": các tiêu chí cộng lại 11 điểm nhưng nhóm ghi tối đa 10 điểm.';
  await expect(group(page, 3).locator('div.field').filter({ hasText: 'Điểm tối đa của nhóm' })).toContainText(mismatch);
  await expect(group(page, 3).locator('.running-total')).toHaveText('Các tiêu chí cộng lại: 11 / 10 điểm');
  await expect(page.locator('.problem-summary')).toContainText('Còn 1 lỗi cần sửa');
  await expect(page.locator('.problem-summary')).toContainText(mismatch);
  await expect(exportButton(page)).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Lưu khung này vào máy' })).toBeDisabled();
  await expect(page.locator('.sheet-preview')).toContainText('Sửa hết các lỗi để xem trước phiếu chấm.');

  // Fixed by taking the point from 3.2.
  await criterion(page, '3.2').getByLabel('Điểm tối đa', { exact: true }).fill('1');
  await expect(page.getByText('Không còn lỗi. Có thể xuất tệp.')).toBeVisible();
  await expect(page.locator('.running-total').first()).toHaveText('Các nhóm cộng lại: 100 / tổng khai báo 100 điểm');

  // A guard: Tốt needs full marks on attendance, otherwise Khá.
  await page.getByRole('button', { name: 'Thêm quy tắc khống chế' }).click();
  const guard = page.locator('article[aria-label="Quy tắc 1"]');
  await expect(guard).toContainText('Quy tắc khống chế "khong-che-1" chưa nêu tiêu chí nào phải đạt điểm tối đa.');
  await expect(exportButton(page)).toBeDisabled();
  await guard.getByRole('checkbox', { name: /^2\.1 / }).check();
  await guard.getByLabel('Ghi chú', { exact: true }).fill('Tốt cần đạt điểm tối đa về tỷ lệ dự');
  await expect(page.getByText('Không còn lỗi. Có thể xuất tệp.')).toBeVisible();

  // The preview scores the sample meeting: 3.1 ticked is worth its new 4 points.
  const preview = page.locator('.sheet-preview');
  await expect(preview.locator('li.criterion').filter({ hasText: '3.1 Nội dung sinh hoạt' }).locator('.points')).toHaveText('4/4');
  await expect(preview.locator('.total-line')).toContainText('/100');

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByLabel('Tên khung')).toHaveValue(COMMITTEE_NAME);
  await expect(criterion(page, '3.1').getByLabel('Điểm tối đa', { exact: true })).toHaveValue('4');
  await expect(page.locator('article[aria-label="Quy tắc 1"]').getByRole('checkbox', { name: /^2\.1 / })).toBeChecked();

  const path = await download(page, () => exportButton(page).click());
  expect(path).toMatch(new RegExp(`${COMMITTEE_ID}\\.json$`));

  // Another phone, a chi bộ: loads the file on Thông tin chi bộ and scores a meeting with it.
  const phone = await secondPhone(browser, testInfo);
  const other = phone.page;
  await openApp(other, '#/chi-bo');
  await other.getByLabel('Tên chi bộ').fill('Chi bộ thôn Đồng Tâm');
  await other.locator('.framework-file input[type=file]').setInputFiles(path);
  const filePreview = other.locator('.preview-box');
  await expect(filePreview).toContainText(COMMITTEE_NAME);
  await filePreview.getByRole('button', { name: 'Lưu khung này' }).click();
  await expect(other.getByRole('radio', { name: new RegExp(COMMITTEE_NAME) })).toBeChecked();
  await other.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(other.getByText('Đã lưu.')).toBeVisible();
  await other.goto('#/dang-vien/moi');
  await other.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await other.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(heading(other)).toHaveText('Danh sách đảng viên');
  await other.goto('#/sinh-hoat');
  await other.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await expect(heading(other)).toHaveText(/Sinh hoạt thường kỳ/);
  const sheet = other.locator('section.score-sheet');
  await expect(sheet.locator('details.provenance summary')).toContainText(COMMITTEE_NAME);
  const row = sheet.locator('li.criterion').filter({ hasText: 'Nội dung sinh hoạt đúng, đủ, có trọng tâm' });
  await row.getByRole('checkbox').check();
  await expect(row.locator('.points')).toHaveText('4/4');
  await expect(sheet.locator('.sheet-total')).toContainText('/100');
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});

test('saving asks before replacing another framework stored under the same id, not the one this form saved', async ({ page }) => {
  const dialogs = [];
  const answer = { accept: true };
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    if (answer.accept) dialog.accept(); else dialog.dismiss();
  });
  const save = page.getByRole('button', { name: 'Lưu khung này vào máy' });
  const saved = page.getByText('Đã lưu khung vào máy.');
  await copyAnPhu(page);
  await page.getByLabel('Tên khung').fill('Khung của năm trước');
  await page.getByLabel(/^Mã khung/).fill(COMMITTEE_ID);
  await save.click();
  await expect(saved).toBeVisible();
  // More edits, saved again by the same form: no question.
  await page.getByLabel('Tên khung').fill('Khung của năm trước (sửa)');
  await save.click();
  expect(dialogs).toEqual([]);

  // Saved again after a change of shape (the form is rebuilt): still no question.
  await page.getByRole('button', { name: 'Xuống Tiêu chí 3.1', exact: true }).click();
  await page.getByRole('button', { name: 'Lên Tiêu chí 3.1', exact: true }).click();
  await save.click();
  expect(dialogs).toEqual([]);

  // A new draft under the same id: asked, with the stored one named; "no" keeps it.
  await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await page.getByRole('button', { name: `Sao chép khung «${AN_PHU}»` }).click();
  await page.getByLabel('Tên khung').fill(COMMITTEE_NAME);
  await page.getByLabel(/^Mã khung/).fill(COMMITTEE_ID);
  answer.accept = false;
  await save.click();
  expect(dialogs.at(-1)).toBe(`Máy này đã có khung «Khung của năm trước (sửa)» cùng mã «${COMMITTEE_ID}». Lưu sẽ thay khung đó bằng khung đang soạn. Lưu và thay?`);
  await expect(saved).toHaveCount(0);
  const storedName = () => page.evaluate((id) => JSON.parse(localStorage.getItem(`sotay.framework.${id}`) || 'null')?.framework?.name, COMMITTEE_ID);
  expect(await storedName()).toBe('Khung của năm trước (sửa)');
  answer.accept = true;
  await save.click();
  await expect(saved).toBeVisible();
  expect(await storedName()).toBe(COMMITTEE_NAME);
});

test('a committee writes a pack with two new items, exports it; a chi bộ loads it and finds them without diacritics', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await openApp(page, '#/so-tay/bo-noi-dung');
  await page.getByRole('link', { name: 'Soạn bộ nội dung sổ tay' }).click();
  await expect(heading(page)).toHaveText('Soạn bộ nội dung sổ tay');
  await page.getByRole('button', { name: 'Bộ nội dung trống' }).click();
  await expect(exportButton(page)).toBeDisabled();

  await page.getByLabel('Tên bộ nội dung').fill('Tài liệu sinh hoạt của Đảng ủy xã Tân Lập');
  await page.getByLabel('Cơ quan ban hành').fill('Đảng ủy xã Tân Lập');
  const section = page.locator('article[aria-label="Phần 1"]');
  await section.getByLabel('Tên phần').fill('Quy định của xã');

  await section.getByRole('button', { name: 'Sửa mục Mục 1.1' }).click();
  const first = page.locator('li[aria-label="Mục 1.1"]');
  await first.getByLabel('Tiêu đề mục', { exact: true }).fill('Quy chế làm việc của chi bộ');
  const body = first.getByRole('textbox', { name: 'Nội dung', exact: true });
  await body.fill('Chi bộ họp vào ngày mồng 3 hằng tháng.');
  // The toolbar wraps the selection in the markup; the preview renders it as the reader does.
  await body.evaluate((area) => area.setSelectionRange(area.value.indexOf('mồng 3'), area.value.indexOf('mồng 3') + 'mồng 3'.length));
  await first.getByRole('button', { name: 'Nhấn mạnh' }).click();
  await expect(body).toHaveValue('Chi bộ họp vào ngày *mồng 3* hằng tháng.');
  await expect(first.locator('.body-preview em')).toHaveText('mồng 3');
  await first.getByLabel('Văn bản nguồn', { exact: true }).fill('Quy chế số 01-QC/ĐU');
  await first.getByLabel(/^Ngày của văn bản/).fill('15/01/2026');
  await expect(first).toContainText('«15/01/2026» không hợp lệ');
  await first.getByLabel(/^Ngày của văn bản/).fill('2026-01-15');

  await section.getByRole('button', { name: 'Thêm mục (Phần 1)' }).click();
  const second = page.locator('li[aria-label="Mục 1.2"]');
  await expect(second.getByLabel('Tiêu đề mục', { exact: true })).toBeVisible();
  await expect(page.locator('.problem-summary')).toContainText('Mục thứ 2 của phần «Quy định của xã»');
  await second.getByLabel('Tiêu đề mục', { exact: true }).fill('Lịch tiếp dân của đảng ủy');
  await second.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('- Thứ Hai: đồng chí Bí thư\n- Thứ Năm: đồng chí Phó Bí thư');
  await expect(second.locator('.body-preview li')).toHaveCount(2);
  await second.getByLabel('Văn bản nguồn', { exact: true }).fill('Thông báo số 5-TB/ĐU');
  await second.getByLabel(/^Ngày của văn bản/).fill('2026-02');
  await expect(page.getByText('Không còn lỗi. Có thể xuất tệp.')).toBeVisible();

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByLabel('Tên bộ nội dung')).toHaveValue('Tài liệu sinh hoạt của Đảng ủy xã Tân Lập');
  await expect(page.locator('li[aria-label="Mục 1.2"] .item-head')).toContainText('Lịch tiếp dân của đảng ủy');

  const path = await download(page, () => exportButton(page).click());

  // Used on this device: the reader has it.
  await page.getByRole('button', { name: 'Dùng bộ nội dung này trên máy' }).click();
  await expect(page.getByText('Đã dùng bộ nội dung này trên máy.')).toBeVisible();
  await page.getByRole('link', { name: 'Mở sổ tay' }).click();
  await page.getByLabel('Tra cứu trong sổ tay').fill('quy che lam viec');
  await expect(page.locator('.result .result-title').first()).toHaveText('Quy chế làm việc của chi bộ');

  // Another phone loads the exported file and finds both items.
  const phone = await secondPhone(browser, testInfo);
  const other = phone.page;
  await openApp(other, '#/so-tay/bo-noi-dung');
  await other.locator('input[type=file]').setInputFiles(path);
  await expect(other.getByRole('status').filter({ hasText: 'Tài liệu sinh hoạt của Đảng ủy xã Tân Lập' })).toBeVisible();
  await other.goto('#/so-tay');
  await other.getByLabel('Tra cứu trong sổ tay').fill('lich tiep dan');
  await expect(other.locator('.result .result-title').first()).toHaveText('Lịch tiếp dân của đảng ủy');
  await other.locator('.result .result-title').first().click();
  await expect(other.locator('.handbook-item.targeted')).toContainText('Thứ Hai: đồng chí Bí thư');
  await other.goto('#/so-tay');
  await other.getByLabel('Tra cứu trong sổ tay').fill('quy che lam viec chi bo');
  await expect(other.locator('.result .result-title').first()).toHaveText('Quy chế làm việc của chi bộ');
  expect(phone.problems).toEqual([]);
  await phone.context.close();
});

test.describe('accessibility and looks', () => {
  // axe is injected as an inline script, which the page's CSP forbids (as in a11y.spec.mjs).
  test.use({ bypassCSP: true });

  async function seriousViolations(page, where) {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of serious) console.log(`[axe] ${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    return serious.map((v) => v.id);
  }

  async function openPackDraft(page) {
    await openApp(page, '#/soan-so-tay');
    await page.getByRole('button', { name: 'Bộ nội dung trống' }).click();
    await page.getByRole('button', { name: 'Sửa mục Mục 1.1' }).click();
    await page.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('## Tiêu đề\n\nĐoạn có *nhấn mạnh*.\n\n> Trích dẫn');
  }

  test('both editors have no serious or critical violations, at normal and very large text', async ({ page }) => {
    test.setTimeout(90_000);
    const found = {};
    for (const size of ['normal', 'xlarge']) {
      await openApp(page, '#/cai-dat');
      await page.getByRole('radio', { name: size === 'xlarge' ? 'Rất lớn' : 'Bình thường' }).check();
      await copyAnPhu(page);
      await criterion(page, '3.1').getByLabel('Điểm tối đa', { exact: true }).fill('4'); // with a problem shown
      const framework = await seriousViolations(page, `framework editor (${size})`);
      if (framework.length) found[`framework ${size}`] = framework;
      await openPackDraft(page);
      const pack = await seriousViolations(page, `pack editor (${size})`);
      if (pack.length) found[`pack ${size}`] = pack;
      await page.evaluate(() => localStorage.clear());
    }
    expect(found).toEqual({});
  });

  test('screenshots at 360 px (normal and very large text) and 1366 px', async ({ page }) => {
    test.setTimeout(90_000);
    mkdirSync('target/screenshots', { recursive: true });
    const shoot = async (name) => page.screenshot({ path: `target/screenshots/authoring-${name}.png`, fullPage: false });
    await copyAnPhu(page);
    await criterion(page, '3.1').getByLabel('Điểm tối đa', { exact: true }).fill('4');
    await criterion(page, '2.1').scrollIntoViewIfNeeded();
    await shoot('framework-360');
    await group(page, 3).scrollIntoViewIfNeeded();
    await shoot('framework-360-group');
    await openPackDraft(page);
    await page.locator('.toolbar').scrollIntoViewIfNeeded();
    await shoot('pack-360');

    await openApp(page, '#/cai-dat');
    await page.getByRole('radio', { name: 'Rất lớn' }).check();
    await page.goto('#/soan-khung');
    await criterion(page, '1.1').scrollIntoViewIfNeeded();
    await shoot('framework-360-xlarge');
    // A select shows its choice on one line: none may be cut at this size.
    expect(await clippedSelects(page)).toEqual([]);
    // Long choices are radio buttons, every one readable.
    await page.getByRole('group', { name: 'Độ tin cậy của lời văn' }).scrollIntoViewIfNeeded();
    await shoot('framework-360-xlarge-choices');
    await expect(page.getByRole('radio', { name: 'Theo nguồn thứ cấp, chưa đối chiếu văn bản gốc' })).toBeVisible();
    await page.goto('#/soan-so-tay');
    await page.getByRole('button', { name: 'Sửa mục Mục 1.1' }).click();
    await page.locator('.toolbar').scrollIntoViewIfNeeded();
    await shoot('pack-360-xlarge');

    await page.goto('#/cai-dat');
    await page.getByRole('radio', { name: 'Bình thường' }).check();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('#/soan-khung');
    await group(page, 3).scrollIntoViewIfNeeded();
    await shoot('framework-1366');
    await page.goto('#/soan-so-tay');
    await page.getByRole('button', { name: 'Sửa mục Mục 1.1' }).click();
    await shoot('pack-1366');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(sideways).toBe(false);
  });
});
