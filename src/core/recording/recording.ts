/**
 * The recording model: what a TIC/TIW real-time recording result means once it has been read.
 *
 * Times here are milliseconds on the replay timeline (the data edge). Seconds appear only where
 * media elements are touched (see `media/`).
 */
import type { RecordingProblem } from './problems.js';

// The problems live in their own module; this one stays the model's single import.
export * from './problems.js';

/** `VideoType` of a file, as the recording service numbers them. */
export const VideoType = {
  Camera: 0,
  ScreenShare: 1,
  Whiteboard: 2,
  MixedStream: 3,
  AudioOnly: 4,
} as const;
export type VideoType = (typeof VideoType)[keyof typeof VideoType];

/** How a file's bytes are played: a progressive file through the element itself, or HLS. */
export type MediaFormat = 'mp4' | 'mp3' | 'hls';

/** One file of the recording, placed on the replay timeline. */
export interface RecordingFile {
  /** `VideoId`, unique within the recording. */
  readonly videoId: string;
  readonly userId: string;
  readonly videoType: VideoType;
  /** Absolute URL (resolved against the result's own URL). */
  readonly url: string;
  readonly format: MediaFormat;
  /** `VideoPlayTime`: where the file starts on the replay timeline. */
  readonly startMs: number;
  /** `VideoDuration`: how long it plays on the timeline. */
  readonly durationMs: number;
  readonly sizeBytes?: number;
  readonly width?: number;
  readonly height?: number;
  /** Index in the source `VideoInfos` array, for messages. */
  readonly sourceIndex: number;
}

/** A stretch of the original session cut out of the replay by a pause (`OmittedDurations`). */
export interface OmittedDuration {
  /** Where on the replay timeline the cut is. */
  readonly atMs: number;
  /** Wall-clock pause and resume, Unix ms. */
  readonly pauseTime?: number;
  readonly resumeTime?: number;
}

/** Which of the three documented envelopes the result came in. */
export type RecordingShape = 'result' | 'describe-online-record' | 'online-record-finished';

export interface Recording {
  readonly shape: RecordingShape;
  readonly roomId?: number;
  readonly groupId?: string;
  readonly taskId?: string;
  /** Unix seconds, as the service reports them. */
  readonly recordStartTime?: number;
  readonly recordStopTime?: number;
  /** `TotalTime` if it was given and valid. */
  readonly totalTimeMs?: number;
  readonly files: readonly RecordingFile[];
  readonly omittedDurations: readonly OmittedDuration[];
  readonly finishReason?: string;
}

/** What parsing yields: a playable recording and the entries it had to skip. */
export interface ParsedRecording {
  readonly recording: Recording;
  readonly problems: readonly RecordingProblem[];
}
