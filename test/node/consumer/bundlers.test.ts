// `import 'tic-replay'`, as the README says, bundled by a consumer with esbuild (no plugins) and with
// rollup (node-resolve + commonjs only), and the package's one-file bundle and classic script in a tag:
// each page, served under a strict Content-Security-Policy, defines <tic-replay> and plays a
// recording with controls, with no CSP violation, console error or uncaught error.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { rollup } from 'rollup';
import { PROJECT_ROOT, makeConsumerProject, type ConsumerProject } from './consumer-project.js';
import { exerciseControls, launchChromium, openPage, playReplay, type PageReport, type PlaybackState } from './replay-page.js';
import { startStaticServer, type StaticServer } from './static-server.js';

/** What LMS pages commonly send: no inline styles, no inline scripts. */
const STRICT_CSP = "style-src 'self'; script-src 'self'";
const RECORDING_URL = '/project/test/node/consumer/recording.json';
const PLAY_UNTIL_S = 2;

let consumer: ConsumerProject;
let server: StaticServer;
let browser: Browser;

function writePage(folder: string, script: string, lang = 'en', recordingUrl = RECORDING_URL, scriptType = 'module'): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><script type="${scriptType}" src="${script}"></script></head>\n` +
      `<body><tic-replay src="${recordingUrl}" controls muted></tic-replay></body></html>\n`,
  );
}

before(async () => {
  consumer = makeConsumerProject();
  mkdirSync(join(consumer.dir, 'src'));
  writeFileSync(join(consumer.dir, 'src/main.js'), "import 'tic-replay';\n");
  server = await startStaticServer({
    mounts: { '/project/': PROJECT_ROOT, '/consumer/': consumer.dir },
    headersFor: (path): Record<string, string> => (path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  consumer?.remove();
});

async function expectPlaysCleanly(report: PageReport, videoIds = ['board', 'student', 'teacher']): Promise<PlaybackState> {
  const state = await playReplay(report.page, PLAY_UNTIL_S);
  assert.equal(state.defined, true, '<tic-replay> is defined');
  assert.equal(state.fatalError, null);
  assert.deepEqual(state.problems, []);
  assert.ok(state.currentTimeS >= PLAY_UNTIL_S, `the clock reached ${PLAY_UNTIL_S} s`);
  assert.deepEqual(state.videos.map((video) => video.videoId).sort(), videoIds);
  for (const video of state.videos) {
    assert.equal(video.paused, false, `${video.videoId} plays`);
    assert.ok(video.currentTimeS > 0.5, `${video.videoId} advanced (${video.currentTimeS} s)`);
  }
  assert.equal(state.controlBarDisplay, 'flex', "video.js's stylesheet styles the control bar");
  await exerciseControls(report.page);
  assert.deepEqual(await report.cspViolations(), [], `no violation of "${STRICT_CSP}"`);
  assert.deepEqual(report.pageErrors, []);
  assert.deepEqual(report.failedResponses, []);
  assert.deepEqual(report.consoleErrors, []);
  return state;
}

test('esbuild, with no plugins, bundles `import "tic-replay"` into a page that plays', async () => {
  const outdir = join(consumer.dir, 'esbuild');
  const result = await build({
    absWorkingDir: consumer.dir,
    entryPoints: ['src/main.js'],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    outdir,
    logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  writePage(outdir, './main.js');
  const report = await openPage(browser, `${server.origin}/consumer/esbuild/index.html`);
  await expectPlaysCleanly(report);
});

test('rollup with node-resolve and commonjs bundles `import "tic-replay"` into a page that plays', async () => {
  const outdir = join(consumer.dir, 'rollup');
  const bundle = await rollup({
    input: join(consumer.dir, 'src/main.js'),
    plugins: [nodeResolve({ browser: true }), commonjs()],
    onwarn: () => undefined,
  });
  await bundle.write({ dir: outdir, format: 'es' });
  await bundle.close();
  writePage(outdir, './main.js');
  const report = await openPage(browser, `${server.origin}/consumer/rollup/index.html`);
  await expectPlaysCleanly(report);
});

test("the package's dist/tic-replay.js in a <script type=module> tag plays", async () => {
  const folder = join(consumer.dir, 'script-tag');
  writePage(folder, '/consumer/node_modules/tic-replay/dist/tic-replay.js');
  const report = await openPage(browser, `${server.origin}/consumer/script-tag/index.html`);
  await expectPlaysCleanly(report);
});

test("the package's classic script (dist/tic-replay.iife.js) plays, in Chinese from the module beside it", async () => {
  const folder = join(consumer.dir, 'classic');
  writePage(folder, '/consumer/node_modules/tic-replay/dist/tic-replay.iife.js', 'zh-CN', RECORDING_URL, 'text/javascript');
  const report = await openPage(browser, `${server.origin}/consumer/classic/index.html`);
  const state = await expectPlaysCleanly(report);
  assert.equal(state.playLabel, '暂停', 'the controls speak Chinese');
});

test('an HLS recording (hls.js from its lazy chunk) plays under the same policy', async () => {
  const folder = join(consumer.dir, 'hls');
  writePage(folder, '/consumer/node_modules/tic-replay/dist/tic-replay.js', 'en', '/project/test/node/consumer/recording-hls.json');
  const report = await openPage(browser, `${server.origin}/consumer/hls/index.html`);
  await expectPlaysCleanly(report, ['board', 'hls-teacher']);
});

test('a Chinese page that did not copy the chunks/ folder plays in English, with a warning', async () => {
  const folder = join(consumer.dir, 'no-chunks');
  mkdirSync(folder);
  cpSync(join(consumer.packageDir, 'dist/tic-replay.js'), join(folder, 'tic-replay.js'));
  writePage(folder, './tic-replay.js', 'zh-CN');
  const report = await openPage(browser, `${server.origin}/consumer/no-chunks/index.html`);
  const state = await playReplay(report.page, PLAY_UNTIL_S);
  assert.equal(state.fatalError, null);
  assert.ok(state.currentTimeS >= PLAY_UNTIL_S, 'it plays');
  assert.equal(state.lang, 'zh-CN');
  assert.equal(state.playLabel, 'Pause', 'the controls speak English');
  assert.ok(
    report.consoleWarnings.some((text) => text.includes('Chinese strings could not be loaded')),
    `a warning says why: ${JSON.stringify(report.consoleWarnings)}`,
  );
});
