// The edit plan of a composed video: what is on screen where, and who is heard, segment by segment.
// Pure: no ffmpeg here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildComposePlan, type ComposeLayout, type ComposePlan, type ComposeTile } from '../../../src/core/compose/plan.js';
import { gridRects, presentationRects } from '../../../src/core/compose/geometry.js';
import { VideoType } from '../../../src/core/recording/recording.js';
import { buildTimeline, filesActiveAt } from '../../../src/core/timeline/timeline.js';
import { audibleVideoIds } from '../../../src/core/playback/audio-policy.js';
import { camera, recordingOf, seedRecording, whiteboard } from '../../helpers/recording-specs.js';

const HD = { widthPx: 1280, heightPx: 720 };

const overlaps = (a: ComposeTile, b: ComposeTile) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('compose plan: the seed recording', () => {
  const plan = buildComposePlan(buildTimeline(seedRecording), { layout: 'presentation', ...HD });

  it('cuts the replay where files start and stop, and covers it exactly', () => {
    assert.deepEqual(
      plan.segments.map((s) => [s.fromMs, s.toMs]),
      [
        [0, 120_000],
        [120_000, 300_000],
        [300_000, 900_000],
        [900_000, 1_110_000],
        [1_110_000, 1_200_000],
        [1_200_000, 1_440_000],
      ],
    );
  });

  it('puts the whiteboard in the main area and the cameras in the strip, in track order', () => {
    const atTen = plan.segments[2]!;
    assert.deepEqual(
      atTen.tiles.map((t) => [t.videoId, t.role]),
      [
        ['board-1', 'main'],
        ['ios-1', 'strip'],
        ['pc-1', 'strip'],
      ],
    );
    const [main, first, second] = atTen.tiles;
    assert.ok(main!.width > 2 * first!.width, 'the main area is the large one');
    assert.equal(first!.x, second!.x);
    assert.ok(second!.y >= first!.y + first!.height, 'strip tiles stack downwards');
    assert.equal(Math.round((first!.width / first!.height) * 9), 16, 'strip tiles are 16:9');
  });

  it('hears both cameras while both play (and the whiteboard, as the player does: it carries no camera voice)', () => {
    assert.deepEqual(plan.segments[2]!.audible, ['ios-1', 'board-1', 'pc-1']);
    const last = plan.segments[5]!;
    assert.deepEqual(last.tiles.map((t) => t.videoId), ['board-2']);
    assert.deepEqual(last.audible, ['board-2']);
  });

  it('fills the frame with a grid when nothing is for the main area', () => {
    const grid = buildComposePlan(buildTimeline(seedRecording), { layout: 'grid', ...HD });
    const tiles = grid.segments[2]!.tiles;
    assert.deepEqual(tiles.map((t) => t.role), ['grid', 'grid', 'grid']);
    assert.equal(new Set(tiles.map((t) => `${t.width}x${t.height}`)).size, 1, 'grid tiles are equal');
    const onlyCameras = buildComposePlan(buildTimeline(recordingOf([camera('a', 'a', 0, 1000), camera('b', 'b', 0, 1000)])), { layout: 'presentation', ...HD });
    assert.deepEqual(onlyCameras.segments[0]!.tiles.map((t) => t.role), ['grid', 'grid']);
  });

  it('leaves out files that cannot be read, and then hears a user\'s mp3 in place of their camera', () => {
    const recording = recordingOf([
      camera('cam', 'teacher', 0, 1000),
      { id: 'mp3', type: VideoType.AudioOnly, user: 'teacher', startMs: 0, durationMs: 1000 },
      whiteboard('board', 0, 1000),
    ]);
    const timeline = buildTimeline(recording);
    const all = buildComposePlan(timeline, { layout: 'presentation', ...HD });
    assert.deepEqual(all.segments[0]!.audible, ['board', 'cam']);
    const withoutCamera = buildComposePlan(timeline, { layout: 'presentation', ...HD, unavailableVideoIds: new Set(['cam']) });
    assert.deepEqual(withoutCamera.segments[0]!.tiles.map((t) => t.videoId), ['board']);
    assert.deepEqual(withoutCamera.segments[0]!.audible, ['board', 'mp3']);
    assert.deepEqual(withoutCamera.sources.map((s) => s.videoId).sort(), ['board', 'mp3']);
  });
});

describe('compose geometry', () => {
  it('shrinks strip tiles until every camera fits, instead of cutting some off', () => {
    const { main, strip } = presentationRects(HD, 9);
    const last = strip[8]!;
    assert.ok(last.y + last.height <= HD.heightPx);
    assert.ok(strip.every((r) => r.x === main.x + main.width + (strip[0]!.x - main.x - main.width)));
  });

  it('puts the strip under the main area in a portrait frame', () => {
    const { main, strip } = presentationRects({ widthPx: 720, heightPx: 1280 }, 2);
    assert.ok(strip.every((r) => r.y >= main.y + main.height));
    assert.ok(strip[1]!.x > strip[0]!.x);
  });

  it('chooses the grid that shows 16:9 pictures largest', () => {
    assert.equal(new Set(gridRects(HD, 4).map((r) => r.x)).size, 2, 'four tiles: two columns');
    assert.equal(new Set(gridRects(HD, 2).map((r) => r.y)).size, 1, 'two tiles: side by side');
  });
});

