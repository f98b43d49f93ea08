// The engine as a page sees it, on fake media elements and a fake scheduler: specifications of
// what a replay does when it starts, seeks, waits, stalls, joins files mid-play, ends and goes away.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HAVE_FUTURE_DATA } from '../../../src/core/media-api.js';
import { VideoType } from '../../../src/core/recording/recording.js';
import { PICTURE_PACE } from '../../../src/core/sync/picture-pace.js';
import { assertPlaysOnWithoutThenRejoins, openReplay, spreadMs } from './harness.js';

const three = [
  { id: 'teacher', behaviour: { hasAudio: true, playLatencyMs: 100 } },
  { id: 'student', behaviour: { playLatencyMs: 25 } },
  { id: 'board', type: VideoType.Whiteboard, behaviour: { playLatencyMs: 25 } },
];

/** Two cameras that, as in Chromium, play() after a pause moves on 24–115 ms past where they paused; and a whiteboard. */
const RESUMING_AHEAD = [
  { id: 'teacher', behaviour: { hasAudio: true, playLatencyMs: 80, reportsFrames: true, resumesAheadMs: 64 } },
  { id: 'student', behaviour: { hasAudio: true, playLatencyMs: 80, reportsFrames: true, resumesAheadMs: 85 } },
  { id: 'board', type: VideoType.Whiteboard, behaviour: { playLatencyMs: 25, reportsFrames: true } },
];

