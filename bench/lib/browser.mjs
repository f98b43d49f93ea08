// Headless Chromium for the benchmark: one browser, a fresh context and page per player and
// scenario, and the DevTools protocol for network throttling and forced garbage collection.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

const PAGE_PATH = '/bench/page/index.html';
/** No single scenario of one player takes this long; beyond it the page is stuck. */
const EVALUATE_TIMEOUT_MS = 180_000;

export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/find-chromium.mjs` (it installs or explains how).');
  return chromium.launch({
    executablePath,
    headless: true, // playwright passes its own headless flag
    args: [
      ...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')),
      // Exact performance.memory figures (Chromium otherwise rounds them into coarse buckets).
      '--enable-precise-memory-info',
    ],
  });
}

/** One browser context for the whole run: pages share the bundle from the HTTP cache, nothing else. */
export function newBenchContext(browser) {
  return browser.newContext({ viewport: { width: 1280, height: 900 } });
}

/**
 * Opens the benchmark page in a new page (its own renderer, heap and decoders; every media URL
 * of a page is unique, so no download is shared either), hands `use` a small API, and closes the
 * page afterwards.
 */
export async function withBenchPage(context, origin, use) {
  const page = await context.newPage();
  const problems = [];
  try {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(origin + PAGE_PATH);
    await page.waitForFunction(() => window.bench?.ready === true, null, { timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const api = {
      /** Runs `window.bench[name](options)` in the page and returns its (JSON) result. */
      run: (name, options) => withTimeout(page.evaluate(([fn, opts]) => window.bench[fn](opts), [name, options]), EVALUATE_TIMEOUT_MS, name),
      /**
       * Throttles every download of the page, media included, to `kilobytesPerSecond` (KiB/s) with
       * `latencyMs` per request, and turns the HTTP cache off so nothing arrives unthrottled.
       */
      throttle: async (kilobytesPerSecond, latencyMs) => {
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: latencyMs,
          downloadThroughput: kilobytesPerSecond * 1024,
          uploadThroughput: kilobytesPerSecond * 1024,
        });
      },
      /** A full garbage collection (twice: the first can leave work for finalizers). */
      collectGarbage: async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
      },
      /**
       * Runs `use()` while the page is traced (category devtools.timeline: tasks, frame callbacks
       * and function calls, each with its wall and thread CPU time) and returns its value and the
       * trace's events.
       */
      traced: async (use) => {
        const events = [];
        const collect = ({ value }) => events.push(...value);
        cdp.on('Tracing.dataCollected', collect);
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
        try {
          return { value: await use(), events };
        } finally {
          const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
          await cdp.send('Tracing.end');
          await complete;
          cdp.off('Tracing.dataCollected', collect);
        }
      },
      problems,
    };
    return await use(api);
  } finally {
    await page.close();
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
