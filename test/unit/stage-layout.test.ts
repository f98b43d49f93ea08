import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { VideoType } from '../../src/core/recording/recording.js';
import { trackIdOf } from '../../src/core/timeline/timeline.js';
import { arrangeStage, type MountedView, type StageModel } from '../../src/core/layout/stage-layout.js';
import { gridRects, gridShape } from '../../src/core/layout/grid-shape.js';

type View = MountedView<string>;

function view(slot: string, videoType: VideoType, userId: string, active = true): View {
  return { slot, trackId: trackIdOf(videoType, userId), videoType, userId, active };
}

const cam = (slot: string, user: string, active = true) => view(slot, VideoType.Camera, user, active);
const share = (slot: string, user: string, active = true) => view(slot, VideoType.ScreenShare, user, active);
const board = (slot: string, active = true) => view(slot, VideoType.Whiteboard, '', active);
const mix = (slot: string, active = true) => view(slot, VideoType.MixedStream, 'tic_mixstream_1_1', active);
const mp3 = (slot: string, user: string, active = true) => view(slot, VideoType.AudioOnly, user, active);

/** Track order as the timeline lays it out: shared content first, people after. */
const TRACK_ORDER = [
  trackIdOf(VideoType.Whiteboard, ''),
  trackIdOf(VideoType.ScreenShare, 'alice'),
  trackIdOf(VideoType.ScreenShare, 'bob'),
  trackIdOf(VideoType.MixedStream, 'tic_mixstream_1_1'),
  trackIdOf(VideoType.Camera, 'alice'),
  trackIdOf(VideoType.Camera, 'bob'),
  trackIdOf(VideoType.Camera, 'carol'),
  trackIdOf(VideoType.AudioOnly, 'alice'),
];

const stripTracks = (stage: StageModel<string>) => stage.strip.map((tile) => tile.trackId);
const mainTrack = (stage: StageModel<string>) => stage.main?.trackId;

