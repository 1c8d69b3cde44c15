// Benchmark of the web app's release build: bundle sizes and start-up time in headless Chromium,
// side by side with a plain static HTML page of the same first screen, measured in the same run.
//
// Run through scripts/bench.sh, which builds target/bench-dist first. Prints a table and rewrites
// only its own section of BENCHMARKS.md (between the bench:web markers). Not part of the tests.
//
// Environment (all optional): BENCH_DIST (default target/bench-dist), BENCH_PORT (4191),
// BENCH_RUNS (15 per case), BENCH_NO_WRITE=1 (print only, leave BENCHMARKS.md alone).
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { lighthouseInstalled, lighthouseRuns } from './lighthouse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env.BENCH_DIST || 'target/bench-dist');
const SITE = path.resolve(ROOT, 'target/bench-site');
const SUBPATH = 'so-tay';
// Not 4173 (e2e) or 8080 (run.sh); not 4190 either: it is on the Fetch standard's list of blocked ports.
const PORT = Number(process.env.BENCH_PORT || 4191);
const BASE = `http://127.0.0.1:${PORT}/${SUBPATH}/`;
const RUNS = Number(process.env.BENCH_RUNS || 15);
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const MARK_START = '<!-- bench:web:start -->';
const MARK_END = '<!-- bench:web:end -->';
const SECTION_HEADING = '## Web app (release build)';

// The page the bench writes next to the build: the app's rendered first screen as plain HTML.
const STATIC_PAGE = 'static-home.html';
const APP_BIN_PREFIX = 'sotay-';
const SERVICE_WORKER = 'sw.js';

const CPU_SLOWDOWN = 4;
// Lighthouse's "Slow 4G" profile (150 ms RTT, 1.6 Mbps down, 750 Kbps up) with its nominal values,
// applied as DevTools request-level throttling (Lighthouse's own DevTools mode would multiply the
// latency by 3.75 and the throughput by 0.9; we do not).
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const SLOW_4G_LABEL = 'Slow 4G (Lighthouse nominal: 150 ms RTT, 1.6 Mbps down, 750 Kbps up)';

// The budgets of the split-build issue (BENCHMARKS.md says which are met).
const BUDGET_FIRST_LOAD_GZIP = 200_000; // bytes; 1 KB = 1000 bytes throughout
const BUDGET_COLD_USABLE_MS = 2500;
const BUDGET_FIRST_PAINT_RATIO = 1.2;
const BUDGET_WARM_RATIO = 1.5;
const BUDGET_TEN_YEARS_START_RATIO = 1.2;
const BUDGET_TEN_YEARS_MEMORY = 20_000_000;
// The precache decision (1,100 KB gzip, decided after the split round). The test command's
// guard (scripts/check_sizes.py) counts the dist's files, this counts what the first visit
// downloads (the page, its shell and the worker's precache, some of it twice).
const BUDGET_PRECACHE_GZIP = 1_100_000;
const BUDGET_KEYSTROKE_P95_MS = 16;
const BUDGET_COLLECT_MS = 5000;
const BUDGET_OVERVIEW_MS = 200;
const BUDGET_COLLECTION_START_RATIO = 1.3;
const BUDGET_COLLECTION_MEMORY = 60_000_000;
/** Issue 31: a city or sector committee's 300 chi bộ. */
const BUDGET_LARGE_COLLECTION_MEMORY = 150_000_000;
/** Issue 31: no long task on the first visit, as Lighthouse's Total Blocking Time counts them. */
const BUDGET_TBT_MS = 150;
/** Issue 31: a tap on the roll call or the score sheet, to the next paint, with ten years stored. */
const BUDGET_TAP_P95_MS = 50;
/** Issue 31: the overview and a chi bộ open ≤ 1.5 s after a restart, at 4× CPU. */
const BUDGET_RESTART_MS = 1500;
/** Issue 31: Lighthouse's mobile performance score on a gzip host, empty and with ten years stored. */
const BUDGET_LIGHTHOUSE_SCORE = 95;
/** Lighthouse runs per case (each about 10 s). */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);

const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CONTEXT_OPTIONS = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
};

// Installed in every page before any of its scripts: records performance.now() (milliseconds
// since navigation start) at the first DOM mutation after which both the bottom navigation and
// the h1 exist. Works the same for the parser filling in the static page and for the app mounting.
const USABLE_PROBE = () => {
  // Long tasks, for the Total Blocking Time (measureStart's `blocking`).
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the bench reports none.
  }
  const check = () => {
    if (window.__benchUsableAt === undefined && document.querySelector('#app .bottom-nav') && document.querySelector('h1')) {
      window.__benchUsableAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => `${Math.round(value)} ms`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sum = (values) => values.reduce((a, b) => a + b, 0);
/** Nearest-rank percentile. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms1 = (value) => `${value.toFixed(1)} ms`;
/** A table row of samples: how many, p50, p95, max. */
const percentileRow = (label, values) => [label, String(values.length), ms1(percentile(values, 50)), ms1(percentile(values, 95)), ms1(Math.max(...values))];
/** A budget line's verdict. */
const mark = (met) => (met ? 'met' : '**not met**');
const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const log = (message) => process.stderr.write(`bench: ${message}\n`);

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function sizesOf(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function totals(entries) {
  return {
    raw: sum(entries.map((e) => e.raw)),
    gzip: sum(entries.map((e) => e.gzip)),
    brotli: sum(entries.map((e) => e.brotli)),
  };
}

/** The dist-relative file a request URL names ('' for the scope itself is index.html). */
function distFileOf(url) {
  const { pathname } = new URL(url);
  const prefix = `/${SUBPATH}/`;
  if (!pathname.startsWith(prefix)) return null;
  const relative = decodeURIComponent(pathname.slice(prefix.length));
  return relative === '' ? 'index.html' : relative;
}

/**
 * A 90 % bootstrap interval of median(a) / median(b): how far the ratio of medians could move
 * with other runs on the same machine (the static page's warm times are spread widely here).
 * Seeded, so the same runs always give the same interval.
 */
function ratioInterval(a, b, resamples = 2000) {
  let seed = 0x5eed;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const resample = (values) => values.map(() => values[Math.floor(random() * values.length)]);
  const ratios = [];
  for (let i = 0; i < resamples; i += 1) ratios.push(median(resample(a)) / median(resample(b)));
  return [percentile(ratios, 5), percentile(ratios, 95)];
}

// ---------------------------------------------------------------------------------------------
// Server

async function isServing(url) {
  try {
    const response = await fetch(url);
    return response.ok;
  } catch {
    return false;
  }
}

async function startServer() {
  if (await isServing(`http://127.0.0.1:${PORT}/`)) {
    throw new Error(`port ${PORT} is already in use; set BENCH_PORT to a free port`);
  }
  const server = spawn('python3', [path.join(ROOT, 'tests/e2e/serve.py'), SITE, SUBPATH, DIST, String(PORT)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept only to explain a failed start: once running, the server's stderr is tracebacks about
  // connections the bench closed on purpose (a context closed while the worker was precaching).
  let errors = '';
  server.stderr.on('data', (chunk) => { errors = (errors + chunk).slice(-4000); });
  let exited = false;
  server.on('exit', () => { exited = true; });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (exited) throw new Error(`tests/e2e/serve.py exited:\n${errors}`);
    if (await isServing(BASE)) return server;
    await sleep(100);
  }
  server.kill();
  throw new Error(`the server did not answer on ${BASE}`);
}

// ---------------------------------------------------------------------------------------------
// Browser measurements

/**
 * Opens `url` in a new page of `context` with the CPU (and optionally the network) throttled,
 * and returns the time until the first screen is usable, with where the responses came from.
 */
async function measureStart(context, url, { network, waitForFullRead = false, workerAsleep = false, blocking = false }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A phone opening the app again after a while: the browser has stopped the idle worker (it
  // does after about 30 s), so the worker has to start again, unless its routes answer.
  if (workerAsleep) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.send('ServiceWorker.disable');
  }
  const responses = [];
  const servedFromMemory = new Set();
  cdp.on('Network.requestServedFromCache', ({ requestId }) => servedFromMemory.add(requestId));
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    responses.push({
      requestId,
      fromServiceWorker: Boolean(response.fromServiceWorker),
      fromCache: Boolean(response.fromDiskCache || response.fromPrefetchCache),
      // Answered by the worker's static routes (its cache, without running the worker).
      routed: response.serviceWorkerRouterInfo?.actualSourceType ?? null,
    });
  });
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);

  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => window.__benchUsableAt !== undefined, null, { polling: 100, timeout: 120_000 });
  await page.waitForLoadState('domcontentloaded');
  // The static page can be usable before its first paint: wait for the paint's entry, so that
  // every run reports one (a page that never paints in 10 s reports none).
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50, timeout: 10_000 })
    .catch(() => {});
  // The app reads every stored record just after its first screen is painted (src/store):
  // where asked, wait for that too, to report when it ends.
  if (waitForFullRead) {
    await page.waitForFunction(() => performance.getEntriesByName('sotay:load-store', 'measure').length > 0, null, { polling: 100, timeout: 120_000 });
  }
  // Total Blocking Time as Lighthouse counts it (each long task's time over 50 ms, from the
  // first paint), until the main thread has been quiet for 5 s (Lighthouse's TTI window), at
  // most 20 s after navigation.
  const totalBlocking = blocking ? await page.waitForFunction(() => {
    const tasks = window.__benchLongTasks;
    const lastEnd = tasks.length ? Math.max(...tasks.map((t) => t.start + t.duration)) : 0;
    const quietSince = Math.max(lastEnd, window.__benchUsableAt ?? 0);
    if (performance.now() - quietSince < 5000 && performance.now() < 20_000) return false;
    const firstPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    return { tbt: tasks.filter((t) => t.start >= firstPaint).reduce((total, t) => total + Math.max(0, t.duration - 50), 0) };
  }, null, { polling: 250, timeout: 30_000 }).then((handle) => handle.jsonValue()).then((value) => value.tbt) : null;
  const result = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const receivedAt = (suffix) => {
      const entry = resources.find((r) => r.name.split('?')[0].endsWith(suffix));
      return entry ? entry.responseEnd : null;
    };
    return {
      usable: window.__benchUsableAt,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      htmlReceived: navigation ? navigation.responseEnd : null,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd || null : null,
      wasmReceived: receivedAt('.wasm'),
      // The app's own measures of reading the stored records (src/timing.rs); none on the static
      // page: what the first screen shows, at start-up; everything, just after the first paint.
      readFirstScreen: performance.getEntriesByName('sotay:read-first-screen', 'measure')[0]?.duration ?? null,
      loadStore: performance.getEntriesByName('sotay:load-store', 'measure')[0]?.duration ?? null,
      loadStoreEnd: (() => {
        const entry = performance.getEntriesByName('sotay:load-store', 'measure')[0];
        return entry ? entry.startTime + entry.duration : null;
      })(),
      mount: performance.getEntriesByName('sotay:mount', 'measure')[0]?.duration ?? null,
    };
  });
  await cdp.detach();
  await page.close();
  const servedLocally = responses.filter((r) => r.fromServiceWorker || r.fromCache || servedFromMemory.has(r.requestId)).length;
  const routed = responses.filter((r) => r.routed === 'cache').length;
  return { ...result, totalBlocking, responses: responses.length, servedLocally, routed };
}

