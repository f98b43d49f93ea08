// Writes src/player/videojs-icons.woff2: video.js's icon font cut down to the icons its remaining
// CSS uses (see pruneCss in rollup-plugins.mjs), so the embed does not carry ~50 unused icons.
// Needs Python's fontTools (Debian: apt-get install python3-fonttools python3-brotli). The result is
// committed; run again after upgrading video.js.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { pruneCss, UNUSED_VIDEOJS_CLASSES } from './rollup-plugins.mjs';

const source = readFileSync('node_modules/video.js/dist/video-js.css', 'utf8');
const { code: minified } = await transform(source, { loader: 'css', minify: true });
const pruned = pruneCss(minified, UNUSED_VIDEOJS_CLASSES);
const codepoints = [...new Set([...pruned.matchAll(/content:"\\(f[0-9a-f]{3})"/g)].map((m) => m[1]))].sort();
const fontBase64 = minified.match(/@font-face\{font-family:VideoJS;src:url\(data:application\/font-woff;charset=utf-8;base64,([^)]+)\)/)?.[1];
if (!fontBase64) throw new Error('video.js icon font not found in its stylesheet');

const dir = mkdtempSync(join(tmpdir(), 'vjs-font-'));
writeFileSync(join(dir, 'VideoJS.woff'), Buffer.from(fontBase64, 'base64'));
// Debian's fontTools lives with the system Python.
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
execFileSync(python, [
  '-m', 'fontTools.subset', join(dir, 'VideoJS.woff'),
  `--unicodes=${codepoints.map((c) => `U+${c}`).join(',')}`,
  '--flavor=woff2', `--output-file=src/player/videojs-icons.woff2`, '--no-hinting', '--desubroutinize',
], { stdio: 'inherit' });
console.log(`kept ${codepoints.length} icons: ${codepoints.join(' ')}`);
