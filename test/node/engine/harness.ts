/** A replay engine on fake media and a fake scheduler, with a recording made of the given files. */
import assert from 'node:assert/strict';
import { HAVE_FUTURE_DATA, MEDIA_EVENTS } from '../../../src/core/media-api.js';
import { parseRecording } from '../../../src/core/recording/parse-recording.js';
import { VideoType } from '../../../src/core/recording/recording.js';
import { ReplayEngine, type ReplayEngineOptions } from '../../../src/engine/replay-engine.js';
import { StartLatencies } from '../../../src/engine/start-latencies.js';
import type { FakeMediaBehaviour } from './fakes/fake-media.js';
import { FakeMediaWorld } from './fakes/fake-media.js';
import { FakeScheduler } from './fakes/fake-scheduler.js';

export interface FileSpec {
  readonly id: string;
  readonly startMs?: number;
  readonly durationMs?: number;
  readonly type?: VideoType;
  /** The person (default: the id). */
  readonly userId?: string;
  readonly behaviour?: Partial<FakeMediaBehaviour>;
}

export interface Harness {
  readonly engine: ReplayEngine;
  readonly scheduler: FakeScheduler;
  readonly world: FakeMediaWorld;
  /** Media events the engine fired, in order. */
  readonly events: string[];
  /** Where every mounted, active element is on the replay timeline (ms), for spreads. */
  positionsMs(ids: readonly string[]): number[];
}

export async function openReplay(files: readonly FileSpec[], options: ReplayEngineOptions = {}, totalMs?: number): Promise<Harness> {
  const scheduler = new FakeScheduler();
  const world = new FakeMediaWorld(scheduler);
  // Its own start latencies: what one test's engine measured does not time the next test's starts.
  const engine = new ReplayEngine({ scheduler, createMediaElement: world.createElement, adapters: [world.adapter], startLatencies: new StartLatencies(), ...options });
  const events: string[] = [];
  for (const type of MEDIA_EVENTS) engine.addEventListener(type, () => events.push(type));
  const videoInfos = files.map((file) => ({
    VideoId: file.id,
    UserId: file.userId ?? file.id,
    VideoType: file.type ?? VideoType.Camera,
    VideoPlayTime: file.startMs ?? 0,
    VideoDuration: file.durationMs ?? 10000,
    VideoUrl: `https://media.test/${file.id}.mp4`,
  }));
  for (const file of files) {
    world.behaviours.set(file.id, { durationS: (file.durationMs ?? 10000) / 1000, ...file.behaviour });
  }
  const endMs = totalMs ?? Math.max(...files.map((file) => (file.startMs ?? 0) + (file.durationMs ?? 10000)));
  const parsed = parseRecording({ TotalTime: endMs, VideoInfos: videoInfos }, { baseUrl: 'https://media.test/' });
  engine.beginLoad();
  engine.open(parsed);
  await scheduler.flush();
  return {
    engine,
    scheduler,
    world,
    events,
    positionsMs(ids) {
      return ids.map((id) => {
        const file = files.find((spec) => spec.id === id)!;
        return (file.startMs ?? 0) + world.elementOf(id).currentTime * 1000;
      });
    },
  };
}

export function spreadMs(positions: readonly number[]): number {
  return Math.max(...positions) - Math.min(...positions);
}

/**
 * The clock has just started without the stream `letGoId`, whose data stopped: it is marked let go,
 * the replay is ready all the same, the clock starts where `playingId` is, and the others go on (past
 * `wentOnPastS` a second later); once its data comes, it rejoins within 40 ms of all `ids`.
 */
export async function assertPlaysOnWithoutThenRejoins(harness: Harness, letGoId: string, playingId: string, ids: readonly string[], wentOnPastS: number): Promise<void> {
  const { engine, scheduler, world, positionsMs } = harness;
  const letGo = world.elementOf(letGoId);
  assert.ok('stalled' in letGo.dataset);
  assert.ok(engine.readyState >= HAVE_FUTURE_DATA, `the replay plays on without the stream let go: readyState ${engine.readyState}`);
  const clockOffMs = engine.currentTime * 1000 - positionsMs([playingId])[0]!;
  assert.ok(Math.abs(clockOffMs) < 40, `the clock starts where the others are: ${clockOffMs.toFixed(1)} ms off`);
  await scheduler.advance(1000);
  assert.ok(engine.currentTime > wentOnPastS, `the others went on: at ${engine.currentTime}`);
  letGo.setDataUntil(Infinity);
  await scheduler.until(() => !('stalled' in letGo.dataset), 2000);
  await scheduler.advance(1500);
  assert.ok(spreadMs(positionsMs(ids)) < 40, `rejoined within ${spreadMs(positionsMs(ids))} ms`);
}