describe('arrangeStage', () => {
  describe('the main area', () => {
    it('shows the active screen share first of all', () => {
      const stage = arrangeStage([cam('c', 'alice'), mix('m'), board('b'), share('s', 'alice')], TRACK_ORDER);
      expect(mainTrack(stage)).to.equal('1:alice');
      expect(stripTracks(stage)).to.deep.equal(['2:', '3:tic_mixstream_1_1', '0:alice']);
    });

    it('shows the whiteboard when no screen share is active', () => {
      const stage = arrangeStage([cam('c', 'alice'), mix('m'), board('b')], TRACK_ORDER);
      expect(mainTrack(stage)).to.equal('2:');
      expect(stripTracks(stage)).to.deep.equal(['3:tic_mixstream_1_1', '0:alice']);
    });

    it('shows the mixed stream when there is neither screen share nor whiteboard', () => {
      const stage = arrangeStage([cam('c', 'alice'), mix('m')], TRACK_ORDER);
      expect(mainTrack(stage)).to.equal('3:tic_mixstream_1_1');
      expect(stripTracks(stage)).to.deep.equal(['0:alice']);
    });

    it('stays empty when only cameras play: they all go to the strip', () => {
      const stage = arrangeStage([cam('c1', 'alice'), cam('c2', 'bob')], TRACK_ORDER);
      expect(stage.main).to.equal(undefined);
      expect(stripTracks(stage)).to.deep.equal(['0:alice', '0:bob']);
    });

    it('is never given to a file that is only preloading', () => {
      const stage = arrangeStage([board('b'), share('s', 'alice', false)], TRACK_ORDER);
      expect(mainTrack(stage)).to.equal('2:');
      expect(stage.strip).to.have.length(1);
      expect(stage.strip[0]).to.deep.include({ trackId: '1:alice', active: false });
    });

    it('takes the first screen share in track order; a second one goes to the strip', () => {
      const stage = arrangeStage([share('s-bob', 'bob'), share('s-alice', 'alice')], TRACK_ORDER);
      expect(mainTrack(stage)).to.equal('1:alice');
      expect(stripTracks(stage)).to.deep.equal(['1:bob']);
    });
  });

  describe('the strip', () => {
    it('keeps track order, not the order files were mounted in', () => {
      const stage = arrangeStage([cam('c3', 'carol'), cam('c1', 'alice'), cam('c2', 'bob')], TRACK_ORDER);
      expect(stripTracks(stage)).to.deep.equal(['0:alice', '0:bob', '0:carol']);
    });

    it('keeps tiles in place as others come and go', () => {
      const before = arrangeStage([cam('c1', 'alice'), cam('c3', 'carol')], TRACK_ORDER);
      const bobJoins = arrangeStage([cam('c2', 'bob'), cam('c3', 'carol'), cam('c1', 'alice')], TRACK_ORDER);
      const aliceLeaves = arrangeStage([cam('c3', 'carol'), cam('c2', 'bob')], TRACK_ORDER);
      expect(stripTracks(before)).to.deep.equal(['0:alice', '0:carol']);
      expect(stripTracks(bobJoins)).to.deep.equal(['0:alice', '0:bob', '0:carol']);
      expect(stripTracks(aliceLeaves)).to.deep.equal(['0:bob', '0:carol']);
    });

    it('puts tracks missing from the track order last, in mounted order', () => {
      const stage = arrangeStage([cam('x', 'zed'), cam('c2', 'bob'), cam('y', 'yan')], TRACK_ORDER);
      expect(stripTracks(stage)).to.deep.equal(['0:bob', '0:zed', '0:yan']);
    });

    it('gives a track whose files are only preloading an inactive tile', () => {
      const stage = arrangeStage([cam('c1', 'alice'), cam('c2', 'bob', false)], TRACK_ORDER);
      expect(stage.strip.map((tile) => [tile.trackId, tile.active, tile.slots])).to.deep.equal([
        ['0:alice', true, ['c1']],
        ['0:bob', false, ['c2']],
      ]);
    });
  });

  describe('a tile', () => {
    it('holds all mounted files of its track, active first (on top), then preloading', () => {
      // At a pause cut: the next file of Alice's camera is mounted before the current one ends.
      const stage = arrangeStage([cam('next', 'alice', false), cam('now', 'alice', true)], TRACK_ORDER);
      expect(stage.strip).to.have.length(1);
      expect(stage.strip[0]).to.deep.equal({ trackId: '0:alice', videoType: VideoType.Camera, userId: 'alice', slots: ['now', 'next'], active: true });
    });

    it('carries the track kind and user for its label', () => {
      const stage = arrangeStage([share('s', 'alice')], TRACK_ORDER);
      expect(stage.main).to.deep.include({ videoType: VideoType.ScreenShare, userId: 'alice', active: true });
    });
  });

  describe('audio-only files', () => {
    it('play unseen, in mounted order, whether active or preloading', () => {
      const stage = arrangeStage([mp3('a2', 'bob', false), cam('c1', 'alice'), mp3('a1', 'alice')], TRACK_ORDER);
      expect(stage.audio).to.deep.equal(['a2', 'a1']);
      expect(stripTracks(stage)).to.deep.equal(['0:alice']);
    });

    it('never take the main area', () => {
      const stage = arrangeStage([mp3('a1', 'alice')], TRACK_ORDER);
      expect(stage.main).to.equal(undefined);
      expect(stage.strip).to.deep.equal([]);
    });
  });

  it('lays out nothing when nothing is mounted', () => {
    const stage = arrangeStage([], TRACK_ORDER);
    expect(stage.main).to.equal(undefined);
    expect(stage.strip).to.deep.equal([]);
    expect(stage.audio).to.deep.equal([]);
  });

  describe('properties', () => {
    const TRACKS: Array<{ videoType: VideoType; userId: string }> = [
      { videoType: VideoType.Whiteboard, userId: '' },
      { videoType: VideoType.ScreenShare, userId: 'alice' },
      { videoType: VideoType.ScreenShare, userId: 'bob' },
      { videoType: VideoType.MixedStream, userId: 'tic_mixstream_1_1' },
      { videoType: VideoType.Camera, userId: 'alice' },
      { videoType: VideoType.Camera, userId: 'bob' },
      { videoType: VideoType.Camera, userId: 'carol' },
      { videoType: VideoType.AudioOnly, userId: 'alice' },
      { videoType: VideoType.AudioOnly, userId: 'bob' },
    ];
    const arbitraryStage = fc
      .record({
        order: fc.shuffledSubarray(TRACKS.map((t) => trackIdOf(t.videoType, t.userId)), { minLength: TRACKS.length }),
        views: fc.array(fc.record({ track: fc.constantFrom(...TRACKS), active: fc.boolean() }), { maxLength: 15 }),
      })
      .map(({ order, views }) => ({
        order,
        mounted: views.map((v, i) => view(`slot-${i}`, v.track.videoType, v.track.userId, v.active)),
      }));

    it('places every mounted view exactly once: visual ones in one tile, audio-only ones in audio', () => {
      fc.assert(
        fc.property(arbitraryStage, ({ order, mounted }) => {
          const stage = arrangeStage(mounted, order);
          const tiles = [...(stage.main ? [stage.main] : []), ...stage.strip];
          for (const v of mounted) {
            const inTiles = tiles.filter((tile) => tile.slots.includes(v.slot));
            if (v.videoType === VideoType.AudioOnly) {
              expect(inTiles, v.slot).to.have.length(0);
              expect(stage.audio.filter((s) => s === v.slot), v.slot).to.have.length(1);
            } else {
              expect(inTiles, v.slot).to.have.length(1);
              expect(inTiles[0]!.slots.filter((s) => s === v.slot), v.slot).to.have.length(1);
              expect(inTiles[0]!.trackId).to.equal(v.trackId);
              expect(stage.audio).not.to.include(v.slot);
            }
          }
          const placed = tiles.reduce((n, tile) => n + tile.slots.length, 0) + stage.audio.length;
          expect(placed).to.equal(mounted.length);
        }),
      );
    });

    it('orders the strip as a subsequence of the track order, one tile per track', () => {
      fc.assert(
        fc.property(arbitraryStage, ({ order, mounted }) => {
          const positions = arrangeStage(mounted, order).strip.map((tile) => order.indexOf(tile.trackId));
          expect(positions).not.to.include(-1);
          for (let i = 1; i < positions.length; i++) expect(positions[i]).to.be.above(positions[i - 1]!);
        }),
      );
    });

    it('fills each tile active first, and marks it active iff one of its files is', () => {
      fc.assert(
        fc.property(arbitraryStage, ({ order, mounted }) => {
          const stage = arrangeStage(mounted, order);
          const activeBySlot = new Map(mounted.map((v) => [v.slot, v.active]));
          for (const tile of [...(stage.main ? [stage.main] : []), ...stage.strip]) {
            const flags = tile.slots.map((s) => activeBySlot.get(s)!);
            const firstPreloading = flags.indexOf(false);
            if (firstPreloading !== -1) expect(flags.slice(firstPreloading)).not.to.include(true);
            expect(tile.active).to.equal(flags.includes(true));
          }
        }),
      );
    });

    it('gives the main area to the highest-priority active shared content, and nothing else', () => {
      fc.assert(
        fc.property(arbitraryStage, ({ order, mounted }) => {
          const stage = arrangeStage(mounted, order);
          const activeTypes = new Set(mounted.filter((v) => v.active).map((v) => v.videoType));
          const expectedType = [VideoType.ScreenShare, VideoType.Whiteboard, VideoType.MixedStream].find((t) => activeTypes.has(t));
          expect(stage.main?.videoType).to.equal(expectedType);
          if (stage.main) expect(stage.main.active).to.equal(true);
          for (const tile of stage.strip) expect(tile).not.to.equal(stage.main);
        }),
      );
    });
  });
});

