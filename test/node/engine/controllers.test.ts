// The controllers, each on its own concern, driven through an engine on fake media.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HAVE_ENOUGH_DATA, HAVE_FUTURE_DATA } from '../../../src/core/media-api.js';
import { VideoType } from '../../../src/core/recording/recording.js';
import type { StreamReading, SyncContext, SyncDecision, SyncStrategy } from '../../../src/core/sync/sync-strategy.js';
import { PICTURE_PACE } from '../../../src/core/sync/picture-pace.js';
import { EventBus, Subscriptions } from '../../../src/engine/event-bus.js';
import { INITIAL_START_LATENCY_MS, StartLatencies } from '../../../src/engine/start-latencies.js';
import { openReplay } from './harness.js';

describe('download scheduler', () => {
  test('active files download at once; preloading ones wait their turn, in timeline order, within max-concurrent-loads', async () => {
    const files = [
      { id: 'now', durationMs: 20000, behaviour: { metadataDelayMs: 200 } },
      { id: 'soon-1', startMs: 1000, durationMs: 5000, behaviour: { metadataDelayMs: 200 } },
      { id: 'soon-2', startMs: 2000, durationMs: 5000, behaviour: { metadataDelayMs: 200 } },
      { id: 'soon-3', startMs: 3000, durationMs: 5000, behaviour: { metadataDelayMs: 200 } },
    ];
    const { engine, scheduler, world } = await openReplay(files, { preloadMs: 5000, maxConcurrentLoads: 2 });
    await scheduler.flush();
    assert.deepEqual(world.attached, ['now', 'soon-1']);
    let mostAtOnce = 0;
    await scheduler.until(() => {
      const downloading = world.elements.filter((element) => element.source && element.readyState < HAVE_ENOUGH_DATA).length;
      mostAtOnce = Math.max(mostAtOnce, downloading);
      return world.attached.length === 4;
    });
    assert.deepEqual(world.attached, ['now', 'soon-1', 'soon-2', 'soon-3']);
    assert.ok(mostAtOnce <= 2, `${mostAtOnce} downloads at once`);
    engine.destroy();
  });
});

