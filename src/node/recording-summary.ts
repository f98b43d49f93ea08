/**
 * What `validate` reports about a recording: its tracks and their files, the stretches where
 * nothing plays, the pause cuts, the length, files per type and the sum of the declared sizes.
 * Facts only (numbers, ids, milliseconds); the command puts them into words or JSON.
 */
import type { Recording } from '../core/recording/recording.js';
import { VideoType } from '../core/recording/recording.js';
import { buildTimeline } from '../core/timeline/timeline.js';

export const VIDEO_TYPE_NAMES: Readonly<Record<number, string>> = {
  [VideoType.Camera]: 'camera',
  [VideoType.ScreenShare]: 'screen share',
  [VideoType.Whiteboard]: 'whiteboard',
  [VideoType.MixedStream]: 'mixed stream',
  [VideoType.AudioOnly]: 'audio only',
};

export interface TrackSummary {
  readonly id: string;
  readonly kind: string;
  readonly userId: string;
  readonly fileCount: number;
  /** Stretches inside the track's own first start and last end where it has no file. */
  readonly gaps: readonly Span[];
}

export interface Span {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface PauseCut {
  readonly atMs: number;
  /** Wall-clock length of the pause when the service reported it. */
  readonly pausedMs?: number;
}

export interface RecordingSummary {
  readonly totalTimeMs: number;
  /** `TotalTime` as the result states it, when valid. */
  readonly declaredTotalTimeMs?: number;
  readonly fileCount: number;
  readonly tracks: readonly TrackSummary[];
  /** Stretches of the replay where no file plays at all. */
  readonly gaps: readonly Span[];
  /** The service's `OmittedDurations`, or else the cuts the files show. */
  readonly pauseCuts: readonly PauseCut[];
  readonly filesPerType: Readonly<Record<string, number>>;
  readonly filesPerFormat: Readonly<Record<string, number>>;
  /** Sum of `VideoSize` over the files that state one. */
  readonly declaredBytes: number;
  readonly filesWithoutSize: number;
  /** Files that play nothing because another file of their track starts at the same moment. */
  readonly supersededVideoIds: readonly string[];
}

export function summarizeRecording(recording: Recording): RecordingSummary {
  const timeline = buildTimeline(recording);
  const tracks = timeline.tracks.map((track) => ({
    id: track.id,
    kind: VIDEO_TYPE_NAMES[track.videoType] ?? String(track.videoType),
    userId: track.userId,
    fileCount: track.files.length,
    gaps: gapsBetween(track.files, track.files[0]?.startMs ?? 0, track.files.at(-1)?.endMs ?? 0),
  }));

  const pauseCuts: PauseCut[] =
    recording.omittedDurations.length > 0
      ? recording.omittedDurations.map((cut) => ({
          atMs: cut.atMs,
          ...(cut.pauseTime !== undefined && cut.resumeTime !== undefined ? { pausedMs: cut.resumeTime - cut.pauseTime } : {}),
        }))
      : timeline.splitPointsMs.map((atMs) => ({ atMs }));

  const filesPerType: Record<string, number> = {};
  const filesPerFormat: Record<string, number> = {};
  let declaredBytes = 0;
  let filesWithoutSize = 0;
  for (const file of recording.files) {
    const kind = VIDEO_TYPE_NAMES[file.videoType] ?? String(file.videoType);
    filesPerType[kind] = (filesPerType[kind] ?? 0) + 1;
    filesPerFormat[file.format] = (filesPerFormat[file.format] ?? 0) + 1;
    if (file.sizeBytes === undefined) filesWithoutSize++;
    else declaredBytes += file.sizeBytes;
  }

  return {
    totalTimeMs: timeline.durationMs,
    ...(recording.totalTimeMs === undefined ? {} : { declaredTotalTimeMs: recording.totalTimeMs }),
    fileCount: recording.files.length,
    tracks,
    gaps: gapsBetween(timeline.files, 0, timeline.durationMs),
    pauseCuts,
    filesPerType,
    filesPerFormat,
    declaredBytes,
    filesWithoutSize,
    supersededVideoIds: timeline.superseded.map((file) => file.videoId),
  };
}

/** The parts of [fromMs, toMs) that none of `spans` covers. */
function gapsBetween(spans: readonly { startMs: number; endMs: number }[], fromMs: number, toMs: number): Span[] {
  const gaps: Span[] = [];
  let coveredUntil = fromMs;
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    if (span.startMs > coveredUntil) gaps.push({ fromMs: coveredUntil, toMs: span.startMs });
    coveredUntil = Math.max(coveredUntil, span.endMs);
  }
  if (toMs > coveredUntil) gaps.push({ fromMs: coveredUntil, toMs });
  return gaps;
}

/** `h:mm:ss.mmm`, or `m:ss.mmm` under an hour. */
export function formatMs(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const millis = String(ms % 1000).padStart(3, '0');
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}.${millis}` : `${minutes}:${seconds}.${millis}`;
}
