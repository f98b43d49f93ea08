import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { DEFAULT_DRIFT_POLICY, decideCorrection, type Correction, type DriftPolicy } from '../../src/core/sync/drift-policy.js';

const policy = DEFAULT_DRIFT_POLICY;
/** Float slack for comparisons of rates computed as `steps * rateStep`. */
const EPSILON = 1e-9;

/** Clock rates a user can pick, including ones that are not multiples of the rate step. */
const CLOCK_RATES = [0.5, 0.75, 1, 1.25, 1.333, 1.5, 1.75, 2];

function rateOf(correction: Correction): number {
  if (correction.kind === 'seek') throw new Error(`expected a rate, got a seek to ${correction.toMediaTimeS}`);
  return correction.playbackRate;
}

const clockRate = fc.double({ min: 0.5, max: 2, noNaN: true });
/** Drift small enough to be closed by a rate change (or left alone), never by a seek. */
const steerableDrift = fc.double({ min: -policy.seekThresholdS, max: policy.seekThresholdS, noNaN: true });
const anyDrift = fc.double({ min: -5, max: 5, noNaN: true });
const target = fc.double({ min: 0, max: 3600, noNaN: true });

describe('decideCorrection', () => {
  describe('inside the deadband', () => {
    it('leaves the element alone, playing at the clock rate', () => {
      for (const rate of CLOCK_RATES) {
        for (const driftS of [0, 0.001, -0.001, policy.deadbandS, -policy.deadbandS]) {
          expect(decideCorrection(driftS, 10, rate), `drift ${driftS} at ${rate}x`).to.deep.equal({
            kind: 'none',
            playbackRate: rate,
          });
        }
      }
    });

    it('keeps an unquantized clock rate as it is (no step rounding when nothing is corrected)', () => {
      expect(decideCorrection(0, 10, 1.333)).to.deep.equal({ kind: 'none', playbackRate: 1.333 });
    });
  });

  describe('beyond the seek threshold', () => {
    it('seeks to the target, whichever way the element drifted', () => {
      expect(decideCorrection(0.5, 12, 1)).to.deep.equal({ kind: 'seek', toMediaTimeS: 12 });
      expect(decideCorrection(-0.5, 12, 1)).to.deep.equal({ kind: 'seek', toMediaTimeS: 12 });
      expect(decideCorrection(-100, 12, 2)).to.deep.equal({ kind: 'seek', toMediaTimeS: 12 });
    });

    it('aims ahead of the target by the seek lead, since media moves on while the seek completes', () => {
      expect(decideCorrection(1, 12, 1, policy, 0.15)).to.deep.equal({ kind: 'seek', toMediaTimeS: 12.15 });
    });

    it('never seeks before the start of the media', () => {
      expect(decideCorrection(1, 0, 1, policy, 0)).to.deep.equal({ kind: 'seek', toMediaTimeS: 0 });
      expect(decideCorrection(1, -0.2, 1, policy, 0.1)).to.deep.equal({ kind: 'seek', toMediaTimeS: 0 });
      expect(decideCorrection(1, 0.05, 1, policy, -1)).to.deep.equal({ kind: 'seek', toMediaTimeS: 0 });
    });

    it('treats a drift of exactly the threshold as still steerable by rate', () => {
      expect(decideCorrection(policy.seekThresholdS, 10, 1).kind).to.equal('rate');
      expect(decideCorrection(-policy.seekThresholdS, 10, 1).kind).to.equal('rate');
      expect(decideCorrection(policy.seekThresholdS + 1e-6, 10, 1).kind).to.equal('seek');
    });

    it('property: any drift beyond the threshold seeks to max(0, target + lead)', () => {
      fc.assert(
        fc.property(
          fc.double({ min: policy.seekThresholdS, max: 1e4, noNaN: true, minExcluded: true }),
          fc.boolean(),
          fc.double({ min: -10, max: 3600, noNaN: true }),
          clockRate,
          fc.double({ min: 0, max: 1, noNaN: true }),
          (magnitude, ahead, targetS, rate, leadS) => {
            const correction = decideCorrection(ahead ? magnitude : -magnitude, targetS, rate, policy, leadS);
            expect(correction).to.deep.equal({ kind: 'seek', toMediaTimeS: Math.max(0, targetS + leadS) });
          },
        ),
      );
    });
  });

  describe('between deadband and seek threshold', () => {
    it('slows an element that is ahead and speeds up one that is behind', () => {
      for (const rate of CLOCK_RATES) {
        const ahead = decideCorrection(0.02, 10, rate);
        const behind = decideCorrection(-0.02, 10, rate);
        expect(ahead.kind, `ahead at ${rate}x`).to.equal('rate');
        expect(behind.kind, `behind at ${rate}x`).to.equal('rate');
        expect(rateOf(ahead), `ahead at ${rate}x`).to.be.below(rate);
        expect(rateOf(behind), `behind at ${rate}x`).to.be.above(rate);
      }
    });

    it('closes the drift over the correction horizon: 20 ms ahead at 1x plays at 0.96x', () => {
      // 0.02 s / 0.5 s horizon = 4 % slower.
      expect(rateOf(decideCorrection(0.02, 10, 1))).to.be.closeTo(0.96, EPSILON);
      expect(rateOf(decideCorrection(-0.02, 10, 1))).to.be.closeTo(1.04, EPSILON);
      expect(rateOf(decideCorrection(-0.02, 10, 2))).to.be.closeTo(2.08, EPSILON);
    });

    it('caps the change at maxRateAdjust relative to the clock rate', () => {
      for (const rate of [0.5, 1, 2]) {
        expect(rateOf(decideCorrection(0.25, 10, rate))).to.be.closeTo(rate * 0.9, EPSILON);
        expect(rateOf(decideCorrection(-0.25, 10, rate))).to.be.closeTo(rate * 1.1, EPSILON);
      }
    });

    it('rounds the rate to the rate step, so measurement noise does not change it every frame', () => {
      // 1 - 0.0123 / 0.5 = 0.9754 → 0.975
      expect(rateOf(decideCorrection(0.0123, 10, 1))).to.be.closeTo(0.975, EPSILON);
      // Two slightly different measurements give the same rate.
      expect(rateOf(decideCorrection(0.0121, 10, 1))).to.equal(rateOf(decideCorrection(0.0124, 10, 1)));
    });

    it('reports no correction when the rounded rate is the clock rate itself', () => {
      const coarse: DriftPolicy = { ...policy, deadbandS: 0.001, rateStep: 0.01 };
      // 1 - 0.002 / 0.5 = 0.996, which rounds back to 1.00.
      expect(decideCorrection(0.002, 10, 1, coarse)).to.deep.equal({ kind: 'none', playbackRate: 1 });
      // 1 - 0.004 / 0.5 = 0.992 → 0.99: a real correction.
      expect(decideCorrection(0.004, 10, 1, coarse)).to.deep.equal({ kind: 'rate', playbackRate: 0.99 });
    });

    it('never steers the wrong way, even with a clock rate off the step grid', () => {
      const coarse: DriftPolicy = { ...policy, deadbandS: 0.001, rateStep: 0.05 };
      // Ahead by 2 ms at 1.03x: rounding the absolute rate would give 1.05 (faster); the change rounds to 0.
      expect(decideCorrection(0.002, 10, 1.03, coarse)).to.deep.equal({ kind: 'none', playbackRate: 1.03 });
      expect(rateOf(decideCorrection(0.04, 10, 1.03, coarse))).to.be.below(1.03);
      expect(decideCorrection(Number.NaN, 10, 1)).to.deep.equal({ kind: 'none', playbackRate: 1 });
    });

    it('follows a custom policy', () => {
      const gentle: DriftPolicy = { deadbandS: 0.01, seekThresholdS: 1, correctionHorizonS: 2, maxRateAdjust: 0.05, rateStep: 0.001 };
      expect(decideCorrection(0.005, 10, 1, gentle).kind).to.equal('none');
      expect(rateOf(decideCorrection(0.04, 10, 1, gentle))).to.be.closeTo(0.98, EPSILON);
      expect(rateOf(decideCorrection(0.5, 10, 1, gentle))).to.be.closeTo(0.95, EPSILON);
      expect(decideCorrection(0.5, 10, 1, policy).kind).to.equal('seek');
    });
  });

  describe('properties (default policy, clock rates 0.5–2)', () => {
    it('never changes the rate by more than maxRateAdjust (plus one rounding step) relative to the clock', () => {
      fc.assert(
        fc.property(steerableDrift, target, clockRate, (driftS, targetS, rate) => {
          const playbackRate = rateOf(decideCorrection(driftS, targetS, rate));
          expect(Math.abs(playbackRate / rate - 1)).to.be.at.most(policy.maxRateAdjust + policy.rateStep + EPSILON);
        }),
      );
    });

    it('corrects against the drift: ahead never speeds up, behind never slows down', () => {
      fc.assert(
        fc.property(steerableDrift, clockRate, (driftS, rate) => {
          const playbackRate = rateOf(decideCorrection(driftS, 10, rate));
          if (driftS > policy.deadbandS) expect(playbackRate).to.be.below(rate);
          else if (driftS < -policy.deadbandS) expect(playbackRate).to.be.above(rate);
          else expect(playbackRate).to.equal(rate);
        }),
      );
    });

    it('is monotonic: further behind never gives a lower rate', () => {
      fc.assert(
        fc.property(steerableDrift, steerableDrift, clockRate, (a, b, rate) => {
          const [behind, lessBehind] = a <= b ? [a, b] : [b, a];
          expect(rateOf(decideCorrection(behind, 10, rate))).to.be.at.least(rateOf(decideCorrection(lessBehind, 10, rate)));
        }),
      );
    });

    it('is symmetric up to rounding: drifting ahead or behind by the same amount mirrors the rate', () => {
      fc.assert(
        fc.property(steerableDrift, clockRate, (driftS, rate) => {
          const up = rateOf(decideCorrection(-Math.abs(driftS), 10, rate)) - rate;
          const down = rate - rateOf(decideCorrection(Math.abs(driftS), 10, rate));
          expect(Math.abs(up - down)).to.be.at.most(policy.rateStep + EPSILON);
        }),
      );
    });

    it('changes the rate only in whole rate steps from the clock rate, and "none" exactly when nothing would change', () => {
      fc.assert(
        fc.property(steerableDrift, clockRate, (driftS, rate) => {
          const correction = decideCorrection(driftS, 10, rate);
          const inDeadband = Math.abs(driftS) <= policy.deadbandS;
          if (correction.kind === 'rate') {
            const steps = (correction.playbackRate - rate) / policy.rateStep;
            expect(Math.abs(steps - Math.round(steps))).to.be.below(1e-6);
            expect(correction.playbackRate).not.to.equal(rate);
            expect(inDeadband).to.equal(false);
          } else {
            expect(correction.kind).to.equal('none');
            expect(rateOf(correction)).to.equal(rate);
          }
        }),
      );
    });

    it('with coarse steps: "none" iff in the deadband or the wanted rate is within half a step of the clock rate', () => {
      const coarse: DriftPolicy = { ...policy, deadbandS: 0.001, rateStep: 0.05 };
      fc.assert(
        fc.property(steerableDrift, fc.integer({ min: 10, max: 40 }), (driftS, rateSteps) => {
          const rate = rateSteps * coarse.rateStep; // a clock rate on the grid
          const adjust = Math.min(Math.max(-driftS / coarse.correctionHorizonS, -coarse.maxRateAdjust), coarse.maxRateAdjust);
          const wantedChange = Math.abs(rate * adjust);
          fc.pre(Math.abs(wantedChange - coarse.rateStep / 2) > 1e-9); // a tie could round either way
          const expectNone = Math.abs(driftS) <= coarse.deadbandS || wantedChange < coarse.rateStep / 2;
          const correction = decideCorrection(driftS, 10, rate, coarse);
          expect(correction.kind).to.equal(expectNone ? 'none' : 'rate');
          if (expectNone) expect(rateOf(correction)).to.equal(rate);
        }),
      );
    });

    it('decides only between none/rate within the threshold and seek beyond it', () => {
      fc.assert(
        fc.property(anyDrift, target, clockRate, (driftS, targetS, rate) => {
          const correction = decideCorrection(driftS, targetS, rate);
          expect(correction.kind === 'seek').to.equal(Math.abs(driftS) > policy.seekThresholdS);
        }),
      );
    });
  });
});
