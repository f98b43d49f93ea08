import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { VideoType, type Recording } from '../../src/core/recording/recording.js';
import { camera, recordingOf, seedRecording, whiteboard } from '../helpers/recording-specs.js';
import {
  boundariesOf,
  buildTimeline,
  filesActiveAt,
  filesOverlapping,
  nextBoundaryAfter,
  trackIdOf,
  type TimelineFile,
} from '../../src/core/timeline/timeline.js';



/** The example result of Tencent's documentation: a one-minute pause cut at 900 s. */

const ids = (files: readonly TimelineFile[]) => files.map((f) => f.file.videoId);
const spans = (files: readonly TimelineFile[]) => files.map((f) => [f.file.videoId, f.startMs, f.endMs]);

describe('buildTimeline: the seed example', () => {
  const timeline = buildTimeline(seedRecording);

  it('lasts TotalTime', () => {
    expect(timeline.durationMs).to.equal(1_440_000);
  });

  it('shows only ios_test1 before anyone else joined', () => {
    expect(ids(filesActiveAt(timeline, 0))).to.deep.equal(['ios-1']);
    expect(ids(filesActiveAt(timeline, 100_000))).to.deep.equal(['ios-1']);
  });

  it('shows two files at 1,150,000 ms: pc_test1 has already left', () => {
    expect(ids(filesActiveAt(timeline, 1_150_000))).to.have.members(['ios-2', 'board-2']).and.have.length(2);
  });

  it('switches every stream at the pause cut: at 900,000 exactly the three second files play', () => {
    expect(ids(filesActiveAt(timeline, 899_999))).to.have.members(['ios-1', 'pc-1', 'board-1']);
    expect(ids(filesActiveAt(timeline, 900_000))).to.have.members(['ios-2', 'pc-2', 'board-2']).and.have.length(3);
  });

  it('finds the pause cut at 900,000 ms', () => {
    expect(timeline.splitPointsMs).to.deep.equal([900_000]);
  });

  it('has one track per stream: whiteboard first, then cameras by who came first', () => {
    expect(timeline.tracks.map((t) => t.id)).to.deep.equal(['2:', '0:ios_test1', '0:pc_test1']);
    expect(timeline.tracks.map((t) => ids(t.files))).to.deep.equal([
      ['board-1', 'board-2'],
      ['ios-1', 'ios-2'],
      ['pc-1', 'pc-2'],
    ]);
  });

  it('lists every file by start, then end, none superseded', () => {
    expect(ids(timeline.files)).to.deep.equal(['ios-1', 'board-1', 'pc-1', 'pc-2', 'ios-2', 'board-2']);
    expect(timeline.superseded).to.deep.equal([]);
  });

  it('knows when the set of playing files changes next', () => {
    expect(nextBoundaryAfter(timeline, 0)).to.equal(120_000);
    expect(nextBoundaryAfter(timeline, 120_000)).to.equal(300_000);
    expect(nextBoundaryAfter(timeline, 899_999.5)).to.equal(900_000);
    expect(nextBoundaryAfter(timeline, 1_200_000)).to.equal(1_440_000);
    expect(nextBoundaryAfter(timeline, 1_440_000)).to.equal(undefined);
    expect(boundariesOf(timeline)).to.deep.equal([0, 120_000, 300_000, 900_000, 1_110_000, 1_200_000, 1_440_000]);
  });

  it('finds the files of a stretch of the replay', () => {
    expect(ids(filesOverlapping(timeline, 0, 120_000))).to.deep.equal(['ios-1']);
    expect(ids(filesOverlapping(timeline, 1_110_000, 1_440_000))).to.have.members(['ios-2', 'board-2']);
    expect(filesOverlapping(timeline, 1_440_000, 1_500_000)).to.deep.equal([]);
  });
});