describe('sync controller', () => {
  /** A strategy that asks for one thing and records what it was shown. */
  class ScriptedStrategy implements SyncStrategy {
    readonly name = 'scripted';
    readonly seen: StreamReading[][] = [];
    forgotten: string[] = [];
    resets = 0;
    constructor(private readonly decision: (readings: readonly StreamReading[], context: SyncContext) => SyncDecision) {}
    decide(readings: readonly StreamReading[], context: SyncContext): SyncDecision {
      this.seen.push([...readings]);
      return this.decision(readings, context);
    }
    forget(streamId: string): void {
      this.forgotten.push(streamId);
    }
    reset(): void {
      this.resets += 1;
    }
  }

  test('a swapped-in strategy sees every playing stream and its rate decisions are applied', async () => {
    const strategy = new ScriptedStrategy((readings, context) => ({
      corrections: new Map(readings.map((reading) => [reading.streamId, { kind: 'rate' as const, playbackRate: context.clockRate * 1.01 }])),
    }));
    const { engine, scheduler, world } = await openReplay([{ id: 'a', behaviour: { hasAudio: true } }, { id: 'b' }], { syncStrategy: strategy });
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(100);
    const last = strategy.seen.at(-1)!;
    assert.deepEqual(last.map((reading) => reading.streamId).sort(), ['a', 'b']);
    assert.equal(last.find((reading) => reading.streamId === 'a')!.hasAudio, true);
    assert.equal(last.find((reading) => reading.streamId === 'b')!.hasAudio, false);
    for (const reading of last) assert.ok(Math.abs(reading.mediaTimeS - reading.targetS) < 0.05);
    assert.equal(world.elementOf('a').playbackRate, PICTURE_PACE * 1.01);
    engine.playbackRate = 2;
    assert.ok(strategy.resets >= 1, 'a rate change makes what the strategy learnt stale');
    engine.destroy();
  });

  test('up to 8 playing streams are all read in every step; with more, 8 a step in turns, so that each is read every other step', async () => {
    for (const count of [8, 12]) {
      const strategy = new ScriptedStrategy(() => ({ corrections: new Map() }));
      const ids = Array.from({ length: count }, (_, i) => `s${i}`);
      const { engine, scheduler } = await openReplay(ids.map((id) => ({ id })), { syncStrategy: strategy });
      void engine.play();
      await scheduler.until(() => engine.phase === 'playing');
      await scheduler.advance(200);
      const steps = strategy.seen.slice(-6).map((readings) => readings.map((reading) => reading.streamId));
      for (const read of steps) {
        assert.equal(read.length, 8, `${count} streams: 8 read per step`);
        assert.equal(new Set(read).size, 8, `${count} streams: 8 different ones`);
      }
      for (let i = 1; i < steps.length; i++) {
        assert.deepEqual([...new Set([...steps[i - 1]!, ...steps[i]!])].sort(), [...ids].sort(), `${count} streams: each read in two steps`);
      }
      engine.destroy();
    }
  });

  test("whether a stream has audio is asked of its element until known, not on every step: Chromium's count costs a read", async () => {
    const strategy = new ScriptedStrategy(() => ({ corrections: new Map() }));
    const { engine, scheduler, world } = await openReplay([{ id: 'a', behaviour: { hasAudio: true } }, { id: 'b' }], { syncStrategy: strategy });
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    const readsWhenPlaying = { a: world.elementOf('a').audioCountReads, b: world.elementOf('b').audioCountReads };
    await scheduler.advance(2000);
    assert.ok(strategy.seen.length > 100, 'the sync step ran on every frame');
    assert.ok(strategy.seen.at(-1)!.every((reading) => reading.hasAudio === (reading.streamId === 'a')));
    assert.equal(world.elementOf('a').audioCountReads, readsWhenPlaying.a, 'known to have audio: not asked again');
    assert.equal(world.elementOf('b').audioCountReads, readsWhenPlaying.b, 'none decoded once it could play: known to have none');
    engine.destroy();
  });

  test('when many streams change rate at once, the writes are spread over the next steps, at most a few per step, and each stream gets its rate', async () => {
    let rate = 1;
    const strategy = new ScriptedStrategy((readings) => ({
      corrections: new Map(readings.map((reading) => [reading.streamId, { kind: 'rate' as const, playbackRate: rate }])),
    }));
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const { engine, scheduler, world } = await openReplay(
      ids.map((id) => ({ id })),
      { syncStrategy: strategy },
    );
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(100);
    const writes: number[] = [];
    for (const id of ids) {
      const element = world.elementOf(id);
      let value = element.playbackRate;
      Object.defineProperty(element, 'playbackRate', {
        get: () => value,
        set: (next: number) => {
          writes.push(scheduler.nowMs);
          value = next;
        },
        configurable: true,
      });
    }
    rate = 1.02;
    const stepsSeen = strategy.seen.length;
    await scheduler.advance(scheduler.frameIntervalMs);
    assert.equal(strategy.seen.length, stepsSeen + 1, 'one step');
    assert.equal(writes.length, 3, 'three writes in the step that decided eight');
    await scheduler.advance(scheduler.frameIntervalMs * 2);
    assert.equal(writes.length, 8);
    for (const id of ids) assert.equal(world.elementOf(id).playbackRate, 1.02, id);
    await scheduler.advance(500);
    assert.equal(writes.length, 8, 'an unchanged decision is not written again');
    engine.destroy();
  });

  test('a strategy may move the clock instead of the streams', async () => {
    let adjustMs = 0;
    const strategy = new ScriptedStrategy(() => ({ corrections: new Map(), clockAdjustMs: adjustMs }));
    const { engine, scheduler } = await openReplay([{ id: 'a' }], { syncStrategy: strategy });
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    const beforeS = engine.currentTime;
    adjustMs = 100;
    await scheduler.advance(16);
    adjustMs = 0;
    assert.ok(engine.currentTime - beforeS >= 0.1, `moved by ${engine.currentTime - beforeS} s`);
    engine.destroy();
  });

  test('the default strategy brings a stream that jumped ahead back with a seek, and one slightly off with its rate', async () => {
    const { engine, scheduler, world, positionsMs } = await openReplay([{ id: 'a' }, { id: 'b' }]);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(200);
    const b = world.elementOf('b');
    b.currentTime = b.currentTime + 1; // far ahead: corrected by a seek
    await scheduler.advance(1000);
    assert.ok(Math.abs(positionsMs(['a', 'b'])[0]! - positionsMs(['a', 'b'])[1]!) < 40);
    b.playbackRate = 1.05; // running fast: corrected by its rate (once it is a few ms off, for 100 ms)
    await scheduler.advance(500);
    assert.ok(b.playbackRate < 1.05);
    await scheduler.advance(2000);
    const [aMs, bMs] = positionsMs(['a', 'b']);
    assert.ok(Math.abs(aMs! - bMs!) < 20, `off by ${Math.abs(aMs! - bMs!)} ms`);
    engine.destroy();
  });

  test('corrective seeks are timed until the element moves on from where it went (a seeked element still decodes its frame), and the next ones are aimed by that', async () => {
    let seekNow = false;
    const latencies: Array<number | undefined> = [];
    const strategy = new ScriptedStrategy((readings, context) => {
      latencies.push(context.seekLatencyS);
      const b = readings.find((reading) => reading.streamId === 'b');
      if (!seekNow || !b) return { corrections: new Map() };
      seekNow = false;
      return { corrections: new Map([['b', { kind: 'seek' as const, toMediaTimeS: b.targetS }]]) };
    });
    // A seek completes (seeked) after 30 ms; the element then moves on after its play latency, 25 ms.
    const { engine, scheduler } = await openReplay([{ id: 'a' }, { id: 'b' }], { syncStrategy: strategy });
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    await scheduler.advance(200);
    assert.equal(latencies.at(-1), undefined, 'nothing measured before a corrective seek');
    seekNow = true;
    await scheduler.advance(300);
    const measured = latencies.at(-1);
    assert.ok(measured !== undefined && Math.abs(measured - 0.055) < 0.002, `measured ${measured} s: 30 ms to seeked and 25 ms to move on`);
    engine.destroy();
  });

  test('unmounted streams are forgotten by the strategy', async () => {
    const strategy = new ScriptedStrategy(() => ({ corrections: new Map() }));
    const { engine, scheduler } = await openReplay(
      [
        { id: 'short', durationMs: 1000 },
        { id: 'long', durationMs: 3000 },
      ],
      { syncStrategy: strategy, preloadMs: 500 },
    );
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing');
    strategy.forgotten.length = 0; // (each stream's start also restarts what the strategy knows of it)
    await scheduler.until(() => engine.currentTime > 1.5, 4000);
    assert.deepEqual(strategy.forgotten, ['short']);
    engine.destroy();
  });
});

