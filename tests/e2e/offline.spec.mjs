import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, openApp } from './fixtures.mjs';
import { DIST_DIR, SITE_DIR } from '../../playwright.config.mjs';

const heading = (page) => page.getByRole('heading', { level: 1 });
const nav = (page) => page.getByRole('navigation', { name: 'Chuyển màn hình' });

/** Waits until the service worker controls the page (it claims clients once active). */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

test('after one visit the app opens and moves between screens with no network', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(nav(page)).toBeVisible();
  await expect(heading(page)).toHaveText('Trang chủ');
  for (const [label, title] of [['Sinh hoạt', 'Sinh hoạt chi bộ'], ['Sổ tay', 'Sổ tay đảng viên'], ['Dữ liệu', 'Dữ liệu']]) {
    await nav(page).getByRole('link', { name: label }).click();
    await expect(heading(page)).toHaveText(title);
  }
  // A deep link opened cold while offline also gets the app shell.
  await page.goto('#/cai-dat');
  await page.reload();
  await expect(heading(page)).toHaveText('Cài đặt');
  // Every screen's module was precached on the first visit, though none of these was opened.
  for (const [hash, title] of [['#/chi-bo', 'Thiết lập chi bộ'], ['#/dang-vien', 'Danh sách đảng viên'],
    ['#/dang-vien/moi', 'Thêm đảng viên'], ['#/tong-hop/2026', 'Tổng hợp năm 2026'], ['#/so-tay/danh-dau', 'Đánh dấu và ghi chú'],
    ['#/so-tay/bo-noi-dung', 'Bộ nội dung sổ tay']]) {
    await page.goto(hash);
    await expect(heading(page), hash).toHaveText(title);
  }

  // With no signal at all, a meeting is recorded from scratch and kept.
  await recordMeetingStart(page);
  await page.reload();
  await expect(page.getByLabel('Địa điểm')).toHaveValue('Nhà văn hóa thôn');
  await expect(page.locator('li.roll-row').getByRole('button', { name: 'Có mặt' })).toHaveAttribute('aria-pressed', 'true');
  await context.setOffline(false);
});

test('a first visit downloads the app files once: the worker precaches the copies the page just fetched', async ({ page, context }) => {
  const downloads = [];
  context.on('requestfinished', (request) => {
    if (/\.(wasm|js|css)$/.test(new URL(request.url()).pathname)) {
      downloads.push(request.sizes().then((sizes) => (sizes.responseBodySize > 0 ? new URL(request.url()).pathname : null)));
    }
  });
  await openApp(page);
  await waitForServiceWorker(page);
  await page.waitForLoadState('networkidle');
  const downloaded = (await Promise.all(downloads)).filter(Boolean);
  const hashed = downloaded.filter((name) => /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/.test(name));
  // The first screen's files: the JS glue, the split loader, the main wasm and the stylesheet;
  // the other screens' modules only through the worker's precache. None twice.
  for (const file of [/\/sotay-[0-9a-f]{16}\.js$/, /\/__wasm_split-[0-9a-f]{16}\.js$/, /\/sotay_bg-[0-9a-f]{16}\.wasm$/, /\/main-[0-9a-f]+\.css$/]) {
    expect(hashed.filter((name) => file.test(name)), `downloaded: ${downloaded.join(', ')}`).toHaveLength(1);
  }
  expect(new Set(hashed).size, `downloaded: ${downloaded.join(', ')}`).toBe(hashed.length);
});

test.describe('a screen whose module cannot be fetched', () => {
  test.use({ allowConsoleErrors: true, serviceWorkers: 'block' });

  test('says so in Vietnamese with "Thử lại", and opens once the module is there', async ({ page }) => {
    let refuse = true;
    await page.route(/split_meeting_list-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.fulfill({ status: 404, body: '' }) : route.continue()));
    await openApp(page);
    await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Chưa mở được phần này' });
    await expect(alert).toBeVisible();
    await expect(page.locator('#boot-crashed')).toBeHidden();
    // The rest of the app still works.
    await nav(page).getByRole('link', { name: 'Trang chủ' }).click();
    await expect(heading(page)).toHaveText('Trang chủ');
    await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
    // Asked again, still refused: the message again (waited for, so that the module comes
    // back only after this second request, not in a race with it).
    await expect(alert).toBeVisible();
    refuse = false;
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect(heading(page)).toHaveText('Sinh hoạt chi bộ');
  });
});

