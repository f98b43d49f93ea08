/**
 * Checks up front whether a recording's files still exist. The service deletes them 3 days after
 * class; without this check a player opens, mounts file after file and paints each tile with its
 * own "HTTP 404". Each file is asked for its first byte (`Range: bytes=0-0`), a few at a time.
 *
 * Only "every file is gone" stops the replay: as soon as one file answers anything else (its byte,
 * a server error, a network or CORS refusal that proves nothing), probing stops and the recording
 * plays what it has, each missing file reported on its own tile as before.
 */
import { pathPrefixOf } from '../core/recording/envelope.js';
import type { FileUnavailableProblem, ParsedRecording, RecordingFile } from '../core/recording/recording.js';
import type { Messages } from '../i18n/messages.js';
import { wordedError } from '../recording/load-recording.js';

/** What the recording service answers for a file it has deleted (403 from signed COS URLs). */
const GONE_STATUSES: ReadonlySet<number> = new Set([403, 404, 410]);

export interface ProbeOptions {
  readonly signal?: AbortSignal;
  /** At most this many requests at once (browsers queue the 7th HTTP/1.1 request to one host). */
  readonly concurrency?: number;
  /** After this long without an answer, stop asking and let the recording play (ms). */
  readonly timeoutMs?: number;
}

export interface GoneFile {
  readonly file: RecordingFile;
  readonly status: number;
  readonly statusText: string;
}

/** `gone` lists every file when all of them are gone; `undefined` when any is (or may be) there. */
export interface ProbeResult {
  readonly gone: readonly GoneFile[] | undefined;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_TIMEOUT_MS = 8000;

/** Asks for each file's first byte until one proves the recording is not entirely gone. */
export async function probeFiles(files: readonly RecordingFile[], options: ProbeOptions = {}): Promise<ProbeResult> {
  const urls = [...new Set(files.map((file) => file.url))];
  if (urls.length === 0) return { gone: undefined };

  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const timer = setTimeout(() => stop.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  const goneByUrl = new Map<string, { status: number; statusText: string }>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && next < urls.length) {
      const url = urls[next++]!;
      const answer = await goneStatus(url, stop.signal);
      if (answer === undefined) {
        stop.abort(); // one file is (or may be) there: that is all this check needs to know
        return;
      }
      goneByUrl.set(url, answer);
    }
  };
  try {
    const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
  options.signal?.throwIfAborted();
  if (goneByUrl.size < urls.length) return { gone: undefined };
  return { gone: files.map((file) => ({ file, ...goneByUrl.get(file.url)! })) };
}

/**
 * The recording, when any of its files is there; otherwise a `RecordingError` (`files-gone`, with
 * a `file-unavailable` cause per file) worded in `messages`. Rejects with the abort reason when
 * `signal` aborts.
 */
export async function rejectIfFilesGone(
  parsed: ParsedRecording,
  options: ProbeOptions & { readonly messages: Messages },
): Promise<ParsedRecording> {
  const { gone } = await probeFiles(parsed.recording.files, options);
  if (gone === undefined) return parsed;
  const prefix = pathPrefixOf(parsed.recording.shape);
  const causes = gone.map(
    ({ file, status, statusText }): FileUnavailableProblem => ({
      code: 'file-unavailable',
      path: `${prefix}VideoInfos[${file.sourceIndex}].VideoUrl`,
      url: file.url,
      videoId: file.videoId,
      status,
      statusText,
    }),
  );
  throw wordedError({ code: 'files-gone', causes }, options.messages, parsed.problems);
}

/** The file's HTTP status when it says the file is gone; `undefined` for anything else. */
async function goneStatus(url: string, signal: AbortSignal): Promise<{ status: number; statusText: string } | undefined> {
  try {
    // `no-store`: a cached answer from before the deletion would hide it.
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, cache: 'no-store', signal });
    void response.body?.cancel().catch(() => undefined);
    return GONE_STATUSES.has(response.status) ? { status: response.status, statusText: response.statusText } : undefined;
  } catch {
    return undefined;
  }
}
