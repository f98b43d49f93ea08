/**
 * How the master clock follows its streams. When every stream is off the clock by the same amount
 * (the audio output runs ~0.1 % off `performance.now()`, or all streams hiccup together), the clock
 * is the outlier: it is moved, not the media. It is slewed (its rate trimmed), never jumped, so the
 * time shown and the streams' targets move smoothly, and no media element is touched.
 *
 * A proportional-integral loop (a phase-locked loop): the integral learns the streams' common drift
 * rate, so in steady state the clock runs at exactly the media's rate and the error stays at 0 with
 * no correction at all; the proportional part closes what is left. Critically damped: no overshoot.
 */
export interface ClockFollowerTuning {
  /** How fast the loop closes an error (rad/s of the critically damped loop). */
  readonly responsePerS: number;
  /** Largest trim of the clock's rate, e.g. 0.02 = ±2 %. */
  readonly maxSlew: number;
  /** Largest common drift rate the loop will learn, e.g. 0.005 = ±0.5 %. */
  readonly maxDrift: number;
  /** A common error larger than this (ms) moves the clock at once (nothing to see: the streams stay). */
  readonly jumpAboveMs: number;
  /**
   * Only errors within this (ms) teach the drift: a larger one is a step (a start, every stream
   * hiccuping together), closed by the proportional part alone, which cannot overshoot.
   */
  readonly learnBelowMs: number;
}

export const DEFAULT_CLOCK_FOLLOWER_TUNING: ClockFollowerTuning = {
  responsePerS: 1,
  maxSlew: 0.02,
  maxDrift: 0.005,
  jumpAboveMs: 300,
  learnBelowMs: 5,
};

/** Longer between two steps is a pause (a background tab): nothing is integrated over it. */
export const MAX_STEP_GAP_MS = 100;

export interface ClockFollow {
  /** Multiply the user's playback rate by this to get the clock's rate. */
  readonly rateFactor: number;
  /** Move the clock by this much now (ms; 0 almost always). */
  readonly jumpMs: number;
}

export class ClockFollower {
  #learnedDrift = 0;
  #lastAtMs: number | undefined;

  constructor(private readonly tuning: ClockFollowerTuning = DEFAULT_CLOCK_FOLLOWER_TUNING) {}

  /** The common drift rate learned so far (relative: 0.001 = media runs 0.1 % fast). */
  get learnedDrift(): number {
    return this.#learnedDrift;
  }

  /**
   * @param commonErrorMs where the streams are, together, relative to the clock (positive: ahead)
   * @param userRate the playback rate the user chose (the loop's gain scales with it)
   */
  follow(nowMs: number, commonErrorMs: number, userRate: number): ClockFollow {
    const dtS = this.#lastAtMs === undefined ? 0 : Math.min(Math.max(nowMs - this.#lastAtMs, 0), MAX_STEP_GAP_MS) / 1000;
    this.#lastAtMs = nowMs;
    if (!Number.isFinite(commonErrorMs)) return { rateFactor: 1 + this.#learnedDrift, jumpMs: 0 };
    if (Math.abs(commonErrorMs) > this.tuning.jumpAboveMs) return { rateFactor: 1 + this.#learnedDrift, jumpMs: commonErrorMs };
    // The error grows at 1000·rate·(drift − trim) ms/s; for the loop s² + 2ωs + ω², the
    // proportional gain is 2ω and the integral gain ω², both divided by that 1000·rate.
    const omega = this.tuning.responsePerS;
    const scale = 1000 * Math.max(userRate, 0.1);
    if (Math.abs(commonErrorMs) <= this.tuning.learnBelowMs) {
      this.#learnedDrift = clamp(this.#learnedDrift + ((omega * omega) / scale) * commonErrorMs * dtS, this.tuning.maxDrift);
    }
    const trim = clamp(this.#learnedDrift + ((2 * omega) / scale) * commonErrorMs, this.tuning.maxSlew);
    return { rateFactor: 1 + trim, jumpMs: 0 };
  }

  /** Time passes without following (paused, seeking): the next step does not integrate over it. */
  hold(): void {
    this.#lastAtMs = undefined;
  }
}

function clamp(value: number, limit: number): number {
  return Math.min(Math.max(value, -limit), limit);
}
