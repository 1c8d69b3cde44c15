// A committee's own scoring framework, loaded from the file the đảng ủy sends: validated
// completely with a Vietnamese message naming the place, previewed, stored, chosen for the
// chi bộ, and replaced by a later version.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const heading = (page) => page.getByRole('heading', { level: 1 });
const COMMITTEE_NAME = 'Khung chấm điểm của Đảng ủy xã Tân Lập <b>2026</b>';

/** The An Phú frame as a committee would re-issue it under its own id and name. */
function committeeFramework(changes = {}) {
  const base = JSON.parse(readFileSync('domain/frameworks/hd42-anphu-2025.json', 'utf8'));
  return {
    ...base,
    id: 'dang-uy-xa-tan-lap-2026',
    name: COMMITTEE_NAME,
    issued_by: 'Đảng ủy xã Tân Lập',
    ...changes,
  };
}

function writeFramework(name, framework) {
  mkdirSync('target/e2e-files', { recursive: true });
  const path = `target/e2e-files/${name}`;
  writeFileSync(path, JSON.stringify(framework, null, 2));
  return path;
}

async function openSetup(page) {
  await openApp(page, '#/chi-bo');
  await expect(heading(page)).toHaveText('Thiết lập chi bộ');
}

const loadFile = (page, path) => page.locator('.framework-file input[type=file]').setInputFiles(path);

test('a wrong framework file is refused with the place named, and nothing changes', async ({ page }) => {
  await openSetup(page);
  const choicesBefore = await page.getByRole('radio').count();

  const broken = committeeFramework();
  broken.groups[0].criteria[0].max_points = 4; // group 1 says 5 points
  await loadFile(page, writeFramework('framework-broken.json', broken));
  const refusal = page.getByRole('alert').filter({ hasText: 'Không nạp được khung chấm điểm' });
  await expect(refusal).toContainText('Nhóm "1": các tiêu chí cộng lại 4 điểm nhưng nhóm ghi tối đa 5 điểm.');

  await loadFile(page, writeFramework('framework-builtin-id.json', committeeFramework({ id: 'hd42-anphu-2025' })));
  await expect(refusal).toContainText('trùng với một khung có sẵn');

  await loadFile(page, writeFramework('framework-not-json.json', '{"id": "x",'));
  await expect(refusal).toContainText(/không đúng định dạng \(dòng \d+, cột \d+\)/);

  await expect(page.getByRole('radio')).toHaveCount(choicesBefore);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sotay.framework.')))).toEqual([]);
});

test('a committee framework is previewed, stored, chosen for the chi bộ, and replaced by a later version', async ({ page }) => {
  await openSetup(page);
  await loadFile(page, writeFramework('framework-tan-lap.json', committeeFramework()));

  const preview = page.locator('.preview-box');
  // Its texts are shown as text: the <b> in the name stays visible as typed.
  await expect(preview).toContainText(COMMITTEE_NAME);
  await expect(preview.locator('b')).toHaveCount(0);
  await expect(preview).toContainText('Ban hành: Đảng ủy xã Tân Lập');
  await expect(preview).toContainText('Tổng điểm tối đa: 100');
  await expect(preview).toContainText('Khung mới, chưa có trên máy.');
  await preview.getByRole('button', { name: 'Lưu khung này' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu khung' })).toBeVisible();
  await expect(page.getByRole('radio', { name: new RegExp(COMMITTEE_NAME.replace(/[<>]/g, '.')) })).toBeChecked();

  await page.getByLabel('Tên chi bộ').fill('Chi bộ thôn Đồng Tâm');
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();

  // Kept on the phone, and the chi bộ scores with it.
  await page.reload();
  await expect(heading(page)).toHaveText('Thông tin chi bộ');
  await expect(page.getByRole('radio', { name: /Đảng ủy xã Tân Lập/ })).toBeChecked();
  const chiBo = await page.evaluate(() => JSON.parse(localStorage.getItem('sotay.chibo')));
  expect(chiBo.framework_id).toBe('dang-uy-xa-tan-lap-2026');

  // A later version under the same id replaces it, after saying so.
  await loadFile(page, writeFramework('framework-tan-lap-v2.json', committeeFramework({ name: 'Khung chấm điểm của Đảng ủy xã Tân Lập (sửa đổi)' })));
  await expect(preview).toContainText(`Thay cho khung «${COMMITTEE_NAME}» đã nạp trước đây (cùng mã).`);
  await preview.getByRole('button', { name: 'Lưu khung này' }).click();
  await expect(page.getByRole('radio', { name: /sửa đổi/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /<b>2026<\/b>/ })).toHaveCount(0);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sotay.framework.')));
  expect(stored).toEqual(['sotay.framework.dang-uy-xa-tan-lap-2026']);

  // The handbook's scoring frame lists it, and search finds it.
  await page.getByRole('link', { name: 'Sổ tay', exact: true }).click();
  await page.getByLabel('Tra cứu trong sổ tay').fill('tan lap sua doi');
  await expect(page.locator('.result .result-title').first()).toHaveText('Khung chấm điểm của Đảng ủy xã Tân Lập (sửa đổi)');
});
