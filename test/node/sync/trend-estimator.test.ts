// The trend estimator (running sums, O(1) per reading) against a weighted least-squares fit worked
// out directly from every reading, after any sequence of readings, shifts and resets, read at any
// moment in between.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TrendEstimator } from '../../../src/core/sync/trend-estimator.js';

const WINDOW_MS = 120;

/** The fit of `readings` with weights exp(−age / window), straight from its definition. */
function directFit(readings: ReadonlyArray<{ atMs: number; value: number }>) {
  if (readings.length === 0) return { slope: 0, value: Number.NaN, noise: 0 };
  const lastAtMs = readings[readings.length - 1]!.atMs;
  let w = 0, t = 0, tt = 0, y = 0, ty = 0;
  for (const reading of readings) {
    const weight = Math.exp(-(lastAtMs - reading.atMs) / WINDOW_MS);
    const at = reading.atMs - lastAtMs;
    w += weight;
    t += weight * at;
    tt += weight * at * at;
    y += weight * reading.value;
    ty += weight * at * reading.value;
  }
  const denominator = w * tt - t * t;
  const slope = readings.length < 2 || !(denominator > 1e-9 * w * w) ? 0 : (w * ty - t * y) / denominator;
  const value = (y - slope * t) / w;
  let rss = 0;
  for (const reading of readings) {
    const weight = Math.exp(-(lastAtMs - reading.atMs) / WINDOW_MS);
    rss += weight * (reading.value - value - slope * (reading.atMs - lastAtMs)) ** 2;
  }
  return { slope, value, noise: readings.length < 3 ? 0 : Math.sqrt(rss / w) };
}

const operation = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('add' as const), stepMs: fc.double({ min: 1, max: 40, noNaN: true }), value: fc.double({ min: -50, max: 50, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shift' as const), delta: fc.double({ min: -30, max: 30, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'read' as const }) },
);

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Number.isNaN(expected) ? Number.isNaN(actual) : Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);

describe('trend estimator', () => {
  test('property: slope, value and noise equal a direct weighted fit, read at any moment', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 20, maxLength: 80, size: 'max' }), (operations) => {
        const estimator = new TrendEstimator(WINDOW_MS);
        let readings: Array<{ atMs: number; value: number }> = [];
        let nowMs = 0;
        const check = () => {
          const expected = directFit(readings);
          close(estimator.slope, expected.slope, 'slope');
          close(estimator.value, expected.value, 'value');
          // The residuals come from sums of squares: allow for their rounding at these magnitudes.
          assert.ok(Math.abs(estimator.noise - expected.noise) <= 1e-4 * Math.max(1, expected.noise), `noise: ${estimator.noise}, expected ${expected.noise}`);
          assert.equal(estimator.count, readings.length);
        };
        for (const op of operations) {
          if (op.kind === 'add') {
            nowMs += op.stepMs;
            estimator.add(nowMs, op.value);
            readings.push({ atMs: nowMs, value: op.value });
          } else if (op.kind === 'shift') {
            estimator.shift(op.delta);
            readings = readings.map((reading) => ({ ...reading, value: reading.value + op.delta }));
          } else if (op.kind === 'reset') {
            estimator.reset();
            readings = [];
          } else {
            check();
          }
        }
        check();
      }),
      { numRuns: 300 },
    );
  });

  test('a reading out of order or not a number changes nothing', () => {
    const estimator = new TrendEstimator(WINDOW_MS);
    estimator.add(0, 1);
    estimator.add(10, 2);
    const before = [estimator.slope, estimator.value, estimator.noise];
    estimator.add(5, 100);
    estimator.add(20, Number.NaN);
    assert.deepEqual([estimator.slope, estimator.value, estimator.noise], before);
    assert.equal(estimator.count, 2);
  });
});
