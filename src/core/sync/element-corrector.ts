/**
 * One media element's own correction: only its deviation from the other streams (the differential
 * error), never the error it shares with them (the clock follows that, see clock-follower.ts).
 *
 * - Hysteresis: a correction starts when the deviation stays above an upper band for a moment (one
 *   odd reading is not a reason to touch the audio), and the chosen rate is held until the
 *   deviation is closed to a lower band: two rate writes per correction, none in between.
 * - Settling: after its start, an element is also brought within a fine band of the others (at
 *   50 fps, two pictures 1 ms apart straddle a frame boundary in one reading of twenty; elements
 *   with audio share one clock, so an offset they start with stays). A correction lands as far off
 *   as its rate change times the error in the guessed write latency (measured in Chromium: up to
 *   ~1 ms from a 16 ms start offset): settling ends with one at the gentlest rate, which lands
 *   within the fine band.
 * - Gentle rates: just fast enough to close the gap over a short horizon, less for elements with
 *   audio (at the replay's rate 1 their correction is resampled, not time-stretched: it is heard as
 *   a pitch change of its size while it lasts, see `pitch-policy.ts`).
 * - A persistent drift of its own (a video-only element runs on the wall clock, the others on the
 *   audio clock) is learned and folded into the rate it returns to, so it does not come back.
 *   Elements with audio learn none: one audio output paces them all.
 * - A seek only for large deviations. A correction whose element ends up further off than
 *   planned is re-aimed.
 */
import { DEFAULT_ELEMENT_CORRECTION_TUNING, type ElementCorrectionTuning } from './element-correction-tuning.js';
import { smoothReadings } from './pitch-policy.js';
import { TrendEstimator } from './trend-estimator.js';

/** Rates are written with five decimals (a learned rate is that precise: 0.01 ms per second), so that equal decisions give equal numbers. */
const RATE_DECIMALS = 100000;

export type ElementAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'rate'; readonly playbackRate: number }
  /** Seek the element onto the others (the clock position plus the common error). */
  | { readonly kind: 'seek' };

const NONE: ElementAction = { kind: 'none' };

export class ElementCorrector {
  /** The element's error against the clock, smoothed (ms). */
  readonly error: TrendEstimator;
  /** The same over a longer window, reset at every rate change: the element's own drift. */
  readonly drift: TrendEstimator;
  /** Its learned rate relative to the user's rate (1: none). */
  #rateFactor = 1;
  /** 0: steady; ±1: correcting, running slower (+1, it was ahead) or faster (−1). */
  #direction: -1 | 0 | 1 = 0;
  #aboveSinceMs: number | undefined;
  /** Its drift relative to the reference, measured before the current correction started. */
  #driftAtCorrection: number | undefined;
  #correctingRate = 1;
  /** The band the current correction closes the deviation to (ms). */
  #endBandMs = 0;
  /** Whether it has settled: a correction at the gentlest rate was made since its start. */
  #settled = false;
  /** Where the correction expects the deviation to be once its rate applies (ms), and when it was written. */
  #plannedDeviationMs = 0;
  #writtenAtMs = 0;
  #quietNoiseMs = Number.NaN;
  /** When the rate last written has taken effect: its readings are fitted afresh then. */
  #refitAtMs: number | undefined;
  /** When its readings began: its start (the strategy forgets an element whenever it is started). */
  #firstReadingAtMs: number | undefined;

  constructor(
    readonly hasAudio: boolean,
    private readonly tuning: ElementCorrectionTuning = DEFAULT_ELEMENT_CORRECTION_TUNING,
  ) {
    this.error = new TrendEstimator(tuning.smoothingMs);
    this.drift = new TrendEstimator(tuning.driftWindowMs);
  }

