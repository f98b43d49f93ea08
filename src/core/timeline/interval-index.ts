/**
 * A static index of half-open intervals [start, end): built once, queried many times per second
 * (every clock tick and seek asks "which files are active now?").
 *
 * Items are sorted by start, and an implicit segment tree holds the greatest end of every node's
 * range of that sorted array. A query binary-searches the prefix of items starting before its upper
 * bound, then descends only into nodes of that prefix whose greatest end lies past its lower bound:
 * O(log n + k log n) for k results, never a full scan. Results come back in sorted order (start,
 * then end, then input order), so equal inputs always give equal answers.
 *
 * Empty intervals (end <= start, or a NaN bound) can contain nothing and are dropped when building.
 */
export class IntervalIndex<T> {
  /** The non-empty items, sorted by (start, end, input order). */
  private readonly sorted: readonly T[];
  private readonly starts: Float64Array;
  /** `maxEnd[node]`: greatest end in the node's range; leaves at `leafBase + i`, root at 1. */
  private readonly maxEnd: Float64Array;
  private readonly leafBase: number;

  constructor(items: readonly T[], startOf: (item: T) => number, endOf: (item: T) => number) {
    const order: number[] = [];
    const allStarts = new Float64Array(items.length);
    const allEnds = new Float64Array(items.length);
    // Callers often pass items already in order (a timeline's files): notice it and skip the sort.
    let inOrderAlready = true;
    for (let i = 0; i < items.length; i++) {
      const start = startOf(items[i]!);
      const end = endOf(items[i]!);
      allStarts[i] = start;
      allEnds[i] = end;
      if (!(end > start)) continue;
      const last = order.length === 0 ? -1 : order[order.length - 1]!;
      if (last !== -1 && (start < allStarts[last]! || (start === allStarts[last]! && end < allEnds[last]!))) {
        inOrderAlready = false;
      }
      order.push(i);
    }
    if (!inOrderAlready) {
      order.sort((a, b) => allStarts[a]! - allStarts[b]! || allEnds[a]! - allEnds[b]! || a - b);
    }

    const n = order.length;
    let leafBase = 1;
    while (leafBase < n) leafBase *= 2;
    this.leafBase = leafBase;
    const sorted: T[] = new Array<T>(n);
    this.starts = new Float64Array(n);
    this.maxEnd = new Float64Array(2 * leafBase).fill(Number.NEGATIVE_INFINITY);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      sorted[k] = items[i]!;
      this.starts[k] = allStarts[i]!;
      this.maxEnd[leafBase + k] = allEnds[i]!;
    }
    this.sorted = sorted;
    for (let node = leafBase - 1; node >= 1; node--) {
      this.maxEnd[node] = Math.max(this.maxEnd[2 * node]!, this.maxEnd[2 * node + 1]!);
    }
  }

  /** How many non-empty intervals the index holds. */
  get size(): number {
    return this.sorted.length;
  }

  /** The items whose interval contains `ms`: start <= ms < end. */
  stab(ms: number): T[] {
    return this.collect(firstIndexAbove(this.starts, ms), ms);
  }

  /**
   * The items whose interval shares time with [fromMs, toMs): start < toMs && end > fromMs.
   * An empty window (toMs <= fromMs) shares time with nothing.
   */
  overlapping(fromMs: number, toMs: number): T[] {
    if (!(toMs > fromMs)) return [];
    return this.collect(firstIndexAtOrAbove(this.starts, toMs), fromMs);
  }

  /** The items among the first `prefix` sorted ones whose end is greater than `endAbove`, in order. */
  private collect(prefix: number, endAbove: number): T[] {
    const found: T[] = [];
    if (prefix === 0 || !(this.maxEnd[1]! > endAbove)) return found;
    // Depth-first, left before right, over (node, first sorted index the node covers, span).
    const stack: number[] = [1, 0, this.leafBase];
    while (stack.length > 0) {
      const span = stack.pop()!;
      const low = stack.pop()!;
      const node = stack.pop()!;
      if (low >= prefix || !(this.maxEnd[node]! > endAbove)) continue;
      if (span === 1) {
        found.push(this.sorted[low]!);
        continue;
      }
      const half = span / 2;
      stack.push(2 * node + 1, low + half, half, 2 * node, low, half);
    }
    return found;
  }
}

/** Index of the first element of ascending `sorted` that is strictly greater than `value`. */
export function firstIndexAbove(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Index of the first element of ascending `sorted` that is greater than or equal to `value`. */
export function firstIndexAtOrAbove(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! >= value) high = mid;
    else low = mid + 1;
  }
  return low;
}
