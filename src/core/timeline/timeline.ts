/**
 * The replay timeline: which file of which stream plays at each moment of the replay.
 *
 * The project's rules (deliberate choices, tested in `test/unit/timeline.test.ts`):
 * - A track is one stream: the files of one (VideoType, UserId).
 * - A file is active on [VideoPlayTime, VideoPlayTime + VideoDuration), half-open, so at a pause cut
 *   the old file is already gone and the new one is already there.
 * - The replay lasts `TotalTime`, or until the last file ends if TotalTime is missing or shorter:
 *   files running past TotalTime extend the replay rather than being cut.
 * - Two files of one track never play at once (that would be a recorder glitch): the later-starting
 *   file wins from its start and the earlier one ends there. Of two starting on the same ms the later
 *   in source order wins; the other plays nothing and is listed in `superseded`.
 * - A file with no positive duration (or a non-finite time) plays nothing and takes no part in the
 *   above: it cuts no other file and appears in no list.
 * - Gaps with no file are normal: nothing of that track is active there.
 * - Split points are the pause cuts as the files show them: times strictly inside the replay where a
 *   file of some track ends on its own (not cut short by an overlap) exactly where the next file of
 *   the same track starts. `Recording.omittedDurations`, when present, is the service's own pause
 *   list; split points are what can be derived without it.
 */
import { VideoType, type Recording, type RecordingFile } from '../recording/recording.js';
import { IntervalIndex, firstIndexAbove } from './interval-index.js';

/** A file as it plays on the replay timeline, after overlaps within its track are resolved. */
export interface TimelineFile {
  readonly file: RecordingFile;
  readonly trackId: string;
  /** Where it starts playing: the file's own start. */
  readonly startMs: number;
  /** Where it stops playing: its own end, or earlier if a later file of its track takes over. */
  readonly endMs: number;
}

/** One stream of the recording: the files of one (VideoType, UserId), in time order, never overlapping. */
export interface Track {
  readonly id: string;
  readonly videoType: VideoType;
  readonly userId: string;
  readonly files: readonly TimelineFile[];
}

export interface Timeline {
  readonly durationMs: number;
  /** Whiteboard, screen shares, mixed streams, cameras, audio; then by first start, then userId. */
  readonly tracks: readonly Track[];
  /** Every playing file, by start, then end, then track order: the order queries answer in. */
  readonly files: readonly TimelineFile[];
  /** Files that play nothing because a file of their track starting at the same ms replaces them. */
  readonly superseded: readonly RecordingFile[];
  /** Pause cuts derived from the files, ascending, unique, strictly inside (0, durationMs). */
  readonly splitPointsMs: readonly number[];
}

/** The track a file belongs to, e.g. `"2:"` for the whiteboard, `"0:ios_test1"` for a camera. */
export function trackIdOf(videoType: VideoType, userId: string): string {
  return `${videoType}:${userId}`;
}

/** Tracks are laid out in this order of kind: the shared content first, people after. */
const TRACK_KIND_ORDER: readonly VideoType[] = [
  VideoType.Whiteboard,
  VideoType.ScreenShare,
  VideoType.MixedStream,
  VideoType.Camera,
  VideoType.AudioOnly,
];

function kindRank(videoType: VideoType): number {
  const rank = TRACK_KIND_ORDER.indexOf(videoType);
  return rank === -1 ? TRACK_KIND_ORDER.length : rank;
}

function ownEndMs(file: RecordingFile): number {
  return file.startMs + file.durationMs;
}

function playsAnything(file: RecordingFile): boolean {
  return Number.isFinite(file.startMs) && Number.isFinite(file.durationMs) && file.durationMs > 0;
}

