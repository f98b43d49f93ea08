import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { displayPositionMs, planMounts, type MountPlan } from '../../src/core/playback/mount-plan.js';
import { VideoType } from '../../src/core/recording/recording.js';
import { camera, recordingOf, seedRecording } from '../helpers/recording-specs.js';
import { buildTimeline, type TimelineFile } from '../../src/core/timeline/timeline.js';



/** The example result of Tencent's documentation: a one-minute pause cut at 900 s. */
const seed = buildTimeline(seedRecording);

const ids = (files: readonly TimelineFile[]) => files.map((f) => f.file.videoId).sort();
const planIds = (plan: MountPlan) => ({ active: ids(plan.active), preloading: ids(plan.preloading) });

describe('planMounts', () => {
  it('mounts only what plays now when nothing starts within the lookahead', () => {
    expect(planIds(planMounts(seed, 0, 5000))).to.deep.equal({ active: ['ios-1'], preloading: [] });
    expect(planIds(planMounts(seed, 1_150_000, 5000))).to.deep.equal({ active: ['board-2', 'ios-2'], preloading: [] });
  });

  it('preloads a file that starts within the lookahead', () => {
    expect(planIds(planMounts(seed, 118_000, 5000))).to.deep.equal({ active: ['ios-1'], preloading: ['board-1'] });
  });

  it('does not preload a file starting exactly at the end of the lookahead window', () => {
    expect(planIds(planMounts(seed, 115_000, 5000))).to.deep.equal({ active: ['ios-1'], preloading: [] });
    expect(planIds(planMounts(seed, 115_001, 5000))).to.deep.equal({ active: ['ios-1'], preloading: ['board-1'] });
  });

  it('makes a file active from its first millisecond', () => {
    expect(planIds(planMounts(seed, 120_000, 5000))).to.deep.equal({ active: ['board-1', 'ios-1'], preloading: [] });
  });

  it('before a pause cut: the current files play and the files after the cut preload', () => {
    expect(planIds(planMounts(seed, 899_000, 2000))).to.deep.equal({
      active: ['board-1', 'ios-1', 'pc-1'],
      preloading: ['board-2', 'ios-2', 'pc-2'],
    });
  });

  it('at a pause cut: the old files are gone and the new ones are active (half-open)', () => {
    expect(planIds(planMounts(seed, 900_000, 2000))).to.deep.equal({ active: ['board-2', 'ios-2', 'pc-2'], preloading: [] });
  });

  it('unmounts a file once it has ended', () => {
    expect(planIds(planMounts(seed, 1_110_000, 3000))).to.deep.equal({ active: ['board-2', 'ios-2'], preloading: [] });
  });

  it('mounts nothing in a stretch no file covers, except what is about to start', () => {
    const gappy = buildTimeline(recordingOf([camera('a', 'alice', 0, 1000), camera('b', 'bob', 10_000, 1000)], 20_000));
    expect(planIds(planMounts(gappy, 5000, 3000))).to.deep.equal({ active: [], preloading: [] });
    expect(planIds(planMounts(gappy, 8000, 3000))).to.deep.equal({ active: [], preloading: ['b'] });
    expect(planIds(planMounts(gappy, 15_000, 3000))).to.deep.equal({ active: [], preloading: [] });
  });

  it('mounts a file cut short by a later file of its track only until the later one takes over', () => {
    // a's own end would be 5000, but b (same track) takes over at 3000.
    const overlapping = buildTimeline(recordingOf([camera('a', 'alice', 0, 5000), camera('b', 'alice', 3000, 5000)]));
    expect(planIds(planMounts(overlapping, 2500, 1000))).to.deep.equal({ active: ['a'], preloading: ['b'] });
    expect(planIds(planMounts(overlapping, 3500, 1000))).to.deep.equal({ active: ['b'], preloading: [] });
  });

  it('mounts nothing for an empty recording', () => {
    expect(planIds(planMounts(buildTimeline(recordingOf([])), 0, 3000))).to.deep.equal({ active: [], preloading: [] });
  });

  it('at the very end, via displayPositionMs, keeps the last frames up', () => {
    const endMs = seed.durationMs;
    expect(planIds(planMounts(seed, endMs, 3000))).to.deep.equal({ active: [], preloading: [] });
    expect(planIds(planMounts(seed, displayPositionMs(endMs, endMs), 3000))).to.deep.equal({ active: ['board-2'], preloading: [] });
  });

  describe('properties', () => {
    const TYPES: VideoType[] = [VideoType.Camera, VideoType.ScreenShare, VideoType.Whiteboard, VideoType.MixedStream, VideoType.AudioOnly];
    const arbitraryRecording = fc
      .array(
        fc.record({
          type: fc.constantFrom(...TYPES),
          user: fc.constantFrom('alice', 'bob', 'carol'),
          startMs: fc.integer({ min: 0, max: 20_000 }),
          durationMs: fc.integer({ min: -100, max: 8000 }),
        }),
        { maxLength: 25 },
      )
      .chain((specs) =>
        fc.record({
          recording: fc.constant(recordingOf(specs.map((s, i) => ({ id: `f${i}`, ...s })))),
          // Clock positions are fractional: they come from performance.now().
          atMs: fc.tuple(fc.integer({ min: -100, max: 30_000 }), fc.constantFrom(0, 0.25, 0.5, 0.999)).map(([ms, fraction]) => ms + fraction),
          lookaheadMs: fc.integer({ min: 1, max: 10_000 }),
        }),
      );

    it('agrees with brute force: active = start ≤ t < end, preloading = t < start < t + lookahead, in timeline order', () => {
      fc.assert(
        fc.property(arbitraryRecording, ({ recording, atMs, lookaheadMs }) => {
          const timeline = buildTimeline(recording);
          const plan = planMounts(timeline, atMs, lookaheadMs);
          const active = timeline.files.filter((f) => f.startMs <= atMs && atMs < f.endMs);
          const preloading = timeline.files.filter((f) => atMs < f.startMs && f.startMs < atMs + lookaheadMs);
          expect(plan.active).to.deep.equal(active);
          expect(plan.preloading).to.deep.equal(preloading);
        }),
      );
    });

    it('never mounts more than what is active plus what starts within the window', () => {
      fc.assert(
        fc.property(arbitraryRecording, ({ recording, atMs, lookaheadMs }) => {
          const timeline = buildTimeline(recording);
          const plan = planMounts(timeline, atMs, lookaheadMs);
          const startingSoon = recording.files.filter((f) => f.durationMs > 0 && f.startMs > atMs && f.startMs < atMs + lookaheadMs).length;
          const mounted = new Set([...plan.active, ...plan.preloading].map((f) => f.file.videoId));
          expect(mounted.size, 'a file is never both active and preloading').to.equal(plan.active.length + plan.preloading.length);
          expect(mounted.size).to.be.at.most(plan.active.length + startingSoon);
          // At most one file per track plays at once.
          expect(new Set(plan.active.map((f) => f.trackId)).size).to.equal(plan.active.length);
        }),
      );
    });
  });
});

describe('displayPositionMs', () => {
  it('is the clock position while the replay runs', () => {
    expect(displayPositionMs(0, 10_000)).to.equal(0);
    expect(displayPositionMs(4321.5, 10_000)).to.equal(4321.5);
    expect(displayPositionMs(9999, 10_000)).to.equal(9999);
  });

  it('at (or past) the end is the last millisecond, so the last frames stay on screen', () => {
    expect(displayPositionMs(10_000, 10_000)).to.equal(9999);
    expect(displayPositionMs(12_000, 10_000)).to.equal(9999);
  });

  it('is 0 for a replay with no duration', () => {
    expect(displayPositionMs(0, 0)).to.equal(0);
    expect(displayPositionMs(500, 0)).to.equal(0);
  });

  it('property: never reaches the duration and never moves a running position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (durationMs, fraction) => {
        const positionMs = durationMs * fraction;
        const shown = displayPositionMs(positionMs, durationMs);
        expect(shown).to.be.below(durationMs);
        if (positionMs <= durationMs - 1) expect(shown).to.equal(positionMs);
        else expect(shown).to.equal(durationMs - 1);
      }),
    );
  });
});
