/**
 * The median the sync strategy takes every step. Between two middle values, the one nearer 0: the
 * clock breaks the tie. Their mean would have both corrected at once (two cameras 12 ms apart: each
 * towards a mean that moves as the other is corrected, ending a few ms apart for good); this way
 * only the one off the clock is moved.
 */

/** The median of `values[from, to)`, sorted in place (a handful of values: an insertion sort, with no comparator calls). */
export function tieBreakMedian(values: number[], from: number, to: number): number | undefined {
  for (let i = from + 1; i < to; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > value) {
      values[j + 1] = values[j]!;
      j -= 1;
    }
    values[j + 1] = value;
  }
  return tieBreakMiddle(values, from, to);
}

/** The median of `sorted[from, to)`, already in ascending order. */
export function tieBreakMiddle(sorted: readonly number[], from: number, to: number): number | undefined {
  if (to <= from) return undefined;
  const middle = from + ((to - from) >> 1);
  if ((to - from) % 2) return sorted[middle]!;
  const lower = sorted[middle - 1]!;
  const upper = sorted[middle]!;
  return Math.abs(lower) <= Math.abs(upper) ? lower : upper;
}

/**
 * Sorts `items` and their `keys` (same length, `keys[i]` belongs to `items[i]`) together in place,
 * ascending by key and stable. An insertion sort: near-linear when the items are still in the order
 * of last time's keys (the sync step sorts the same elements by errors that moved little since the
 * step before).
 */
export function sortByKeys<T>(items: T[], keys: number[]): void {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      items[j + 1] = items[j]!;
      j -= 1;
    }
    keys[j + 1] = key;
    items[j + 1] = item;
  }
}