/** Sets up a chi bộ with one member and starts a meeting, leaving it half filled. */
async function recordMeetingStart(page) {
  await page.goto('#/chi-bo');
  await page.getByLabel('Tên chi bộ').fill('Chi bộ bản Nà Hang');
  await page.getByRole('button', { name: 'Lưu thông tin chi bộ' }).click();
  await page.goto('#/dang-vien/moi');
  await page.getByLabel('Họ và tên').fill('Lò Văn Pản');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(heading(page)).toHaveText('Danh sách đảng viên');
  await nav(page).getByRole('link', { name: 'Sinh hoạt' }).click();
  await page.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await page.locator('li.roll-row').getByRole('button', { name: 'Có mặt' }).click();
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn');
}

test.describe('a new version published in place of the old one', () => {
  const nextDist = resolve('target/e2e-dist-next');
  const servedLink = resolve(SITE_DIR, 'so-tay');

  /**
   * Plays a new publication: a changed file and the new build id in the worker and (unless
   * `stalePage`: a host still serving the old start page) in the page. `careless`: the host
   * answers a missing file with its start page and status 200; `missing`: files of the new
   * build not uploaded (yet).
   */
  function publishNextBuild({ stalePage = false, careless = false, missing = [] } = {}) {
    rmSync(nextDist, { recursive: true, force: true });
    cpSync(resolve(DIST_DIR), nextDist, { recursive: true });
    writeFileSync(`${nextDist}/boot.js`, `${readFileSync(`${nextDist}/boot.js`, 'utf8')}\n// next build\n`);
    const worker = readFileSync(`${nextDist}/sw.js`, 'utf8');
    const version = worker.match(/const BUILD_VERSION = '([0-9a-f]+)'/)[1];
    const next = worker.replace(`const BUILD_VERSION = '${version}'`, `const BUILD_VERSION = 'next${version}'`);
    expect(next).not.toBe(worker);
    writeFileSync(`${nextDist}/sw.js`, next);
    if (!stalePage) {
      const page = readFileSync(`${nextDist}/index.html`, 'utf8');
      // The build id's first mention is the page's <meta name="sotay-build"> (minified or not).
      const nextPage = page.replace(version, `next${version}`);
      expect(nextPage.match(/<meta\b[^>]*sotay-build[^>]*>/)[0]).toContain(`next${version}`);
      expect(nextPage).not.toBe(page);
      writeFileSync(`${nextDist}/index.html`, nextPage);
    }
    // A file of the new build not uploaded: the new build names it (under a new hash, as a
    // changed file has) and the host does not have it.
    for (const pattern of missing) {
      const name = readdirSync(nextDist).find((file) => pattern.test(file));
      const renamed = name.replace(/-([0-9a-f]{4})/, '-beef');
      writeFileSync(`${nextDist}/sw.js`, readFileSync(`${nextDist}/sw.js`, 'utf8').replace(`"${name}"`, `"${renamed}"`));
      rmSync(`${nextDist}/${name}`);
    }
    if (careless) writeFileSync(`${nextDist}/.missing-as-html`, '');
    unlinkSync(servedLink);
    symlinkSync(nextDist, servedLink);
  }

  /** Asks the browser for the published worker; resolves with the new worker's final state. */
  async function updateAndWatch(page) {
    return page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update().catch(() => {});
      const worker = registration.installing || registration.waiting;
      if (!worker) return 'none';
      if (worker.state === 'installed' || worker.state === 'redundant') return worker.state;
      return new Promise((done) => worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' || worker.state === 'redundant') done(worker.state);
      }));
    });
  }

  /** After a refused update, the installed version still opens every screen with no network. */
  async function oldVersionStillWorksOffline(page, context) {
    const caches = await page.evaluate(() => caches.keys());
    expect(caches, 'only the installed version is cached').toHaveLength(1);
    expect(caches[0]).not.toContain('next');
    await context.setOffline(true);
    await page.reload();
    await expect(heading(page)).toHaveText('Trang chủ');
    for (const [hash, title] of [['#/sinh-hoat', 'Sinh hoạt chi bộ'], ['#/so-tay', 'Sổ tay đảng viên'], ['#/cai-dat', 'Cài đặt'], ['#/du-lieu', 'Dữ liệu']]) {
      await page.goto(hash);
      await expect(heading(page), hash).toHaveText(title);
    }
    expect(await page.evaluate(() => fetch('boot.js').then((r) => r.text()))).not.toContain('// next build');
    await context.setOffline(false);
  }

  test.afterEach(() => {
    unlinkSync(servedLink);
    symlinkSync(resolve(DIST_DIR), servedLink);
    rmSync(nextDist, { recursive: true, force: true });
  });

  test('is offered in a banner and applied only on the user\'s word, keeping a half-filled form', async ({ page }) => {
    await openApp(page, '#/cai-dat');
    await waitForServiceWorker(page);
    await page.getByRole('radio', { name: 'Lớn', exact: true }).check();
    // The user is in the middle of recording a meeting.
    await recordMeetingStart(page);
    await page.getByLabel('Nghị quyết / kết luận').fill('Chi bộ thống nhất');
    const meetingUrl = page.url();

    publishNextBuild();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

    const banner = page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' });
    await expect(banner).toBeVisible();
    // It stands out from the screen (its own background); a stray brace in the stylesheet
    // once made the browser drop this rule unnoticed.
    await expect(banner).toHaveCSS('background-color', 'rgb(255, 246, 214)');
    // Nothing changes until the user says so.
    await expect(page.getByLabel('Nghị quyết / kết luận')).toHaveValue('Chi bộ thống nhất');
    const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);

    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: 'Cập nhật ngay' }).click(),
    ]);
    await expect(nav(page)).toBeVisible();
    expect(page.url()).toBe(meetingUrl);
    await expect(page.getByLabel('Nghị quyết / kết luận')).toHaveValue('Chi bộ thống nhất');
    await expect(page.getByLabel('Địa điểm')).toHaveValue('Nhà văn hóa thôn');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    await expect(page.getByText('Đã có phiên bản mới')).toHaveCount(0);
    const bootScript = await page.evaluate(() => fetch('boot.js').then((r) => r.text()));
    expect(bootScript).toContain('// next build');
    // The cache carries the deployment's folder, so another deployment on the origin keeps its own.
    expect(await page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/^sotay-\/so-tay\/-next/)]);
    expect(oldWorker).toContain('sw.js');
  });

  test('can be put off with "Để sau"', async ({ page }) => {
    await openApp(page);
    await waitForServiceWorker(page);
    publishNextBuild();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Để sau' }).click();
    await expect(banner).toHaveCount(0);
    // The old version keeps running; the new one waits, and the old cache is not deleted.
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration.waiting !== null, caches: await caches.keys() };
    });
    expect(state.waiting).toBe(true);
    expect(state.caches).toContainEqual(expect.not.stringMatching(/next/));
    await expect(page.locator('script#boot-script')).toHaveCount(1);
    expect(await page.evaluate(() => fetch('boot.js').then((r) => r.text()))).not.toContain('// next build');
  });

  test('is refused while the host still serves the old start page, and the installed version stays', async ({ page, context }) => {
    await openApp(page);
    await waitForServiceWorker(page);
    publishNextBuild({ stalePage: true });
    expect(await updateAndWatch(page)).toBe('redundant');
    await expect(page.getByText('Đã có phiên bản mới')).toHaveCount(0);
    await oldVersionStillWorksOffline(page, context);
  });

  test('is refused while a file is missing and the host answers it with a 200 HTML page', async ({ page, context }) => {
    await openApp(page);
    await waitForServiceWorker(page);
    // The settings screen's module was not uploaded; the host answers its name with index.html.
    publishNextBuild({ careless: true, missing: [/^split_settings-[0-9a-f]+\.wasm$/] });
    const asked = await page.evaluate(async () => {
      const name = JSON.parse(/const PRECACHE = JSON.parse\('(.*)'\)/.exec(await (await fetch('sw.js', { cache: 'reload' })).text())[1]).find((file) => file.startsWith('split_settings-beef'));
      const answer = await fetch(name, { cache: 'reload' });
      return { status: answer.status, type: answer.headers.get('content-type') };
    });
    expect(asked).toEqual({ status: 200, type: 'text/html' });
    expect(await updateAndWatch(page)).toBe('redundant');
    await oldVersionStillWorksOffline(page, context);
  });

  test('two deployments on one origin keep each other\'s offline copies', async ({ page }) => {
    await openApp(page);
    await waitForServiceWorker(page);
    // Another deployment's cache, as its worker names it, and one of this deployment's old ones.
    await page.evaluate(async () => {
      await (await caches.open('sotay-/thon-b/-0123456789abcdef')).put('/thon-b/', new Response('other'));
      await (await caches.open('sotay-/so-tay/-0123456789abcdef')).put('/so-tay/', new Response('old'));
    });
    publishNextBuild();
    expect(await updateAndWatch(page)).toBe('installed');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const activated = new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
      registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      await activated;
    });
    await expect.poll(() => page.evaluate(() => caches.keys()).then((names) => names.sort())).toEqual([
      expect.stringMatching(/^sotay-\/so-tay\/-next/),
      'sotay-/thon-b/-0123456789abcdef',
    ]);
  });
});
