import type { RecordingProblem } from '../core/recording/recording.js';

/**
 * What the host's `error` property and `error` event carry. It reads like a `MediaError` (`code`,
 * `message`) and keeps the details (JSON path, URL, HTTP status, VideoId). `fatal` errors stop the
 * replay; the others concern one file or entry while the rest plays on.
 */
export class TicReplayError extends Error {
  static readonly MEDIA_ERR_ABORTED = 1;
  static readonly MEDIA_ERR_NETWORK = 2;
  static readonly MEDIA_ERR_DECODE = 3;
  static readonly MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

  override readonly name = 'TicReplayError';
  readonly code: number;

  constructor(
    readonly problem: RecordingProblem,
    readonly fatal: boolean,
  ) {
    super(problem.message);
    this.code = mediaErrorCode(problem);
  }

  get path(): string | undefined {
    return this.problem.path;
  }

  get url(): string | undefined {
    return this.problem.url;
  }

  get status(): number | undefined {
    return this.problem.status;
  }

  get videoId(): string | undefined {
    return this.problem.videoId;
  }
}

function mediaErrorCode(problem: RecordingProblem): number {
  switch (problem.code) {
    case 'fetch-failed':
      return TicReplayError.MEDIA_ERR_NETWORK;
    case 'media-failed':
      return problem.status !== undefined ? TicReplayError.MEDIA_ERR_NETWORK : TicReplayError.MEDIA_ERR_DECODE;
    default:
      return TicReplayError.MEDIA_ERR_SRC_NOT_SUPPORTED;
  }
}