  /** Whether its drift readings follow a line (no hiccup among them): they can teach a drift. */
  get driftIsClean(): boolean {
    return this.drift.spanMs >= this.tuning.learnAfterMs && this.drift.noise <= Math.max(this.tuning.maxLearningNoiseMs, 1.5 * this.#quietNoiseMs);
  }

  /** The scatter of its readings while nothing happens (ms; NaN before it settled): a hiccup does not widen it. */
  get quietNoiseMs(): number {
    return this.#quietNoiseMs;
  }

  /** The rate this element runs at when nothing is being corrected. */
  steadyRate(userRate: number): number {
    return quantize(userRate * this.#rateFactor);
  }

  /**
   * One reading: its error against the clock (ms), and how far the clock's own trims have moved the
   * clock so far (ms): the drift is measured against the clock as it would run untrimmed.
   * `smooth`: its readings follow its position without a sawtooth of their own (see `pitch-policy.ts`).
   */
  observe(atMs: number, errorMs: number, clockTrimmedMs = 0, smooth = false): void {
    const untrimmedMs = errorMs + clockTrimmedMs;
    const stepMs = this.#stepThresholdMs();
    // A reading far off the drift line is a step (a hiccup): the drift is measured afresh after it.
    if (this.drift.count > 2 && Math.abs(untrimmedMs - this.drift.valueAt(atMs)) > stepMs) this.drift.reset();
    // So is the error, if its readings are smooth: a line fitted across a step would scatter for
    // hundreds of ms (its noise widens the band, and the step would wait that long to be corrected).
    // Measured in Chromium: a camera resuming after a wait for data held its position for 40 ms
    // after its first frame, then moved on; the line across that corner kept the camera, one AAC
    // frame off the others, uncorrected for 370 ms. Not while its own rate write takes effect: that
    // corner is expected, and its readings are fitted afresh once it has (`#refitAtMs`).
    if (smooth && this.#refitAtMs === undefined && this.error.count > 1 && Math.abs(errorMs - this.error.valueAt(atMs)) > stepMs) this.error.reset();
    this.#firstReadingAtMs ??= atMs;
    this.error.add(atMs, errorMs);
    this.drift.add(atMs, untrimmedMs);
  }

  /** How late a rate written to this element takes effect (ms). */
  get #rateLatencyMs(): number {
    return this.hasAudio ? this.tuning.stopLeadAudioMs : this.tuning.stopLeadMs;
  }

  /** Just started (see `freshMs`). */
  #fresh(nowMs: number): boolean {
    return this.#firstReadingAtMs !== undefined && nowMs - this.#firstReadingAtMs < this.tuning.freshMs;
  }

  #stepThresholdMs(): number {
    const quiet = Number.isNaN(this.#quietNoiseMs) ? 0 : this.#quietNoiseMs;
    return Math.max(this.tuning.upperBandMs, 5 * quiet);
  }

  /**
   * One decision.
   * @param deviationMs its smoothed error minus the reference's (positive: ahead of the others)
   * @param reference how fast the reference's error moves over the drift window (`drift`, ms per
   *   ms, against the untrimmed clock); and how scattered its readings are in quiet times (`noise`, ms): the
   *   deviation is as noisy as the noisier of the element and the reference (at rates other than 1,
   *   Chromium's `currentTime` of the elements with audio moves in a ±5–8 ms sawtooth while the
   *   pictures agree: a smooth video-only element would otherwise chase it)
   * @param lastSeekMs how long the element's last seek took (real ms), if known
   */
  decide(nowMs: number, deviationMs: number, reference: { readonly drift: number; readonly noise: number }, userRate: number, lastSeekMs?: number): ElementAction {
    const t = this.tuning;
    if (!Number.isFinite(deviationMs)) return NONE;
    const fresh = this.#fresh(nowMs);
    const freshSeek = fresh && !this.hasAudio && Math.abs(deviationMs) > t.freshSeekAboveMs && !(lastSeekMs !== undefined && lastSeekMs > t.quickSeekMs);
    if (freshSeek || Math.abs(deviationMs) > t.seekAboveMs) {
      this.#endCorrection();
      return { kind: 'seek' };
    }
    if (this.#refitAtMs !== undefined && nowMs >= this.#refitAtMs) {
      // Its last rate write has taken effect: a line fitted across that corner would lag behind the
      // element, and its scatter would hide a small offset. Clean readings (not a sawtooth) are
      // fitted afresh from here.
      this.#refitAtMs = undefined;
      if (reference.noise <= t.maxLearningNoiseMs) this.error.reset();
    }
    if (this.#direction !== 0) {
      // Where the deviation will be once a rate written now takes effect: the correcting rate runs
      // on for the write's latency, or for as long as it has run if that is shorter (its own write
      // may not have taken effect yet). The rate is known: a slope fitted across its start would lag.
      const runsOnMs = Math.min(this.#rateLatencyMs, nowMs - this.#writtenAtMs);
      const ahead = deviationMs + (this.#correctingRate - this.steadyRate(userRate)) * runsOnMs;
      const closed = this.#direction > 0 ? ahead <= this.#endBandMs : ahead >= -this.#endBandMs;
      if (!closed) return this.#reaimIfWorse(nowMs, deviationMs, userRate);
      this.#learnDrift(userRate);
      this.#endCorrection();
      return this.#rateAction(nowMs, this.steadyRate(userRate));
    }
    const bandMs = Math.max(t.upperBandMs, t.noiseBandFactor * this.error.noise);
    if (Math.abs(deviationMs) <= bandMs || Math.abs(deviationMs) <= t.noiseBandFactor * reference.noise) {
      this.#aboveSinceMs = undefined;
      // The readings' usual scatter while nothing happens: a hiccup stands out against it.
      this.#quietNoiseMs = Number.isNaN(this.#quietNoiseMs) ? this.error.noise : this.#quietNoiseMs + (this.error.noise - this.#quietNoiseMs) * 0.02;
      if (!this.#fineDue(nowMs, deviationMs, reference)) return NONE;
      this.#driftAtCorrection = undefined;
      return this.#aim(nowMs, deviationMs, userRate, t.fineEndMs);
    }
    this.#aboveSinceMs ??= nowMs;
    // Not while the readings of the elements with audio are a sawtooth: it would chase that.
    const freshVideo = fresh && !this.hasAudio && smoothReadings(true, userRate);
    if (nowMs - this.#aboveSinceMs < (freshVideo ? t.freshConfirmVideoMs : t.confirmMs)) return NONE;
    // Its drift relative to the others, if it ran long enough at one rate to tell.
    // (No reference drift: no other element ran steadily long enough to compare with.)
    const drift = this.drift.slope - reference.drift;
    const told = Number.isFinite(drift) && Math.abs(drift) >= 3 * this.drift.slopeError;
    this.#driftAtCorrection = this.driftIsClean && told ? drift : undefined;
    // While settling, an element is brought within the fine band.
    const horizonMs = freshVideo ? t.freshHorizonVideoMs : fresh ? t.freshHorizonMs : t.horizonMs;
    return this.#aim(nowMs, deviationMs, userRate, this.#settling(nowMs) ? t.fineEndMs : t.lowerBandMs, horizonMs);
  }

  /**
   * Whether it is time for a fine correction: it is still settling, has been read long enough
   * since its start and since its last rate change to tell its offset, is off the others by more
   * than the fine band and its readings' noise, and (without audio) does not drift off again.
   */
  #fineDue(nowMs: number, deviationMs: number, reference: { readonly drift: number; readonly noise: number }): boolean {
    const t = this.tuning;
    // The smallest correction: at the gentlest rate, for at least its write's latency.
    if (Math.abs(deviationMs) <= Math.max(t.fineBandMs, t.fineEndMs + t.minAdjust * this.#rateLatencyMs) || !this.#settling(nowMs)) return false;
    if (nowMs - this.#firstReadingAtMs! < t.fineAfterMs || nowMs - this.#writtenAtMs < t.fineAfterMs) return false;
    // The reference's noise and drift (medians over the elements, worked out on first use in a
    // step) last: most steps of most elements end at the checks above.
    if (Math.abs(deviationMs) <= t.noiseBandFactor * Math.max(this.error.noise, reference.noise)) return false;
    // A video-only element runs on the wall clock, the others on the audio clock: an offset closed
    // now holds only if its drift (measured since its last rate change) would not reopen it while
    // it settles.
    return this.hasAudio || (this.driftIsClean && Math.abs(this.drift.slope - reference.drift) * t.settleMs <= t.fineBandMs);
  }

  /** Within `settleMs` of its start, and no correction at the gentlest rate yet. */
  #settling(nowMs: number): boolean {
    return !this.#settled && this.#firstReadingAtMs !== undefined && nowMs - this.#firstReadingAtMs < this.tuning.settleMs;
  }

  /** Chooses the correcting rate for a deviation of `plannedMs`: just fast enough to close it to `endBandMs` over `horizonMs`. */
  #aim(nowMs: number, plannedMs: number, userRate: number, endBandMs: number, horizonMs = this.tuning.horizonMs): ElementAction {
    const t = this.tuning;
    this.#direction = plannedMs < 0 ? -1 : 1;
    this.#endBandMs = endBandMs;
    const maxAdjust = this.hasAudio ? t.maxAdjustAudio : t.maxAdjustVideo;
    const adjust = Math.min(Math.max(Math.abs(plannedMs) / horizonMs, t.minAdjust), maxAdjust);
    // A settling correction at the gentlest rate lands within the fine band: the last one.
    if (endBandMs === t.fineEndMs && adjust === t.minAdjust) this.#settled = true;
    this.#correctingRate = quantize(this.steadyRate(userRate) * (1 - this.#direction * adjust));
    this.#plannedDeviationMs = plannedMs;
    return this.#rateAction(nowMs, this.#correctingRate);
  }

  /** A correction whose element is further off than it was aimed for (a hiccup) is re-aimed. */
  #reaimIfWorse(nowMs: number, deviationMs: number, userRate: number): ElementAction {
    const t = this.tuning;
    if (nowMs - this.#writtenAtMs < t.reaimAfterMs) return NONE;
    const worseByMs = this.#direction > 0 ? deviationMs - Math.max(this.#plannedDeviationMs, 0) : Math.min(this.#plannedDeviationMs, 0) - deviationMs;
    if (worseByMs <= Math.max(t.upperBandMs, t.noiseBandFactor * this.error.noise)) return NONE;
    const previousRate = this.#correctingRate;
    const action = this.#aim(nowMs, deviationMs, userRate, this.#endBandMs);
    return this.#correctingRate === previousRate ? NONE : action;
  }

  /** The strategy moved the element by a seek: its readings start over. */
  restart(): void {
    this.#endCorrection();
    this.#refitAtMs = undefined;
    this.error.reset();
    this.drift.reset();
  }

  /** The clock jumped by `jumpMs`: every error reading moves by −jumpMs. */
  rebase(jumpMs: number): void {
    this.error.shift(-jumpMs);
    this.drift.shift(-jumpMs);
  }

  #rateAction(nowMs: number, playbackRate: number): ElementAction {
    this.#writtenAtMs = nowMs;
    this.#refitAtMs = nowMs + this.#rateLatencyMs;
    // Readings at the old rate say nothing about the drift at the new one.
    this.drift.reset();
    return { kind: 'rate', playbackRate };
  }

  #endCorrection(): void {
    this.#direction = 0;
    this.#aboveSinceMs = undefined;
  }

  /** Folds the drift measured before this correction into the rate it returns to. */
  #learnDrift(userRate: number): void {
    const drift = this.#driftAtCorrection;
    this.#driftAtCorrection = undefined;
    // Every element with audio is paced by the one audio output: what looks like a drift of its own
    // is a hiccup's trace.
    if (this.hasAudio) return;
    if (drift === undefined || Math.abs(drift) < this.tuning.minLearnedDrift || Math.abs(drift) > this.tuning.maxLearnedDrift) return;
    // It gained `drift` ms per ms on the others: run it slower by that much, relative to the user's rate.
    const limit = this.tuning.maxLearnedDrift;
    this.#rateFactor = Math.min(Math.max(this.#rateFactor - drift / Math.max(userRate, 0.1), 1 - limit), 1 + limit);
  }
}

function quantize(rate: number): number {
  return Math.round(rate * RATE_DECIMALS) / RATE_DECIMALS;
}
