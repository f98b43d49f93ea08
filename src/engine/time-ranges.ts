/** A `TimeRanges` made of plain [start, end] pairs in seconds, merged and sorted. */
export class TimeRangeList implements TimeRanges {
  private readonly ranges: ReadonlyArray<readonly [number, number]>;

  constructor(ranges: ReadonlyArray<readonly [number, number]> = []) {
    this.ranges = mergeRanges(ranges);
  }

  get length(): number {
    return this.ranges.length;
  }

  start(index: number): number {
    return this.at(index)[0];
  }

  end(index: number): number {
    return this.at(index)[1];
  }

  private at(index: number): readonly [number, number] {
    const range = this.ranges[index];
    if (!range) throw new DOMException(`Index ${index} is out of range (length ${this.ranges.length})`, 'IndexSizeError');
    return range;
  }
}

export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([s, e]) => e > s).map(([s, e]) => [s, e] as [number, number]);
  sorted.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
