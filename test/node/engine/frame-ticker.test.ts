// The frame ticker: one repeating frame call while started, replaced (not doubled) when the page is
// hidden or shown, and nothing left behind once stopped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FrameTicker } from '../../../src/engine/frame-ticker.js';
import { FakeScheduler } from './fakes/fake-scheduler.js';

function setUp() {
  const scheduler = new FakeScheduler();
  let ticks = 0;
  const ticker = new FrameTicker(scheduler, () => (ticks += 1));
  return { scheduler, ticker, ticks: () => ticks };
}

describe('FrameTicker', () => {
  test('ticks once per display frame while started, however often start() is called', async () => {
    const { scheduler, ticker, ticks } = setUp();
    ticker.start();
    ticker.start();
    await scheduler.advance(10 * scheduler.frameIntervalMs);
    assert.equal(ticks(), 10);
    assert.equal(scheduler.pending.frames, 1);
  });

  test('the page hidden or shown: one tick at once, then still once per frame from one repeating call', async () => {
    const { scheduler, ticker, ticks } = setUp();
    ticker.start();
    await scheduler.advance(3 * scheduler.frameIntervalMs);
    scheduler.setPageHidden(true);
    assert.equal(ticks(), 4, 'ticked at once');
    assert.equal(scheduler.pending.frames, 1, 'the repeating call was replaced, not added to');
    scheduler.setPageHidden(false);
    await scheduler.advance(5 * scheduler.frameIntervalMs);
    assert.equal(ticks(), 10);
    assert.equal(scheduler.pending.frames, 1);
  });

  test('stopped: no more ticks, and nothing left scheduled or listening', async () => {
    const { scheduler, ticker, ticks } = setUp();
    ticker.start();
    await scheduler.advance(2 * scheduler.frameIntervalMs);
    ticker.stop();
    await scheduler.advance(5 * scheduler.frameIntervalMs);
    scheduler.setPageHidden(true);
    assert.equal(ticks(), 2);
    assert.deepEqual(scheduler.pending, { frames: 0, timers: 0, visibilityListeners: 0 });
  });
});
