/**
 * An exponentially weighted moving average: each sample moves the value by `weight` of the way
 * towards it. Used for measured latencies (play(), corrective seeks) and for smoothed drift.
 */
export class MovingAverage {
  #value: number | undefined;

  constructor(
    readonly weight: number,
    readonly initial?: number,
  ) {
    if (!(weight > 0 && weight <= 1)) throw new RangeError(`a moving average's weight must be in (0, 1], got ${weight}`);
    this.#value = initial;
  }

  /** The average so far (the initial guess before any sample; undefined with neither). */
  get value(): number | undefined {
    return this.#value;
  }

  add(sample: number): number {
    this.#value = this.#value === undefined ? sample : this.#value + (sample - this.#value) * this.weight;
    return this.#value;
  }

  /** Back to the initial guess. */
  reset(): void {
    this.#value = this.initial;
  }
}
