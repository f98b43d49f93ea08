import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { IntervalIndex, firstIndexAbove, firstIndexAtOrAbove } from '../../src/core/timeline/interval-index.js';

interface Span {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

function span(name: string, start: number, end: number): Span {
  return { name, start, end };
}

function indexOf(spans: readonly Span[]): IntervalIndex<Span> {
  return new IntervalIndex(
    spans,
    (s) => s.start,
    (s) => s.end,
  );
}

const names = (spans: readonly Span[]) => spans.map((s) => s.name);

/** The order the index promises: start, then end, then input order. */
function inIndexOrder(spans: readonly Span[]): Span[] {
  return spans
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i)
    .map(({ s }) => s);
}

const arbitrarySpans = fc.array(
  fc.record({
    name: fc.string({ maxLength: 3 }),
    start: fc.integer({ min: -20, max: 200 }),
    end: fc.integer({ min: -20, max: 220 }),
  }),
  { maxLength: 80 },
);
const arbitraryMs = fc.oneof(fc.integer({ min: -30, max: 230 }), fc.double({ min: -30, max: 230, noNaN: true }));

describe('IntervalIndex', () => {
  it('stabs half-open intervals: the start is inside, the end is not', () => {
    const index = indexOf([span('a', 0, 10), span('b', 10, 20), span('c', 5, 15)]);
    expect(names(index.stab(0))).to.deep.equal(['a']);
    expect(names(index.stab(9.999))).to.deep.equal(['a', 'c']);
    expect(names(index.stab(10))).to.deep.equal(['c', 'b']);
    expect(names(index.stab(15))).to.deep.equal(['b']);
    expect(index.stab(20)).to.deep.equal([]);
    expect(index.stab(-1)).to.deep.equal([]);
  });

  it('finds the intervals that share time with a window, and nothing for an empty window', () => {
    const index = indexOf([span('a', 0, 10), span('b', 10, 20), span('c', 30, 40)]);
    expect(names(index.overlapping(5, 12))).to.deep.equal(['a', 'b']);
    expect(names(index.overlapping(10, 30))).to.deep.equal(['b']);
    expect(names(index.overlapping(-5, 100))).to.deep.equal(['a', 'b', 'c']);
    expect(index.overlapping(20, 30)).to.deep.equal([]);
    expect(index.overlapping(15, 15)).to.deep.equal([]);
    expect(index.overlapping(18, 12)).to.deep.equal([]);
  });

  it('orders results by start, then end, then input order', () => {
    const index = indexOf([span('late', 5, 50), span('long', 0, 40), span('short', 0, 20), span('twin', 0, 20)]);
    expect(names(index.stab(10))).to.deep.equal(['short', 'twin', 'long', 'late']);
    expect(names(index.overlapping(0, 100))).to.deep.equal(['short', 'twin', 'long', 'late']);
  });

  it('never returns empty or inverted intervals', () => {
    const index = indexOf([span('empty', 5, 5), span('inverted', 9, 3), span('nan', Number.NaN, 4), span('ok', 0, 10)]);
    expect(index.size).to.equal(1);
    expect(names(index.stab(5))).to.deep.equal(['ok']);
    expect(names(index.overlapping(0, 100))).to.deep.equal(['ok']);
  });

  it('answers nothing when it holds nothing or is asked about NaN', () => {
    expect(indexOf([]).stab(0)).to.deep.equal([]);
    expect(indexOf([]).overlapping(0, 1)).to.deep.equal([]);
    expect(indexOf([span('a', 0, 10)]).stab(Number.NaN)).to.deep.equal([]);
  });

  it('returns a fresh array on every query, so callers may keep or change it', () => {
    const index = indexOf([span('a', 0, 10)]);
    const first = index.stab(1);
    first.pop();
    expect(names(index.stab(1))).to.deep.equal(['a']);
  });

  it('property: stab(ms) equals the brute-force filter start <= ms < end, in the same order', () => {
    fc.assert(
      fc.property(arbitrarySpans, fc.array(arbitraryMs, { minLength: 1, maxLength: 10 }), (spans, probes) => {
        const index = indexOf(spans);
        for (const ms of probes) {
          const expected = inIndexOrder(spans).filter((s) => s.start <= ms && ms < s.end);
          expect(index.stab(ms)).to.deep.equal(expected);
        }
      }),
    );
  });

  it('property: overlapping(from, to) equals the brute-force filter start < to && end > from, same order', () => {
    fc.assert(
      fc.property(arbitrarySpans, arbitraryMs, arbitraryMs, (spans, fromMs, toMs) => {
        const shares = (s: Span) => s.start < s.end && fromMs < toMs && s.start < toMs && s.end > fromMs;
        const expected = inIndexOrder(spans).filter(shares);
        expect(indexOf(spans).overlapping(fromMs, toMs)).to.deep.equal(expected);
      }),
    );
  });

  it('property: items given already in order are answered the same as shuffled ones', () => {
    fc.assert(
      fc.property(arbitrarySpans, arbitraryMs, (spans, ms) => {
        const [presorted, shuffled] = [indexOf(inIndexOrder(spans)), indexOf(spans)];
        expect(presorted.stab(ms)).to.deep.equal(shuffled.stab(ms));
        expect(presorted.overlapping(ms, ms + 25)).to.deep.equal(shuffled.overlapping(ms, ms + 25));
      }),
    );
  });

  it('property: the answer does not depend on the order the items were given in, up to ties', () => {
    fc.assert(
      fc.property(arbitrarySpans, arbitraryMs, (spans, ms) => {
        const reversed = [...spans].reverse();
        const key = (s: Span) => `${s.start}/${s.end}`;
        expect(indexOf(reversed).stab(ms).map(key)).to.deep.equal(indexOf(spans).stab(ms).map(key));
      }),
    );
  });
});

describe('firstIndexAbove / firstIndexAtOrAbove', () => {
  it('property: agree with a linear search over an ascending array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (values, probe) => {
        const sorted = [...values].sort((a, b) => a - b);
        const above = sorted.findIndex((v) => v > probe);
        const atOrAbove = sorted.findIndex((v) => v >= probe);
        expect(firstIndexAbove(sorted, probe)).to.equal(above === -1 ? sorted.length : above);
        expect(firstIndexAtOrAbove(sorted, probe)).to.equal(atOrAbove === -1 ? sorted.length : atOrAbove);
      }),
    );
  });
});
