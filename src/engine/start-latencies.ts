/**
 * How long play() takes on this browser until an element's picture moves (real ms): with an audio
 * track, without, and a restart after a seek while playing. Moving averages of what the engines
 * measure (see `controllers/start-coordinator.ts`). They belong to the browser and the machine,
 * not to a recording: the engines of one page share one set by default, so that a second player,
 * or a recording opened again, times its first start by what the page measured, not by guesses.
 */
import { MovingAverage } from '../core/playback/moving-average.js';

/** What a start latency was measured for: play() with and without audio, or a restart after a seek while playing. */
export type LatencyKind = 'audio' | 'video' | 'restart';

/** First guesses, before anything was measured (headless Chromium). */
const INITIAL_START_LATENCY_MS: Readonly<Record<LatencyKind, number>> = { audio: 100, video: 25, restart: 80 };
const LATENCY_WEIGHT = 0.3;

export class StartLatencies {
  readonly #averages: Readonly<Record<LatencyKind, MovingAverage>> = {
    audio: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.audio),
    video: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.video),
    restart: new MovingAverage(LATENCY_WEIGHT, INITIAL_START_LATENCY_MS.restart),
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