describe('buildTimeline: rules', () => {
  it('names a track by VideoType and UserId', () => {
    expect(trackIdOf(VideoType.Whiteboard, '')).to.equal('2:');
    expect(trackIdOf(VideoType.Camera, 'ios_test1')).to.equal('0:ios_test1');
    expect(trackIdOf(VideoType.ScreenShare, 'tic_substream_ios_test1')).to.equal('1:tic_substream_ios_test1');
  });

  it('shows a late joiner only from the moment they joined', () => {
    const recording = recordingOf([camera('teacher', 't', 0, 60_000), camera('late', 's', 45_000, 15_000)], 60_000);
    const timeline = buildTimeline(recording);
    expect(ids(filesActiveAt(timeline, 44_999))).to.deep.equal(['teacher']);
    expect(ids(filesActiveAt(timeline, 45_000))).to.deep.equal(['teacher', 'late']);
  });

  it('leaves gaps empty: nothing plays where no file exists, but the replay still covers them', () => {
    const recording = recordingOf([camera('a', 'u', 10_000, 5_000), camera('b', 'u', 30_000, 5_000)], 40_000);
    const timeline = buildTimeline(recording);
    expect(filesActiveAt(timeline, 0)).to.deep.equal([]);
    expect(filesActiveAt(timeline, 20_000)).to.deep.equal([]);
    expect(filesActiveAt(timeline, 39_000)).to.deep.equal([]);
    expect(timeline.durationMs).to.equal(40_000);
    expect(nextBoundaryAfter(timeline, 15_000)).to.equal(30_000);
    expect(timeline.splitPointsMs).to.deep.equal([]);
  });

  it('lasts until the last file ends when TotalTime is missing', () => {
    const timeline = buildTimeline(recordingOf([camera('a', 'u', 0, 5_000), whiteboard('w', 2_000, 8_000)]));
    expect(timeline.durationMs).to.equal(10_000);
  });

  it('is extended, not cut, by files running past a shorter TotalTime', () => {
    const timeline = buildTimeline(recordingOf([camera('a', 'u', 0, 5_000), whiteboard('w', 2_000, 8_000)], 6_000));
    expect(timeline.durationMs).to.equal(10_000);
    expect(ids(filesActiveAt(timeline, 9_999))).to.deep.equal(['w']);
  });

  it('keeps a longer TotalTime: the replay runs on after the last file', () => {
    expect(buildTimeline(recordingOf([camera('a', 'u', 0, 5_000)], 7_000)).durationMs).to.equal(7_000);
  });

  it('is empty, not broken, when there are no files', () => {
    const timeline = buildTimeline(recordingOf([]));
    expect(timeline.durationMs).to.equal(0);
    expect(timeline.tracks).to.deep.equal([]);
    expect(filesActiveAt(timeline, 0)).to.deep.equal([]);
    expect(nextBoundaryAfter(timeline, 0)).to.equal(undefined);
  });

  it('lets the later-starting file of a track take over where two overlap', () => {
    const recording = recordingOf([camera('first', 'u', 0, 10_000), camera('second', 'u', 6_000, 10_000)]);
    const timeline = buildTimeline(recording);
    expect(spans(timeline.tracks[0]!.files)).to.deep.equal([
      ['first', 0, 6_000],
      ['second', 6_000, 16_000],
    ]);
    expect(ids(filesActiveAt(timeline, 7_000))).to.deep.equal(['second']);
    expect(timeline.superseded).to.deep.equal([]);
  });

  it('does not resume the earlier file after a later one nested inside it ends', () => {
    const timeline = buildTimeline(recordingOf([camera('long', 'u', 0, 10_000), camera('short', 'u', 2_000, 1_000)]));
    expect(spans(timeline.files)).to.deep.equal([
      ['long', 0, 2_000],
      ['short', 2_000, 3_000],
    ]);
    expect(filesActiveAt(timeline, 5_000)).to.deep.equal([]);
    expect(timeline.durationMs).to.equal(3_000);
  });

  it('treats overlaps only within a track: other streams overlap freely', () => {
    const timeline = buildTimeline(recordingOf([camera('a', 'u1', 0, 10_000), camera('b', 'u2', 5_000, 10_000)]));
    expect(ids(filesActiveAt(timeline, 7_000))).to.deep.equal(['a', 'b']);
  });

  it('lets the later file in source order win when two files of a track start on the same ms', () => {
    const recording = recordingOf([
      camera('dup-early', 'u', 1_000, 9_000),
      camera('other', 'v', 1_000, 9_000),
      camera('dup-late', 'u', 1_000, 4_000),
    ]);
    const timeline = buildTimeline(recording);
    expect(ids(filesActiveAt(timeline, 2_000))).to.have.members(['other', 'dup-late']).and.have.length(2);
    expect(timeline.superseded.map((f) => f.videoId)).to.deep.equal(['dup-early']);
    expect(ids(timeline.files)).to.not.include('dup-early');
    expect(ids(timeline.tracks.find((t) => t.id === '0:u')!.files)).to.deep.equal(['dup-late']);
  });

  it('supersedes an exact duplicate by the later entry', () => {
    const timeline = buildTimeline(recordingOf([camera('copy-1', 'u', 0, 5_000), camera('copy-2', 'u', 0, 5_000)]));
    expect(ids(timeline.files)).to.deep.equal(['copy-2']);
    expect(timeline.superseded.map((f) => f.videoId)).to.deep.equal(['copy-1']);
  });

  it('ignores files that play nothing: they neither show nor cut other files', () => {
    const timeline = buildTimeline(recordingOf([camera('real', 'u', 0, 10_000), camera('zero', 'u', 4_000, 0)]));
    expect(spans(timeline.files)).to.deep.equal([['real', 0, 10_000]]);
    expect(timeline.superseded).to.deep.equal([]);
    expect(buildTimeline(recordingOf([camera('zero', 'u', 4_000, 0)])).tracks).to.deep.equal([]);
  });

  it('orders tracks whiteboard, screen shares, mixed, cameras, audio; then by first start, then user', () => {
    const recording = recordingOf([
      { id: 'audio', type: VideoType.AudioOnly, user: 'a', startMs: 0, durationMs: 10 },
      camera('cam-b-late', 'b', 5, 10),
      camera('cam-z', 'z', 0, 10),
      camera('cam-a', 'a', 0, 10),
      { id: 'mix', type: VideoType.MixedStream, user: 'tic_mixstream_1_1', startMs: 0, durationMs: 10 },
      { id: 'screen', type: VideoType.ScreenShare, user: 'tic_substream_a', startMs: 3, durationMs: 10 },
      whiteboard('board', 8, 10),
    ]);
    expect(buildTimeline(recording).tracks.map((t) => t.id)).to.deep.equal([
      '2:',
      '1:tic_substream_a',
      '3:tic_mixstream_1_1',
      '0:a',
      '0:z',
      '0:b',
      '4:a',
    ]);
  });

  it('finds a pause cut even when only one stream was live, and no cut where a file merely follows a gap', () => {
    const timeline = buildTimeline(
      recordingOf([camera('a1', 'a', 0, 1_000), camera('a2', 'a', 1_000, 1_000), camera('b', 'b', 1_500, 2_000)]),
    );
    expect(timeline.splitPointsMs).to.deep.equal([1_000]);
  });

  it('does not take a file cut short by an overlap for a pause cut', () => {
    const timeline = buildTimeline(recordingOf([camera('a1', 'a', 0, 2_000), camera('a2', 'a', 1_000, 1_000)]));
    expect(timeline.splitPointsMs).to.deep.equal([]);
  });
});

