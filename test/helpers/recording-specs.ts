/** Recordings for the pure-core tests, written as short file specs. */
import { VideoType, type Recording, type RecordingFile } from '../../src/core/recording/recording.js';

export interface FileSpec {
  readonly id: string;
  readonly type: VideoType;
  readonly user: string;
  readonly startMs: number;
  readonly durationMs: number;
}

export function recordingOf(specs: readonly FileSpec[], totalTimeMs?: number): Recording {
  const files: RecordingFile[] = specs.map((spec, sourceIndex) => ({
    videoId: spec.id,
    userId: spec.user,
    videoType: spec.type,
    url: `https://example.com/${spec.id}.mp4`,
    format: 'mp4',
    startMs: spec.startMs,
    durationMs: spec.durationMs,
    sourceIndex,
  }));
  return { shape: 'result', files, omittedDurations: [], ...(totalTimeMs === undefined ? {} : { totalTimeMs }) };
}

export const camera = (id: string, user: string, startMs: number, durationMs: number): FileSpec => ({
  id,
  type: VideoType.Camera,
  user,
  startMs,
  durationMs,
});

export const whiteboard = (id: string, startMs: number, durationMs: number): FileSpec => ({
  id,
  type: VideoType.Whiteboard,
  user: '',
  startMs,
  durationMs,
});

/** Tencent's documented example (ms): two cameras and a whiteboard, paused once at 900,000. */
export const seedRecording = recordingOf(
  [
    camera('ios-1', 'ios_test1', 0, 900_000),
    camera('pc-1', 'pc_test1', 300_000, 600_000),
    whiteboard('board-1', 120_000, 780_000),
    camera('ios-2', 'ios_test1', 900_000, 300_000),
    camera('pc-2', 'pc_test1', 900_000, 210_000),
    whiteboard('board-2', 900_000, 540_000),
  ],
  1_440_000,
);