describe('a replay', () => {
  test('loads: loadstart, the duration, then data at the start position, with no seeking events', async () => {
    const { engine, scheduler, events } = await openReplay(three);
    assert.equal(engine.duration, 10);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    assert.deepEqual(events.slice(0, 3), ['loadstart', 'durationchange', 'loadedmetadata']);
    assert.ok(events.includes('loadeddata') && events.includes('canplay'));
    assert.ok(!events.includes('seeking'));
    assert.equal(engine.phase, 'paused');
    assert.equal(engine.paused, true);
  });

  test('starts every stream together: the slower kind (with audio) gets play() first, the clock starts once all move', async () => {
    const { engine, scheduler, world, events, positionsMs } = await openReplay(three);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    const played = engine.play();
    assert.equal(engine.paused, false);
    assert.equal(engine.phase, 'starting');
    await scheduler.until(() => engine.phase === 'playing');
    await played;
    const teacher = world.elementOf('teacher').playCalls[0]!;
    const student = world.elementOf('student').playCalls[0]!;
    assert.ok(student - teacher >= 50, `play() to the audio stream ${student - teacher} ms before the others`);
    assert.deepEqual(
      events.filter((type) => type === 'play' || type === 'playing'),
      ['play', 'playing'],
    );
    await scheduler.advance(1000);
    assert.ok(spreadMs(positionsMs(['teacher', 'student', 'board'])) < 20, `spread ${spreadMs(positionsMs(['teacher', 'student', 'board']))} ms`);
    assert.ok(Math.abs(engine.currentTime * 1000 - positionsMs(['student'])[0]!) < 40);
  });

  test('a camera whose first new frame is never reported is still brought onto the others once the start times out', async () => {
    const files = [
      { id: 'teacher', behaviour: { hasAudio: true, playLatencyMs: 80, reportsFrames: true } },
      { id: 'student', behaviour: { hasAudio: true, playLatencyMs: 80, reportsFrames: true } },
      { id: 'guest', behaviour: { hasAudio: true, playLatencyMs: 87, reportsFrames: true, dropsFrameReports: true } },
    ];
    const ids = files.map((file) => file.id);
    const { engine, scheduler, positionsMs } = await openReplay(files);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing', 3000);
    // It started 7 ms after the others: without its report it was never read, and stayed 7 ms off.
    assert.ok(spreadMs(positionsMs(ids)) > 5, `spread ${spreadMs(positionsMs(ids))} ms at the start`);
    await scheduler.advance(4000);
    assert.ok(spreadMs(positionsMs(ids)) < 1, `spread ${spreadMs(positionsMs(ids))} ms after 4 s`);
  });

  test('cameras that hold still after their first new frame (as after a wait for data): the clock starts once they move on, where they are', async () => {
    const files = [
      { id: 'teacher', behaviour: { hasAudio: true, playLatencyMs: 80, reportsFrames: true, holdsAfterFirstFrameMs: 40 } },
      { id: 'student', behaviour: { hasAudio: true, playLatencyMs: 80, reportsFrames: true, holdsAfterFirstFrameMs: 40 } },
      { id: 'board', type: VideoType.Whiteboard, behaviour: { playLatencyMs: 25, reportsFrames: true } },
    ];
    const { engine, scheduler, positionsMs } = await openReplay(files);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing', 3000);
    await scheduler.advance(100);
    const clockMs = engine.currentTime * 1000;
    for (const [index, cameraMs] of positionsMs(['teacher', 'student']).entries()) {
      assert.ok(Math.abs(cameraMs - clockMs) < 5, `camera ${index} ${(cameraMs - clockMs).toFixed(1)} ms off the clock 100 ms after playing`);
    }
  });

  test('runs at its pace: the clock and every element at the chosen rate × PICTURE_PACE (pitch kept only away from 1×), the rate reported as chosen', async () => {
    const { engine, scheduler, world, events } = await openReplay(three, {}, 20000);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(1000);
    const fromS = engine.currentTime;
    await scheduler.advance(4000);
    assert.ok(Math.abs(engine.currentTime - fromS - 4 * PICTURE_PACE) < 0.002, `the clock moved ${engine.currentTime - fromS} s in 4 s`);
    for (const { id } of three) {
      assert.equal(world.elementOf(id).playbackRate, PICTURE_PACE, id);
      assert.equal(world.elementOf(id).preservesPitch, false, `${id}: resampled at 1×`);
    }
    engine.playbackRate = 1.5;
    assert.equal(engine.playbackRate, 1.5);
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(2000);
    for (const { id } of three) {
      assert.ok(Math.abs(world.elementOf(id).playbackRate - 1.5 * PICTURE_PACE) < 1e-4, `${id}: ${world.elementOf(id).playbackRate}`);
      assert.equal(world.elementOf(id).preservesPitch, true, `${id}: its pitch kept at 1.5×`);
    }
    const rateChanges = events.filter((type) => type === 'ratechange').length;
    engine.pace = 1;
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(1000);
    for (const { id } of three) assert.equal(world.elementOf(id).playbackRate, 1.5, `${id} at exactly the chosen rate`);
    assert.equal(events.filter((type) => type === 'ratechange').length, rateChanges, 'the chosen rate did not change: no ratechange');
    assert.throws(() => (engine.pace = 0.5), RangeError);
    assert.equal(engine.pace, 1);
    engine.destroy();
  });

  test('with pace 1, plays at exactly the chosen rate', async () => {
    const { engine, scheduler, world } = await openReplay(three, { pace: 1 }, 20000);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(1000);
    const fromS = engine.currentTime;
    await scheduler.advance(4000);
    assert.ok(Math.abs(engine.currentTime - fromS - 4) < 0.002, `the clock moved ${engine.currentTime - fromS} s in 4 s`);
    for (const { id } of three) assert.equal(world.elementOf(id).playbackRate, 1, id);
    engine.destroy();
  });

  test('seek: seeking, then seeked once every active file shows the new position; playback goes on from there', async () => {
    const { engine, scheduler, world, events } = await openReplay(three);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    events.length = 0;
    engine.currentTime = 6;
    assert.equal(engine.seeking, true);
    assert.equal(engine.currentTime, 6);
    assert.deepEqual(events, ['seeking']);
    await scheduler.until(() => !engine.seeking);
    for (const id of ['teacher', 'student', 'board']) assert.ok(Math.abs(world.elementOf(id).currentTime - 6) <= 0.05, `${id} at ${world.elementOf(id).currentTime}`);
    assert.deepEqual(events.slice(0, 3), ['seeking', 'timeupdate', 'seeked']);
    await scheduler.until(() => engine.phase === 'playing');
    assert.ok(events.includes('playing'));
  });

  test('a seek while paused stays paused', async () => {
    const { engine, scheduler } = await openReplay(three);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    engine.currentTime = 3;
    await scheduler.until(() => !engine.seeking);
    assert.equal(engine.phase, 'paused');
    await scheduler.advance(500);
    assert.equal(engine.currentTime, 3);
  });

  test('waits for data: a stream that runs dry holds the clock (waiting) and playback resumes when its data comes', async () => {
    const { engine, scheduler, world, events } = await openReplay(three, { stallTimeoutMs: 5000 });
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    world.elementOf('student').setDataUntil(1);
    void engine.play();
    await scheduler.until(() => engine.phase === 'waiting', 3000);
    assert.ok(events.includes('waiting'));
    const heldAtS = engine.currentTime;
    assert.ok(heldAtS >= 0.8 && heldAtS <= 1.1, `held at ${heldAtS}`);
    await scheduler.advance(1000);
    assert.equal(engine.currentTime, heldAtS);
    assert.equal(world.elementOf('teacher').paused, true);
    world.elementOf('student').setDataUntil(Infinity);
    await scheduler.until(() => engine.phase === 'playing', 2000);
    await scheduler.advance(500);
    assert.ok(engine.currentTime > heldAtS);
  });

  test('after a wait, cameras resume from where they paused, not from where their audio output had got to', async () => {
    const { engine, scheduler, world, positionsMs } = await openReplay(RESUMING_AHEAD, { stallTimeoutMs: 5000 });
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    world.elementOf('student').setDataUntil(1);
    void engine.play();
    await scheduler.until(() => engine.phase === 'waiting', 3000);
    const heldAtMs = engine.currentTime * 1000;
    const cameras = [world.elementOf('teacher'), world.elementOf('student')];
    world.elementOf('student').setDataUntil(Infinity);
    await scheduler.until(() => engine.phase === 'playing', 2000);
    // Each moved on from where the clock held (the files start at 0): no moment of the class is skipped.
    for (const [index, camera] of cameras.entries()) {
      const skippedMs = camera.movedFromS.at(-1)! * 1000 - heldAtMs;
      assert.ok(Math.abs(skippedMs) < 1, `${RESUMING_AHEAD[index]!.id} resumed ${skippedMs.toFixed(1)} ms past where the clock held`);
    }
    // And together (their jumps would have differed, 64 and 85 ms).
    await scheduler.advance(50);
    const apartMs = spreadMs(positionsMs(['teacher', 'student']));
    assert.ok(apartMs < 1, `cameras ${apartMs.toFixed(1)} ms apart 50 ms after playing`);
  });

  test('after a pause, the cameras are put back on the clock at once: play() needs no seek first, and they move on from where the clock paused', async () => {
    const { engine, scheduler, world } = await openReplay(RESUMING_AHEAD);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing', 3000);
    await scheduler.advance(500);
    const cameras = [world.elementOf('teacher'), world.elementOf('student')];
    // Seeks of the cameras and of the whiteboard (no audio: it resumes where it paused).
    const elements = [...cameras, world.elementOf('board')];
    const seeks = elements.map(() => 0);
    for (const [index, element] of elements.entries()) element.addEventListener('seeking', () => (seeks[index]! += 1));
    engine.pause();
    const pausedAtMs = engine.currentTime * 1000;
    assert.deepEqual(seeks, [1, 1, 0], 'each camera seeked as it paused');
    await scheduler.advance(300);
    const playedAtMs = scheduler.nowMs;
    void engine.play();
    // The step play() queues, at the same moment.
    await scheduler.flush();
    await scheduler.until(() => engine.phase === 'playing', 2000);
    assert.deepEqual(seeks, [1, 1, 0], 'no seek when play() came');
    for (const [index, camera] of cameras.entries()) {
      assert.ok(camera.playCalls.at(-1)! - playedAtMs < 1, `${RESUMING_AHEAD[index]!.id} got play() ${camera.playCalls.at(-1)! - playedAtMs} ms after the replay's`);
      const skippedMs = camera.movedFromS.at(-1)! * 1000 - pausedAtMs;
      assert.ok(Math.abs(skippedMs) < 1, `${RESUMING_AHEAD[index]!.id} moved on ${skippedMs.toFixed(1)} ms past where the clock paused`);
    }
  });

  test('stall and rejoin: a stream stalled past stall-timeout is let go, the others go on; it rejoins with its data', async () => {
    const harness = await openReplay(three, { stallTimeoutMs: 2000 });
    const { engine, scheduler, world } = harness;
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    world.elementOf('student').setDataUntil(1);
    void engine.play();
    await scheduler.until(() => engine.phase === 'waiting', 3000);
    const waitedFromMs = scheduler.nowMs;
    await scheduler.until(() => engine.phase === 'playing', 5000);
    const heldMs = scheduler.nowMs - waitedFromMs;
    assert.ok(heldMs >= 1900 && heldMs < 2300, `held for the stall timeout and the others' start, not for the stream let go: ${heldMs} ms`);
    await assertPlaysOnWithoutThenRejoins(harness, 'student', 'teacher', ['teacher', 'student', 'board'], 1.5);
  });

  test('join mid-play: a file starting at 2 s is mounted ahead, and plays in step from its start', async () => {
    const files = [
      { id: 'teacher', durationMs: 6000 },
      { id: 'late', startMs: 2000, durationMs: 4000 },
    ];
    const { engine, scheduler, world, positionsMs } = await openReplay(files, { preloadMs: 1000 });
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    assert.equal(world.isMounted('late'), false, 'not mounted long before its start');
    void engine.play();
    await scheduler.until(() => world.isMounted('late'), 3000);
    assert.ok(engine.currentTime >= 0.9 && engine.currentTime < 2, `mounted ${2 - engine.currentTime} s ahead`);
    assert.equal(world.elementOf('late').muted, true, 'a preloading file is not heard');
    await scheduler.until(() => engine.currentTime >= 3);
    assert.equal(world.elementOf('late').paused, false);
    assert.ok(spreadMs(positionsMs(['teacher', 'late'])) < 30, `late file off by ${spreadMs(positionsMs(['teacher', 'late']))} ms`);
  });

  test('ends: at the end the clock stops at the duration, paused, with pause and ended', async () => {
    const { engine, scheduler, events } = await openReplay([{ id: 'only', durationMs: 2000 }]);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.ended, 4000);
    assert.equal(engine.currentTime, 2);
    assert.equal(engine.paused, true);
    assert.deepEqual(events.slice(-2), ['pause', 'ended']);
    // play() again starts over.
    void engine.play();
    assert.equal(engine.currentTime, 0);
    await scheduler.until(() => engine.phase === 'playing');
  });

  test('pause: the clock and every element stop; play() promises pending are rejected', async () => {
    const { engine, scheduler, world } = await openReplay(three);
    const played = engine.play();
    engine.pause();
    await assert.rejects(played, { name: 'AbortError' });
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    engine.pause();
    const atS = engine.currentTime;
    await scheduler.advance(500);
    assert.equal(engine.currentTime, atS);
    for (const element of world.elements.filter((candidate) => !candidate.removed)) assert.equal(element.paused, true);
  });

  test('teardown leaves no timers, frames or listeners behind', async () => {
    const { engine, scheduler, world } = await openReplay(three);
    void engine.play().catch(() => undefined);
    await scheduler.until(() => engine.phase === 'playing');
    engine.currentTime = 4;
    await scheduler.advance(10);
    engine.destroy();
    await scheduler.flush();
    assert.deepEqual(scheduler.pending, { frames: 0, timers: 0, visibilityListeners: 0 });
    assert.equal(engine.bus.listenerCount, 0);
    for (const element of world.elements) {
      assert.equal(element.removed, true);
      assert.equal(element.listenerCount, 0);
    }
    await assert.rejects(engine.play(), { name: 'AbortError' });
  });
});
