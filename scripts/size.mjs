// Prints the gzip size of what a page downloads before play: the embed script alone, and with the
// hls.js engine that a recording with HLS files loads on demand. Budget: 100 KiB (gzip) for the first download.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 100;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

if (!existsSync('dist/tic-replay.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const hlsChunk = readdirSync('dist/chunks').find((name) => name.startsWith('hls') && name.endsWith('.js'));
const rows = [
  ['<script type="module"> dist/tic-replay.js', ['dist/tic-replay.js']],
  ['  + HLS recording (lazy hls.js chunk)', ['dist/tic-replay.js', `dist/chunks/${hlsChunk}`]],
  ['<script> dist/tic-replay.iife.js', ['dist/tic-replay.iife.js']],
  ['  + HLS recording (dist/tic-replay-hls.mjs)', ['dist/tic-replay.iife.js', 'dist/tic-replay-hls.mjs']],
];
console.log('| what a page downloads before play | raw KiB | gzip KiB | budget |');
console.log('| --- | ---: | ---: | --- |');
let over = false;
for (const [label, files] of rows) {
  const raw = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const zipped = files.reduce((sum, file) => sum + gz(file), 0);
  const first = !label.startsWith('  +');
  const verdict = first ? (zipped / 1024 <= BUDGET_KB ? `✓ ≤ ${BUDGET_KB} KiB` : `✗ > ${BUDGET_KB} KiB`) : 'hls.js only when needed';
  if (first && zipped / 1024 > BUDGET_KB) over = true;
  console.log(`| ${label} | ${kb(raw)} | ${kb(zipped)} | ${verdict} |`);
}
console.log('\nvideo.js (core, without vtt.js), its stylesheet (pruned, icon font subset) and lit are included.');
if (over && process.argv.includes('--check')) process.exit(1);
