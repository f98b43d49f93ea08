/**
 * What can be wrong with a recording, as data: a `code`, the JSON `path` it is about (`$` is the
 * document itself; `Response.VideoInfos[3].VideoUrl` inside an envelope) and the facts each code
 * needs to be put into words. The core never words a problem: `describeProblem` in `i18n/` does,
 * in the reader's language.
 */
import type { UrlRefusal } from './media-url.js';

/** What a value should have been. */
export type ExpectedKind =
  | 'non-negative-ms'
  | 'positive-ms'
  | 'video-type'
  | 'array'
  | 'object'
  | 'non-empty-string';

/** Why the bytes of a URL did not arrive. */
export type FetchFailure =
  | { readonly kind: 'http'; readonly status: number; readonly statusText: string }
  /** Offline, refused, or blocked by CORS: the browser does not say which. */
  | { readonly kind: 'network' }
  /** The connection broke while the body was being read. */
  | { readonly kind: 'interrupted' }
  /** A local path (the command line) that does not exist. */
  | { readonly kind: 'no-such-file' }
  /** A local file that could not be read; `detail` is the system's own message. */
  | { readonly kind: 'unreadable'; readonly detail: string };

/**
 * Fields any problem may carry, so that code handling every problem alike (the error's `path`,
 * `url`, `status`, `videoId`) can read them without narrowing first.
 */
interface ProblemFields {
  readonly path?: string;
  readonly url?: string;
  readonly status?: number;
  readonly videoId?: string;
  /**
   * The problem in words, when an edge has already put it into the reader's language (the
   * browser loader does, for the element) or only has words for it (a source adapter's own
   * failure). The core never sets it.
   */
  readonly message?: string;
}

/** A value of the wrong kind, or (`shown` absent) no value where one is needed. */
export interface InvalidValueProblem extends ProblemFields {
  readonly code: 'invalid-value';
  readonly path: string;
  readonly expected: ExpectedKind;
  /** The value as (shortened) JSON; absent when the value is missing. */
  readonly shown?: string;
}

/** The text is not JSON. */
export interface InvalidJsonProblem extends ProblemFields {
  readonly code: 'invalid-json';
  readonly path: '$';
  /** The JSON parser's own message. */
  readonly detail: string;
}

/** The text is an HTML page (a login page, an error page), not a recording. */
export interface WebPageProblem extends ProblemFields {
  readonly code: 'web-page';
  readonly path: '$';
}

/** A refused URL: a `VideoUrl` (with `path`), or the recording's own address (without). */
export interface UnsupportedUrlProblem extends ProblemFields {
  readonly code: 'unsupported-url';
  /** The URL as given, trimmed. */
  readonly url: string;
  readonly refusal: UrlRefusal;
}

/** A `VideoId` seen before: the later entry is skipped. */
export interface DuplicateFileProblem extends ProblemFields {
  readonly code: 'duplicate-file';
  readonly path: string;
  readonly videoId: string;
  /** Path of the entry that had the id first. */
  readonly firstPath: string;
}

/** The service answered with an `Error`; any of its parts may be missing, not all of code and message. */
export interface ServiceErrorProblem extends ProblemFields {
  readonly code: 'service-error';
  readonly path: string;
  readonly serviceCode?: string;
  readonly serviceMessage?: string;
  readonly requestId?: string;
}

/** `Status` is not `FINISHED`: the recording is still being made or processed. */
export interface NotFinishedProblem extends ProblemFields {
  readonly code: 'not-finished';
  readonly path: string;
  /** `Status` as given (as JSON when it is not a string). */
  readonly recordingStatus: string;
}

/** Not a recording result: no `VideoInfos` (path `$`), or a callback other than `OnlineRecordFinished`. */
export interface NotARecordingProblem extends ProblemFields {
  readonly code: 'not-a-recording';
  readonly path: string;
  /** The callback's `EventType` (as JSON when it is not a string), for a callback. */
  readonly eventType?: string;
}

/** `FinishReason: EXCEPTION` and no files. */
export interface RecordingFailedProblem extends ProblemFields {
  readonly code: 'recording-failed';
  readonly path: string;
}

/**
 * Nothing to play in `VideoInfos`: it is missing (`missing`), empty (`entryCount` 0), or each of its
 * `entryCount` entries is invalid; then `causes` holds every entry's own problem.
 */
export interface EmptyProblem extends ProblemFields {
  readonly code: 'empty';
  readonly path: string;
  readonly entryCount: number;
  readonly missing: boolean;
  readonly causes: readonly RecordingProblem[];
}

/** The recording's own JSON did not arrive. */
export interface FetchFailedProblem extends ProblemFields {
  readonly code: 'fetch-failed';
  readonly url: string;
  readonly failure: FetchFailure;
}

/** A file of the recording answered with an HTTP error when asked for its first byte. */
export interface FileUnavailableProblem extends ProblemFields {
  readonly code: 'file-unavailable';
  /** Path of the entry's `VideoUrl`. */
  readonly path: string;
  readonly url: string;
  readonly videoId: string;
  readonly status: number;
  readonly statusText: string;
}

/** Every file of the recording is gone (404, 410, 403): the service deletes them after 3 days. */
export interface FilesGoneProblem extends ProblemFields {
  readonly code: 'files-gone';
  readonly causes: readonly FileUnavailableProblem[];
}

/**
 * A problem put into words outside the core, with whatever facts came with it: a file that did not
 * play (its source adapter words the failure), or an error nothing else describes.
 */
export interface WordedProblem extends ProblemFields {
  readonly code: 'media-failed' | 'fetch-failed';
  readonly message: string;
}

export type RecordingProblem =
  | InvalidValueProblem
  | InvalidJsonProblem
  | WebPageProblem
  | UnsupportedUrlProblem
  | DuplicateFileProblem
  | ServiceErrorProblem
  | NotFinishedProblem
  | NotARecordingProblem
  | RecordingFailedProblem
  | EmptyProblem
  | FetchFailedProblem
  | FileUnavailableProblem
  | FilesGoneProblem
  | WordedProblem;

export type ProblemCode = RecordingProblem['code'];

/** Whether the problem is one that came with words only (see `WordedProblem`). */
export function isWordedProblem(problem: RecordingProblem): problem is WordedProblem {
  return problem.code === 'media-failed' || (problem.code === 'fetch-failed' && !('failure' in problem));
}

/** The problems behind a fatal one (every invalid entry, every missing file); empty for the others. */
export function causesOf(problem: RecordingProblem): readonly RecordingProblem[] {
  return problem.code === 'empty' || problem.code === 'files-gone' ? problem.causes : [];
}

/** A result that cannot be played at all. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  readonly problem: RecordingProblem;
  /** Entry-level problems found before the fatal one (e.g. every entry was invalid). */
  readonly problems: readonly RecordingProblem[];

  constructor(problem: RecordingProblem, problems: readonly RecordingProblem[] = []) {
    // Words are the edge's business; without them the message is the facts a developer searches for.
    super(problem.message ?? factsOf(problem));
    this.problem = problem;
    this.problems = problems;
  }
}

function factsOf(problem: RecordingProblem): string {
  const where = problem.path ?? problem.url;
  return where === undefined ? problem.code : `${problem.code} at ${where}`;
}
