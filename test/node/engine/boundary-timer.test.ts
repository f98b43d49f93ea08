// The boundary timer: armed for the next moment a file starts or stops (seen some leads ahead),
// worked out again only when that can have changed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MasterClock } from '../../../src/core/clock/master-clock.js';
import { buildTimeline } from '../../../src/core/timeline/timeline.js';
import { BoundaryTimer } from '../../../src/engine/boundary-timer.js';
import { camera, recordingOf } from '../../helpers/recording-specs.js';
import { FakeScheduler } from './fakes/fake-scheduler.js';

/** Files start or stop at 300, 1000, 2000 and 5000 ms. */
const timeline = buildTimeline(recordingOf([camera('a', 'a', 0, 1000), camera('b', 'b', 300, 1700), camera('c', 'c', 2000, 3000)]));

function setUp() {
  const scheduler = new FakeScheduler();
  const clock = new MasterClock(() => scheduler.now());
  clock.durationMs = timeline.durationMs;
  let due = 0;
  let armed = 0;
  const timers: FakeScheduler = Object.create(scheduler);
  timers.setTimer = (callback, delayMs) => {
    armed += 1;
    return scheduler.setTimer(callback, delayMs);
  };
  const timer = new BoundaryTimer(timers, clock, () => (due += 1));
  return { scheduler, clock, timer, fired: () => due, armed: () => armed };
}

describe('boundary timer', () => {
  test('fires at the next boundary; steps before it do not arm it again, a step back in time does', async () => {
    const { scheduler, clock, timer, fired, armed } = setUp();
    clock.seek(400);
    clock.start();
    timer.schedule(timeline, clock.positionMs(), [0]);
    assert.equal(armed(), 1);
    for (let i = 0; i < 20; i++) {
      await scheduler.advance(16);
      timer.schedule(timeline, clock.positionMs(), [0]);
    }
    assert.equal(armed(), 1, 'the same moment is still the next: not armed again');
    // The clock goes back to before the boundary at 300 ms: that one is next now.
    clock.seek(100);
    timer.schedule(timeline, clock.positionMs(), [0]);
    assert.equal(armed(), 2);
    await scheduler.advance(199);
    assert.equal(fired(), 0);
    await scheduler.advance(16);
    assert.equal(fired(), 1, 'fired at 300 ms, not at 1000');
  });

  test('a different lead is worked out afresh', async () => {
    const { clock, timer, armed } = setUp();
    clock.seek(1200);
    clock.start();
    timer.schedule(timeline, clock.positionMs(), [0]);
    assert.equal(armed(), 1);
    // Seen 900 ms ahead, the boundary at 2000 ms is due at 1100, already behind: the one at 5000 is due at 4100.
    timer.schedule(timeline, clock.positionMs(), [0, 900]);
    assert.equal(armed(), 1, 'still 2000 ms first');
    timer.schedule(timeline, clock.positionMs(), [0, 700]);
    assert.equal(armed(), 2, 'the boundary at 2000 ms seen 700 ms ahead: due at 1300');
  });
});
