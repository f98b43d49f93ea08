/**
 * The strategy the player has used so far: each stream on its own, its drift smoothed (Chromium's
 * currentTime of an element with audio jitters by several ms at rates other than 1, and decisions
 * on the raw value would chase that noise), then `decideCorrection`: a rate nudge for small drift,
 * a seek aimed one seek-latency ahead for large drift. The clock is never moved.
 */
import { MovingAverage } from '../playback/moving-average.js';
import { DEFAULT_DRIFT_POLICY, decideCorrection, type Correction, type DriftPolicy } from './drift-policy.js';
import type { StreamReading, SyncContext, SyncDecision, SyncStrategy } from './sync-strategy.js';

/** Weight of each new drift reading in the smoothed drift. */
const DRIFT_SMOOTHING = 0.25;

export class SmoothedDriftStrategy implements SyncStrategy {
  readonly name = 'smoothed-drift';
  readonly #smoothedDriftS = new Map<string, MovingAverage>();

  constructor(readonly policy: DriftPolicy = DEFAULT_DRIFT_POLICY) {}

  decide(readings: readonly StreamReading[], context: SyncContext): SyncDecision {
    const corrections = new Map<string, Correction>();
    for (const reading of readings) {
      const rawDriftS = reading.mediaTimeS - reading.targetS;
      let average = this.#smoothedDriftS.get(reading.streamId);
      if (!average) this.#smoothedDriftS.set(reading.streamId, (average = new MovingAverage(DRIFT_SMOOTHING)));
      // A jump (a stream that fell far behind) is taken as it is, not averaged in.
      if (Math.abs(rawDriftS) > this.policy.seekThresholdS) average.reset();
      const driftS = average.add(rawDriftS);
      const correction = decideCorrection(driftS, reading.targetS, context.clockRate, this.policy, (context.seekLatencyS ?? 0) * context.clockRate);
      if (correction.kind === 'seek') this.#smoothedDriftS.delete(reading.streamId);
      corrections.set(reading.streamId, correction);
    }
    return { corrections };
  }

  forget(streamId: string): void {
    this.#smoothedDriftS.delete(streamId);
  }

  reset(): void {
    this.#smoothedDriftS.clear();
  }
}
