/**
 * The master clock of a replay: a position on the replay timeline (ms) that advances with real time
 * times the playback rate (and the replay's pace) while it runs. It belongs to no media file, so it
 * keeps running through stretches where no file is active. Media elements follow it (see `sync/`).
 *
 * It is pure arithmetic over an injected `now()` so it can be tested without a browser clock.
 */
export type Now = () => number;

export class MasterClock {
  private anchorPositionMs = 0;
  private anchorNowMs = 0;
  private runningState = false;
  private rateValue = 1;
  /** A small factor on the rate, set by sync to follow the media's own clock; not the user's rate. */
  private rateFactorValue = 1;
  private durationValueMs = 0;

  private paceValue = 1;

  /**
   * @param pace the replay runs at the user's rate times this (1: exactly at it); see
   *   `core/sync/picture-pace.ts`
   */
  constructor(
    private readonly now: Now = () => performance.now(),
    pace = 1,
  ) {
    this.paceValue = checkedPace(pace);
  }

  get pace(): number {
    return this.paceValue;
  }

  /** Runs at the user's rate times `pace` from now on, without a jump. */
  setPace(pace: number): void {
    checkedPace(pace);
    this.rebase();
    this.paceValue = pace;
  }

  get durationMs(): number {
    return this.durationValueMs;
  }

  set durationMs(durationMs: number) {
    this.rebase();
    this.durationValueMs = Math.max(0, durationMs);
    this.anchorPositionMs = Math.min(this.anchorPositionMs, this.durationValueMs);
  }

  get rate(): number {
    return this.rateValue;
  }

  /** The rate the media runs at: the user's rate times the pace (without the sync's factor). */
  get mediaRate(): number {
    return this.rateValue * this.paceValue;
  }

  /** The factor the sync applies on top of `mediaRate` (1: none). */
  get rateFactor(): number {
    return this.rateFactorValue;
  }

  /**
   * Lets the clock run at `mediaRate × factor` from now on, without a jump: the sync slews the clock
   * towards the streams and runs it at the media's measured rate. `rate` stays the user's.
   */
  setRateFactor(factor: number): void {
    if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`rate factor must be a positive number, got ${factor}`);
    if (factor === this.rateFactorValue) return;
    this.rebase();
    this.rateFactorValue = factor;
  }

  /** Whether the position advances. */
  get running(): boolean {
    return this.runningState;
  }

  /** The position now, clamped to [0, duration]. */
  positionMs(nowMs: number = this.now()): number {
    if (!this.runningState) return this.anchorPositionMs;
    const advanced = this.anchorPositionMs + (nowMs - this.anchorNowMs) * this.mediaRate * this.rateFactorValue;
    return Math.min(Math.max(advanced, 0), this.durationValueMs);
  }

  /** Whether a running clock has reached the end of the replay. */
  atEnd(nowMs: number = this.now()): boolean {
    return this.positionMs(nowMs) >= this.durationValueMs;
  }

  start(): void {
    if (this.runningState) return;
    this.anchorNowMs = this.now();
    this.runningState = true;
  }

  stop(): void {
    if (!this.runningState) return;
    this.rebase();
    this.runningState = false;
  }

  seek(positionMs: number): void {
    this.anchorPositionMs = Math.min(Math.max(positionMs, 0), this.durationValueMs);
    this.anchorNowMs = this.now();
  }

  setRate(rate: number): void {
    if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`playback rate must be a positive number, got ${rate}`);
    this.rebase();
    this.rateValue = rate;
  }

  /** Real milliseconds until the clock reaches `positionMs` (Infinity when stopped or already past). */
  realMsUntil(positionMs: number, nowMs: number = this.now()): number {
    const current = this.positionMs(nowMs);
    if (!this.runningState || positionMs < current) return Infinity;
    return (positionMs - current) / (this.mediaRate * this.rateFactorValue);
  }

  /** Moves the anchor to now so that a change of rate or duration applies from now on. */
  private rebase(): void {
    const nowMs = this.now();
    this.anchorPositionMs = this.positionMs(nowMs);
    this.anchorNowMs = nowMs;
  }
}

function checkedPace(pace: number): number {
  if (!(pace > 0) || !Number.isFinite(pace)) throw new RangeError(`pace must be a positive number, got ${pace}`);
  return pace;
}
