// `tic-replay compose` with real ffmpeg on the frame-coded fixtures (50 fps, every frame's number in
// a band at the top): the composed video is read back pixel by pixel and its sound by loudness.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { main } from '../../../src/cli/main.js';
import type { ComposePlan } from '../../../src/core/compose/plan.js';
import { captureIo } from './cli-io.js';
import { durationS, frameNumberIn, grayFrames, meanVolumeDb, streamsOf } from './media-probe.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const FPS = 25;
const SOURCE_FPS = 50;
const WIDTH = 1280;
const HEIGHT = 720;
/** Frames in each fixture file (test/fixtures/fixtures.json). */
const SOURCE_FRAMES: Record<string, number> = { board: 600, 'cam-a': 600, 'cam-h': 600, short: 200 };

let server: Server;
let work: string;
let baseUrl: string;
let outputPath: string;
let plan: ComposePlan;
let exitCode: number;
let stderr: string;

/**
 * 7 s of class: the whiteboard throughout; a camera over HTTP from 0.3 s (not on a frame of the
 * output) to 4.2 s; an HLS camera from 1 s to 3 s; a 4 s file given 4.5 s (holds its last frame,
 * also in a segment that starts after its media ended), its user id full of characters the filter
 * graph treats specially; a camera whose file is missing (HTTP 404); nothing audible from 4.5 s to
 * 5.5 s; then an mp3 voice.
 */
function testRecording(recordingDir: string) {
  const local = (name: string) => relative(recordingDir, join(FIXTURES, name)).split('\\').join('/');
  const entry = (VideoId: string, UserId: string, VideoType: number, VideoPlayTime: number, VideoDuration: number, VideoUrl: string, VideoFormat = 'mp4') => ({
    VideoId,
    UserId,
    VideoType,
    VideoPlayTime,
    VideoDuration,
    VideoUrl,
    VideoFormat,
  });
  return {
    RoomId: 42,
    TotalTime: 7000,
    VideoInfos: [
      entry('board', '', 2, 0, 7000, local('board.mp4')),
      entry('cam-a', 'teacher', 0, 300, 3900, `${baseUrl}/cam-a.mp4`),
      entry('cam-h', 'student', 0, 1000, 2000, local('hls/cam-h.m3u8'), 'm3u8'),
      entry('short', "o'brien: [guest], 50%; a\\b", 0, 0, 4500, local('short.mp4')),
      entry('ghost', 'ghost', 0, 1000, 1000, `${baseUrl}/missing.mp4`),
      entry('voice', 'listener', 4, 5500, 1500, local('audio-a.mp3'), 'mp3'),
    ],
  };
}

before(async () => {
  const serve = sirv(FIXTURES, { dev: true });
  server = createServer((request, response) => serve(request, response, () => void response.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  work = await mkdtemp(join(tmpdir(), 'tic-compose-'));
  const recordingPath = join(work, 'recording.json');
  await writeFile(recordingPath, JSON.stringify(testRecording(work)));
  outputPath = join(work, 'out', 'class.mp4');
  const planPath = join(work, 'plan.json');
  const io = captureIo();
  exitCode = await main(['compose', recordingPath, '-o', outputPath, '--plan', planPath, '--fps', String(FPS), '--size', `${WIDTH}x${HEIGHT}`], io);
  stderr = io.err();
  plan = JSON.parse(await readFile(planPath, 'utf8')) as ComposePlan;
});

after(async () => {
  server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('compose: the frame-coded test recording', () => {
  it('names the missing file with its URL and status, composes the rest, and exits 1', async () => {
    assert.equal(exitCode, 1, stderr);
    assert.match(stderr, new RegExp(`${baseUrl}/missing\\.mp4.*HTTP 404`));
    assert.ok(!plan.sources.some((source) => source.videoId === 'ghost'));
    assert.deepEqual(await readdir(join(work, 'out')), ['class.mp4'], 'no work files are left beside the output');
  });

  it('writes H.264 and AAC lasting the replay within one frame', () => {
    assert.deepEqual(streamsOf(outputPath).map((s) => `${s.codec_type}:${s.codec_name}`), ['video:h264', 'audio:aac']);
    assert.ok(Math.abs(durationS(outputPath) - 7) <= 1 / FPS, `duration ${durationS(outputPath)} s`);
  });

  it('shows in every tile the frame its file shows at that moment, within one frame', () => {
    // Mid-segment moments, and the first frame of segments (where one ffmpeg job hands over to the next).
    const sampled = [0, 5, 8, 25, 30, 50, 70, 75, 80, 83, 100, 105, 108, 113, 125, 138, 160, 174];
    const frames = grayFrames(outputPath, WIDTH, HEIGHT, sampled);
    let checked = 0;
    sampled.forEach((outputFrame, i) => {
      const ms = (outputFrame * 1000) / FPS;
      const segment = plan.segments.find((s) => s.fromMs <= ms && ms < s.toMs)!;
      for (const tile of segment.tiles) {
        const source = plan.sources.find((s) => s.videoId === tile.videoId)!;
        const expected = Math.min(SOURCE_FRAMES[tile.videoId]! - 1, Math.floor(((ms - source.startMs) * SOURCE_FPS) / 1000));
        const shown = frameNumberIn(frames[i]!, tile);
        assert.ok(Math.abs(shown - expected) <= 1, `at ${ms} ms ${tile.videoId} shows frame ${shown}, expected ${expected}`);
        checked++;
      }
    });
    assert.ok(checked >= 35, `${checked} tiles checked`);
    const heldAt = plan.segments.find((s) => s.fromMs <= 4320 && 4320 < s.toMs)!;
    assert.equal(heldAt.fromMs, 4200, 'a segment starts after the short file\'s media has ended');
    assert.ok(heldAt.tiles.some((t) => t.videoId === 'short'), 'and the short file still has its tile there');
  });

  it('is heard where cameras and the mp3 speak and silent in the gap', () => {
    assert.ok(meanVolumeDb(outputPath, 0.4, 2.9) > -40, 'cameras');
    assert.ok(meanVolumeDb(outputPath, 3.4, 3.9) > -40, 'the short file until its media ends');
    assert.ok(meanVolumeDb(outputPath, 4.6, 5.4) < -80, 'the gap');
    assert.ok(meanVolumeDb(outputPath, 5.7, 6.9) > -40, 'the mp3');
  });
});
