/**
 * A straight line fitted to recent readings, the older ones counting less (exponential forgetting):
 * where a quantity is now and how fast it moves, with no lag on a steady trend (an average lags a
 * drifting error; a fitted line does not) and with the scatter of the readings around the line, so
 * that a decision can tell a real error from measurement noise. O(1) per reading; the figures are
 * worked out once per change (a sync step reads them for every element, most of which it did not
 * read in that step).
 *
 * Times are real milliseconds; values are in whatever unit is fed in (the sync code feeds ms).
 */
export class TrendEstimator {
  // Weighted sums over the readings, with times measured from the latest reading (t = 0 now):
  // Σw, Σw·t, Σw·t², Σw·y, Σw·t·y, Σw·y².
  #sumW = 0;
  #sumT = 0;
  #sumTT = 0;
  #sumY = 0;
  #sumTY = 0;
  #sumYY = 0;
  #lastAtMs = Number.NaN;
  #firstAtMs = Number.NaN;
  #count = 0;
  // Worked out on first use after a change.
  #slope: number | undefined;
  #value: number | undefined;
  #noise: number | undefined;

  /** @param windowMs the time constant of forgetting: a reading this old weighs 1/e of a new one */
  constructor(readonly windowMs: number) {}

  /** Readings taken since the last reset. */
  get count(): number {
    return this.#count;
  }

  /** Real time covered by the readings since the last reset (ms). */
  get spanMs(): number {
    return this.#count === 0 ? 0 : this.#lastAtMs - this.#firstAtMs;
  }

  add(atMs: number, value: number): void {
    if (!Number.isFinite(value)) return;
    if (this.#count > 0 && atMs < this.#lastAtMs) return; // out of order: ignore rather than corrupt the sums
    this.#changed();
    if (this.#count === 0) {
      this.#firstAtMs = atMs;
    } else {
      const shiftMs = atMs - this.#lastAtMs;
      // Move the time origin to the new reading, then let the old readings fade.
      this.#sumTT = this.#sumTT - 2 * shiftMs * this.#sumT + shiftMs * shiftMs * this.#sumW;
      this.#sumT -= shiftMs * this.#sumW;
      this.#sumTY -= shiftMs * this.#sumY;
      const keep = Math.exp(-shiftMs / this.windowMs);
      this.#sumW *= keep;
      this.#sumT *= keep;
      this.#sumTT *= keep;
      this.#sumY *= keep;
      this.#sumTY *= keep;
      this.#sumYY *= keep;
    }
    this.#lastAtMs = atMs;
    this.#count += 1;
    this.#sumW += 1;
    this.#sumY += value;
    this.#sumYY += value * value;
  }

  /** Change of the value per real millisecond (0 until two readings apart in time exist). */
  get slope(): number {
    return (this.#slope ??= this.#fitSlope());
  }

  #fitSlope(): number {
    const denominator = this.#sumW * this.#sumTT - this.#sumT * this.#sumT;
    if (this.#count < 2 || !(denominator > 1e-9 * this.#sumW * this.#sumW)) return 0;
    return (this.#sumW * this.#sumTY - this.#sumT * this.#sumY) / denominator;
  }

  /** The fitted value at the latest reading's time (NaN before the first reading). */
  get value(): number {
    if (this.#count === 0) return Number.NaN;
    return (this.#value ??= (this.#sumY - this.slope * this.#sumT) / this.#sumW);
  }

  /** The fitted line's value at real time `atMs`. */
  valueAt(atMs: number): number {
    return this.value + this.slope * (atMs - this.#lastAtMs);
  }

  /** Root-mean-square scatter of the readings around the fitted line (0 with fewer than 3 readings). */
  get noise(): number {
    if (this.#count < 3) return 0;
    return (this.#noise ??= this.#fitNoise());
  }

  #fitNoise(): number {
    const slope = this.slope;
    const intercept = this.value;
    // Weighted residual sum of squares from the sums: Σw(y − a − b·t)².
    const rss =
      this.#sumYY -
      2 * intercept * this.#sumY -
      2 * slope * this.#sumTY +
      intercept * intercept * this.#sumW +
      2 * intercept * slope * this.#sumT +
      slope * slope * this.#sumTT;
    return Math.sqrt(Math.max(0, rss) / this.#sumW);
  }

  /** Standard error of `slope` (Infinity until it can be told). */
  get slopeError(): number {
    if (this.#count < 3) return Infinity;
    const spread = this.#sumTT - (this.#sumT * this.#sumT) / this.#sumW;
    return spread > 0 ? this.noise / Math.sqrt(spread) : Infinity;
  }

  /** Moves every reading by `delta` (the quantity was re-based, e.g. the clock jumped). */
  shift(delta: number): void {
    this.#changed();
    this.#sumYY += 2 * delta * this.#sumY + delta * delta * this.#sumW;
    this.#sumY += delta * this.#sumW;
    this.#sumTY += delta * this.#sumT;
  }

  reset(): void {
    this.#changed();
    this.#sumW = this.#sumT = this.#sumTT = this.#sumY = this.#sumTY = this.#sumYY = 0;
    this.#count = 0;
    this.#lastAtMs = this.#firstAtMs = Number.NaN;
  }

  #changed(): void {
    this.#slope = this.#value = this.#noise = undefined;
  }
}
