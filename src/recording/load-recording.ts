/**
 * Fetches a recording result by URL and parses it. The only module of `recording/` that touches
 * the network: everything it learns goes through `parseRecording`.
 *
 * This is an edge: it knows the reader's language, so the problems it hands on (thrown or skipped)
 * carry their words (`describeProblem`), as well as their data.
 */
import { withWords } from '../i18n/describe-problem.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { resolveMediaUrl } from '../core/recording/media-url.js';
import { looksLikeHtml, parseRecording } from '../core/recording/parse-recording.js';
import { RecordingError, type FetchFailure, type ParsedRecording, type RecordingProblem } from '../core/recording/recording.js';

export interface LoadOptions {
  readonly signal?: AbortSignal;
  /** What a relative `src` resolves against; the page's base URL by default. */
  readonly baseUrl?: string;
  /** The words of every problem (the fetch's and the parser's); English when not given. */
  readonly messages?: Messages;
}

/**
 * Loads the recording result at `src`. Relative `VideoUrl`s in it resolve against the URL the
 * JSON was finally served from (after redirects), so a result can sit next to its files.
 *
 * Rejects with a `RecordingError` (`unsupported-url`, `fetch-failed`, `web-page` or a parse
 * problem), or with the abort reason when `signal` aborts.
 */
export async function loadRecording(src: string, options: LoadOptions = {}): Promise<ParsedRecording> {
  const { signal, messages = en } = options;
  const resolved = resolveMediaUrl(src, options.baseUrl ?? document.baseURI);
  if (!resolved.ok) throw wordedError({ code: 'unsupported-url', url: src, refusal: resolved.refusal }, messages);
  const url = resolved.url;
  const failed = (failure: FetchFailure): RecordingError =>
    wordedError(
      { code: 'fetch-failed', url, failure, ...(failure.kind === 'http' ? { status: failure.status } : {}) },
      messages,
    );

  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    throw failed({ kind: 'network' });
  }
  if (!response.ok) throw failed({ kind: 'http', status: response.status, statusText: response.statusText });

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    throw failed({ kind: 'interrupted' });
  }
  signal?.throwIfAborted();
  const servedFrom = response.url || url;
  // A login page answers 200 too: say it is a web page (and whose) rather than quote JSON.parse.
  if (isHtml(response, text)) throw wordedError({ code: 'web-page', path: '$', url: servedFrom }, messages);
  return readRecordingInput(text, servedFrom, messages);
}

/** The element's `result` property: a result given as an object or a JSON string, read against the page. */
export function readRecordingInput(
  value: unknown,
  baseUrl: string = document.baseURI,
  messages: Messages = en,
): ParsedRecording {
  let parsed: ParsedRecording;
  try {
    parsed = parseRecording(value, { baseUrl });
  } catch (error) {
    if (error instanceof RecordingError) throw wordedError(error.problem, messages, error.problems);
    throw error;
  }
  return { recording: parsed.recording, problems: parsed.problems.map((problem) => withWords(problem, messages)) };
}

/** A `RecordingError` whose problems carry their words in `messages`. */
export function wordedError(
  problem: RecordingProblem,
  messages: Messages,
  problems: readonly RecordingProblem[] = [],
): RecordingError {
  return new RecordingError(withWords(problem, messages), problems.map((each) => withWords(each, messages)));
}

function isHtml(response: Response, text: string): boolean {
  const type = response.headers.get('content-type') ?? '';
  if (!/\btext\/html\b/i.test(type) && !looksLikeHtml(text)) return false;
  // A JSON body served with the wrong type is still read as JSON.
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}