// Random recordings: a few users, every kind of file, gaps and overlaps.
const arbitraryRecording = fc
  .tuple(
    fc.array(
      fc.record({
        type: fc.constantFrom<VideoType>(0, 0, 0, 1, 2, 3, 4),
        user: fc.constantFrom('', 'a', 'b', 'c', 'd'),
        startMs: fc.integer({ min: 0, max: 10_000 }),
        durationMs: fc.integer({ min: 0, max: 5_000 }),
      }),
      { maxLength: 16 },
    ),
    fc.option(fc.integer({ min: 0, max: 16_000 }), { nil: undefined }),
  )
  .map(([specs, total]) => recordingOf(specs.map((spec, i) => ({ ...spec, id: `v${i}` })), total));
const arbitraryFrame = fc.record({
  widthPx: fc.integer({ min: 80, max: 1920 }).map((n) => 2 * n),
  heightPx: fc.integer({ min: 80, max: 1080 }).map((n) => 2 * n),
});
const arbitraryLayout = fc.constantFrom<ComposeLayout>('presentation', 'grid');
const arbitraryUnavailable = fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 4 }).map((ns) => new Set(ns.map((n) => `v${n}`)));

function planFor(recording: ReturnType<typeof recordingOf>, frame: { widthPx: number; heightPx: number }, layout: ComposeLayout, unavailable = new Set<string>()): ComposePlan {
  return buildComposePlan(buildTimeline(recording), { layout, ...frame, unavailableVideoIds: unavailable });
}

describe('compose plan: properties', () => {
  it('property: segments cover the replay exactly, in order, and neighbours differ', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryFrame, arbitraryLayout, (recording, frame, layout) => {
        const plan = planFor(recording, frame, layout);
        const durationMs = buildTimeline(recording).durationMs;
        if (durationMs === 0) return assert.deepEqual(plan.segments, []);
        assert.equal(plan.segments[0]!.fromMs, 0);
        assert.equal(plan.segments.at(-1)!.toMs, durationMs);
        plan.segments.forEach((segment, i) => {
          assert.ok(segment.fromMs < segment.toMs);
          const next = plan.segments[i + 1];
          if (next) {
            assert.equal(next.fromMs, segment.toMs);
            assert.notDeepEqual([next.tiles, next.audible], [segment.tiles, segment.audible]);
          }
        });
      }),
    );
  });

  it('property: tiles lie inside the frame on even pixels and never overlap', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryFrame, arbitraryLayout, (recording, frame, layout) => {
        for (const { tiles } of planFor(recording, frame, layout).segments) {
          tiles.forEach((tile, i) => {
            assert.ok(tile.width >= 2 && tile.height >= 2, `tile ${tile.videoId} has a size`);
            assert.ok(tile.x >= 0 && tile.y >= 0 && tile.x + tile.width <= frame.widthPx && tile.y + tile.height <= frame.heightPx, `tile ${tile.videoId} inside ${frame.widthPx}x${frame.heightPx}`);
            for (const value of [tile.x, tile.y, tile.width, tile.height]) assert.equal(value % 2, 0);
            for (const other of tiles.slice(i + 1)) assert.ok(!overlaps(tile, other), `${tile.videoId} and ${other.videoId} overlap`);
          });
        }
      }),
    );
  });

  it('property: every moment shows each readable picture of that moment once, and the player\'s main area', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryFrame, arbitraryLayout, arbitraryUnavailable, (recording, frame, layout, unavailable) => {
        const timeline = buildTimeline(recording);
        for (const segment of planFor(recording, frame, layout, unavailable).segments) {
          for (const ms of [segment.fromMs, Math.floor((segment.fromMs + segment.toMs) / 2), segment.toMs - 1]) {
            const active = filesActiveAt(timeline, ms).filter((f) => !unavailable.has(f.file.videoId));
            const pictures = active.filter((f) => f.file.videoType !== VideoType.AudioOnly).map((f) => f.file.videoId);
            assert.deepEqual(segment.tiles.map((t) => t.videoId).sort(), pictures.sort());
            const main = segment.tiles.filter((t) => t.role === 'main');
            if (layout === 'grid') assert.equal(main.length, 0);
            else {
              const types = active.map((f) => f.file.videoType);
              const expected = [VideoType.ScreenShare, VideoType.Whiteboard, VideoType.MixedStream].find((type) => types.includes(type));
              assert.deepEqual(main.map((t) => t.videoType), expected === undefined ? [] : [expected]);
            }
          }
        }
      }),
    );
  });

  it('property: the audible files are the one-voice rule\'s, at every moment', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryUnavailable, (recording, unavailable) => {
        const timeline = buildTimeline(recording);
        for (const segment of planFor(recording, HD, 'presentation', unavailable).segments) {
          for (const ms of [segment.fromMs, segment.toMs - 1]) {
            const active = filesActiveAt(timeline, ms).filter((f) => !unavailable.has(f.file.videoId)).map((f) => f.file);
            assert.deepEqual([...segment.audible].sort(), [...audibleVideoIds(active)].sort());
            const voices = active.filter((f) => segment.audible.includes(f.videoId));
            const users = voices.filter((f) => f.videoType === VideoType.Camera || f.videoType === VideoType.AudioOnly).map((f) => f.userId);
            assert.equal(new Set(users).size, users.length, 'nobody is heard twice');
            if (users.length > 0) assert.ok(!voices.some((f) => f.videoType === VideoType.MixedStream), 'no mixed stream over single voices');
          }
        }
      }),
    );
  });
});
