/**
 * The sync strategy: given where each playing element is against the master clock, what to change.
 *
 * The error of every element against the clock is split in two:
 * - the **common** part, where the streams are together (the median of the elements with audio,
 *   which one audio output paces, or of all when none has audio: a video-only element is the one
 *   that yields), is the clock's own error: the clock follows it (clock-follower.ts), no element
 *   is touched;
 * - the **differential** part, each element's deviation from that, is corrected on that element
 *   alone, with hysteresis and gentle rates (element-corrector.ts).
 * In steady state every element runs at the user's rate (or at its learned drift-compensating rate),
 * the clock at the media's measured rate, and nothing is written.
 *
 * Pure: no DOM, no timers. The engine's sync controller reads the elements, calls `decide`, and
 * applies the decision (element rates and seeks, and the clock's rate factor).
 */
import { ClockFollower, DEFAULT_CLOCK_FOLLOWER_TUNING, MAX_STEP_GAP_MS, type ClockFollowerTuning } from './clock-follower.js';
import type { Correction } from './drift-policy.js';
import { DEFAULT_ELEMENT_CORRECTION_TUNING, type ElementCorrectionTuning } from './element-correction-tuning.js';
import { ElementCorrector, type ElementAction } from './element-corrector.js';
import { sortByKeys, tieBreakMedian, tieBreakMiddle } from './median.js';
import { smoothReadings } from './pitch-policy.js';
import type { StreamReading, SyncContext, SyncDecision, SyncStrategy } from './sync-strategy.js';

export interface SyncTuning {
  readonly clock: ClockFollowerTuning;
  readonly element: ElementCorrectionTuning;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  clock: DEFAULT_CLOCK_FOLLOWER_TUNING,
  element: DEFAULT_ELEMENT_CORRECTION_TUNING,
};