/**
 * Warm starts (second visits) of the app and the static page, alternating, `RUNS` of each;
 * `onRun` hears of each pair as it ends.
 */
async function warmStarts(appContext, staticContext, { workerAsleep = false, onRun = () => {} } = {}) {
  const warm = { app: [], static: [] };
  for (let run = 0; run < RUNS; run += 1) {
    warm.app.push(await measureStart(appContext, BASE, { network: SLOW_4G, workerAsleep }));
    warm.static.push(await measureStart(staticContext, `${BASE}${STATIC_PAGE}`, { network: SLOW_4G, workerAsleep }));
    onRun(run, warm);
  }
  return warm;
}

/**
 * First visit of the app, unthrottled: which files the page requests until its first screen is
 * usable and the service worker controls it, which files the worker's precache downloads, and
 * the rendered first screen as HTML for the static comparison page.
 */
async function firstVisit(browser) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript(USABLE_PROBE);
  const requests = [];
  // Request sizes tell a download from a copy the HTTP cache answered (no body over the network).
  context.on('requestfinished', (request) => {
    // When the request started (ms since the epoch), to tell the first screen's requests from later ones.
    const startedAt = request.timing().startTime;
    requests.push(request.sizes().then(
      (sizes) => ({ url: request.url(), byWorker: request.serviceWorker() !== null, downloaded: sizes.responseBodySize > 0, startedAt }),
      () => ({ url: request.url(), byWorker: request.serviceWorker() !== null, downloaded: true, startedAt }),
    ));
  });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForFunction(() => window.__benchUsableAt !== undefined, null, { timeout: 60_000 });
  const usableAt = await page.evaluate(() => performance.timeOrigin + window.__benchUsableAt);
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await sleep(500);
  const snapshot = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('script, noscript, [hidden]').forEach((node) => node.remove());
    const stylesheet = document.querySelector('link[rel="stylesheet"]');
    return {
      htmlAttributes: [...document.documentElement.attributes].map((a) => [a.name, a.value]),
      title: document.title,
      stylesheet: stylesheet ? stylesheet.getAttribute('href') : null,
      body: body.innerHTML.trim(),
    };
  });
  const finished = await Promise.all(requests);
  await context.close();
  return { requests: finished, usableAt, snapshot };
}

function writeStaticPage(snapshot) {
  if (!snapshot.stylesheet) throw new Error('the app page has no stylesheet link to reuse');
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const attributes = snapshot.htmlAttributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
  const html = `<!DOCTYPE html>
<html${attributes}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <title>${escape(snapshot.title)}</title>
  <link rel="stylesheet" href="${escape(snapshot.stylesheet)}">
</head>
<body>
${snapshot.body}
</body>
</html>
`;
  const file = path.join(DIST, STATIC_PAGE);
  writeFileSync(file, html);
  // Python's static server sends Last-Modified and no Cache-Control. Dating the static page and
  // its stylesheet a year back makes them heuristically fresh in Chromium's HTTP cache, so the
  // warm static visit is served from that cache without touching the network, as a host's
  // Cache-Control would allow. (The app's warm visit is served by its service worker.)
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000);
  const stylesheetFile = path.join(DIST, distFileOf(new URL(snapshot.stylesheet, BASE).href));
  for (const target of [file, stylesheetFile]) utimesSync(target, yearAgo, yearAgo);
}

/** Cold runs: a fresh browser context each time (empty caches, no service worker). */
async function coldRun(browser, url, { blocking = false } = {}) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript(USABLE_PROBE);
  try {
    return await measureStart(context, url, { network: SLOW_4G, blocking });
  } finally {
    await context.close();
  }
}

/** A context that has visited `url` once (for the app: until its service worker took control). */
async function primedContext(browser, url, { waitForWorker }) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript(USABLE_PROBE);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__benchUsableAt !== undefined, null, { timeout: 60_000 });
  if (waitForWorker) {
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  }
  await page.waitForLoadState('networkidle');
  await page.close();
  return context;
}

// ---------------------------------------------------------------------------------------------
// Handbook search, in the app

// The searches of domain/examples/search_bench.rs, typed one character at a time.
const HANDBOOK_QUERIES = [
  'khong duoc lam', 'không được làm', 'chi bo goc re', 'dang vien khong duoc', 'sinh hoat chuyen de',
  'tu dien bien tu chuyen hoa', 'danh gia xep loai dang vien', 'bien ban sinh hoat',
  'hoàn thành xuất sắc nhiệm vụ', '90 phut', 'khung tieu chi', 'quy dinh 37',
];
const HANDBOOK_ROUNDS = 3;
const SEARCH_BOX = 'form[role="search"] input[type="search"]';
// The User Timing measure the app records around each search (src/timing.rs).
const SEARCH_MEASURE = 'sotay:handbook-search';
// The app's measure of the further result cards, brought up to date just after the next paint.
const LATER_RESULTS_MEASURE = 'sotay:handbook-later-results';
// src/handbook/mod.rs: the result cards updated in the keystroke's own task (RESULTS_AT_ONCE),
// and those shown before "Xem thêm" (RESULTS_SHOWN_FIRST).
const CARDS_AT_ONCE = 5;
const CARDS_SHOWN_FIRST = 10;
const FIRST_CARDS = `the first ${CARDS_AT_ONCE} cards`;
const NEXT_CARDS = `the next ${CARDS_SHOWN_FIRST - CARDS_AT_ONCE} cards`;

/**
 * Types the queries into the handbook's search box at 4× CPU slowdown. Returns the search alone,
 * as the app measures it (User Timing), and each keystroke from the input event until the app
 * has updated the DOM: search plus Leptos re-rendering the results (its updates run in
 * microtasks, so a MessageChannel message, the next task, marks the end). Layout and paint are
 * not included. Returns null when the app has no search box.
 */
async function measureHandbookSearch(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${BASE}#/so-tay`);
    await page.waitForFunction(() => window.__benchUsableAt !== undefined, null, { timeout: 60_000 });
    if (!(await page.locator(SEARCH_BOX).count())) return null;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // BENCH_CPU_PROFILE=file.cpuprofile: a CPU profile of the typing, for DevTools' Performance
    // panel (with a SOTAY_PROFILING=1 build it names the Rust functions).
    const profilePath = process.env.BENCH_CPU_PROFILE;
    if (profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const timings = await page.evaluate(async ({ queries, rounds, selector, measureName, laterName }) => {
      const box = document.querySelector(selector);
      const nextTask = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
      // A fast typist's pace: the page paints, and finishes what it put off until after the
      // paint, before the next letter (people type under ten letters a second; a frame is 16 ms).
      const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const type = async (value) => {
        const start = performance.now();
        box.value = value;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await nextTask();
        const took = performance.now() - start;
        await afterPaint();
        await afterPaint();
        return took;
      };
      const samples = [];
      const labels = [];
      for (let round = 0; round < rounds; round += 1) {
        for (const query of queries) {
          const characters = [...query];
          for (let length = 1; length <= characters.length; length += 1) {
            const typed = characters.slice(0, length).join('');
            samples.push(await type(typed));
            labels.push(`${typed}▏ (round ${round + 1})`);
          }
          await type('');
        }
      }
      // The app records each search as a User Timing measure (src/timing.rs).
      const searches = performance.getEntriesByName(measureName, 'measure').map((entry) => entry.duration);
      const later = performance.getEntriesByName(laterName, 'measure').map((entry) => entry.duration);
      return { samples, labels, searches, later };
    }, { queries: HANDBOOK_QUERIES, rounds: HANDBOOK_ROUNDS, selector: SEARCH_BOX, measureName: SEARCH_MEASURE, laterName: LATER_RESULTS_MEASURE });
    if (profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profilePath, JSON.stringify(profile));
      log(`CPU profile of the typing written to ${profilePath}`);
    }
    if (!timings.searches.length) throw new Error(`the app recorded no ${SEARCH_MEASURE} measures`);
    return { keystrokes: timings.samples, typed: timings.labels, searches: timings.searches, later: timings.later };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Ten years of data, in the app

// Written by `cargo run -p sotay-domain --release --example backup_bench -- --write-files DIR`
// (scripts/bench.sh runs it): the native backup bench's 10-year dataset and "another phone".
const DATA_FILES = path.resolve(ROOT, process.env.BENCH_FILES || 'target/bench-files');
const TEN_YEARS_FILE = 'ten-years.json';
const OTHER_PHONE_FILE = 'other-phone.json';
// The User Timing measures the app records (src/timing.rs).
const MEASURES = {
  importRead: 'sotay:import-read',
  importApply: 'sotay:import-apply',
  export: 'sotay:export',
  score: 'sotay:score-meeting',
};
const EXPORT_ROUNDS = 5;
const REREAD_ROUNDS = 3;
const SCORED_MEETINGS = 24;
const STARTS_WITH_DATA = 7;

/** Durations of the app's measure `name` recorded so far on this page. */
const measuresOf = (page, name) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);

