// Takes the review page's screenshots (docs/screenshots/*.png) at 1280×800 and 390×844: the sample
// playing, in grid, with errors (a recording whose files are partly gone), and in Chinese.
// Run after `npm run build`: `node docs/screenshots/take-screenshots.mjs`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { createStaticHandler } from '../../scripts/range-static.mjs';

const root = new URL('../..', import.meta.url).pathname;
const out = new URL('.', import.meta.url).pathname;
const serve = createStaticHandler(root);
const server = createServer((req, res) =>
  serve(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  }),
);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** The sample with one camera file gone (404) and one entry invalid: tile error, problems banner. */
function brokenSample() {
  const sample = JSON.parse(readFileSync(new URL('../../demo/sample-recording.json', import.meta.url), 'utf8'));
  for (const info of sample.VideoInfos) info.VideoUrl = `${origin}/demo/${info.VideoUrl}`;
  sample.VideoInfos[0].VideoUrl = `${origin}/demo/media/gone-teacher-1.mp4`;
  sample.VideoInfos[5].VideoPlayTime = -5;
  return JSON.stringify(sample);
}

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const [sizeName, viewport] of Object.entries(SIZES)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: sizeName === 'phone' });
    const page = await context.newPage();
    const shoot = (name) => page.screenshot({ path: `${out}${name}-${sizeName}.png` });
    const open = async (query = '', lang = 'en') => {
      await page.goto(`${origin}/demo/index.html${query}`);
      await page.evaluate((code) => localStorage.setItem('tic-replay-demo:lang', code), lang);
      await page.reload();
      await page.waitForFunction(() => document.getElementById('player')?.readyState >= 3);
    };
    const playTo = async (seconds) => {
      await page.evaluate(async (s) => {
        const player = document.getElementById('player');
        player.currentTime = s;
        await player.play();
      }, seconds);
      await page.waitForTimeout(1500);
      // Paused, so the control bar shows as a person reviewing the recording sees it.
      await page.evaluate(() => document.getElementById('player').pause());
      await page.waitForTimeout(300);
    };

    await open();
    await playTo(22);
    await shoot('playing');

    await page.evaluate(() => (document.getElementById('player').layout = 'grid'));
    await page.waitForTimeout(400);
    await shoot('grid');

    await open('', 'zh-CN');
    await playTo(22);
    await shoot('chinese');

    await open();
    await page.evaluate((text) => {
      document.querySelector('#paste-details summary').click();
      document.getElementById('paste-input').value = text;
      document.querySelector('#paste-form button[type="submit"]').click();
    }, brokenSample());
    await page.waitForFunction(() => document.getElementById('player')?.readyState >= 1);
    await playTo(22);
    await page.waitForTimeout(1000);
    await shoot('errors');
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots written to ${out}`);
