#!/usr/bin/env node
// Speed of `tic-replay compose`: composes demo/sample-recording.json (80 s of class: a whiteboard
// and two cameras, a pause cut) at 1280×720, 25 fps, and prints seconds of class composed per
// second of wall time and the output's size per minute of class. Progress goes to stderr.
//
//   npm run bench:compose [-- --runs 2 --variants]
//
// --variants also measures the choices that decide the speed: x264 preset, ffmpeg processes at
// once, and x264 threads per process. The machine's load average is printed beside each figure:
// on a shared machine it says how much of the CPU the run really had.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readRecordingArg } from '../src/node/read-result.ts';
import { buildTimeline } from '../src/core/timeline/timeline.ts';
import { compose } from '../src/node/compose/compose.ts';
import { findComposeTools } from '../src/node/compose/tools.ts';
import { DEFAULT_ENCODING } from '../src/node/compose/segment-args.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    variants: { type: 'boolean', default: false },
    recording: { type: 'string', default: new URL('../demo/sample-recording.json', import.meta.url).pathname },
  },
});

const cores = availableParallelism();
const tools = findComposeTools(process.env);
const { recording } = await readRecordingArg(values.recording);
const timeline = buildTimeline(recording);
const classS = timeline.durationMs / 1000;
const work = await mkdtemp(join(tmpdir(), 'tic-compose-bench-'));

const baseline = { label: `default: preset ${DEFAULT_ENCODING.preset}, ${cores} processes, x264 threads auto`, workers: cores, encoding: DEFAULT_ENCODING };
const variants = values.variants
  ? [
      baseline,
      { label: 'preset superfast', workers: cores, encoding: { ...DEFAULT_ENCODING, preset: 'superfast' } },
      { label: 'preset faster', workers: cores, encoding: { ...DEFAULT_ENCODING, preset: 'faster' } },
      { label: '1 process (no segment parallelism)', workers: 1, encoding: DEFAULT_ENCODING },
      { label: `${cores} processes, 1 x264 thread each`, workers: cores, encoding: { ...DEFAULT_ENCODING, threads: 1 } },
    ]
  : [baseline];

/** CPU seconds used by finished child processes (ffmpeg) so far: /proc/self/stat cutime + cstime (Linux). */
const ticksPerS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
async function childrenCpuS() {
  try {
    const fields = (await readFile('/proc/self/stat', 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / ticksPerS;
  } catch {
    return NaN;
  }
}

const rows = [];
try {
  for (const variant of variants) {
    for (let run = 0; run < Number(values.runs); run++) {
      const outputPath = join(work, 'class.mp4');
      const cpuBeforeS = await childrenCpuS();
      const startedMs = performance.now();
      await compose({
        timeline,
        layout: 'presentation',
        widthPx: 1280,
        heightPx: 720,
        fps: 25,
        tools,
        signal: new AbortController().signal,
        outputPath,
        log: (line) => process.stderr.write(`${line}\n`),
        workers: variant.workers,
        encoding: variant.encoding,
      });
      const wallS = (performance.now() - startedMs) / 1000;
      const bytes = (await stat(outputPath)).size;
      const cpuS = (await childrenCpuS()) - cpuBeforeS;
      const row = {
        variant: variant.label,
        speed: classS / wallS,
        wallS,
        mbPerMinute: bytes / 1e6 / (classS / 60),
        load: loadavg()[0],
        cpuS,
        // What the same CPU work gives on idle cores, all of them busy: the figure without other users' load.
        idleSpeed: (classS * Math.min(cores, variant.workers)) / cpuS,
      };
      rows.push(row);
      process.stderr.write(`${row.variant}: ${row.speed.toFixed(2)}× real time\n`);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

console.log(`Compose: ${values.recording.split('/').pop()} (${classS} s of class) at 1280×720, 25 fps, on ${cores} cores\n`);
console.log('| variant | class s per s (× real time) | wall s | ffmpeg CPU s | × real time if the cores were idle | MB per minute of class | load avg (1 min) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.variant} | ${row.speed.toFixed(2)} | ${row.wallS.toFixed(1)} | ${row.cpuS.toFixed(1)} | ${row.idleSpeed.toFixed(2)} | ${row.mbPerMinute.toFixed(2)} | ${row.load.toFixed(1)} |`,
  );
}
console.log('\n"If the cores were idle": class seconds × processes ÷ CPU seconds, i.e. the speed with every core given to the work.');
