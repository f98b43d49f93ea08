import { causesOf, type RecordingProblem } from '../core/recording/problems.js';
import { describeProblem } from '../i18n/describe-problem.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';

/**
 * What the host's `error` property and `error` event carry. It reads like a `MediaError` (`code`,
 * `message`) and keeps the details (JSON path, URL, HTTP status, VideoId) and the structured
 * `problem` itself. `fatal` errors stop the replay; the others concern one file or entry while the
 * rest plays on. A fatal error's `problems` are the precise reasons behind it (every invalid entry,
 * every missing file).
 */
export class TicReplayError extends Error {
  static readonly MEDIA_ERR_ABORTED = 1;
  static readonly MEDIA_ERR_NETWORK = 2;
  static readonly MEDIA_ERR_DECODE = 3;
  static readonly MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

  override readonly name = 'TicReplayError';
  readonly code: number;
  readonly problems: readonly TicReplayError[];

  /**
   * `message` is the problem's own words when an edge already gave it some (in the reader's
   * language), else `describeProblem` in the words of `messages`.
   */
  constructor(
    readonly problem: RecordingProblem,
    readonly fatal: boolean,
    messages: Messages = en,
  ) {
    super(problem.message ?? describeProblem(problem, messages));
    this.code = mediaErrorCode(problem);
    this.problems = causesOf(problem).map((cause) => new TicReplayError(cause, false, messages));
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
    case 'files-gone':
    case 'file-unavailable':
      return TicReplayError.MEDIA_ERR_NETWORK;
    case 'media-failed':
      return problem.status !== undefined ? TicReplayError.MEDIA_ERR_NETWORK : TicReplayError.MEDIA_ERR_DECODE;
    default:
      return TicReplayError.MEDIA_ERR_SRC_NOT_SUPPORTED;
  }
}