export function buildTimeline(recording: Recording): Timeline {
  const filesByTrack = new Map<string, RecordingFile[]>();
  for (const file of recording.files) {
    if (!playsAnything(file)) continue;
    const id = trackIdOf(file.videoType, file.userId);
    const trackFiles = filesByTrack.get(id);
    if (trackFiles) trackFiles.push(file);
    else filesByTrack.set(id, [file]);
  }

  const tracks: Track[] = [];
  const superseded: RecordingFile[] = [];
  const splitPoints: number[] = [];
  for (const [id, trackFiles] of filesByTrack) {
    trackFiles.sort((a, b) => a.startMs - b.startMs || a.sourceIndex - b.sourceIndex);
    const playing: TimelineFile[] = [];
    for (let i = 0; i < trackFiles.length; i++) {
      const file = trackFiles[i]!;
      const next = trackFiles[i + 1];
      const endMs = next ? Math.min(ownEndMs(file), next.startMs) : ownEndMs(file);
      if (endMs <= file.startMs) {
        superseded.push(file);
        continue;
      }
      playing.push({ file, trackId: id, startMs: file.startMs, endMs });
      if (next && ownEndMs(file) === next.startMs) splitPoints.push(next.startMs);
    }
    const first = trackFiles[0]!;
    tracks.push({ id, videoType: first.videoType, userId: first.userId, files: playing });
  }

  tracks.sort(
    (a, b) =>
      kindRank(a.videoType) - kindRank(b.videoType) ||
      a.files[0]!.startMs - b.files[0]!.startMs ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0) ||
      a.videoType - b.videoType,
  );

  // Tracks are already in order, so this stable sort leaves remaining ties in track order. Sorting
  // by end as well makes this the order of the index's answers too.
  const files = tracks
    .flatMap((track) => track.files)
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const lastEndMs = files.reduce((latest, f) => Math.max(latest, f.endMs), 0);
  const durationMs = Math.max(recording.totalTimeMs ?? 0, lastEndMs);
  superseded.sort((a, b) => a.sourceIndex - b.sourceIndex);

  const timeline: Timeline = {
    durationMs,
    tracks,
    files,
    superseded,
    splitPointsMs: uniqueAscending(Float64Array.from(splitPoints.filter((ms) => ms > 0 && ms < durationMs))),
  };
  lookupOf(timeline); // index now, so the first clock tick does not pay for it
  return timeline;
}

/** Sorts `values` in place (natively: no comparator call per step) and returns its distinct values. */
function uniqueAscending(values: Float64Array): number[] {
  const sorted = values.sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i]!);
  }
  return unique;
}

/** What queries need, derived once per timeline and kept beside it rather than on it. */
interface TimelineLookup {
  readonly index: IntervalIndex<TimelineFile>;
  readonly boundariesMs: readonly number[];
}

const lookups = new WeakMap<Timeline, TimelineLookup>();

function lookupOf(timeline: Timeline): TimelineLookup {
  let lookup = lookups.get(timeline);
  if (!lookup) {
    const index = new IntervalIndex(
      timeline.files,
      (f) => f.startMs,
      (f) => f.endMs,
    );
    const edgesMs = new Float64Array(2 * timeline.files.length);
    timeline.files.forEach((f, i) => {
      edgesMs[2 * i] = f.startMs;
      edgesMs[2 * i + 1] = f.endMs;
    });
    const boundariesMs = uniqueAscending(edgesMs);
    lookup = { index, boundariesMs };
    lookups.set(timeline, lookup);
  }
  return lookup;
}

/** The files playing at `ms` (start <= ms < end), in `timeline.files` order. */
export function filesActiveAt(timeline: Timeline, ms: number): TimelineFile[] {
  return lookupOf(timeline).index.stab(ms);
}

/** The files playing at some moment of [fromMs, toMs), in the order of `filesActiveAt`. */
export function filesOverlapping(timeline: Timeline, fromMs: number, toMs: number): TimelineFile[] {
  return lookupOf(timeline).index.overlapping(fromMs, toMs);
}

/** Every time some file starts or stops playing, ascending and unique. */
export function boundariesOf(timeline: Timeline): readonly number[] {
  return lookupOf(timeline).boundariesMs;
}

/** The first time strictly after `ms` at which some file starts or stops playing, if any. */
export function nextBoundaryAfter(timeline: Timeline, ms: number): number | undefined {
  const boundariesMs = lookupOf(timeline).boundariesMs;
  return boundariesMs[firstIndexAbove(boundariesMs, ms)];
}
