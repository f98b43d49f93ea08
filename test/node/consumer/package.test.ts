// What `npm pack` ships, and the package as Node sees it from a consumer's project.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PROJECT_ROOT, makeConsumerProject, type ConsumerProject } from './consumer-project.js';

interface PackageJson {
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
  files: string[];
  scripts: Record<string, string>;
  bin: Record<string, string>;
}

let consumer: ConsumerProject;
let packed: Set<string>;
let manifest: PackageJson;

before(() => {
  consumer = makeConsumerProject();
  packed = new Set(consumer.packedFiles.map((file) => file.path));
  manifest = JSON.parse(readFileSync(join(consumer.packageDir, 'package.json'), 'utf8')) as PackageJson;
});

after(() => consumer?.remove());

function jsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFilesUnder(path) : path.endsWith('.js') ? [path] : [];
  });
}

test('the tarball holds the builds, types, command, manifest, README and LICENSE', () => {
  for (const path of [
    'package.json', 'README.md', 'LICENSE', 'custom-elements.json', 'bin/tic-replay.js',
    'dist/tic-replay.js', 'dist/tic-replay.iife.js', 'dist/tic-replay-hls.mjs', 'dist/tic-replay-zh-CN.mjs',
    'dist/esm/index.js', 'dist/esm/element/tic-replay.js', 'dist/esm/player/videojs-css.js', 'dist/esm/core/index.js',
    'dist/types/index.d.ts', 'dist/types/core/index.d.ts', 'dist/node/cli/main.js',
  ]) {
    assert.ok(packed.has(path), `${path} is packed`);
  }
  const chunks = [...packed].filter((path) => path.startsWith('dist/chunks/'));
  assert.ok(chunks.some((path) => /zh-CN-pack-[\w-]+\.js$/.test(path)), 'the Chinese chunk travels with dist/tic-replay.js');
  assert.ok(chunks.some((path) => /hls\.light-[\w-]+\.js$/.test(path)), 'the hls.js chunk travels with dist/tic-replay.js');
  assert.match(readFileSync(join(consumer.packageDir, 'LICENSE'), 'utf8'), /MIT License\s+Copyright \(c\) 2026 tic-replay contributors/);
});

test('the tarball holds no source maps, sources, tests or development files', () => {
  const unwanted = [...packed].filter((path) => /\.map$|^(src|test|scripts|bench|demo|\.ci)\/|^tsconfig|rollup\.config/.test(path));
  assert.deepEqual(unwanted, []);
  assert.ok(consumer.unpackedSizeBytes < 2.5 * 1024 * 1024, `unpacked size ${(consumer.unpackedSizeBytes / 1024 / 1024).toFixed(2)} MB`);
});

test('every path in exports, sideEffects and bin is in the tarball', () => {
  const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  for (const path of [...targets, ...manifest.sideEffects, ...Object.values(manifest.bin)]) {
    assert.ok(packed.has(path.replace(/^\.\//, '')), `${path} is packed`);
  }
});

test('the module that defines <tic-replay> is listed in sideEffects, so bundlers keep `import "tic-replay"`', () => {
  const source = readFileSync(join(consumer.packageDir, 'dist/esm/element/tic-replay.js'), 'utf8');
  assert.match(source, /customElements\.define/);
  assert.ok(manifest.sideEffects.includes('./dist/esm/element/tic-replay.js'));
});

test('dist/esm imports only JavaScript: no stylesheet needs a bundler plugin', () => {
  const cssImports = jsFilesUnder(join(consumer.packageDir, 'dist/esm')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*['"]([^'"]+\.css)['"]/g)].map((match) => `${file}: ${match[1]}`),
  );
  assert.deepEqual(cssImports, []);
});

test('a clean clone packs a built package: prepack builds dist', () => {
  const own = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;
  assert.match(own.scripts.prepack ?? '', /npm run build/);
  assert.match(own.scripts.build ?? '', /rollup -c/);
});

test('tic-replay/core imports in Node from a consumer, with no DOM: the parser, the timeline and the clock', () => {
  const script = `
    const core = await import('tic-replay/core');
    const { recording } = core.parseRecording(
      { TotalTime: 20000, VideoInfos: [{ VideoId: 'a', UserId: 't', VideoType: 0, VideoPlayTime: 0, VideoDuration: 10000, VideoUrl: 'https://x.test/a.mp4' }] },
      { baseUrl: 'https://x.test/' },
    );
    const timeline = core.buildTimeline(recording);
    console.log(JSON.stringify({
      parseRecording: typeof core.parseRecording,
      buildTimeline: typeof core.buildTimeline,
      MasterClock: typeof core.MasterClock,
      durationMs: timeline.durationMs,
      document: typeof document,
    }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer.dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(output), {
    parseRecording: 'function',
    buildTimeline: 'function',
    MasterClock: 'function',
    durationMs: 20000,
    document: 'undefined',
  });
});

test('the tic-replay command runs from the package', () => {
  assert.ok(existsSync(join(consumer.packageDir, 'bin/tic-replay.js')));
  const output = execFileSync(process.execPath, [join(consumer.packageDir, 'bin/tic-replay.js'), '--help'], { cwd: consumer.dir, encoding: 'utf8' });
  assert.match(output, /tic-replay/);
});
