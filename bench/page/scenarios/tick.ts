/**
 * Scenario h: the cost of the engine's per-frame step with many active streams, timed through an
 * injected Scheduler. Three windows: the first second after the player claims to play (the start's
 * corrections, as in the sync scenarios), `warmMs` after it (V8 optimizes code as it runs, and the
 * step runs 60 times a second), and the steady play after that, which the target is about. If asked
 * (`laterAtMs`), a fourth, a minute in, on files that last that long: code that runs once per frame
 * is optimized by V8's top tier only after tens of seconds (a --trace-opt run showed the step and
 * the sync strategy still in V8's middle tier 22 s in), and a class is watched for far longer.
 *
 * A control runs beside it: a fixed loop of plain arithmetic, sized before the streams load to take
 * 0.2 ms (the target) on the idle page, on a timer of its own at the step's rate. On a machine
 * whose cores are busy decoding 32 videos, it shows how much a wall-clock mean grows for work
 * that does not change.
 */
import { TicReplayElement } from '../../../src/element/tic-replay.component.js';
import { browserScheduler, FRAME_INTERVAL_MS, type Scheduler } from '../../../src/engine/scheduler.js';
import { clearRateWriteLog, rateWritesSince } from '../rate-writes.js';
import { manyStreams } from '../streams.js';
import { delay, percentiles, until, type Percentiles } from '../util.js';
import { SETTLE_MS } from './sync.js';
import { withPlayer } from './stage.js';

export interface TickOptions {
  readonly streams: number;
  /** How long the window after the first second lasts (ms)... */
  readonly warmMs: number;
  /** ...and the steady window after it (ms). */
  readonly measureMs: number;
  /**
   * If set, the streams last 84 s and one more window of `measureMs` starts this long after
   * `playing` (ms): V8 optimizes code that runs once per frame only after tens of seconds.
   */
  readonly laterAtMs?: number;
}

export interface TickWindow {
  /** Per-frame step wall time while the clock ran (ms). */
  readonly tick: Percentiles;
  /** The control loop's wall time, once after each of those steps (ms). */
  readonly control: Percentiles;
  /** `playbackRate` changes on the player's elements in the window. */
  readonly rateWrites: number;
}

export interface TickResult {
  /** The first second after the player claimed to play, */
  readonly start: TickWindow;
  /** the `warmMs` after it, */
  readonly warm: TickWindow;
  /** and the `measureMs` after that; */
  readonly steady: TickWindow;
  /** and `measureMs` from `laterAtMs` after `playing`, if asked for. */
  readonly later?: TickWindow;
  /** The control loop's median time on the idle page, before the streams loaded (ms). */
  readonly controlIdleMs: number;
  /** The sum of the control's results (kept only so that the loop is not optimized away). */
  readonly controlSink: number;
  readonly method: string;
  readonly activeStreams: number;
  readonly ticksWhileHeld: number;
  readonly crossOriginIsolated: boolean;
}

/** Plain arithmetic whose cost depends only on `steps`: the control. */
function spin(steps: number): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += Math.sqrt(i + sum * 1e-9);
  return sum;
}

/** Where the control's results go, read at the end, so that no bundler drops the loop as unused. */
let controlSink = 0;

function timeSpin(steps: number): number {
  const started = performance.now();
  controlSink += spin(steps);
  return performance.now() - started;
}

/** The number of `spin` steps that takes `targetMs` on the page as it is now, and what it takes (median ms). */
function calibrateControl(targetMs: number): { steps: number; idleMs: number } {
  for (let i = 0; i < 40; i++) controlSink += spin(50_000);
  const probe = 500_000;
  const perStepMs = percentiles(Array.from({ length: 9 }, () => timeSpin(probe))).p50 / probe;
  const steps = Math.max(1, Math.round(targetMs / perStepMs));
  return { steps, idleMs: percentiles(Array.from({ length: 21 }, () => timeSpin(steps))).p50 };
}

/**
 * The browser's scheduler, except that each frame callback (the engine's step, about once per display
 * frame) runs inside a function of its own name (a trace tells its calls apart) and is timed and
 * handed to `onFrame`.
 */
