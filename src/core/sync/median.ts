/**
 * The median of `values[from, to)` (sorted in place: a handful of values, every step, so an
 * insertion sort, with no comparator calls). Between two middle values, the one nearer 0: the clock
 * breaks the tie. Their mean would have both corrected at once (two cameras 12 ms apart: each
 * towards a mean that moves as the other is corrected, ending a few ms apart for good); this way
 * only the one off the clock is moved.
 */
export function tieBreakMedian(values: number[], from: number, to: number): number | undefined {
  if (to <= from) return undefined;
  for (let i = from + 1; i < to; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > value) {
      values[j + 1] = values[j]!;
      j -= 1;
    }
    values[j + 1] = value;
  }
  const middle = from + ((to - from) >> 1);
  if ((to - from) % 2) return values[middle]!;
  const lower = values[middle - 1]!;
  const upper = values[middle]!;
  return Math.abs(lower) <= Math.abs(upper) ? lower : upper;
}
