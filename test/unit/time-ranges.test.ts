import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { TimeRangeList, mergeRanges } from '../../src/engine/time-ranges.js';

function pairs(ranges: TimeRanges): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < ranges.length; i++) out.push([ranges.start(i), ranges.end(i)]);
  return out;
}

function expectIndexSizeError(action: () => unknown): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).to.be.instanceOf(DOMException);
  expect((thrown as DOMException).name).to.equal('IndexSizeError');
}

describe('TimeRangeList', () => {
  it('is empty by default', () => {
    expect(new TimeRangeList().length).to.equal(0);
  });

  it('reports the ranges it is given, in seconds', () => {
    expect(pairs(new TimeRangeList([[0, 12.5]]))).to.deep.equal([[0, 12.5]]);
  });

  it('sorts ranges by start', () => {
    expect(pairs(new TimeRangeList([[5, 6], [1, 2], [3, 4]]))).to.deep.equal([[1, 2], [3, 4], [5, 6]]);
  });

  it('merges overlapping ranges', () => {
    expect(pairs(new TimeRangeList([[1, 3], [2, 5]]))).to.deep.equal([[1, 5]]);
    expect(pairs(new TimeRangeList([[2, 5], [1, 3]]))).to.deep.equal([[1, 5]]);
  });

  it('merges ranges that touch', () => {
    expect(pairs(new TimeRangeList([[1, 2], [2, 3]]))).to.deep.equal([[1, 3]]);
  });

  it('absorbs a range contained in another', () => {
    expect(pairs(new TimeRangeList([[1, 10], [2, 3], [4, 12]]))).to.deep.equal([[1, 12]]);
  });

  it('keeps ranges separated by a gap apart', () => {
    expect(pairs(new TimeRangeList([[0, 1], [1.001, 2]]))).to.deep.equal([[0, 1], [1.001, 2]]);
  });

  it('drops empty and reversed ranges', () => {
    expect(pairs(new TimeRangeList([[2, 2], [3, 1], [4, 5]]))).to.deep.equal([[4, 5]]);
    expect(new TimeRangeList([[2, 2]]).length).to.equal(0);
  });

  it('drops ranges with a NaN bound', () => {
    expect(pairs(new TimeRangeList([[Number.NaN, 1], [0, Number.NaN], [1, 2]]))).to.deep.equal([[1, 2]]);
  });

  it('does not change when the array it was built from changes', () => {
    const input: Array<[number, number]> = [[0, 1]];
    const list = new TimeRangeList(input);
    input[0]![1] = 99;
    input.push([5, 6]);
    expect(pairs(list)).to.deep.equal([[0, 1]]);
  });

  it('throws an IndexSizeError DOMException for an index out of range, like native TimeRanges', () => {
    const list = new TimeRangeList([[0, 1], [2, 3]]);
    for (const index of [-1, 2, 100]) {
      expectIndexSizeError(() => list.start(index));
      expectIndexSizeError(() => list.end(index));
    }
    expectIndexSizeError(() => new TimeRangeList().start(0));
    expectIndexSizeError(() => new TimeRangeList().end(0));
  });

  it('behaves like a native TimeRanges to code that takes one', () => {
    const native: TimeRanges = new TimeRangeList([[3, 4], [0, 1]]);
    expect(native.length).to.equal(2);
    expect([native.start(0), native.end(0), native.start(1), native.end(1)]).to.deep.equal([0, 1, 3, 4]);
  });

  describe('property: merging', () => {
    const arbitraryRanges = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { maxLength: 20 });

    /** A point is in the union if some non-empty input range [s, e] holds it. */
    const inUnion = (ranges: ReadonlyArray<readonly [number, number]>, x: number) => ranges.some(([s, e]) => e > s && s <= x && x <= e);

    it('yields sorted, non-empty ranges with a real gap between neighbours', () => {
      fc.assert(
        fc.property(arbitraryRanges, (ranges) => {
          const merged = pairs(new TimeRangeList(ranges));
          for (const [s, e] of merged) expect(e).to.be.above(s);
          for (let i = 1; i < merged.length; i++) expect(merged[i]![0]).to.be.above(merged[i - 1]![1]);
        }),
      );
    });

    it('covers exactly the union of the input', () => {
      fc.assert(
        fc.property(arbitraryRanges, (ranges) => {
          const merged = pairs(new TimeRangeList(ranges));
          for (let x = -0.5; x <= 40.5; x += 0.5) {
            expect(inUnion(merged, x), `at ${x}`).to.equal(inUnion(ranges, x));
          }
        }),
      );
    });

    it('starts and ends only where some input range starts or ends', () => {
      fc.assert(
        fc.property(arbitraryRanges, (ranges) => {
          const starts = new Set(ranges.map(([s]) => s));
          const ends = new Set(ranges.map(([, e]) => e));
          for (const [s, e] of mergeRanges(ranges)) {
            expect(starts.has(s)).to.equal(true);
            expect(ends.has(e)).to.equal(true);
          }
        }),
      );
    });

    it('does not depend on input order, and merging twice changes nothing', () => {
      fc.assert(
        fc.property(
          arbitraryRanges.chain((ranges) => fc.tuple(fc.constant(ranges), fc.shuffledSubarray(ranges, { minLength: ranges.length }))),
          ([ranges, shuffled]) => {
          const merged = mergeRanges(ranges);
          expect(mergeRanges(shuffled)).to.deep.equal(merged);
          expect(mergeRanges(merged)).to.deep.equal(merged);
          },
        ),
      );
    });
  });
});