describe('gridShape', () => {
  const WIDE = 16 / 9;
  const shape = (count: number, aspect: number) => {
    const { columns, rows } = gridShape(count, aspect);
    return `${columns}x${rows}`;
  };

  it('puts 16:9 tiles in a 16:9 player as 1, 2 side by side, 2×2 for 3 and 4, 3×2 for 5 and 6, 3×3 up to 9', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((count) => shape(count, WIDE))).to.deep.equal([
      '1x1', '2x1', '2x2', '2x2', '3x2', '3x2', '3x3', '3x3', '3x3',
    ]);
  });

  it('stacks tiles in a tall box and lines them up in a very wide one', () => {
    expect(shape(3, 9 / 16)).to.equal('1x3');
    expect(shape(3, 6)).to.equal('3x1');
  });

  it('never chooses a shape whose tiles are smaller than another shape’s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.double({ min: 0.2, max: 6, noNaN: true }), (count, aspect) => {
        const chosen = gridShape(count, aspect);
        expect(chosen.columns * chosen.rows).to.be.at.least(count);
        expect((chosen.columns - 1) * chosen.rows).to.be.below(count); // no empty column
        const tileWidth = (columns: number, rows: number) => Math.min(aspect / columns, WIDE / rows);
        const best = Math.max(...Array.from({ length: count }, (_, i) => tileWidth(i + 1, Math.ceil(count / (i + 1)))));
        expect(tileWidth(chosen.columns, chosen.rows)).to.be.closeTo(best, 1e-9);
      }),
    );
  });

  it('gives no grid for no tiles, and refuses a box with no shape', () => {
    expect(gridShape(0, WIDE)).to.deep.equal({ columns: 0, rows: 0 });
    expect(() => gridShape(2, 0)).to.throw(/boxAspect must be a positive number, got 0/);
  });

  it('places the cells row by row inside the box, a short last row centred', () => {
    const rects = gridRects(3, 1600, 900, { gap: 0 });
    expect(rects).to.deep.equal([
      { x: 0, y: 0, width: 800, height: 450 },
      { x: 800, y: 0, width: 800, height: 450 },
      { x: 400, y: 450, width: 800, height: 450 },
    ]);
    const spaced = gridRects(4, 1000, 500, { gap: 10 });
    for (const rect of spaced) {
      expect(rect.x).to.be.at.least(10);
      expect(rect.x + rect.width).to.be.at.most(990 + 1e-9);
      expect(rect.y + rect.height).to.be.at.most(490 + 1e-9);
    }
  });
});
