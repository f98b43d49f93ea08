/**
 * Puts the core's problems (data: a code, a JSON path, the facts) into a catalogue's words. Every
 * edge that shows a problem to a person words it here: the element and its errors, the browser
 * loader, the command line (in English).
 *
 * The document itself (path `$`) is called "the recording" in what people read; the data keeps `$`.
 */
import type { ExpectedKind, FetchFailure, RecordingProblem } from '../core/recording/problems.js';
import type { Messages } from './messages.js';

/** A `src` quoted for a message, cut short: a refused `data:` URL can be a whole document. */
const QUOTED_SRC_MAX = 60;
/** A `VideoUrl` as JSON, cut short as the parser shows any value. */
const SHOWN_VIDEO_URL_MAX = 40;

/** `problem` in the words of `messages`. */
export function describeProblem(problem: RecordingProblem, messages: Messages): string {
  const m = messages;
  switch (problem.code) {
    case 'invalid-value': {
      const expected = expectedInWords(problem.expected, m);
      if (problem.path === '$') return m.invalidRecording(expected, problem.shown ?? 'nothing');
      return problem.shown === undefined
        ? m.missingValue(problem.path, expected)
        : m.invalidValue(problem.path, expected, problem.shown);
    }
    case 'invalid-json':
      return m.invalidJson(problem.detail);
    case 'web-page':
      return m.webPage(problem.url);
    case 'unsupported-url': {
      const reason = m.urlRefusal(problem.refusal);
      return problem.path === undefined
        ? m.recordingUrlRefused(quotedSrc(problem.url), reason)
        : m.unsupportedVideoUrl(problem.path, shownVideoUrl(problem.url), reason);
    }
    case 'duplicate-file':
      return m.duplicateFile(problem.path, JSON.stringify(problem.videoId), problem.firstPath);
    case 'service-error':
      return m.serviceError(problem.serviceCode, problem.serviceMessage, problem.requestId);
    case 'not-finished':
      return m.notFinished(problem.recordingStatus);
    case 'not-a-recording':
      return problem.eventType === undefined ? m.notARecording : m.notARecordingCallback(problem.eventType);
    case 'recording-failed':
      return m.recordingFailed;
    case 'empty':
      if (problem.entryCount === 0) return m.noFiles(problem.path, problem.missing);
      return problem.entryCount === 1 ? m.onlyFileUnplayable(problem.path) : m.noFilePlayable(problem.entryCount, problem.path);
    case 'file-unavailable':
      return m.mediaLoadFailed(problem.url, m.reasonHttp(problem.status, problem.statusText));
    case 'files-gone':
      return m.filesGone(problem.causes.length);
    case 'fetch-failed':
      if ('failure' in problem) return m.recordingFetchFailed(problem.url, fetchFailureInWords(problem.failure, m));
      return problem.message;
    case 'media-failed':
      return problem.message;
  }
}

/** Why a download failed, as a clause (`HTTP 404 Not Found`, "the network request failed ..."). */
export function fetchFailureInWords(failure: FetchFailure, messages: Messages): string {
  switch (failure.kind) {
    case 'http':
      return messages.reasonHttp(failure.status, failure.statusText);
    case 'network':
      return messages.reasonNetwork;
    case 'interrupted':
      return messages.reasonInterrupted;
    case 'no-such-file':
      return messages.reasonNoSuchFile;
    case 'unreadable':
      return messages.reasonUnreadable(failure.detail);
  }
}

/** What a value should have been, as the catalogue's fragment. */
export function expectedInWords(expected: ExpectedKind, messages: Messages): string {
  switch (expected) {
    case 'non-negative-ms':
      return messages.expectedNonNegativeMs;
    case 'positive-ms':
      return messages.expectedPositiveMs;
    case 'video-type':
      return messages.expectedVideoType;
    case 'array':
      return messages.expectedArray;
    case 'object':
      return messages.expectedObject;
    case 'non-empty-string':
      return messages.expectedNonEmptyString;
  }
}

/**
 * The problem with its words attached (and those of the problems behind it): what an edge hands on
 * when the reader's language is known where the problem is found but not where it is shown.
 */
export function withWords<P extends RecordingProblem>(problem: P, messages: Messages): P {
  const message = describeProblem(problem, messages);
  if (problem.code === 'empty' || problem.code === 'files-gone') {
    const causes = problem.causes.map((cause: RecordingProblem) => withWords(cause, messages));
    return { ...problem, message, causes };
  }
  return { ...problem, message };
}

function quotedSrc(src: string): string {
  const trimmed = src.trim();
  return JSON.stringify(trimmed.length > QUOTED_SRC_MAX ? `${trimmed.slice(0, QUOTED_SRC_MAX - 1)}…` : trimmed);
}

function shownVideoUrl(url: string): string {
  const shown = JSON.stringify(url);
  return shown.length > SHOWN_VIDEO_URL_MAX ? `${shown.slice(0, SHOWN_VIDEO_URL_MAX - 1)}…` : shown;
}
