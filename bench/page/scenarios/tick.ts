/**
 * Scenario h: the cost of the engine's per-frame step with many active streams, timed through an
 * injected Scheduler.
 */
import { TicReplayElement } from '../../../src/element/tic-replay.component.js';
import { browserScheduler, type Scheduler } from '../../../src/engine/scheduler.js';
import { streamSet } from '../streams.js';
import { delay, percentiles, until, type Percentiles } from '../util.js';
import { withPlayer } from './stage.js';

export interface TickOptions {
  readonly streams: number;
  readonly measureMs: number;
}

export interface TickResult {
  /** Per-frame tick wall time while the clock ran (ms). */
  readonly tick: Percentiles;
  readonly method: string;
  readonly activeStreams: number;
  readonly ticksWhileHeld: number;
  readonly crossOriginIsolated: boolean;
}

/**
 * The browser's scheduler, except that each frame callback (the engine's step, once per animation
 * frame) is timed and handed to `onFrame`.
 */
function frameTimingScheduler(onFrame: (elapsedMs: number) => void): Scheduler {
  const timed: Scheduler = Object.create(browserScheduler);
  timed.requestFrame = (callback) =>
    browserScheduler.requestFrame(() => {
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
 * held clock does other work.
 */
export function tick(options: TickOptions): Promise<TickResult> {
  const durations: number[] = [];
  let ticksWhileHeld = 0;
  let claimsPlaying = () => false;
  let measuring = false;
  TicReplayElement.engineScheduler = frameTimingScheduler((elapsedMs) => {
    if (!measuring) return;
    if (claimsPlaying()) durations.push(elapsedMs);
    else ticksWhileHeld += 1;
  });
  const run = withPlayer('tic-replay', async (player) => {
    const element = (player as unknown as { element: TicReplayElement }).element;
    element.muted = true;
    await player.load(streamSet('tick', 'mixed', options.streams));
    element.muted = true;
    player.play();
    await until(() => player.claimsPlaying(), '32 streams play', 30000);
    claimsPlaying = () => player.claimsPlaying();
    measuring = true;
    await delay(options.measureMs);
    measuring = false;
    return {
      tick: percentiles(durations),
      method: 'engine step per animation frame (an injected Scheduler times each frame callback)',
      activeStreams: player.shownStreams().length,
      ticksWhileHeld,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  });
  return run.finally(() => {
    TicReplayElement.engineScheduler = browserScheduler;
  });
}
