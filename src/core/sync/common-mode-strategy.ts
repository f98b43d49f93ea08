/**
 * The sync strategy: given where each playing element is against the master clock, what to change.
 *
 * The error of every element against the clock is split in two:
 * - the **common** part, where the streams are together (a weighted median: elements with audio
 *   count double, so a video-only element is the one that yields), is the clock's own error: the
 *   clock follows it (clock-follower.ts), no element is touched;
 * - the **differential** part, each element's deviation from that, is corrected on that element
 *   alone, with hysteresis and gentle rates (element-corrector.ts).
 * In steady state every element runs at the user's rate (or at its learned drift-compensating rate),
 * the clock at the media's measured rate, and nothing is written.
 *
 * Pure: no DOM, no timers. The caller reads the elements, calls `step`, and applies the decision.
 */
import { ClockFollower, DEFAULT_CLOCK_FOLLOWER_TUNING, type ClockFollowerTuning } from './clock-follower.js';
import { DEFAULT_ELEMENT_CORRECTION_TUNING, ElementCorrector, type ElementAction, type ElementCorrectionTuning } from './element-corrector.js';

export interface SyncTuning {
  readonly clock: ClockFollowerTuning;
  readonly element: ElementCorrectionTuning;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  clock: DEFAULT_CLOCK_FOLLOWER_TUNING,
  element: DEFAULT_ELEMENT_CORRECTION_TUNING,
};

/** One playing element, read now. */
export interface StreamReading {
  /** Any key stable while the element lives (the engine uses its file's VideoId). */
  readonly id: string;
  /** Its timeline position minus the clock's (ms; positive: ahead of the clock). */
  readonly errorMs: number;
  readonly hasAudio: boolean;
}

export type StreamAction =
  | { readonly id: string; readonly kind: 'rate'; readonly playbackRate: number }
  /** Seek it to the clock's position plus `clockOffsetMs` (where the other streams are). */
  | { readonly id: string; readonly kind: 'seek'; readonly clockOffsetMs: number };

export interface SyncDecision {
  /** The clock runs at the user's rate times this. */
  readonly clockRateFactor: number;
  /** Move the clock by this much now (ms; 0 almost always). */
  readonly clockJumpMs: number;
  /** Changes to make, usually none. */
  readonly actions: readonly StreamAction[];
}

export class SyncStrategy {
  readonly #tuning: SyncTuning;
  readonly #clock: ClockFollower;
  readonly #elements = new Map<string, ElementCorrector>();
  /** Reused between steps (the step runs every frame). */
  readonly #scratch: Array<{ value: number; weight: number }> = [];
  readonly #reference = { slope: 0, drift: 0 };

