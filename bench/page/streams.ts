/**
 * The benchmark's media: the test fixtures (50 fps, every frame carrying its number as a pixel band,
 * see test/fixtures/fixtures.json) placed on replay timelines.
 *
 * Chromium shares downloaded media between the elements of one page by URL, so every stream of
 * every player gets a URL of its own (a query string), or two players would share one download.
 */
export const FPS = 50;
export const FRAME_MS = 1000 / FPS;
const FIXTURES = '/test/fixtures/';

export type PlayerName = 'tic-replay' | 'timingsrc' | 'paella-style' | 'plain' | 'single';

/** One file of a recording, in the units of the recording service (ms on the replay timeline). */
export interface StreamSpec {
  readonly id: string;
  readonly url: string;
  readonly startMs: number;
  readonly durationMs: number;
  /** VideoType: 0 camera, 1 screen share, 2 whiteboard, 3 mixed, 4 audio only. */
  readonly videoType: number;
  readonly userId: string;
  readonly format: 'mp4' | 'm3u8' | 'mp3';
}

/** Differs between page loads, so that no two runs share a download either. */
const pageNonce = Math.random().toString(36).slice(2, 8);
let urlCounter = 0;

/** A URL of its own for a fixture file (a path from the root when it starts with `/`). */
export function uniqueUrl(file: string, player: string): string {
  urlCounter += 1;
  return `${file.startsWith('/') ? '' : FIXTURES}${file}?p=${player}&s=${urlCounter}&n=${pageNonce}`;
}

/** The fixtures looped 7 times (84 s), made by bench/lib/build.mjs for scenarios h and p. */
const LONG_MEDIA = { dir: '/.bench-build/media/', suffix: '-x7', durationMs: 7 * 12000 } as const;

/** A fixture's file, or (`long`) its 84 s loop. */
function fixtureFile(name: string, long: boolean): string {
  return long ? `${LONG_MEDIA.dir}${name}${LONG_MEDIA.suffix}.mp4` : `${name}.mp4`;
}

/** How long a fixture, or (`long`) its loop, plays (ms). */
const fixtureDurationMs = (long: boolean): number => (long ? LONG_MEDIA.durationMs : 12000);

function formatOf(file: string): StreamSpec['format'] {
  return file.endsWith('.m3u8') ? 'm3u8' : file.endsWith('.mp3') ? 'mp3' : 'mp4';
}

export function stream(player: string, file: string, id: string, startMs: number, durationMs: number, videoType = 0, userId = id): StreamSpec {
  return { id, url: uniqueUrl(file, player), startMs, durationMs, videoType, userId, format: formatOf(file) };
}

/** Two cameras and the whiteboard, all from 0 to 12 s; `long`: from 0 to 84 s, the fixtures repeated. */
export function threeStreams(player: string, long = false): StreamSpec[] {
  const file = (name: string) => fixtureFile(name, long);
  const durationMs = fixtureDurationMs(long);
  return [
    stream(player, file('board'), 'board', 0, durationMs, 2, 'teacher'),
    stream(player, file('cam-a'), 'cam-a', 0, durationMs),
    stream(player, file('cam-b'), 'cam-b', 0, durationMs),
  ];
}

/**
 * `count` streams from 0 to 12 s: the whiteboard and cameras, cycling through the 12 s fixtures;
 * `long`: the same from 0 to 84 s, with the fixtures repeated.
 */
export function manyStreams(player: string, count: number, long = false): StreamSpec[] {
  const file = (name: string) => fixtureFile(name, long);
  const durationMs = fixtureDurationMs(long);
  const cameras = ['cam-a', 'cam-b', 'board'].map(file);
  const streams = [stream(player, file('board'), 'board', 0, durationMs, 2, 'teacher')];
  for (let i = 1; i < count; i++) streams.push(stream(player, cameras[(i - 1) % cameras.length]!, `cam-${i}`, 0, durationMs));
  return streams;
}

/** Which files a sync scenario plays (`mixed-long`: `mixed`'s three, 84 s long). */
export type StreamSet = 'mixed' | 'mixed-long' | 'cameras' | 'cameras-360';

/**
 * `count` streams from 0 to 12 s. `mixed`: the audio-less whiteboard and cameras with audio (the
 * first benchmark's set); `cameras`: cameras only, every one with audio, as real camera files are;
 * `cameras-360`: the same at 640×360.
 */
export function streamSet(player: string, set: StreamSet, count: number): StreamSpec[] {
  if (set === 'mixed') return count === 3 ? threeStreams(player) : manyStreams(player, count);
  if (set === 'mixed-long') return count === 3 ? threeStreams(player, true) : manyStreams(player, count, true);
  const suffix = set === 'cameras-360' ? '-360' : '';
  const files = ['a', 'b', 'c'].map((letter) => `cam-${letter}${suffix}.mp4`);
  return Array.from({ length: count }, (_, i) => stream(player, files[i % files.length]!, `cam-${i + 1}`, 0, 12000));
}

/** The bare result shape of a TIC recording (what `<tic-replay>` reads). */
export function recordingResult(streams: readonly StreamSpec[]): Record<string, unknown> {
  const totalTime = Math.max(...streams.map((s) => s.startMs + s.durationMs));
  return {
    RoomId: 1234,
    TotalTime: totalTime,
    VideoInfos: streams.map((s) => ({
      VideoPlayTime: s.startMs,
      VideoDuration: s.durationMs,
      VideoSize: 1000,
      VideoFormat: s.format,
      VideoUrl: s.url,
      VideoId: s.id,
      VideoType: s.videoType,
      UserId: s.userId,
    })),
  };
}

// One seeded PRNG for the tests and the benchmark.
export { seededRandom } from '../../test/helpers/seeded-random.js';