const arbitraryFiles = fc.array(
  fc.record({
    id: fc.constant(''),
    type: fc.constantFrom<VideoType>(0, 1, 2, 3, 4),
    user: fc.constantFrom('', 'a', 'b'),
    startMs: fc.integer({ min: 0, max: 1_000 }),
    durationMs: fc.integer({ min: 0, max: 400 }),
  }),
  { maxLength: 40 },
);
const arbitraryTotal = fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: undefined });
const arbitraryRecording = fc
  .tuple(arbitraryFiles, arbitraryTotal)
  .map(([specs, total]) => recordingOf(specs.map((spec, i) => ({ ...spec, id: `v${i}` })), total));
const arbitraryMs = fc.oneof(fc.integer({ min: -10, max: 1_500 }), fc.double({ min: -10, max: 1_500, noNaN: true }));

describe('buildTimeline: properties', () => {
  it('property: the effective files of one track never overlap and stay inside their own file', () => {
    fc.assert(
      fc.property(arbitraryRecording, (recording) => {
        for (const track of buildTimeline(recording).tracks) {
          track.files.forEach((f, i) => {
            expect(f.trackId).to.equal(track.id);
            expect(f.startMs).to.equal(f.file.startMs);
            expect(f.endMs).to.be.above(f.startMs).and.at.most(f.file.startMs + f.file.durationMs);
            if (i > 0) expect(f.startMs).to.be.at.least(track.files[i - 1]!.endMs);
          });
        }
      }),
    );
  });

  it('property: every file that plays anything is either on the timeline or superseded, once', () => {
    fc.assert(
      fc.property(arbitraryRecording, (recording) => {
        const timeline = buildTimeline(recording);
        const placed = [...ids(timeline.files), ...timeline.superseded.map((f) => f.videoId)].sort();
        const playable = recording.files.filter((f) => f.durationMs > 0).map((f) => f.videoId);
        expect(placed).to.deep.equal(playable.sort());
        expect(ids(timeline.tracks.flatMap((t) => t.files)).sort()).to.deep.equal(ids(timeline.files).sort());
      }),
    );
  });

  it('property: timeline.files is ordered by start, then end', () => {
    fc.assert(
      fc.property(arbitraryRecording, (recording) => {
        const { files } = buildTimeline(recording);
        for (let i = 1; i < files.length; i++) {
          const [a, b] = [files[i - 1]!, files[i]!];
          expect(a.startMs < b.startMs || (a.startMs === b.startMs && a.endMs <= b.endMs)).to.equal(true);
        }
      }),
    );
  });

  it('property: the replay covers TotalTime and every file', () => {
    fc.assert(
      fc.property(arbitraryRecording, (recording) => {
        const timeline = buildTimeline(recording);
        expect(timeline.durationMs).to.be.at.least(recording.totalTimeMs ?? 0);
        for (const f of timeline.files) expect(f.endMs).to.be.at.most(timeline.durationMs);
      }),
    );
  });

  it('property: filesActiveAt and filesOverlapping equal a brute-force filter of timeline.files, same order', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryMs, arbitraryMs, (recording, a, b) => {
        const timeline = buildTimeline(recording);
        const all = timeline.files;
        expect(filesActiveAt(timeline, a)).to.deep.equal(all.filter((f) => f.startMs <= a && a < f.endMs));
        const overlapping = all.filter((f) => a < b && f.startMs < b && f.endMs > a);
        expect(filesOverlapping(timeline, a, b)).to.deep.equal(overlapping);
      }),
    );
  });

  it('property: at most one file per track plays at any moment', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryMs, (recording, ms) => {
        const trackIds = filesActiveAt(buildTimeline(recording), ms).map((f) => f.trackId);
        expect(new Set(trackIds).size).to.equal(trackIds.length);
      }),
    );
  });

  it('property: nextBoundaryAfter is the smallest start or end strictly after ms', () => {
    fc.assert(
      fc.property(arbitraryRecording, arbitraryMs, (recording, ms) => {
        const timeline = buildTimeline(recording);
        const later = timeline.files.flatMap((f) => [f.startMs, f.endMs]).filter((t) => t > ms);
        expect(nextBoundaryAfter(timeline, ms)).to.equal(later.length === 0 ? undefined : Math.min(...later));
      }),
    );
  });

  it('property: split points lie inside the replay where a track ends one file and starts the next', () => {
    fc.assert(
      fc.property(arbitraryRecording, (recording) => {
        const timeline = buildTimeline(recording);
        const expected = new Set<number>();
        for (const track of timeline.tracks) {
          for (let i = 1; i < track.files.length; i++) {
            const before = track.files[i - 1]!.file;
            const t = track.files[i]!.startMs;
            if (before.startMs + before.durationMs === t && t > 0 && t < timeline.durationMs) expected.add(t);
          }
        }
        expect(timeline.splitPointsMs).to.deep.equal([...expected].sort((x, y) => x - y));
      }),
    );
  });

  it('property: the timeline is the same whatever order the files come in (ties go by sourceIndex)', () => {
    fc.assert(
      fc.property(arbitraryRecording, (recording) => {
        const reversed: Recording = { ...recording, files: [...recording.files].reverse() };
        expect(buildTimeline(reversed)).to.deep.equal(buildTimeline(recording));
      }),
    );
  });
});