  constructor(tuning: Partial<{ clock: Partial<ClockFollowerTuning>; element: Partial<ElementCorrectionTuning> }> = {}) {
    this.#tuning = {
      clock: { ...DEFAULT_SYNC_TUNING.clock, ...tuning.clock },
      element: { ...DEFAULT_SYNC_TUNING.element, ...tuning.element },
    };
    this.#clock = new ClockFollower(this.#tuning.clock);
  }

  /** The drift of the media against the clock's time source that the clock has learned (relative). */
  get learnedClockDrift(): number {
    return this.#clock.learnedDrift;
  }

  /** The rate an element runs at when nothing is being corrected (the user's rate, or its learned one). */
  steadyRateOf(id: string, userRate: number): number {
    return this.#elements.get(id)?.steadyRate(userRate) ?? userRate;
  }

  /** The rate an element should have now (for an element (re)started by the caller). */
  wantedRateOf(id: string, userRate: number): number {
    return this.#elements.get(id)?.wantedRate(userRate) ?? userRate;
  }

  /** Rate writes decided for an element so far. */
  writesOf(id: string): number {
    return this.#elements.get(id)?.writes ?? 0;
  }

  /**
   * One step. `readings` may cover only some of the elements (the others keep their last readings);
   * an element not read since `forget` or `restart` starts afresh.
   */
  step(nowMs: number, userRate: number, readings: readonly StreamReading[]): SyncDecision {
    for (const reading of readings) {
      let element = this.#elements.get(reading.id);
      if (!element) {
        element = new ElementCorrector(reading.hasAudio, this.#tuning.element);
        this.#elements.set(reading.id, element);
      }
      element.observe(nowMs, reading.errorMs);
    }
    const common = this.#weightedMedian(this.#scratch, (element) => element.error.value);
    if (common === undefined) return { clockRateFactor: 1 + this.#clock.learnedDrift, clockJumpMs: 0, actions: [] };
    const follow = this.#clock.follow(nowMs, common, userRate);
    if (follow.jumpMs !== 0) {
      // Every stream is far off the clock: the clock goes to them; their deviations are unchanged.
      for (const element of this.#elements.values()) element.rebase(follow.jumpMs);
      return { clockRateFactor: follow.rateFactor, clockJumpMs: follow.jumpMs, actions: [] };
    }
    this.#reference.slope = this.#weightedMedian(this.#scratch, (element) => element.error.slope) ?? 0;
    this.#reference.drift = this.#weightedMedian(this.#scratch, (element) => (element.driftIsClean ? element.drift.slope : Number.NaN)) ?? Number.NaN;
    let actions: StreamAction[] | undefined;
    for (const reading of readings) {
      const element = this.#elements.get(reading.id)!;
      const action: ElementAction = element.decide(nowMs, element.error.value - common, this.#reference, userRate);
      if (action.kind === 'none') continue;
      actions ??= [];
      if (action.kind === 'rate') actions.push({ id: reading.id, kind: 'rate', playbackRate: action.playbackRate });
      else {
        actions.push({ id: reading.id, kind: 'seek', clockOffsetMs: common });
        element.restart();
      }
    }
    return { clockRateFactor: follow.rateFactor, clockJumpMs: 0, actions: actions ?? NO_ACTIONS };
  }

  /** The element was moved or restarted (seek, start, recovery): its readings start over. */
  restart(id: string): void {
    this.#elements.get(id)?.restart();
  }

  /** The element is gone (unmounted, failed). */
  forget(id: string): void {
    this.#elements.delete(id);
  }

  /**
   * Playback stopped, or every element was moved (pause, seek, wait): readings start over. What was
   * learned (the clock's drift, each element's own rate) is kept: it belongs to the machine.
   */
  restartAll(): void {
    for (const element of this.#elements.values()) element.restart();
    this.#clock.hold();
  }

  /** Median of `valueOf` over the elements with readings, elements with audio counting double. */
  #weightedMedian(scratch: Array<{ value: number; weight: number }>, valueOf: (element: ElementCorrector) => number): number | undefined {
    let size = 0;
    let total = 0;
    for (const element of this.#elements.values()) {
      if (element.error.count === 0) continue;
      const value = valueOf(element);
      if (!Number.isFinite(value)) continue;
      const weight = element.hasAudio ? 2 : 1;
      const slot = scratch[size] ?? (scratch[size] = { value: 0, weight: 0 });
      slot.value = value;
      slot.weight = weight;
      size += 1;
      total += weight;
    }
    if (size === 0) return undefined;
    const items = scratch.slice(0, size).sort((a, b) => a.value - b.value);
    // The lower and upper weighted medians; their mean when the halves split exactly between two values.
    let cumulative = 0;
    for (let i = 0; i < items.length; i++) {
      cumulative += items[i]!.weight;
      if (cumulative > total / 2) return items[i]!.value;
      if (cumulative === total / 2) return (items[i]!.value + items[i + 1]!.value) / 2;
    }
    return items[items.length - 1]!.value;
  }
}

const NO_ACTIONS: readonly StreamAction[] = Object.freeze([]);
