/**
 * Fetches a recording result by URL and parses it. The only module of `recording/` that touches
 * the network: everything it learns goes through `parseRecording`.
 */
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { resolveMediaUrl } from '../core/recording/media-url.js';
import { parseRecording } from '../core/recording/parse-recording.js';
import { RecordingError, type ParsedRecording } from '../core/recording/recording.js';

export interface LoadOptions {
  readonly signal?: AbortSignal;
  /** What a relative `src` resolves against; the page's base URL by default. */
  readonly baseUrl?: string;
  /** The words of every problem message (the fetch's and the parser's); English when not given. */
  readonly messages?: Messages;
}

/**
 * Loads the recording result at `src`. Relative `VideoUrl`s in it resolve against the URL the
 * JSON was finally served from (after redirects), so a result can sit next to its files.
 *
 * Rejects with a `RecordingError` (`unsupported-url`, `fetch-failed` or a parse problem), or with
 * the abort reason when `signal` aborts.
 */
export async function loadRecording(src: string, options: LoadOptions = {}): Promise<ParsedRecording> {
  const { signal, messages = en } = options;
  const resolved = resolveMediaUrl(src, options.baseUrl ?? document.baseURI, messages);
  if (!resolved.ok) {
    throw new RecordingError({
      code: 'unsupported-url',
      url: src,
      message: messages.recordingUrlRefused(quoted(src), resolved.reason),
    });
  }
  const url = resolved.url;
  const failed = (reason: string, status?: number): RecordingError =>
    new RecordingError({
      code: 'fetch-failed',
      url,
      ...(status === undefined ? {} : { status }),
      message: messages.recordingFetchFailed(url, reason),
    });

  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    throw failed(messages.reasonNetwork);
  }
  if (!response.ok) {
    throw failed(messages.reasonHttp(response.status, response.statusText), response.status);
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    throw failed(messages.reasonInterrupted);
  }
  signal?.throwIfAborted();
  return parseRecording(text, { baseUrl: response.url || url, messages });
}

/** The element's `result` property: a result given as an object or a JSON string, read against the page. */
export function readRecordingInput(
  value: unknown,
  baseUrl: string = document.baseURI,
  messages: Messages = en,
): ParsedRecording {
  return parseRecording(value, { baseUrl, messages });
}

/** `src` for a message, cut short: a refused `data:` URL can be a whole document. */
function quoted(src: string): string {
  const trimmed = src.trim();
  return JSON.stringify(trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed);
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}
