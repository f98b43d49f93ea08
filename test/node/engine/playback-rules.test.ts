// The pure rules under the engine: the playback phase, readiness, moving averages and the default
// sync strategy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { HAVE_CURRENT_DATA, HAVE_ENOUGH_DATA, HAVE_FUTURE_DATA, HAVE_METADATA } from '../../../src/core/media-api.js';
import { MovingAverage } from '../../../src/core/playback/moving-average.js';
import { isClockHeld, phaseAfterPositioning } from '../../../src/core/playback/phase.js';
import { hasDataAhead, hasFutureData, readyStateEvents, replayReadyState } from '../../../src/core/playback/readiness.js';
import { SmoothedDriftStrategy } from '../../../src/core/sync/smoothed-drift-strategy.js';
import { bufferedAhead } from '../../../src/engine/buffered-ahead.js';
import type { MountedFile } from '../../../src/engine/mounted-file.js';
import { TimeRangeList } from '../../../src/engine/time-ranges.js';

const element = (readyState: number, bufferedEndS = 0, duration = 10, seeking = false) => ({
  readyState,
  seeking,
  duration,
  buffered: new TimeRangeList(bufferedEndS > 0 ? [[0, bufferedEndS]] : []),
});

describe('playback phase', () => {
  test('after a seek: paused stays paused; wanted playback starts again, still waiting if a wait was announced', () => {
    assert.equal(phaseAfterPositioning({ phase: 'seeking', playRequested: false }, false), 'paused');
    assert.equal(phaseAfterPositioning({ phase: 'seeking', playRequested: true }, false), 'starting');
    assert.equal(phaseAfterPositioning({ phase: 'waiting', playRequested: true }, true), 'waiting');
    assert.equal(isClockHeld('starting') && isClockHeld('waiting') && !isClockHeld('playing') && !isClockHeld('seeking'), true);
  });
});

describe('readiness', () => {
  test('an element can play on with future data, or at its tail with everything up to its end', () => {
    assert.equal(hasFutureData(element(HAVE_FUTURE_DATA)), true);
    assert.equal(hasFutureData(element(HAVE_CURRENT_DATA, 5)), false);
    assert.equal(hasFutureData(element(HAVE_CURRENT_DATA, 9.99)), true);
    assert.equal(hasFutureData(element(HAVE_CURRENT_DATA, 9.99, 10, true)), false);
  });

  test('data ahead: the buffered range holding the position reaches far enough, or to the end of the file', () => {
    assert.equal(hasDataAhead(element(HAVE_CURRENT_DATA, 5), 4.7, 0.2), true);
    assert.equal(hasDataAhead(element(HAVE_CURRENT_DATA, 5), 4.9, 0.2), false, 'only 0.1 s left');
    assert.equal(hasDataAhead(element(HAVE_CURRENT_DATA, 5), 6, 0.2), false, 'past the buffered range');
    assert.equal(hasDataAhead(element(HAVE_CURRENT_DATA, 9.98), 9.9, 0.2), true, 'to the end of the file');
    const gap = { ...element(HAVE_CURRENT_DATA), buffered: new TimeRangeList([[0, 2], [3, 8]]) };
    assert.equal(hasDataAhead(gap, 1.9, 0.2), false, 'a gap after the position');
    assert.equal(hasDataAhead(gap, 3.5, 0.2), true);
  });

  test("the replay's buffered: from the position to where the first active file runs out, files buffered to their end not counting", () => {
    const file = (startMs: number, durationS: number, ranges: Array<[number, number]>, failed = false) =>
      ({
        slot: { failed, startMs, endMs: startMs + durationS * 1000, videoStartOffsetS: 0, mediaDurationS: durationS, element: { buffered: new TimeRangeList(ranges) } },
        targetS: (positionMs: number) => (positionMs - startMs) / 1000,
      }) as unknown as MountedFile;
    const ranges = (list: TimeRangeList) => Array.from({ length: list.length }, (_, i) => [list.start(i), list.end(i)]);
    assert.deepEqual(ranges(bufferedAhead([file(1000, 10, [[0, 4]])], 2000, 20000)), [[2, 5]]);
    assert.deepEqual(ranges(bufferedAhead([file(1000, 10, [[0, 4]]), file(0, 10, [[0, 10]])], 2000, 20000)), [[2, 5]], 'a file buffered to its end');
    assert.deepEqual(ranges(bufferedAhead([file(1000, 10, [[0, 4]]), file(0, 10, [[0, 3]])], 2000, 20000)), [[2, 3]], 'the first to run out');
    assert.deepEqual(ranges(bufferedAhead([file(1000, 10, [[3, 6]])], 2000, 20000)), [], 'nothing buffered at the position');
    assert.deepEqual(ranges(bufferedAhead([file(1000, 10, [], true)], 2000, 20000)), [[2, 20]], 'a failed file does not count');
  });

  test('the replay is as ready as its least ready stream, and only has metadata while positioning', () => {
    // As the engine's step reads each stream once: its readyState, and whether it can play on.
    const read = (el: ReturnType<typeof element>) => ({ readyState: el.readyState, canPlayOn: hasFutureData(el) });
    assert.equal(replayReadyState(true, [read(element(HAVE_ENOUGH_DATA))]), HAVE_METADATA);
    assert.equal(replayReadyState(false, []), HAVE_ENOUGH_DATA);
    assert.equal(replayReadyState(false, [read(element(HAVE_ENOUGH_DATA)), read(element(HAVE_CURRENT_DATA, 2))]), HAVE_CURRENT_DATA);
    assert.equal(replayReadyState(false, [read(element(HAVE_ENOUGH_DATA)), read(element(HAVE_CURRENT_DATA, 10))]), HAVE_FUTURE_DATA, 'buffered to its end: it can play on');
    const letGo = { ...read(element(HAVE_METADATA)), letGo: true };
    assert.equal(replayReadyState(false, [read(element(HAVE_ENOUGH_DATA)), letGo]), HAVE_ENOUGH_DATA, 'a stream let go does not hold the replay back');
    assert.equal(replayReadyState(false, [read(element(HAVE_CURRENT_DATA, 2)), letGo]), HAVE_CURRENT_DATA);
  });

  test('ready-state events fire in order, loadeddata once', () => {
    assert.deepEqual(readyStateEvents(HAVE_METADATA, HAVE_ENOUGH_DATA, false), ['loadeddata', 'canplay', 'canplaythrough']);
    assert.deepEqual(readyStateEvents(HAVE_METADATA, HAVE_ENOUGH_DATA, true), ['canplay', 'canplaythrough']);
    assert.deepEqual(readyStateEvents(HAVE_ENOUGH_DATA, HAVE_METADATA, true), []);
  });
});