/** Waits until the page has recorded `count` measures named `name`, and returns them all. */
async function awaitMeasures(page, name, count) {
  await page.waitForFunction(({ n, c }) => performance.getEntriesByName(n, 'measure').length >= c, { n: name, c: count }, { timeout: 120_000 });
  return measuresOf(page, name);
}

/** Taps per screen measured by `measureTaps`. */
const TAPS = 20;

/**
 * Taps with ten years stored, at the CPU slowdown already set (issue 31: p95 ≤ 50 ms): a new
 * meeting's roll call ("Có mặt" for the first members) and its score sheet (ticks), touched as
 * a phone would, each tap's Event Timing duration (from the input to the next paint, its
 * longest event). The browser reports only taps of 16 ms or more: the others count as 16 ms.
 */
async function measureTaps(page) {
  await page.evaluate(() => { window.location.hash = '#/sinh-hoat'; });
  await page.getByRole('button', { name: 'Ghi buổi sinh hoạt mới' }).click();
  await page.locator('li.roll-row').first().waitFor({ timeout: 60_000 });
  // An interaction (a tap: pointerdown, pointerup, click…) counts by its longest event, as
  // INP does.
  await page.evaluate(() => {
    window.benchTaps = new Map();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.interactionId) window.benchTaps.set(entry.interactionId, Math.max(window.benchTaps.get(entry.interactionId) ?? 0, entry.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const tapped = async (targets) => {
    const count = Math.min(TAPS, await targets.count());
    return interactionsDuring(page, count, async () => {
      for (let index = 0; index < count; index += 1) {
        // The target found and measured first, then a pause, then a raw touch at its middle:
        // Playwright's own `tap()` runs its locator and hit-target checks in the page, on the
        // main thread, around the touch, which a real finger does not.
        // (In the middle of the screen: clear of the fixed header and bottom navigation.)
        await targets.nth(index).evaluate((element) => element.scrollIntoView({ block: 'center' }));
        const box = await targets.nth(index).boundingBox();
        await page.waitForTimeout(150);
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForTimeout(100);
      }
    });
  };
  const rollCall = await tapped(page.locator('li.roll-row').getByRole('button', { name: 'Có mặt' }));
  const sheet = await tapped(page.locator('section.score-sheet').getByRole('checkbox'));
  const search = await typedIntoHandbookSearch(page);
  return { rollCall, sheet, search };
}

/**
 * The Event Timing durations of the `count` interactions `act` makes (the observer that
 * `measureTaps` installs, each interaction's longest entry). The browser reports none under
 * 16 ms: those missing count as 16 ms.
 */
async function interactionsDuring(page, count, act) {
  await page.evaluate(() => { window.benchTaps.clear(); });
  await act();
  await page.waitForTimeout(500);
  const reported = await page.evaluate(() => [...window.benchTaps.values()]);
  return reported.concat(Array(Math.max(0, count - reported.length)).fill(16));
}

/** Typed without diacritics, as the search allows: a key at a time, as a person types. */
const SEARCH_KEY_QUERIES = ['khong duoc lam', 'chi bo goc re', 'dang vien', '90 phut'];

/**
 * Each key typed into the handbook's search box (real key events, a pause between keys): its
 * interaction's longest Event Timing entry, as `measureTaps` counts a tap. Keys under 16 ms are
 * not reported by the browser and count as 16 ms. The keys that clear the box are left out.
 */
async function typedIntoHandbookSearch(page) {
  await page.evaluate(() => { window.location.hash = '#/so-tay'; });
  const box = page.locator(SEARCH_BOX);
  await box.waitFor({ timeout: 60_000 });
  await box.focus();
  await page.waitForTimeout(500);
  const keys = [];
  for (const query of SEARCH_KEY_QUERIES) {
    keys.push(...await interactionsDuring(page, query.length, async () => {
      for (const character of query) {
        await page.keyboard.type(character);
        await page.waitForTimeout(150);
      }
    }));
    await box.fill('');
    await page.waitForTimeout(300);
  }
  return keys;
}

/**
 * A secretary's ten years, through the app at 4× CPU slowdown: the 10-year backup read and
 * merged into an empty phone, another phone's file (with conflicts) read and merged, the same
 * 10-year file read again, full backups made, meetings opened (each scores its sheet live), and
 * start-ups with all that data stored. Returns null when the files are missing.
 */
async function measureTenYears(browser) {
  const tenYears = path.join(DATA_FILES, TEN_YEARS_FILE);
  const otherPhone = path.join(DATA_FILES, OTHER_PHONE_FILE);
  if (!existsSync(tenYears) || !existsSync(otherPhone)) return null;
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript(USABLE_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${BASE}#/du-lieu`);
    await page.waitForFunction(() => window.__benchUsableAt !== undefined, null, { timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const fileInput = page.locator('input[type="file"]');
    const mergeButton = page.getByRole('button', { name: 'Gộp vào dữ liệu hiện có' });
    // The wasm memory only grows: its size after each step says which step sets the high-water mark.
    const wasmSteps = [['the Dữ liệu screen open, nothing stored', await wasmMemoryBytes(page)]];
    const stepDone = async (label) => wasmSteps.push([label, await wasmMemoryBytes(page)]);

    await fileInput.setInputFiles(tenYears);
    await awaitMeasures(page, MEASURES.importRead, 1);
    await stepDone('the ten years read (preview)');
    await mergeButton.click();
    await awaitMeasures(page, MEASURES.importApply, 1);
    await stepDone('… merged into the empty phone');
    await fileInput.setInputFiles(otherPhone);
    await awaitMeasures(page, MEASURES.importRead, 2);
    await stepDone('another phone\'s file read against them');
    await mergeButton.click();
    const applied = await awaitMeasures(page, MEASURES.importApply, 2);
    await stepDone('… merged');
    for (let round = 1; round <= REREAD_ROUNDS; round += 1) {
      await page.getByRole('button', { name: 'Hủy' }).click().catch(() => {});
      await fileInput.setInputFiles(tenYears);
      await awaitMeasures(page, MEASURES.importRead, 2 + round);
      await stepDone(`the ten years read again (${round})`);
    }
    const reads = await measuresOf(page, MEASURES.importRead);

    for (let round = 1; round <= EXPORT_ROUNDS; round += 1) {
      await page.getByRole('button', { name: 'Tải tệp sao lưu toàn bộ' }).click();
      await awaitMeasures(page, MEASURES.export, round);
      await stepDone(`full backup made (${round})`);
    }
    const exports = await measuresOf(page, MEASURES.export);

    const meetingIds = await page.evaluate(() => Object.keys(localStorage)
      .filter((key) => key.startsWith('sotay.meeting.'))
      .map((key) => key.slice('sotay.meeting.'.length))
      .sort());
    const step = Math.max(1, Math.floor(meetingIds.length / SCORED_MEETINGS));
    const opened = meetingIds.filter((_, index) => index % step === 0).slice(0, SCORED_MEETINGS);
    for (const id of opened) {
      const before = (await measuresOf(page, MEASURES.score)).length;
      await page.evaluate((hash) => { window.location.hash = hash; }, `#/sinh-hoat/${encodeURIComponent(id)}`);
      await awaitMeasures(page, MEASURES.score, before + 1);
    }
    await stepDone(`${opened.length} meetings opened`);
    // The first scoring on each screen; later ones are the sheet following the record.
    const scores = await measuresOf(page, MEASURES.score);
    const memory = await memoryInUse(page, cdp);
    const taps = await measureTaps(page);

    const starts = [];
    for (let run = 0; run < STARTS_WITH_DATA; run += 1) {
      starts.push(await measureStart(context, BASE, { network: SLOW_4G, waitForFullRead: true, blocking: true }));
    }
    const afterStart = await memoryAfterStart(context);
    return {
      meetings: meetingIds.length,
      fileBytes: { tenYears: statSync(tenYears).size, otherPhone: statSync(otherPhone).size },
      reads,
      applied,
      exports,
      scores,
      taps,
      opened: opened.length,
      memory,
      wasmSteps,
      afterStart,
      starts: starts.map((s) => s.usable),
      totalBlocking: starts.map((s) => s.totalBlocking),
      firstScreenReads: starts.map((s) => s.readFirstScreen).filter((v) => v !== null),
      storeLoads: starts.map((s) => s.loadStore).filter((v) => v !== null),
      storeLoadEnds: starts.map((s) => s.loadStoreEnd).filter((v) => v !== null),
    };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The đảng ủy's collection: 90 chi bộ files (the native bench writes them into DATA_FILES/collection)

const COLLECTION_DIR = path.join(DATA_FILES, 'collection');
const COLLECT_MEASURE = 'sotay:collect';
const OVERVIEW_MEASURE = 'sotay:dang-uy-overview';
const YEARS_MEASURE = 'sotay:dang-uy-years';

/** A copy of a chi bộ's file written later, with its last meeting's notes edited. */
function newerFileOf(file) {
  const backup = JSON.parse(readFileSync(file, 'utf-8'));
  const later = new Date(Date.parse(backup.exported_at) + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  backup.exported_at = later;
  const meeting = backup.data.meetings.at(-1);
  meeting.notes = `${meeting.notes ?? ''} (bổ sung)`;
  meeting.updated_at = later;
  const target = path.join(os.tmpdir(), `newer-${path.basename(file)}`);
  writeFileSync(target, JSON.stringify(backup));
  return target;
}

/**
 * At 4× CPU: all 90 files picked at once on Tổng hợp của đảng ủy (validated, merged, stored in
 * IndexedDB), the overview recomputed after a change (another period; one file taken again),
 * memory with the collection loaded, and start-ups of the app with the collection stored.
 */
async function measureCollection(browser) {
  if (!existsSync(COLLECTION_DIR)) return null;
  const files = readdirSync(COLLECTION_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(COLLECTION_DIR, f));
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript(USABLE_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${BASE}#/dang-uy`);
    await page.waitForSelector('input[type=file][multiple]', { timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.locator('input[type=file][multiple]').setInputFiles(files);
    const [collect] = await awaitMeasures(page, COLLECT_MEASURE, 1);
    await awaitMeasures(page, OVERVIEW_MEASURE, 1);
    // The files' year (the overview opens on the last month that has ended, in 2026): every
    // chi bộ's 2025 computed, nothing cached yet, each of its meetings scored.
    const yearsBefore = (await measuresOf(page, YEARS_MEASURE)).length;
    await page.getByLabel('Năm').selectOption('2025');
    const first = (await awaitMeasures(page, YEARS_MEASURE, yearsBefore + 1))[yearsBefore];
    await awaitMeasures(page, OVERVIEW_MEASURE, 2);
    const taken = await page.locator('.dang-uy-cards > li').count();
    const afterCollect = (await measuresOf(page, OVERVIEW_MEASURE)).length;
    const period = page.getByLabel('Kỳ');
    for (const label of ['Tháng 6', 'Quý II', 'Tháng 11']) {
      const before = (await measuresOf(page, OVERVIEW_MEASURE)).length;
      await period.selectOption({ label });
      await awaitMeasures(page, OVERVIEW_MEASURE, before + 1);
    }
    const periodChanges = (await measuresOf(page, OVERVIEW_MEASURE)).slice(afterCollect);
    // A newer file of one chi bộ (a meeting edited): only that chi bộ's year is recomputed.
    const beforeOne = (await measuresOf(page, OVERVIEW_MEASURE)).length;
    await page.locator('input[type=file][multiple]').setInputFiles(newerFileOf(files[10]));
    await awaitMeasures(page, COLLECT_MEASURE, 2);
    const oneFile = (await awaitMeasures(page, OVERVIEW_MEASURE, beforeOne + 1)).slice(beforeOne);
    const memory = await memoryInUse(page, cdp);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const restart = await measureRestart(context, files);
    const starts = [];
    for (let run = 0; run < STARTS_WITH_DATA; run += 1) {
      starts.push(await measureStart(context, BASE, { network: SLOW_4G }));
    }
    const bytes = sum(files.map((f) => statSync(f).size));
    // Which files carry every year (scope "all") and which one year, as the label says.
    const wholeFiles = files.filter((f) => JSON.parse(readFileSync(f, 'utf-8')).scope?.kind === 'all').length;
    return { files: files.length, wholeFiles, bytes, taken, collect, first, periodChanges, oneFile, memory, restart, starts: starts.map((s) => s.usable) };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

/**
 * The app opened again with the collection stored (a new page: the wasm and the stored
 * collection read anew), at 4× CPU: from navigation until the overview shows its figures
 * (the default month), then 2025 chosen (its years were computed before the restart), then one
 * chi bộ's page of 2025; and memory once the overview is up. Times in the page's own clock.
 */
async function measureRestart(context, files) {
  const count = files.length;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${BASE}#/dang-uy`);
    const shown = (heading) => page.waitForFunction(
      (h) => { const title = document.querySelector('.dang-uy-summary h2'); return title && title.textContent.includes(h) && performance.now(); },
      heading, { polling: 'raf', timeout: 120_000 },
    ).then((handle) => handle.jsonValue());
    const overview = await shown('');
    const cards = await page.locator('.dang-uy-cards > li').count();
    if (cards !== count) throw new Error(`after the restart the overview lists ${cards} chi bộ, not ${count}`);
    const memory = await memoryInUse(page, cdp);
    const beforeYear = await page.evaluate(() => performance.now());
    await page.getByLabel('Năm').selectOption('2025');
    const year = (await shown('2025')) - beforeYear;
    const href = await page.locator('.dang-uy-cards > li a[href*="/2025"]').first().getAttribute('href');
    const beforePlace = await page.evaluate((target) => { const t = performance.now(); location.hash = new URL(target, location.href).hash; return t; }, href);
    const place = (await page.waitForFunction(
      () => document.querySelector('article.year-summary dl.facts') && performance.now(),
      null, { polling: 'raf', timeout: 120_000 },
    ).then((handle) => handle.jsonValue())) - beforePlace;
    // One newer file taken after the restart: the app reads that chi bộ's records first (the
    // collect measure includes that read).
    await page.evaluate(() => { location.hash = '#/dang-uy'; });
    await page.locator('input[type=file][multiple]').setInputFiles(newerFileOf(files[20]));
    const [takeOne] = await awaitMeasures(page, COLLECT_MEASURE, 1);
    return { overview, year, place, memory, takeOne };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/** The đảng ủy issue's budget lines. */
function collectionBudgetLines(collection, warmApp) {
  if (!collection) {
    const missing = `not measured: ${COLLECTION_DIR} has no generated files`;
    return [['đảng ủy: collect 90 chi bộ files ≤ 5 s at 4× CPU', missing, '—']];
  }
  const changes = collection.periodChanges.concat(collection.oneFile);
  const memoryBudget = collection.files > 90 ? BUDGET_LARGE_COLLECTION_MEMORY : BUDGET_COLLECTION_MEMORY;
  const start = median(collection.starts);
  return [
    [
      `đảng ủy: collect ${collection.files} chi bộ files ≤ 5 s at ${CPU_SLOWDOWN}× CPU`,
      `${ms(collection.collect)} for ${kb(collection.bytes)} (${collection.files - collection.wholeFiles} one-year files, ${collection.wholeFiles} ten-year files), ${collection.taken} chi bộ taken, a progress bar throughout`,
      mark(collection.collect <= BUDGET_COLLECT_MS),
    ],
    [
      'đảng ủy: overview recomputed after a change ≤ 200 ms',
      `max ${ms(Math.max(...changes))} over ${changes.length} recomputations (period changed: ${collection.periodChanges.map(ms).join(', ')}; one file taken again: ${collection.oneFile.map(ms).join(', ')}); every chi bộ's year scored when the collection opens or another year is chosen: ${ms(collection.first)}, a few chi bộ per frame with a progress bar`,
      mark(Math.max(...changes) <= BUDGET_OVERVIEW_MS),
    ],
    [
      'đảng ủy: opening the app with the collection stored ≤ 1.3× an empty start (warm, medians)',
      `${(start / warmApp).toFixed(2)}× (${ms(start)} vs ${ms(warmApp)}); the collection is read only when its screen opens`,
      mark(start / warmApp <= BUDGET_COLLECTION_START_RATIO),
    ],
    [
      `đảng ủy: after a restart, the overview and a chi bộ open ≤ ${ms(BUDGET_RESTART_MS)} at ${CPU_SLOWDOWN}× CPU`,
      `overview shown ${ms(collection.restart.overview)} after navigation (the app loaded, the collection read); another year (computed before the restart) ${ms(collection.restart.year)}; a chi bộ's page ${ms(collection.restart.place)}; memory then ${(collection.restart.memory.total / 1e6).toFixed(1)} MB; then one newer file taken (its chi bộ's records read first; no budget set) ${ms(collection.restart.takeOne)}`,
      mark(Math.max(collection.restart.overview, collection.restart.year, collection.restart.place) <= BUDGET_RESTART_MS),
    ],
    [
      `đảng ủy: memory with the collection loaded ≤ ${memoryBudget / 1e6} MB (${collection.files} files)`,
      `${(collection.memory.total / 1e6).toFixed(1)} MB (JS heap ${(collection.memory.jsHeap / 1e6).toFixed(1)} MB + wasm ${(collection.memory.wasm / 1e6).toFixed(1)} MB)`,
      mark(collection.memory.total <= memoryBudget),
    ],
  ];
}

/** The wasm memory after each step of the ten years, and a phone opening the app with them stored. */
function tenYearsMemoryTable(tenYears) {
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const started = tenYears.afterStart;
  return table(['memory (wasm memory only grows; JS heap after a garbage collection)', 'wasm', 'JS heap', 'total'], [
    ...tenYears.wasmSteps.map(([label, wasm]) => [label, mb(wasm), '—', '—']),
    ['at the end of all that (the budget line\'s figure)', mb(tenYears.memory.wasm), mb(tenYears.memory.jsHeap), mb(tenYears.memory.total)],
    ['a fresh start with the ten years stored, every record read', mb(started.started.wasm), mb(started.started.jsHeap), mb(started.started.total)],
    ['… then Sinh hoạt (history) and the 2025 year summary opened', mb(started.read.wasm), mb(started.read.jsHeap), mb(started.read.total)],
  ]);
}

const wasmMemoryBytes = (page) => page.evaluate(() => (window.sotayDiagnostics ? window.sotayDiagnostics.wasmMemoryBytes() : 0));

/**
 * Memory of a phone opening the app with ten years stored: a fresh page, every record read,
 * then a history and a year summary opened (what a secretary reads most), no import or export.
 */
async function memoryAfterStart(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(BASE);
    await page.waitForFunction(() => performance.getEntriesByName('sotay:load-store', 'measure').length > 0, null, { polling: 100, timeout: 120_000 });
    const started = await memoryInUse(page, cdp);
    for (const hash of ['#/sinh-hoat', '#/tong-hop/2025']) {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await page.waitForTimeout(1500);
    }
    return { started, read: await memoryInUse(page, cdp) };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/**
 * Memory the app holds: the JS heap in use (DevTools' JSHeapUsedSize, after a garbage collection)
 * plus the wasm linear memory (boot.js exposes its size; it only grows).
 */
async function memoryInUse(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const wasm = await wasmMemoryBytes(page);
  return { jsHeap, wasm, total: jsHeap + wasm };
}

// ---------------------------------------------------------------------------------------------
// The wasm's composition (twiggy)

function twiggyReport() {
  // The shipped modules have gone through wasm-opt and have no names; scripts/split_build.py
  // keeps the main module before wasm-opt (same code, with its name section) in target/split/named,
  // with the name of the glue of its build.
  const named = path.join(ROOT, 'target/split/named/sotay_bg.wasm');
  const namedGlue = path.join(ROOT, 'target/split/named/glue-name.txt');
  const shippedGlue = readdirSync(DIST).find((f) => f.startsWith(APP_BIN_PREFIX) && f.endsWith('.js'));
  if (!existsSync(named) || !existsSync(namedGlue)) return { note: 'twiggy: target/split/named/sotay_bg.wasm not found' };
  if (!shippedGlue || readFileSync(namedGlue, 'utf8').trim() !== shippedGlue) {
    return { note: 'twiggy: target/split/named is from another build than the measured one; skipped' };
  }
  let rows;
  try {
    const json = execFileSync('twiggy', ['top', '--format', 'json', named], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    rows = JSON.parse(json)
      .map((item) => ({ name: item.name, bytes: item.shallow_size }))
      .filter((row) => !row.name.startsWith('... and ') && !row.name.startsWith('Σ'));
  } catch (error) {
    return { note: `twiggy not available (${error.code || error.message}); scripts/bench.sh installs it with cargo` };
  }
  const total = statSync(named).size;
  const names = rows.find((r) => r.name === '"function names" subsection');
  const code = rows.filter((r) => r !== names && !r.name.includes('subsection'));
  const top = code.sort((a, b) => b.bytes - a.bytes).slice(0, 15);
  // Shallow bytes per crate, from the first crate path in each item's name.
  const crateOf = (name) => {
    if (name.startsWith('data segment')) return '(data segments)';
    if (/^(export|import) |^__wbg|^__wbindgen|^__externref|^intounderlying/.test(name)) return '(wasm-bindgen exports and shims)';
    // The first crate path in the name: `<serde_json::error::Error as …>` → serde_json.
    const match = name.match(/([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/);
    return match ? match[1] : '(other)';
  };
  const byCrate = new Map();
  for (const row of code) byCrate.set(crateOf(row.name), (byCrate.get(crateOf(row.name)) || 0) + row.bytes);
  const crates = [...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return { total, namesBytes: names ? names.bytes : 0, top, crates };
}

// ---------------------------------------------------------------------------------------------
// Main

function machine(browserVersion) {
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model || '?';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const require = createRequire(import.meta.url);
  const playwrightVersion = require('@playwright/test/package.json').version;
  let source = '';
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // Changes to docs and tests do not change the build, and the bench itself rewrites BENCHMARKS.md.
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!*.md', ':!tests') !== '';
    source = ` of commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    // Not a git checkout: the build is described without its commit.
  }
  return {
    source,
    nproc,
    cpu: cpu.trim(),
    chromium: browserVersion,
    playwright: playwrightVersion,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: os.loadavg()[0].toFixed(2),
  };
}

/** Usable times of an empty phone's warm starts (as many as the starts with data), for the
 * partial runs that compare a start with data stored against one without. */
async function emptyPhoneStarts(browser) {
  const context = await primedContext(browser, BASE, { waitForWorker: true });
  const usable = [];
  for (let run = 0; run < STARTS_WITH_DATA; run += 1) usable.push((await measureStart(context, BASE, { network: SLOW_4G })).usable);
  return usable;
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html not found; run scripts/bench.sh (it builds first)`);
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: BROWSER_ARGS });
  if (process.env.BENCH_ONLY === 'search') {
    // Only the handbook search, printed (for iterating on it; BENCHMARKS.md is not touched).
    try {
      const context = await primedContext(browser, BASE, { waitForWorker: true });
      const search = await measureHandbookSearch(context);
      process.stdout.write(`${table(['what', 'samples', 'p50', 'p95', 'max'], [
        percentileRow('search', search.searches),
        percentileRow(`keystroke → results in the DOM (${FIRST_CARDS})`, search.keystrokes),
        percentileRow(`${NEXT_CARDS}, just after the paint`, search.later),
      ])}\n`);
      // The keystrokes that make the p95: what was in the box, and how long until the DOM had it.
      const slowest = search.keystrokes.map((took, index) => [took, search.typed[index]]).sort((a, b) => b[0] - a[0]).slice(0, 15);
      process.stdout.write(`slowest keystrokes: ${slowest.map(([took, typed]) => `"${typed}" ${ms1(took)}`).join(', ')}\n`);
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'lighthouse') {
    // Only Lighthouse, printed.
    try {
      const lighthouse = await measureLighthouse();
      process.stdout.write(`${table(['budget', 'measured', ''], [lighthouseBudgetLine(lighthouse)])}\n`);
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'collection') {
    // Only the đảng ủy's part, printed (for iterating on it; BENCHMARKS.md is not touched).
    try {
      const collection = await measureCollection(browser);
      const warm = await emptyPhoneStarts(browser);
      process.stdout.write(`${table(['budget', 'measured', ''], collectionBudgetLines(collection, median(warm)))}\n`);
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'ten-years') {
    // Only the ten years in the app, memory by step printed (for iterating on memory).
    try {
      const tenYears = await measureTenYears(browser);
      if (!tenYears) throw new Error(`${DATA_FILES} has no generated backups`);
      // An empty phone's warm starts in the same run, for the start-up ratio.
      const empty = await emptyPhoneStarts(browser);
      process.stdout.write(`${tenYearsMemoryTable(tenYears)}\n`);
      const tapLine = (label, values, unit = 'taps') => `${label}: p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))} (${values.length} ${unit})`;
      process.stdout.write(`taps at ${CPU_SLOWDOWN}× CPU: ${tapLine('roll call', tenYears.taps.rollCall)}; ${tapLine('score sheet', tenYears.taps.sheet)}; ${tapLine('handbook search', tenYears.taps.search, 'keys')}\n`);
      process.stdout.write(`Total Blocking Time, starts with ten years stored: ${tenYears.totalBlocking.map(ms).join(', ')}\n`);
      process.stdout.write(`start-up, warm, medians of ${STARTS_WITH_DATA}: ten years stored ${ms(median(tenYears.starts))}, empty phone ${ms(median(empty))}: ${(median(tenYears.starts) / median(empty)).toFixed(2)}×\n`);
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'warm') {
    // Only the warm starts, app and static page, printed (for iterating on the start-up).
    try {
      const visit = await firstVisit(browser);
      writeStaticPage(visit.snapshot);
      const appContext = await primedContext(browser, BASE, { waitForWorker: true });
      const staticContext = await primedContext(browser, `${BASE}${STATIC_PAGE}`, { waitForWorker: false });
      const warm = await warmStarts(appContext, staticContext, { workerAsleep: process.env.BENCH_WORKER_ASLEEP === '1' });
      const row = (label, field, format = ms) => [label, ...[warm.app, warm.static].map((runs) => {
        const values = runs.map((r) => r[field]).filter((value) => value !== null);
        return values.length ? format(median(values)) : '—';
      })];
      process.stdout.write(`${table(['warm start (medians)', 'app', 'static page'], [
        row('page received', 'htmlReceived'),
        row('DOMContentLoaded', 'domContentLoaded'),
        row('first paint', 'firstPaint'),
        row('wasm received', 'wasmReceived'),
        row('usable', 'usable'),
        row('the app\'s mount', 'mount'),
        row('requests', 'responses', String),
        row('requests answered by the worker\'s static routes from its cache', 'routed', String),
      ])}\n`);
    } finally {
      await browser.close();
      server.kill();
    }
    return;
  }
  let report;
  try {
    const host = machine(browser.version());
    log(`Chromium ${host.chromium}, ${host.nproc} cores, ${RUNS} runs per case`);
    if (Number(host.load) > 1) log(`the load average is ${host.load}: other work is running, timings will be noisy`);

    log('first visit: requests, service worker, rendered first screen');
    const visit = await firstVisit(browser);
    writeStaticPage(visit.snapshot);
    const appUrl = BASE;
    const staticUrl = `${BASE}${STATIC_PAGE}`;

    // Warm first: the budget is judged on it, so it gets the start of the run.
    log('warm starts (second visits), app and static page alternating');
    const appContext = await primedContext(browser, appUrl, { waitForWorker: true });
    const staticContext = await primedContext(browser, staticUrl, { waitForWorker: false });
    const warm = await warmStarts(appContext, staticContext, {
      onRun: (run, runs) => log(`  warm ${run + 1}/${RUNS}: app ${ms(runs.app.at(-1).usable)}, static ${ms(runs.static.at(-1).usable)}`),
    });
    log('handbook search, typed into the app at 4× CPU slowdown');
    const search = await measureHandbookSearch(appContext);
    log('ten years of data through the app (import, merge, export, scoring, start-up) at 4× CPU slowdown');
    const tenYears = await measureTenYears(browser);
    log('the đảng ủy collection: 90 chi bộ files through the app at 4× CPU slowdown');
    const collection = await measureCollection(browser);
    await appContext.close();
    await staticContext.close();
    host.loadAfterWarm = os.loadavg()[0].toFixed(2);

    log(`cold starts (${SLOW_4G_LABEL}, ${CPU_SLOWDOWN}× CPU), app and static page alternating`);
    const cold = { app: [], static: [] };
    for (let run = 0; run < RUNS; run += 1) {
      cold.app.push(await coldRun(browser, appUrl, { blocking: true }));
      cold.static.push(await coldRun(browser, staticUrl));
      log(`  cold ${run + 1}/${RUNS}: app ${ms(cold.app.at(-1).usable)}, static ${ms(cold.static.at(-1).usable)}`);
    }

    log(`Lighthouse (mobile defaults, ${LIGHTHOUSE_RUNS} runs per case), empty and with ten years stored`);
    const lighthouse = await measureLighthouse();

    host.loadEnd = os.loadavg()[0].toFixed(2);
    report = buildReport({ host, visit, cold, warm, search, tenYears, collection, lighthouse, twiggy: twiggyReport() });
  } finally {
    await browser.close();
    server.kill();
  }
  process.stdout.write(`${report}\n`);
  if (process.env.BENCH_NO_WRITE !== '1') {
    writeSection(report);
    log(`BENCHMARKS.md: section "${SECTION_HEADING}" rewritten`);
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse (tests/bench/lighthouse.mjs)

/** Lighthouse's runs, or null when it is not installed (scripts/bench.sh installs it). */
async function measureLighthouse() {
  if (!lighthouseInstalled()) {
    log('Lighthouse is not installed (npm ci --prefix tests/bench/lighthouse): its part is skipped');
    return null;
  }
  const tenYears = path.join(DATA_FILES, TEN_YEARS_FILE);
  return lighthouseRuns({
    base: BASE,
    runs: LIGHTHOUSE_RUNS,
    tenYearsFile: existsSync(tenYears) ? tenYears : null,
    measures: { importRead: MEASURES.importRead, importApply: MEASURES.importApply },
    log,
  });
}

/** "median score (each run's), TBT, LCP" of one case's Lighthouse runs. */
function lighthouseCase(runs) {
  const scores = runs.map((run) => run.score);
  const figure = (field) => ms(median(runs.map((run) => run[field])));
  return `median ${median(scores)} (${scores.join(', ')}; TBT ${figure('totalBlockingTime')}, LCP ${figure('largestContentfulPaint')}, FCP ${figure('firstContentfulPaint')}, max potential FID ${figure('maxPotentialFid')})`;
}

function lighthouseBudgetLine(lighthouse) {
  const label = `Lighthouse mobile performance ≥ ${BUDGET_LIGHTHOUSE_SCORE} (12.2.3, its simulated Slow 4G and 4× CPU; gzip host)`;
  if (!lighthouse) return [label, 'not measured: Lighthouse not installed', '—'];
  const cases = [`empty (a first visit): ${lighthouseCase(lighthouse.empty)}`];
  if (lighthouse.tenYears) cases.push(`ten years stored (opened again, served by the worker): ${lighthouseCase(lighthouse.tenYears)}`);
  else cases.push(`ten years stored: not measured, ${DATA_FILES} has no generated backups`);
  const medians = [lighthouse.empty, lighthouse.tenYears].filter(Boolean).map((runs) => median(runs.map((run) => run.score)));
  return [label, cases.join('; '), mark(Math.min(...medians) >= BUDGET_LIGHTHOUSE_SCORE)];
}

// ---------------------------------------------------------------------------------------------
// Report

function buildReport({ host, visit, cold, warm, search, tenYears, collection, lighthouse, twiggy }) {
  // Bundle sizes: every file of the build, and who requested which on the first visit.
  const buildFiles = readdirSync(DIST).filter((f) => f !== STATIC_PAGE && statSync(path.join(DIST, f)).isFile()).sort();
  const sizes = new Map(buildFiles.map((f) => [f, sizesOf(path.join(DIST, f))]));
  // page: the page's own requests until its first screen is usable (document, stylesheet,
  // scripts, the main wasm module) — the first load; page after: its requests after that (the
  // service worker script it registers, the module that reads every stored record and the
  // chunks it shares with the screens); precache: what the worker's install downloads.
  const byPage = [];
  const byPageAfter = [];
  const byPrecache = [];
  const precacheFromHttpCache = [];
  const outside = [];
  for (const request of visit.requests) {
    const file = distFileOf(request.url);
    if (!file || !sizes.has(file)) {
      outside.push(request.url);
    } else if (request.byWorker && file !== SERVICE_WORKER) {
      (request.downloaded ? byPrecache : precacheFromHttpCache).push(file);
    } else if (request.startedAt <= visit.usableAt) {
      byPage.push(file);
    } else {
      byPageAfter.push(file);
    }
  }
  const count = (list, file) => list.filter((f) => f === file).length;
  const who = (file) => {
    const times = (n) => (n > 1 ? ` ×${n}` : '');
    const parts = [];
    if (count(byPage, file)) parts.push(`page${times(count(byPage, file))}`);
    if (count(byPageAfter, file)) parts.push(`page after the first screen${times(count(byPageAfter, file))}`);
    if (count(byPrecache, file)) parts.push(`precache${times(count(byPrecache, file))}`);
    if (count(precacheFromHttpCache, file)) parts.push('precache from the HTTP cache');
    return parts.join(' + ') || '—';
  };
  const firstLoad = totals(byPage.map((f) => sizes.get(f)));
  const precache = totals(byPrecache.map((f) => sizes.get(f)));
  const pageAfter = totals(byPageAfter.map((f) => sizes.get(f)));
  const firstVisit = totals([...byPage, ...byPageAfter, ...byPrecache].map((f) => sizes.get(f)));
  const everything = totals([...sizes.values()]);
  const stylesheetFile = distFileOf(new URL(visit.snapshot.stylesheet, BASE).href);
  const staticSizes = totals([sizesOf(path.join(DIST, STATIC_PAGE)), sizes.get(stylesheetFile)]);
  const wasmFile = buildFiles.find((f) => /^sotay_bg-[0-9a-f]+\.wasm$/.test(f));

  // Code shared by several screens (wasm-split's chunk_N.wasm) is one row: there are dozens.
  const isChunk = (f) => /^chunk_\d+-[0-9a-f]+\.wasm$/.test(f);
  const chunkFiles = buildFiles.filter(isChunk);
  const sizeRows = buildFiles
    .filter((f) => !isChunk(f))
    .map((f) => ({ f, s: sizes.get(f) }))
    .sort((a, b) => b.s.raw - a.s.raw)
    .map(({ f, s }) => [`\`${f}\``, who(f), kb(s.raw), kb(s.gzip), kb(s.brotli)]);
  if (chunkFiles.length) {
    const chunks = totals(chunkFiles.map((f) => sizes.get(f)));
    const whoChunks = [...new Set(chunkFiles.map(who))].join('; ');
    sizeRows.push([`\`chunk_N.wasm\` (${chunkFiles.length} files: code shared by several screens)`, whoChunks, kb(chunks.raw), kb(chunks.gzip), kb(chunks.brotli)]);
  }
  const totalRow = (label, t, bold = false) => {
    const b = (text) => (bold ? `**${text}**` : text);
    return [b(label), '', b(kb(t.raw)), b(kb(t.gzip)), b(kb(t.brotli))];
  };
  sizeRows.push(
    totalRow(`first load: the ${byPage.length} requests of the page until its first screen is usable`, firstLoad, true),
    totalRow(`the page's ${byPageAfter.length} requests after that (service worker script, every record's reader and its chunks)`, pageAfter),
    totalRow(`the service worker's precache: ${byPrecache.length} downloads (${precacheFromHttpCache.length} more from the HTTP cache)`, precache),
    totalRow('first visit in all (page + page after + precache)', firstVisit),
    totalRow(`whole build (${buildFiles.length} files)`, everything),
    totalRow('static comparison page + its stylesheet', staticSizes),
  );

  // Start-up.
  const med = (runs, key = 'usable') => median(runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined));
  const coldApp = med(cold.app);
  const coldStatic = med(cold.static);
  const warmApp = med(warm.app);
  const warmStatic = med(warm.static);
  const list = (runs) => runs.map((r) => Math.round(r.usable)).join(', ');
  const local = (runs) => `${sum(runs.map((r) => r.servedLocally))} of ${sum(runs.map((r) => r.responses))}`;
  const least = (runs) => Math.min(...runs.map((r) => r.usable));
  const startRows = [
    [`cold: empty cache, ${CPU_SLOWDOWN}× CPU, Slow 4G`, ms(coldApp), ms(coldStatic), `${(coldApp / coldStatic).toFixed(1)}×`,
      `${ms(least(cold.app))} / ${ms(least(cold.static))} = ${(least(cold.app) / least(cold.static)).toFixed(1)}×`],
    [`warm: second visit, ${CPU_SLOWDOWN}× CPU (Slow 4G still on)`, ms(warmApp), ms(warmStatic), `${(warmApp / warmStatic).toFixed(1)}×`,
      `${ms(least(warm.app))} / ${ms(least(warm.static))} = ${(least(warm.app) / least(warm.static)).toFixed(1)}×`],
  ];

  // Budget.
  const overBy = (value, limit) => `over by ${kb(value - limit)} (${Math.round(((value - limit) / limit) * 100)} %)`;
  const firstLoadMet = firstLoad.gzip <= BUDGET_FIRST_LOAD_GZIP;
  const firstVisitMet = firstVisit.gzip <= BUDGET_FIRST_LOAD_GZIP;
  const warmRatio = warmApp / warmStatic;
  const warmMet = warmRatio <= BUDGET_WARM_RATIO;
  const [warmLow, warmHigh] = ratioInterval(warm.app.map((r) => r.usable), warm.static.map((r) => r.usable));
  const wasm = sizes.get(wasmFile);
  const refetched = totals(byPrecache.filter((f) => byPage.includes(f) || byPageAfter.includes(f)).map((f) => sizes.get(f)));
  const coldFirstPaint = med(cold.app, 'firstPaint');
  const coldStaticFirstPaint = med(cold.static, 'firstPaint');
  const firstPaintRatio = coldFirstPaint / coldStaticFirstPaint;
  const tenYearsStart = tenYears ? median(tenYears.starts) : null;
  const within = (met, value, limit, unit = (v) => v) => (met ? '' : `; over by ${unit(value - limit)}`);
  const budgetRows = [
    [
      'first load ≤ 200 KB gzip (what the page requests until the first screen is usable)',
      `${kb(firstLoad.gzip)} gzip, ${kb(firstLoad.brotli)} brotli${firstLoadMet ? '' : `; ${overBy(firstLoad.gzip, BUDGET_FIRST_LOAD_GZIP)}`}; the main wasm module is ${kb(wasm.gzip)} of it`,
      mark(firstLoadMet),
    ],
    [
      `cold start, empty cache, Slow 4G, ${CPU_SLOWDOWN}× CPU, gzip host: first screen usable ≤ 2.5 s`,
      `${ms(coldApp)} (median)${within(coldApp <= BUDGET_COLD_USABLE_MS, coldApp, BUDGET_COLD_USABLE_MS, ms)}`,
      mark(coldApp <= BUDGET_COLD_USABLE_MS),
    ],
    [
      'cold start: first paint ≤ 1.2× the static page\'s',
      `${firstPaintRatio.toFixed(2)}× (first contentful paint, medians ${ms(coldFirstPaint)} vs ${ms(coldStaticFirstPaint)})`,
      mark(firstPaintRatio <= BUDGET_FIRST_PAINT_RATIO),
    ],
    [
      'warm start (service worker) ≤ 1.5× the static page, medians of the same run',
      `${warmRatio.toFixed(2)}× (medians ${ms(warmApp)} vs ${ms(warmStatic)}); 90 % bootstrap interval of the ratio ${warmLow.toFixed(2)}–${warmHigh.toFixed(2)}×; fastest runs ${(least(warm.app) / least(warm.static)).toFixed(2)}×`,
      mark(warmMet),
    ],
    tenYears
      ? [
        'start-up with ten years stored ≤ 1.2× an empty phone\'s (warm, medians)',
        `${(tenYearsStart / warmApp).toFixed(2)}× (${ms(tenYearsStart)} vs ${ms(warmApp)})`,
        mark(tenYearsStart / warmApp <= BUDGET_TEN_YEARS_START_RATIO),
      ]
      : ['start-up with ten years stored ≤ 1.2× an empty phone\'s', `not measured: ${DATA_FILES} has no generated backups`, '—'],
    tenYears
      ? [
        'memory with ten years loaded ≤ 20 MB',
        `${(tenYears.memory.total / 1e6).toFixed(1)} MB (JS heap in use ${(tenYears.memory.jsHeap / 1e6).toFixed(1)} MB after a garbage collection + wasm memory ${(tenYears.memory.wasm / 1e6).toFixed(1)} MB), after importing, merging, exporting and opening ${tenYears.opened} meetings`,
        mark(tenYears.memory.total <= BUDGET_TEN_YEARS_MEMORY),
      ]
      : ['memory with ten years loaded ≤ 20 MB', `not measured: ${DATA_FILES} has no generated backups`, '—'],
    tenYears
      ? [
        `tap or key → next paint with ten years stored, at ${CPU_SLOWDOWN}× CPU: p95 ≤ ${BUDGET_TAP_P95_MS} ms`,
        `roll call p50 ${ms(percentile(tenYears.taps.rollCall, 50))}, p95 ${ms(percentile(tenYears.taps.rollCall, 95))}; score sheet p50 ${ms(percentile(tenYears.taps.sheet, 50))}, p95 ${ms(percentile(tenYears.taps.sheet, 95))} (${tenYears.taps.rollCall.length} + ${tenYears.taps.sheet.length} taps); handbook search, a key typed: p50 ${ms(percentile(tenYears.taps.search, 50))}, p95 ${ms(percentile(tenYears.taps.search, 95))} (${tenYears.taps.search.length} keys); Event Timing, each interaction's longest entry`,
        mark(Math.max(percentile(tenYears.taps.rollCall, 95), percentile(tenYears.taps.sheet, 95), percentile(tenYears.taps.search, 95)) <= BUDGET_TAP_P95_MS),
      ]
      : ['tap → next paint with ten years stored', `not measured: ${DATA_FILES} has no generated backups`, '—'],
    [
      `Total Blocking Time ≤ ${BUDGET_TBT_MS} ms at ${CPU_SLOWDOWN}× CPU, Slow 4G (first visit; starts with ten years stored)`,
      `first visit median ${ms(median(cold.app.map((r) => r.totalBlocking)))} (${cold.app.map((r) => ms(r.totalBlocking)).join(', ')}); ten years ${tenYears ? `median ${ms(median(tenYears.totalBlocking))} (${tenYears.totalBlocking.map(ms).join(', ')})` : 'not measured'}`,
      mark(Math.max(median(cold.app.map((r) => r.totalBlocking)), tenYears ? median(tenYears.totalBlocking) : 0) <= BUDGET_TBT_MS),
    ],
    lighthouseBudgetLine(lighthouse),
    [
      `everything precached on the first visit ≤ ${kb(BUDGET_PRECACHE_GZIP)} gzip`,
      `${kb(firstVisit.gzip)} gzip (page, page after the first screen, precache)${refetched.gzip ? `; ${kb(refetched.gzip)} of it downloaded twice` : ''}`,
      mark(firstVisit.gzip <= BUDGET_PRECACHE_GZIP),
    ],
    search
      ? [
        `handbook search: keystroke → results in the DOM p95 ≤ 16 ms at ${CPU_SLOWDOWN}× CPU`,
        `p50 ${ms1(percentile(search.keystrokes, 50))}, p95 ${ms1(percentile(search.keystrokes, 95))} (${FIRST_CARDS}; ${NEXT_CARDS}, just after the paint: p50 ${ms1(percentile(search.later, 50))}, p95 ${ms1(percentile(search.later, 95))}); the search itself (the app's User Timing measure): p50 ${ms1(percentile(search.searches, 50))}, p95 ${ms1(percentile(search.searches, 95))} over ${search.searches.length} searches`,
        mark(percentile(search.keystrokes, 95) <= BUDGET_KEYSTROKE_P95_MS),
      ]
      : ['handbook search: keystroke → results in the DOM p95 ≤ 16 ms', 'not measured (handbook not built)', '—'],
    ...collectionBudgetLines(collection, warmApp),
    tenYears
      ? ['scoring a meeting, in the browser', `p50 ${ms1(percentile(tenYears.scores, 50))}, p95 ${ms1(percentile(tenYears.scores, 95))} over ${tenYears.scores.length} scorings of ${tenYears.opened} meetings opened from ten years of data (see "Ten years of data in the app")`, 'no budget set']
      : ['scoring a meeting, in the browser', `not measured: ${DATA_FILES} has no generated backups`, '—'],
    tenYears
      ? ['10-year import / export, in the browser', `read + validate + preview ${kb(tenYears.fileBytes.tenYears)}: ${ms(median(tenYears.reads.slice(2).concat(tenYears.reads[0])))} (median of ${tenYears.reads.length - 1}); merge into an empty phone ${ms(tenYears.applied[0])}; full backup file made in ${ms(median(tenYears.exports))} (median of ${tenYears.exports.length})`, 'no budget set']
      : ['10-year import / export, in the browser', `not measured: ${DATA_FILES} has no generated backups`, '—'],
  ];

  const warmHtml = med(warm.app, 'htmlReceived');
  const warmDcl = med(warm.app, 'domContentLoaded');
  const warmStaticDcl = med(warm.static, 'domContentLoaded');
  const coldWasm = med(cold.app, 'wasmReceived');

  const lines = [];
  lines.push('Written by `scripts/bench.sh` (`tests/bench/bench.mjs`), which replaces everything between the');
  lines.push('`bench:web` markers on each run. 1 KB = 1000 bytes.');
  lines.push('');
  lines.push(`Machine: ${host.nproc} cores (\`nproc\`), CPU "${host.cpu}", load average ${host.load} at the start, ${host.loadAfterWarm} after`);
  lines.push(`the warm runs, ${host.loadEnd} at the end (shared with other builds); Chromium ${host.chromium} headless (Debian's`);
  lines.push(`\`/usr/bin/chromium\`) driven by Playwright ${host.playwright}, Node ${host.node}; ${host.date}. Release build`);
  lines.push(`(\`trunk build --release --public-url /so-tay/\`)${host.source}, served by \`tests/e2e/serve.py\``);
  lines.push(`(Python's static server, compressing with gzip as the README asks hosts to) on 127.0.0.1:${PORT}.`);
  lines.push('');
  lines.push('### Budget');
  lines.push('');
  lines.push(table(['budget', 'measured', ''], budgetRows));
  lines.push('');
  lines.push('### Start-up: time until the first screen is usable');
  lines.push('');
  lines.push(table(['case', 'app (median)', 'static page (median)', 'app / static', 'fastest runs, app / static'], startRows));
  lines.push('');
  lines.push(`- ${RUNS} runs per case, app and static page alternating, 360×740 mobile viewport, CPU slowed ${CPU_SLOWDOWN}×`);
  lines.push(`  (\`Emulation.setCPUThrottlingRate\`), network throttled in every run to ${SLOW_4G_LABEL}`);
  lines.push('  with `Network.emulateNetworkConditions` (DevTools request-level throttling, no extra latency multiplier).');
  lines.push('- Usable = the app\'s bottom navigation (`#app .bottom-nav`) and the `h1` are in the DOM: `performance.now()` (from');
  lines.push('  navigation start) taken by a MutationObserver that an init script installs before any page script.');
  lines.push(`- The static page (\`${STATIC_PAGE}\`, written into the build folder by the bench) is the app's home screen`);
  lines.push('  as rendered, captured from the DOM (scripts and hidden notices removed), linking the same stylesheet file.');
  lines.push('- Cold: a fresh browser context per run (empty HTTP cache, no service worker), the files sent gzip-compressed');
  lines.push(`  (${kb(firstLoad.gzip)} for the first screen); the main wasm module arrives at ${ms(coldWasm)} (median). First paint is the`);
  lines.push('  first contentful paint (the static first screen of index.html, for the app).');
  lines.push('- Warm: a new tab in a context that has visited once. The app is served by its service worker (the bench');
  lines.push('  waits for `navigator.serviceWorker.controller` before the warm runs); the static page, which has no');
  lines.push('  worker, by Chromium\'s HTTP cache (the bench dates it and its stylesheet a year back so that Python\'s');
  lines.push('  `Last-Modified` makes them heuristically fresh, as a host\'s `Cache-Control` would). Responses that did not');
  lines.push(`  touch the network in the warm runs: app ${local(warm.app)}, static ${local(warm.static)}.`);
  lines.push(`- Where the app's warm time goes (medians): the page is received at ${ms(warmHtml)}; DOMContentLoaded at ${ms(warmDcl)}`);
  lines.push(`  (the static page: ${ms(warmStaticDcl)}); then ${ms(warmApp - warmDcl)} until usable, which is \`boot.js\` importing the`);
  lines.push('  JS glue, compiling and instantiating the wasm, and Leptos building the first screen, all at 4× slowdown;');
  lines.push(`  the app's own start-up (the \`sotay:mount\` measure: the first screen's records read, the screen built and mounted, including`);
  lines.push(`  compiling each wasm function on its first call) takes ${ms(med(warm.app, 'mount'))} of that.`);
  lines.push('- Other work on the machine only ever adds time, so the fastest runs are the least disturbed; the budget');
  lines.push('  is judged on the medians. A load average at the start well above 0 means other work competed and the');
  lines.push('  numbers are noisy: rerun on a quiet machine. (The bench\'s own browser keeps about one core busy, which');
  lines.push('  the later load averages include.)');
  lines.push(`- Runs (ms): cold app ${list(cold.app)}; cold static ${list(cold.static)};`);
  lines.push(`  warm app ${list(warm.app)}; warm static ${list(warm.static)}.`);
  if (search) {
    lines.push('');
    lines.push('### Handbook search in the app');
    lines.push('');
    lines.push(table(['what', 'samples', 'p50', 'p95', 'max'], [
      percentileRow('search (the app\'s User Timing measure)', search.searches),
      percentileRow(`keystroke → results in the DOM (${FIRST_CARDS})`, search.keystrokes),
      percentileRow(`${NEXT_CARDS}, just after the paint (the app's User Timing measure)`, search.later),
    ]));
    lines.push('');
    lines.push(`- The ${HANDBOOK_QUERIES.length} searches of \`domain/examples/search_bench.rs\` typed one character at a time into the`);
    lines.push(`  handbook's search box (built-in pack), ${HANDBOOK_ROUNDS} rounds, in the warm app at ${CPU_SLOWDOWN}× CPU slowdown.`);
    lines.push(`- Search: the app wraps each search in a User Timing measure (\`${SEARCH_MEASURE}\`, src/timing.rs), read`);
    lines.push('  back with `performance.getEntriesByName`: folding the query, looking it up in the index, ranking and');
    lines.push('  cutting the snippets. One per keystroke that leaves text in the box.');
    lines.push('- Keystroke → results in the DOM: from the `input` event until the app has updated the DOM (the next task');
    lines.push(`  after Leptos's microtask updates): the search and re-rendering ${FIRST_CARDS} with highlights,`);
    lines.push(`  without layout and paint. The app brings cards ${CARDS_AT_ONCE + 1}–${CARDS_SHOWN_FIRST} up to date in a task of its own just after the next`);
    lines.push(`  paint (\`${LATER_RESULTS_MEASURE}\`); the rest come on "Xem thêm". Letters are typed at a fast typist's pace:`);
    lines.push('  the page paints and finishes that task (two frames) before the next letter.');
  }
  if (tenYears) {
    lines.push('');
    lines.push('### Ten years of data in the app');
    lines.push('');
    const one = (label, value) => [label, '1', ms(value), '—', '—'];
    const many = (label, values) => [label, String(values.length), ms(median(values)), ms(percentile(values, 95)), ms(Math.max(...values))];
    lines.push(table(['what', 'samples', 'median', 'p95', 'max'], [
      one(`read the 10-year file (${kb(tenYears.fileBytes.tenYears)}): parse, validate completely, preview — into an empty phone`, tenYears.reads[0]),
      one('merge it: snapshot, storage writes, store reloaded', tenYears.applied[0]),
      one(`read another phone's file (${kb(tenYears.fileBytes.otherPhone)}) against the ten years: parse, validate, preview with conflicts`, tenYears.reads[1]),
      one('merge it (newer wins; conflicts listed)', tenYears.applied[1]),
      many('read the 10-year file again (nothing new to merge)', tenYears.reads.slice(2)),
      many('make the full backup file (`export_all` + JSON)', tenYears.exports),
      many('score a meeting (live score sheet, own sheet)', tenYears.scores),
      many('start-up with the ten years stored (warm, until the home screen is usable)', tenYears.starts),
      ...(tenYears.firstScreenReads.length ? [many('… of which reading what the first screen shows (every stored text from localStorage; of them the chi bộ, members, each meeting\'s date and kind)', tenYears.firstScreenReads)] : []),
      ...(tenYears.storeLoads.length ? [many('then, just after the first paint: reading every stored record into the store', tenYears.storeLoads)] : []),
      ...(tenYears.storeLoadEnds.length ? [many('… done, from navigation start (every other screen waits for it)', tenYears.storeLoadEnds)] : []),
    ]));
    lines.push('');
    lines.push(`- The files of the native backup bench (\`cargo run -p sotay-domain --release --example backup_bench -- --write-files ${path.relative(ROOT, DATA_FILES)}\`):`);
    lines.push(`  ${tenYears.meetings} meetings of a 40-member chi bộ over ten years, and "another phone" with edits and conflicts. Fed`);
    lines.push('  through the Dữ liệu screen of the release build (file input, "Gộp vào dữ liệu hiện có", "Tải tệp sao lưu toàn bộ")');
    lines.push(`  in a fresh browser context at ${CPU_SLOWDOWN}× CPU slowdown; ${tenYears.opened} meetings then opened one after another.`);
    lines.push('');
    lines.push(tenYearsMemoryTable(tenYears));
    lines.push('');
    lines.push('- Times are the app\'s own User Timing measures (src/timing.rs) around the work, without the rendering that');
    lines.push('  follows; start-up is measured as in "Start-up" (static page median there for comparison:');
    lines.push(`  ${ms(median(warm.static.map((r) => r.usable)))}).`);
  }
  lines.push('');
  lines.push('### Bundle sizes');
  lines.push('');
  lines.push(table(['file', 'first visit', 'raw', 'gzip', 'brotli'], sizeRows));
  lines.push('');
  lines.push('- gzip level 9 and brotli quality 11 (Node\'s zlib), each file compressed on its own, as a server would.');
  lines.push('- "first visit" tells who requested the file on a first visit (Playwright request events, unthrottled, until');
  lines.push('  the first screen was usable, the service worker controlled the page and the network was idle): "page" =');
  lines.push('  requested by the page itself before its first screen was usable (the request\'s start against the');
  lines.push('  `__benchUsableAt` moment; headless Chromium fetches the manifest only through the precache) — the first');
  lines.push('  load; "page after the first screen" = requested by the page after that (the worker script it registers');
  lines.push('  once the app runs; the module that reads every stored record, asked for just after the first paint, and');
  lines.push('  the chunks it shares with the screens), "precache" = downloaded by the worker\'s install, "precache from the HTTP cache" =');
  lines.push('  requested by it but answered by the HTTP cache without a download (Playwright\'s request sizes), so not');
  lines.push('  counted. The worker takes the hashed files (wasm, glue, CSS) through the HTTP cache and asks for the');
  lines.push('  others with `cache: \'reload\'`, so those the page has just fetched are downloaded a second time.');
  if (outside.length) lines.push(`- Requests outside the build (not counted): ${outside.map((u) => `\`${u}\``).join(', ')}.`);
  lines.push('');
  lines.push('### What the wasm is made of (twiggy)');
  lines.push('');
  if (twiggy.note) {
    lines.push(twiggy.note);
  } else {
    lines.push(`\`twiggy top -n 15\` on the main module (wasm-bindgen output before wasm-opt, ${kb(twiggy.total)} with names; the shipped,`);
    lines.push(`optimised \`${wasmFile}\` is ${kb(wasm.raw)} without them). Shallow sizes: where the bytes sit, not what`);
    lines.push(`pulls them in. The ${kb(twiggy.namesBytes)} "function names" subsection is left out (wasm-opt drops it).`);
    lines.push('');
    lines.push(table(['largest items', 'bytes'], twiggy.top.map((r) => [`\`${r.name.replace(/\|/g, '\\|').replace(/`/g, "'")}\``, String(r.bytes)])));
    lines.push('');
    lines.push(table(['by crate (shallow sizes summed)', 'bytes'], twiggy.crates.map(([crate, bytes]) => [crate, String(bytes)])));
  }
  return lines.join('\n');
}

function writeSection(report) {
  const text = readFileSync(BENCHMARKS_MD, 'utf8');
  const block = `${MARK_START}\n${report}\n${MARK_END}`;
  let next;
  const start = text.indexOf(MARK_START);
  const end = text.indexOf(MARK_END);
  if (start !== -1 && end > start) {
    next = text.slice(0, start) + block + text.slice(end + MARK_END.length);
  } else if (start === -1 && end === -1) {
    next = `${text.replace(/\n*$/, '\n')}\n${SECTION_HEADING}\n\n${block}\n`;
  } else {
    throw new Error('BENCHMARKS.md has only one of the bench:web markers; fix it by hand');
  }
  writeFileSync(BENCHMARKS_MD, next);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack || error}\n`);
  process.exit(1);
});
