/**
 * How long play() takes on this browser until an element's picture moves (real ms): with an audio
 * track, without, and a restart after a seek while playing. Moving averages of what the engines
 * measure (see `controllers/start-coordinator.ts`). They belong to the browser and the machine,
 * not to a recording: the engines of one page share one set by default, so that a second player,
 * or a recording opened again, times its first start by what the page measured, not by guesses.
 */
import { MovingAverage } from '../core/playback/moving-average.js';

/**
 * What a start latency was measured for: play() with and without audio, a restart after a seek
 * while playing, or play() of a file with audio joining while the clock runs (prerolled hidden and
 * muted, beside the playing streams: slower than a start of them all from paused; measured in
 * Chromium, timed by the start's average such joins came 18–30 ms later).
 */
export type LatencyKind = 'audio' | 'video' | 'restart' | 'join';

/**
 * First guesses, before anything was measured: what headless Chromium 156 took here (audio 58–88 ms,
 * median ~70; a picture without audio 0–12 ms, from play() to the first new frame less its media
 * time). A page's first start is timed by them; too long a guess for audio sends the pictures
 * without audio late by the difference, and they are then the last to move (BENCHMARKS.md, g).
 */
export const INITIAL_START_LATENCY_MS: Readonly<Record<LatencyKind, number>> = { audio: 75, video: 10, restart: 80, join: 100 };
const LATENCY_WEIGHT = 0.3;

export class StartLatencies {
  readonly #averages: Readonly<Record<LatencyKind, MovingAverage>> = {
    audio: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.audio),
    video: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.video),
    restart: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.restart),
    join: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.join),
  };

  /** The current estimate (ms). */
  of(kind: LatencyKind): number {
    return this.#averages[kind].value!;
  }

  add(kind: LatencyKind, latencyMs: number): void {
    this.#averages[kind].add(latencyMs);
  }
}

/** The page's: every engine's unless it is given its own (`ReplayEngineOptions.startLatencies`). */
export const pageStartLatencies = new StartLatencies();
