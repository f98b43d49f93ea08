/** Recordings for the pure-core tests, written as short file specs. */
import { VideoType, type Recording, type RecordingFile } from '../../src/recording/recording.js';

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