export class CommonModeStrategy implements SyncStrategy {
  readonly name = 'common-mode';
  readonly #tuning: SyncTuning;
  readonly #clock: ClockFollower;
  readonly #elements = new Map<string, ElementCorrector>();
  /** Reused between steps (the step runs every frame): values for a median, the elements read in this step. */
  readonly #scratch: number[] = [];
  readonly #read: ElementCorrector[] = [];
  /**
   * The elements in the order of their errors at the last step, and those errors: the common
   * error's median sorts them again, near-linearly. Rebuilt when elements come or go.
   */
  readonly #byError: ElementCorrector[] = [];
  readonly #errors: number[] = [];
  #byErrorStale = true;
  /**
   * How fast the streams' common error moves over the drift window, and how scattered its readings
   * are: medians over every element, needed only by an element off its band or correcting, so
   * worked out on first use in a step (most steps decide nothing and need none).
   */
  readonly #reference = new LazyReference(
    () => this.#median((element) => (element.driftIsClean ? element.drift.slope : Number.NaN)) ?? Number.NaN,
    () => this.#median((element) => element.quietNoiseMs) ?? 0,
  );
  /**
   * How far the clock's own trims (the rate factors decided here) have moved it so far (ms), and
   * the factor in force since the last step. The drift lines are fitted to the errors with this
   * added back: against the clock as it would run untrimmed. While the clock slews onto the streams
   * after a start, every error curves the same way, and a line fitted to that curve scatters (no
   * drift is told) and leans with its own span (streams read from different moments get different
   * slopes): an element's offset from the others would then not be closed while it settles.
   */
  #slewMs = 0;
  #slewFactor = 1;
  #slewAtMs: number | undefined;

  constructor(tuning: Partial<{ clock: Partial<ClockFollowerTuning>; element: Partial<ElementCorrectionTuning> }> = {}) {
    this.#tuning = {
      clock: { ...DEFAULT_SYNC_TUNING.clock, ...tuning.clock },
      element: { ...DEFAULT_SYNC_TUNING.element, ...tuning.element },
    };
    this.#clock = new ClockFollower(this.#tuning.clock);
  }

  /**
   * One step. `readings` may cover only some of the elements (the others keep their last readings);
   * an element not read since `forget` starts afresh.
   */
  decide(readings: readonly StreamReading[], context: SyncContext): SyncDecision {
    const { nowMs, clockRate: userRate } = context;
    // Indexed loops here and below: the step runs every frame, mostly before V8 optimizes it, and
    // an unoptimized for-of pays for the iterator protocol.
    if (this.#slewAtMs !== undefined) this.#slewMs += (this.#slewFactor - 1) * userRate * Math.min(Math.max(nowMs - this.#slewAtMs, 0), MAX_STEP_GAP_MS);
    this.#slewAtMs = nowMs;
    const read = this.#read;
    read.length = readings.length;
    for (let i = 0; i < readings.length; i++) {
      const reading = readings[i]!;
      let element = this.#elements.get(reading.streamId);
      if (!element) {
        element = new ElementCorrector(reading.hasAudio, this.#tuning.element);
        this.#elements.set(reading.streamId, element);
        this.#byErrorStale = true;
      }
      read[i] = element;
      // Media seconds off the target are timeline seconds off the clock.
      element.observe(nowMs, (reading.mediaTimeS - reading.targetS) * 1000, this.#slewMs, smoothReadings(reading.hasAudio, userRate));
    }
    const common = this.#commonError();
    if (common === undefined) {
      this.#slewFactor = 1 + this.#clock.learnedDrift;
      return { corrections: NO_CORRECTIONS, clockRateFactor: this.#slewFactor };
    }
    const follow = this.#clock.follow(nowMs, common, userRate);
    this.#slewFactor = follow.rateFactor;
    if (follow.jumpMs !== 0) {
      // Every stream is far off the clock: the clock goes to them; their deviations are unchanged.
      for (const element of this.#elements.values()) element.rebase(follow.jumpMs);
      return { corrections: NO_CORRECTIONS, clockRateFactor: follow.rateFactor, clockAdjustMs: follow.jumpMs };
    }
    this.#reference.invalidate();
    let corrections: Map<string, Correction> | undefined;
    for (let i = 0; i < readings.length; i++) {
      const reading = readings[i]!;
      const element = read[i]!;
      const action: ElementAction = element.decide(nowMs, element.error.value - common, this.#reference, userRate, reading.lastSeekMs);
      if (action.kind === 'none') continue;
      corrections ??= new Map();
      if (action.kind === 'rate') corrections.set(reading.streamId, { kind: 'rate', playbackRate: action.playbackRate });
      else {
        // Onto the others, aimed ahead by the time the seek takes: as corrective seeks took so far,
        // or, before the first, as this element's last seek did.
        const seekS = context.seekLatencyS ?? (reading.lastSeekMs ?? 0) / 1000;
        const toMediaTimeS = Math.max(0, reading.targetS + common / 1000 + seekS * userRate);
        corrections.set(reading.streamId, { kind: 'seek', toMediaTimeS });
        element.restart();
      }
    }
    return { corrections: corrections ?? NO_CORRECTIONS, clockRateFactor: follow.rateFactor };
  }

  /** The element stopped, was moved or restarted (seek, start, unmount): its readings start over. */
  forget(streamId: string): void {
    if (this.#elements.delete(streamId)) this.#byErrorStale = true;
  }

  /**
   * Every element was moved (a seek of the replay, a rate change, a new recording): readings start
   * over. The clock's learned drift is kept: it belongs to the machine's audio clock, not to a file.
   */
  reset(): void {
    this.#elements.clear();
    this.#byErrorStale = true;
    this.#clock.hold();
    this.#slewAtMs = undefined;
  }

  /**
   * Where the streams are together: the median of the elements' errors, over those that count (see
   * `counts`). Worked out every step, so from the elements kept in last step's order.
   */
  #commonError(): number | undefined {
    const elements = this.#byError;
    if (this.#byErrorStale) {
      elements.length = 0;
      for (const element of this.#elements.values()) elements.push(element);
      this.#byErrorStale = false;
    }
    // The elements that count first, by error; the others (key Infinity) after them. The keys are
    // worked out in one loop, not through a key function per element: this runs every frame over every
    // element, and before V8 optimizes it (tens of seconds at one call a frame) calls cost most.
    const errors = this.#errors;
    const withAudio = audioCounts(elements);
    errors.length = elements.length;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      const value = counts(element, withAudio) ? element.error.value : Infinity;
      errors[i] = Number.isFinite(value) ? value : Infinity;
    }
    sortByKeys(elements, errors);
    let counted = 0;
    while (counted < errors.length && errors[counted]! < Infinity) counted += 1;
    return tieBreakMiddle(errors, 0, counted);
  }

  /** Median of `valueOf` over the elements that count (see `counts`), ignoring values that are not finite. */
  #median(valueOf: (element: ElementCorrector) => number): number | undefined {
    const values = this.#scratch;
    values.length = 0;
    // Every element, as the common error left them this step.
    const elements = this.#byError;
    const withAudio = audioCounts(elements);
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      if (!counts(element, withAudio)) continue;
      const value = valueOf(element);
      if (Number.isFinite(value)) values.push(value);
    }
    return tieBreakMedian(values, 0, values.length);
  }
}

const NO_CORRECTIONS: ReadonlyMap<string, Correction> = new Map();

/**
 * Whether the medians are taken over the elements with audio: when any of them has readings. One
 * audio output paces every element with audio (they share its clock, and their rates are the costly
 * ones to change); video-only elements follow. With none read, every element with readings counts.
 */
function audioCounts(elements: readonly ElementCorrector[]): boolean {
  for (let i = 0; i < elements.length; i++) if (elements[i]!.hasAudio && elements[i]!.error.count > 0) return true;
  return false;
}

function counts(element: ElementCorrector, withAudio: boolean): boolean {
  return element.error.count > 0 && (element.hasAudio || !withAudio);
}

/** Two values worked out when first read after `invalidate`. */
class LazyReference {
  #drift: number | undefined;
  #noise: number | undefined;

  constructor(
    private readonly driftOf: () => number,
    private readonly noiseOf: () => number,
  ) {}

  get noise(): number {
    return (this.#noise ??= this.noiseOf());
  }

  get drift(): number {
    return (this.#drift ??= this.driftOf());
  }

  invalidate(): void {
    this.#drift = this.#noise = undefined;
  }
}
