import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { MasterClock } from '../../src/core/clock/master-clock.js';

function fakeTime(startMs = 1000) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

describe('MasterClock', () => {
  it('stands still until started, then advances with real time', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now);
    clock.durationMs = 10_000;
    time.advance(500);
    expect(clock.positionMs()).to.equal(0);
    clock.start();
    time.advance(1234);
    expect(clock.positionMs()).to.equal(1234);
    expect(clock.running).to.equal(true);
  });

  it('freezes on stop and resumes from where it stopped', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now);
    clock.durationMs = 10_000;
    clock.start();
    time.advance(300);
    clock.stop();
    time.advance(5000);
    expect(clock.positionMs()).to.equal(300);
    clock.start();
    time.advance(200);
    expect(clock.positionMs()).to.equal(500);
  });

  it('runs through time where no file exists: it depends on nothing but now()', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now);
    clock.durationMs = 60_000;
    clock.seek(20_000);
    clock.start();
    time.advance(15_000);
    expect(clock.positionMs()).to.equal(35_000);
  });

  it('scales advance by the playback rate from the moment the rate changes', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now);
    clock.durationMs = 100_000;
    clock.start();
    time.advance(1000);
    clock.setRate(2);
    time.advance(1000);
    clock.setRate(0.5);
    time.advance(1000);
    expect(clock.positionMs()).to.equal(1000 + 2000 + 500);
  });

  it('runs at the rate times its pace, and reports the rate as set', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now, 0.995);
    clock.durationMs = 100_000;
    clock.setRate(2);
    clock.start();
    time.advance(10_000);
    expect(clock.positionMs()).to.be.closeTo(19_900, 1e-6);
    expect(clock.rate).to.equal(2);
    expect(clock.mediaRate).to.be.closeTo(1.99, 1e-12);
    expect(clock.realMsUntil(19_900 + 995)).to.be.closeTo(500, 1e-6);
    expect(() => new MasterClock(time.now, 0)).to.throw(RangeError);
    expect(() => new MasterClock(time.now, Number.NaN)).to.throw(RangeError);
  });

  it('clamps to [0, duration] and reports the end', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now);
    clock.durationMs = 1000;
    clock.seek(-50);
    expect(clock.positionMs()).to.equal(0);
    clock.start();
    time.advance(5000);
    expect(clock.positionMs()).to.equal(1000);
    expect(clock.atEnd()).to.equal(true);
    clock.seek(5000);
    expect(clock.positionMs()).to.equal(1000);
  });

  it('rejects non-positive and non-finite rates', () => {
    const clock = new MasterClock(() => 0);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => clock.setRate(bad)).to.throw(RangeError);
    }
  });

  it('tells how long until a position is reached', () => {
    const time = fakeTime();
    const clock = new MasterClock(time.now);
    clock.durationMs = 10_000;
    expect(clock.realMsUntil(5000)).to.equal(Infinity);
    clock.start();
    clock.setRate(2);
    expect(clock.realMsUntil(4000)).to.equal(2000);
    time.advance(1000);
    expect(clock.realMsUntil(1000)).to.equal(Infinity);
  });

  it('property: position equals the sum of rate-weighted running intervals, clamped', () => {
    type Step = { kind: 'advance'; ms: number } | { kind: 'rate'; rate: number } | { kind: 'toggle' };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ kind: fc.constant('rate' as const), rate: fc.constantFrom(0.5, 0.75, 1, 1.25, 1.5, 2) }),
      fc.record({ kind: fc.constant('toggle' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.integer({ min: 1, max: 50_000 }), (steps: Step[], durationMs) => {
        const time = fakeTime(0);
        const clock = new MasterClock(time.now);
        clock.durationMs = durationMs;
        let expected = 0;
        let rate = 1;
        let running = false;
        for (const s of steps) {
          if (s.kind === 'advance') {
            time.advance(s.ms);
            if (running) expected = Math.min(durationMs, expected + s.ms * rate);
          } else if (s.kind === 'rate') {
            clock.setRate(s.rate);
            rate = s.rate;
          } else if (running) {
            clock.stop();
            running = false;
          } else {
            clock.start();
            running = true;
          }
          expect(clock.positionMs()).to.be.closeTo(expected, 1e-6);
        }
      }),
    );
  });
});