describe('moving average', () => {
  test('starts at its guess (or its first sample) and stays between the old value and each sample', () => {
    assert.equal(new MovingAverage(0.3, 100).value, 100);
    assert.equal(new MovingAverage(0.3).add(7), 7);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (weight, samples) => {
        const average = new MovingAverage(weight, 0);
        for (const sample of samples) {
          const before = average.value!;
          const after = average.add(sample);
          if (after < Math.min(before, sample) - 1e-6 || after > Math.max(before, sample) + 1e-6) return false;
        }
        return true;
      }),
    );
  });
});

describe('the default sync strategy (smoothed drift)', () => {
  const context = { nowMs: 0, clockRate: 1, seekLatencyS: 0.05 };
  const reading = (driftS: number) => ({ streamId: 's', mediaTimeS: 5 + driftS, targetS: 5, playbackRate: 1, hasAudio: false });

  test('a large drift is fixed with a seek aimed one seek-latency ahead; a small one with the rate', () => {
    const strategy = new SmoothedDriftStrategy();
    assert.deepEqual(strategy.decide([reading(0.5)], context).corrections.get('s'), { kind: 'seek', toMediaTimeS: 5.05 });
    const rate = strategy.decide([reading(0.05)], context).corrections.get('s')!;
    assert.equal(rate.kind, 'rate');
    assert.ok(rate.kind === 'rate' && rate.playbackRate < 1);
    assert.equal(strategy.decide([reading(0)], { ...context }).corrections.get('s')!.kind, 'rate', 'smoothed: one good reading does not erase the drift');
  });

  test('one noisy reading moves the smoothed drift only part of the way', () => {
    const strategy = new SmoothedDriftStrategy();
    for (let i = 0; i < 20; i++) strategy.decide([reading(0)], context);
    assert.equal(strategy.decide([reading(0.01)], context).corrections.get('s')!.kind, 'none');
    strategy.forget('s');
    assert.equal(strategy.decide([reading(0.01)], context).corrections.get('s')!.kind, 'rate');
  });
});