describe('start coordinator', () => {
  test('play() latencies one engine measured time the next engine’s first start when they share them; an engine with its own starts from the first guesses', async () => {
    // The camera's picture moves 45 ms after play(), the board's 2 ms after (both shorter than the
    // first guesses): the board gets play() later by the difference, as far as the engine knows it.
    const files = [
      { id: 'cam', behaviour: { hasAudio: true, playLatencyMs: 45 } },
      { id: 'board', behaviour: { playLatencyMs: 2 } },
    ];
    const guesses = INITIAL_START_LATENCY_MS;
    /** How long after the camera the board was sent play(), in a new engine with `startLatencies`. */
    const boardSentAfterMs = async (startLatencies: StartLatencies): Promise<number> => {
      const { engine, scheduler, world } = await openReplay(files, { startLatencies });
      await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
      void engine.play();
      const camera = world.elementOf('cam');
      const board = world.elementOf('board');
      await scheduler.until(() => board.moving);
      await scheduler.advance(500);
      engine.destroy();
      return board.playCalls[0]! - camera.playCalls[0]!;
    };
    const shared = new StartLatencies();
    const firstMs = await boardSentAfterMs(shared);
    assert.ok(Math.abs(firstMs - (guesses.audio - guesses.video)) <= 1, `first start, by the first guesses (${guesses.audio} and ${guesses.video} ms): ${firstMs} ms`);
    const audioMs = shared.of('audio');
    const videoMs = shared.of('video');
    assert.ok(audioMs < guesses.audio && videoMs < guesses.video, `measured: ${audioMs}, ${videoMs} ms`);
    const secondMs = await boardSentAfterMs(shared);
    assert.ok(Math.abs(secondMs - (audioMs - videoMs)) <= 1, `a second engine sharing them: ${secondMs} ms`);
    const ownMs = await boardSentAfterMs(new StartLatencies());
    assert.ok(Math.abs(ownMs - firstMs) <= 1, `an engine with its own: ${ownMs} ms`);
  });
  test('a camera joining mid-play gets play() one join latency ahead of its start; that latency is measured apart from a synchronized start’s', async () => {
    const files = [
      { id: 'teacher', behaviour: { hasAudio: true, playLatencyMs: 45 } },
      { id: 'late', startMs: 2000, behaviour: { hasAudio: true, playLatencyMs: 45 } },
    ];
    const latencies = new StartLatencies();
    const { engine, scheduler, world } = await openReplay(files, { startLatencies: latencies, preloadMs: 1000 });
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    void engine.play();
    await scheduler.until(() => engine.phase === 'playing' && world.isMounted('late'), 3000);
    const late = world.elementOf('late') as unknown as { play(): Promise<void> };
    const play = late.play.bind(late);
    let sentAtS: number | undefined;
    late.play = () => ((sentAtS ??= engine.currentTime), play());
    const audioAfterStartMs = latencies.of('audio');
    assert.ok(audioAfterStartMs < INITIAL_START_LATENCY_MS.audio, `the start measured: ${audioAfterStartMs} ms`);
    await scheduler.until(() => world.elementOf('late').moving, 3000);
    const aheadMs = 2000 - sentAtS! * 1000;
    assert.ok(Math.abs(aheadMs - INITIAL_START_LATENCY_MS.join) <= 17, `sent ${aheadMs.toFixed(1)} ms ahead (the join guess: ${INITIAL_START_LATENCY_MS.join} ms)`);
    await scheduler.advance(500);
    assert.ok(latencies.of('join') < INITIAL_START_LATENCY_MS.join, `the join measured: ${latencies.of('join')} ms`);
    assert.equal(latencies.of('audio'), audioAfterStartMs, 'the synchronized start’s latency is not the join’s');
    engine.destroy();
  });
  test('play() calls due at one moment go back to back, after every one of those streams was prepared (its rate set, its frames watched)', async () => {
    // Chromium: two cameras told to play 1–10 ms apart start either together or one audio output
    // period (21 ms) apart. Two cameras are due at once, then two boards (their pictures start sooner).
    const files = [
      { id: 'cam-a', behaviour: { hasAudio: true, playLatencyMs: 60, reportsFrames: true } },
      { id: 'board-a', behaviour: { playLatencyMs: 10, reportsFrames: true } },
      { id: 'cam-b', behaviour: { hasAudio: true, playLatencyMs: 60, reportsFrames: true } },
      { id: 'board-b', behaviour: { playLatencyMs: 10, reportsFrames: true } },
    ];
    const { engine, scheduler, world } = await openReplay(files);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    const log: string[] = [];
    for (const { id } of files) {
      const element = world.elementOf(id) as unknown as { play(): Promise<void>; requestVideoFrameCallback(callback: unknown): number };
      const play = element.play.bind(element);
      const watch = element.requestVideoFrameCallback.bind(element);
      element.play = () => (log.push(`play ${id} ${scheduler.now()}`), play());
      element.requestVideoFrameCallback = (callback) => (log.push(`watch ${id}`), watch(callback));
    }
    let played = false;
    void engine.play().then(() => (played = true));
    await scheduler.until(() => played && files.every(({ id }) => world.elementOf(id).moving));
    engine.destroy();
    /** The log around the first play() of `ids`: the two entries before it and the plays. */
    const around = (ids: readonly string[]): string[] => {
      const first = log.findIndex((entry) => ids.some((id) => entry.startsWith(`play ${id} `)));
      return log.slice(first - ids.length, first + ids.length).map((entry) => entry.split(' ').slice(0, 2).join(' ')).sort();
    };
    assert.deepEqual(around(['cam-a', 'cam-b']), ['play cam-a', 'play cam-b', 'watch cam-a', 'watch cam-b'], log.join(', '));
    assert.deepEqual(around(['board-a', 'board-b']), ['play board-a', 'play board-b', 'watch board-a', 'watch board-b'], log.join(', '));
    const sentAt = (id: string): number => Number(log.find((entry) => entry.startsWith(`play ${id}`))!.split(' ')[2]);
    assert.equal(sentAt('cam-b'), sentAt('cam-a'));
    assert.equal(sentAt('board-b'), sentAt('board-a'));
    assert.ok(sentAt('board-a') - sentAt('cam-a') >= 50, `boards later by the difference in latencies: ${sentAt('board-a') - sentAt('cam-a')} ms`);
  });
});

