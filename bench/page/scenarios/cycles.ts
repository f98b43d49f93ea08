/**
 * Scenario j: mount/unmount cycles. Set-up, seeks and snapshots are separate calls so that
 * bench/run.mjs can force a garbage collection between them and compare media elements, hls.js
 * instances and heap before and after.
 */
import type { TicReplayElement } from '../../../src/element/tic-replay.component.js';
import { liveHlsInstances } from '../../../src/media/hls-source.js';
import { createPlayer, type BenchPlayer } from '../players.js';
import { seededRandom, stream, type StreamSpec } from '../streams.js';
import { delay, nextEvent } from '../util.js';
import { stage } from './stage.js';

export interface CycleSnapshot {
  /** All media elements in the player's shadow root. */
  readonly mediaElements: number;
  readonly hlsInstances: number;
  /** performance.memory.usedJSHeapSize (after a garbage collection forced by bench/run.mjs). */
  readonly heapBytes: number;
}

const CYCLE_FILE_MS = 6000;
const CYCLE_FILES_PER_TRACK = 20;
const CYCLE_HOME_MS = 30000;

let cyclePlayer: BenchPlayer | undefined;
let cycleRandom: () => number = Math.random;

/** Waits for a seek of <tic-replay> to finish (or 10 s), then lets late async work settle. */
async function settleCycleSeek(ms: number, settleMs: number): Promise<void> {
  const element = (cyclePlayer as unknown as { element: TicReplayElement }).element;
  const seeked = nextEvent(element, 'seeked', 10000);
  cyclePlayer!.seek(ms);
  await seeked;
  await delay(settleMs);
}

/**
 * A 2-minute recording of three tracks — camera (mp4), whiteboard (mp4) and a camera over HLS —
 * each cut into 20 files of 6 s: every seek mounts some files and unmounts others. Ends warmed up
 * (hls.js loaded, a few seeks done) at 30 s.
 */
export async function cyclesSetup(options: { warmupSeeks: number }): Promise<void> {
  cycleRandom = seededRandom(1000);
  const box = stage();
  cyclePlayer = createPlayer('tic-replay', box);
  const specs: StreamSpec[] = [];
  for (let i = 0; i < CYCLE_FILES_PER_TRACK; i++) {
    const startMs = i * CYCLE_FILE_MS;
    specs.push(stream('cycles', 'cam-a.mp4', `cam-${i}`, startMs, CYCLE_FILE_MS, 0, 'alice'));
    specs.push(stream('cycles', 'board.mp4', `board-${i}`, startMs, CYCLE_FILE_MS, 2, ''));
    specs.push(stream('cycles', 'hls/cam-h.m3u8', `hls-${i}`, startMs, CYCLE_FILE_MS, 0, 'bob'));
  }
  await cyclePlayer.load(specs, CYCLE_HOME_MS);
  for (let i = 0; i < options.warmupSeeks; i++) await settleCycleSeek(Math.floor(cycleRandom() * CYCLE_FILES_PER_TRACK * CYCLE_FILE_MS), 0);
  await settleCycleSeek(CYCLE_HOME_MS, 1000);
}

export function cyclesSnapshot(): CycleSnapshot {
  const element = (cyclePlayer as unknown as { element: TicReplayElement }).element;
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return {
    mediaElements: element.shadowRoot!.querySelectorAll('video, audio').length,
    hlsInstances: liveHlsInstances(),
    heapBytes: memory?.usedJSHeapSize ?? Number.NaN,
  };
}

/**
 * `count` seeks to random positions, each in a task of its own (so mounts, hls.js attaching and
 * teardown interleave as under a user dragging the progress bar); every 100th waits for `seeked`.
 * Then back to 30 s, and a moment for late teardown.
 */
export async function cyclesRun(options: { count: number }): Promise<{ wallMs: number }> {
  const started = performance.now();
  const spanMs = CYCLE_FILES_PER_TRACK * CYCLE_FILE_MS;
  for (let i = 1; i <= options.count; i++) {
    const ms = Math.floor(cycleRandom() * spanMs);
    if (i % 100 === 0) await settleCycleSeek(ms, 0);
    else {
      cyclePlayer!.seek(ms);
      await delay(0);
    }
  }
  await settleCycleSeek(CYCLE_HOME_MS, 1500);
  return { wallMs: performance.now() - started };
}

export function cyclesTeardown(): void {
  cyclePlayer?.destroy();
  cyclePlayer = undefined;
}
