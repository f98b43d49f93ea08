import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { mediaTimeAtS, msToSeconds, secondsToMs, timelineMsAt } from '../../src/core/sync/media-time.js';

describe('media time', () => {
  const file = { startMs: 300_000 };

  it('is the time since the file started, in seconds', () => {
    expect(mediaTimeAtS(file, 300_000)).to.equal(0);
    expect(mediaTimeAtS(file, 301_500)).to.equal(1.5);
    expect(mediaTimeAtS(file, 900_000)).to.equal(600);
  });

  it('is negative before the file starts (the caller decides what that means)', () => {
    expect(mediaTimeAtS(file, 299_000)).to.equal(-1);
  });

  it('maps media seconds back to timeline milliseconds', () => {
    expect(timelineMsAt(file, 0)).to.equal(300_000);
    expect(timelineMsAt(file, 1.5)).to.equal(301_500);
    expect(timelineMsAt({ startMs: 0 }, 0.04)).to.equal(40);
  });

  it('converts units: 1 s is 1000 ms', () => {
    expect(secondsToMs(1)).to.equal(1000);
    expect(secondsToMs(0.25)).to.equal(250);
    expect(msToSeconds(1500)).to.equal(1.5);
    expect(msToSeconds(0)).to.equal(0);
  });

  it('property: timeline ms → media s → timeline ms is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000 }), fc.double({ min: 0, max: 86_400_000, noNaN: true }), (startMs, clockMs) => {
        const placed = { startMs };
        expect(timelineMsAt(placed, mediaTimeAtS(placed, clockMs))).to.be.closeTo(clockMs, 1e-6);
      }),
    );
  });

  it('property: media s → timeline ms → media s is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000 }), fc.double({ min: -100, max: 86_400, noNaN: true }), (startMs, mediaS) => {
        const placed = { startMs };
        expect(mediaTimeAtS(placed, timelineMsAt(placed, mediaS))).to.be.closeTo(mediaS, 1e-9);
      }),
    );
  });

  it('property: media time advances one second per 1000 ms of clock, whatever the file start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (startMs, clockMs, deltaMs) => {
        const placed = { startMs };
        const advanced = mediaTimeAtS(placed, clockMs + deltaMs) - mediaTimeAtS(placed, clockMs);
        expect(advanced).to.be.closeTo(msToSeconds(deltaMs), 1e-6);
      }),
    );
  });

  it('property: secondsToMs and msToSeconds are inverse', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (ms) => {
        expect(secondsToMs(msToSeconds(ms))).to.be.closeTo(ms, 1e-6);
      }),
    );
  });
});
