// The median the sync strategy takes every step, against a plain sort.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sortByKeys, tieBreakMedian } from '../../../src/core/sync/median.js';

const finite = fc.double({ min: -1e4, max: 1e4, noNaN: true });

test('property: the middle value of the range, or of two the one nearer 0; values outside the range untouched', () => {
  fc.assert(
    fc.property(fc.array(finite, { maxLength: 12 }), fc.array(finite, { minLength: 1, maxLength: 40 }), fc.array(finite, { maxLength: 12 }), (before, range, after) => {
      const values = [...before, ...range, ...after];
      const from = before.length;
      const to = from + range.length;
      const sorted = [...range].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      const expected = sorted.length % 2 ? sorted[middle] : Math.abs(sorted[middle - 1]!) <= Math.abs(sorted[middle]!) ? sorted[middle - 1] : sorted[middle];
      assert.equal(tieBreakMedian(values, from, to), expected);
      assert.deepEqual(values.slice(0, from), before);
      assert.deepEqual(values.slice(to), after);
    }),
  );
});

test('an empty range has no median', () => {
  assert.equal(tieBreakMedian([1, 2, 3], 2, 2), undefined);
});

test('property: sortByKeys orders the items and their keys together as a stable sort by key does, from any order', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.boolean()), { maxLength: 40 }), (specs) => {
      const items = specs.map(([key, infinite], index) => ({ index, key: infinite ? Infinity : key }));
      const expected = [...items].sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1));
      const keys = items.map((item) => item.key);
      sortByKeys(items, keys);
      assert.deepEqual(items, expected);
      assert.deepEqual(keys, expected.map((item) => item.key));
    }),
  );
});
