/**
 * The numbers of one element's correction (see `element-corrector.ts`): its bands, rates, lead
 * times and learning. Each default was measured in headless Chromium on this project's fixtures;
 * a strategy can override any of them (`CommonModeStrategy`'s `element` tuning).
 */
export interface ElementCorrectionTuning {
  /** A correction starts above this deviation (ms)... */
  readonly upperBandMs: number;
  /** ...held for this long (real ms)... */
  readonly confirmMs: number;
  /** ...and ends once the deviation is within this (ms). */
  readonly lowerBandMs: number;
  /**
   * While it settles (up to `settleMs` after its start, until a correction at the gentlest rate),
   * an element more than this (ms) off the others (and more than its readings' noise band, and
   * than the smallest correction: `fineEndMs` plus `minAdjust` times its write latency), read for
   * `fineAfterMs` since its start and its last rate change, is corrected...
   */
  readonly fineBandMs: number;
  readonly fineAfterMs: number;
  readonly settleMs: number;
  /** ...to within this (ms); so is any correction while it settles. */
  readonly fineEndMs: number;
  /** The band is widened to this many times the readings' own scatter (noisy currentTime). */
  readonly noiseBandFactor: number;
  /** The deviation is closed over about this much real time (ms)... */
  readonly horizonMs: number;
  /** ...with a relative rate change of at least this... */
  readonly minAdjust: number;
  /** ...and at most this for an element with audio, */
  readonly maxAdjustAudio: number;
  /** ...and this for one without. */
  readonly maxAdjustVideo: number;
  /**
   * A rate change takes effect this late (ms): the correction ends this early... (measured in
   * Chromium, a video-only element's `currentTime` bends 0–4 ms after the write, median over 90
   * corrections, under 22 in nine of ten; a correction ended 30 ms early landed 1–2 ms short)
   */
  readonly stopLeadMs: number;
  /** ...and this early for an element with audio (its output buffer plays out first: ~80–100 ms measured in Chromium). */
  readonly stopLeadAudioMs: number;
  /** Above this deviation (ms), a seek. */
  readonly seekAboveMs: number;
  /**
   * An element without audio more than `freshSeekAboveMs` off in its first `freshMs` after its
   * start is moved by a seek at once, if its seeks are quick (≤ `quickSeekMs` last time, or not measured yet):
   * where a start left it is no hiccup, and a whiteboard a few frames off the cameras
   * is better moved in one step than hurried for half a second (after a wait for data, elements
   * with audio restart up to ~90 ms ahead of where they were, measured in Chromium; a video-only
   * element at a high rate in Chromium jumps rather than glides).
   */
  readonly freshMs: number;
  readonly freshSeekAboveMs: number;
  readonly quickSeekMs: number;
  /**
   * In its first `freshMs`, a deviation above the band is closed over `freshHorizonMs` instead of
   * `horizonMs`: where a start left an element is no hiccup (measured in Chromium: two cameras
   * resuming after a wait for data come out up to one AAC frame, ~21 ms, apart). Not shorter: a
   * faster rate lands further off when its write's latency is guessed wrong.
   */
  readonly freshHorizonMs: number;
  /**
   * An element without audio in its first `freshMs`, at rate 1 (at other rates the cameras' readings
   * are a sawtooth it would chase), is corrected once it stays above the band for
   * `freshConfirmVideoMs` (not `confirmMs`), over `freshHorizonVideoMs`: its readings are its
   * picture's, without the audio's noise, and a rate costs it nothing audible. Measured in Chromium:
   * after a wait for data, the cameras' start latency varies by about ±12 ms, so a whiteboard timed
   * by their average starts 10–18 ms off them; with the numbers above it stayed off for ~400 ms.
   */
  readonly freshConfirmVideoMs: number;
  readonly freshHorizonVideoMs: number;
  /** A correction further off than planned by more than the band is re-aimed, this long after its write (ms). */
  readonly reaimAfterMs: number;
  /** Time constant of the readings' smoothing (ms). */
  readonly smoothingMs: number;
  /** Time constant of the drift measurement (ms). */
  readonly driftWindowMs: number;
  /** A drift is learned from at least this much real time at one rate (ms), if told apart from noise. */
  readonly learnAfterMs: number;
  /** Drifts smaller than this are not worth learning (relative)... */
  readonly minLearnedDrift: number;
  /** ...and larger ones are disturbances, not drifts (relative). */
  readonly maxLearnedDrift: number;
  /**
   * Readings scattered around their line by more than this (ms), or by half as much again as the
   * readings' own noise, have a hiccup among them: they teach nothing.
   */
  readonly maxLearningNoiseMs: number;
}

export const DEFAULT_ELEMENT_CORRECTION_TUNING: ElementCorrectionTuning = {
  upperBandMs: 2.5,
  confirmMs: 100,
  lowerBandMs: 0.5,
  fineBandMs: 0.4,
  fineAfterMs: 300,
  settleMs: 3000,
  fineEndMs: 0.1,
  noiseBandFactor: 3,
  horizonMs: 400,
  minAdjust: 0.005,
  maxAdjustAudio: 0.08,
  maxAdjustVideo: 0.25,
  stopLeadMs: 5,
  stopLeadAudioMs: 90,
  seekAboveMs: 300,
  freshMs: 1000,
  freshSeekAboveMs: 20,
  quickSeekMs: 250,
  freshHorizonMs: 300,
  freshConfirmVideoMs: 30,
  freshHorizonVideoMs: 150,
  reaimAfterMs: 300,
  smoothingMs: 120,
  driftWindowMs: 3000,
  learnAfterMs: 400,
  minLearnedDrift: 0.00001,
  maxLearnedDrift: 0.005,
  maxLearningNoiseMs: 1,
};