function frameTimingScheduler(onFrame: (elapsedMs: number) => void): Scheduler {
  const timed: Scheduler = Object.create(browserScheduler);
  // The browser scheduler's own repeating frame call, given a named function: the trace's call is this function's.
  timed.everyFrame = (callback) =>
    browserScheduler.everyFrame(function timedEngineStep() {
      const started = performance.now();
      callback();
      onFrame(performance.now() - started);
    });
  return timed;
}

/**
 * The engine's per-frame work with `streams` active files (muted). The element's engine is given a
 * scheduler whose frame callbacks (the engine's step) are timed with performance.now() (5 µs
 * resolution: the page is cross-origin isolated). Only steps while the clock runs count, since a
 * held clock does other work. The control runs on a timer of its own, at the step's rate (FRAME_INTERVAL_MS).
 * `console.timeStamp` marks the windows' bounds for a trace taken around the run.
 */
export function tick(options: TickOptions): Promise<TickResult> {
  const names = ['start', 'warm', 'steady', 'later'] as const;
  const windows = names.map(() => ({ steps: [] as number[], control: [] as number[] }));
  let current: (typeof windows)[number] | undefined;
  let ticksWhileHeld = 0;
  let claimsPlaying = () => false;
  const control = calibrateControl(0.2);
  TicReplayElement.engineScheduler = frameTimingScheduler((elapsedMs) => {
    if (!current) return;
    if (claimsPlaying()) current.steps.push(elapsedMs);
    else ticksWhileHeld += 1;
  });
  const controlFrame = () => {
    if (!current) return;
    if (claimsPlaying()) current.control.push(timeSpin(control.steps));
    setTimeout(controlFrame, FRAME_INTERVAL_MS);
  };
  // The names of the frame callbacks and these marks are read from a trace by bench/lib/scenarios.mjs.
  const mark = (name: string) => console.timeStamp(`tick-window ${name}`);
  const run = withPlayer('tic-replay', async (player) => {
    clearRateWriteLog();
    const element = (player as unknown as { element: TicReplayElement }).element;
    element.muted = true;
    const specs = manyStreams('tick', options.streams, options.laterAtMs !== undefined);
    await player.load(specs);
    element.muted = true;
    player.play();
    await until(() => player.claimsPlaying(), `${options.streams} streams play`, 30000);
    const playingAt = performance.now();
    claimsPlaying = () => player.claimsPlaying();
    const bounds: number[] = [];
    setTimeout(controlFrame, FRAME_INTERVAL_MS);
    for (const [i, lastsMs] of [SETTLE_MS, options.warmMs, options.measureMs].entries()) {
      bounds.push(performance.now());
      current = windows[i];
      mark(names[i]!);
      await delay(lastsMs);
    }
    bounds.push(performance.now());
    current = undefined;
    if (options.laterAtMs !== undefined) {
      mark('gap');
      await delay(Math.max(0, playingAt + options.laterAtMs - performance.now()));
      bounds.push(performance.now());
      current = windows[3];
      mark('later');
      await delay(options.measureMs);
      bounds.push(performance.now());
      current = undefined;
    }
    mark('end');
    const elements = specs.map((spec) => player.elementOf(spec.id)).filter((found): found is HTMLVideoElement => found !== undefined);
    // The later window's bounds follow the steady window's end (the gap has none of its own).
    const boundsOf = (i: number) => (i < 3 ? [bounds[i]!, bounds[i + 1]!] : [bounds[4]!, bounds[5]!]);
    const summary = (i: number): TickWindow => ({
      tick: percentiles(windows[i]!.steps),
      control: percentiles(windows[i]!.control),
      rateWrites: rateWritesSince(boundsOf(i)[0]!, elements).filter((write) => write.t < boundsOf(i)[1]!).length,
    });
    return {
      start: summary(0),
      warm: summary(1),
      steady: summary(2),
      ...(options.laterAtMs !== undefined ? { later: summary(3) } : {}),
      controlIdleMs: control.idleMs,
      controlSink,
      method: 'engine step per frame (an injected Scheduler times each frame callback)',
      activeStreams: player.shownStreams().length,
      ticksWhileHeld,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  });
  return run.finally(() => {
    TicReplayElement.engineScheduler = browserScheduler;
  });
}