describe('audio mixer', () => {
  test('no voice twice: a user\'s audio-only file is silent while their camera plays; mute and track mute apply', async () => {
    const { engine, scheduler, world } = await openReplay([
      { id: 'cam', type: VideoType.Camera, userId: 'alice' },
      { id: 'voice', type: VideoType.AudioOnly, userId: 'alice' },
      { id: 'board', type: VideoType.Whiteboard },
    ]);
    await scheduler.until(() => engine.readyState >= HAVE_FUTURE_DATA);
    assert.equal(world.elementOf('voice').nodeName, 'AUDIO');
    assert.equal(world.elementOf('voice').muted, true);
    assert.equal(world.elementOf('cam').muted, false);
    assert.equal(world.elementOf('board').muted, false);
    engine.volume = 0.5;
    assert.equal(world.elementOf('cam').volume, 0.5);
    const trackId = engine.timeline!.tracks.find((track) => track.files[0]!.file.videoId === 'board')!.id;
    engine.setTrackMuted(trackId, true);
    assert.equal(world.elementOf('board').muted, true);
    assert.equal(world.elementOf('cam').muted, false);
    engine.muted = true;
    assert.equal(world.elementOf('cam').muted, true);
    engine.destroy();
  });
});

describe('event bus', () => {
  test('a controller\'s subscriptions are removed together', () => {
    const bus = new EventBus();
    const heard: string[] = [];
    const subscriptions = new Subscriptions(bus)
      .on('rate-changed', ({ rate }) => heard.push(`rate ${rate}`))
      .on('repositioned', ({ positionMs }) => heard.push(`at ${positionMs}`));
    bus.emit('rate-changed', { rate: 2 });
    bus.emit('repositioned', { positionMs: 5 });
    assert.equal(bus.listenerCount, 2);
    subscriptions.removeAll();
    bus.emit('rate-changed', { rate: 1 });
    assert.deepEqual(heard, ['rate 2', 'at 5']);
    assert.equal(bus.listenerCount, 0);
  });
});
