/**
 * Reads a recording result named on the command line: a file path, an `http(s)` URL, or `-` for
 * standard input, in any of the three shapes the parser knows. Relative `VideoUrl`s resolve against
 * where the JSON came from (the file's folder, the URL after redirects, or the working directory
 * for standard input), so an archived `recording.json` with relative paths reads as local files.
 *
 * Problems are worded in English here (the command line's language), through `describeProblem`:
 * a thrown `RecordingError`'s message, and every problem's `message`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { looksLikeHtml, parseRecording } from '../core/recording/parse-recording.js';
import { RecordingError, type FetchFailure, type ParsedRecording, type RecordingProblem } from '../core/recording/recording.js';
import { withWords } from '../i18n/describe-problem.js';
import { en } from '../i18n/en.js';

export interface ResultText {
  readonly text: string;
  /** What relative URLs in the result resolve against. */
  readonly baseUrl: string;
  /** Where it came from, for messages: the path, the URL, or `standard input`. */
  readonly label: string;
}

export interface ReadOptions {
  readonly stdin?: NodeJS.ReadableStream;
  readonly signal?: AbortSignal;
}

export function isHttpUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** The result's text and base URL. Throws a `RecordingError` (`fetch-failed`, `web-page`) naming the path or URL. */
export async function readResultText(arg: string, options: ReadOptions = {}): Promise<ResultText> {
  if (arg === '-') {
    const text = await readAll(options.stdin ?? process.stdin);
    return { text, baseUrl: pathToFileURL(`${process.cwd()}/`).href, label: 'standard input' };
  }
  if (isHttpUrl(arg)) return fetchText(arg, options.signal);

  const path = resolve(arg);
  try {
    return { text: await readFile(path, 'utf8'), baseUrl: pathToFileURL(path).href, label: arg };
  } catch (error) {
    const failure: FetchFailure =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? { kind: 'no-such-file' }
        : { kind: 'unreadable', detail: String((error as Error).message) };
    throw inEnglish({ code: 'fetch-failed', url: arg, failure });
  }
}

/** Reads and parses the result: the playable recording and the entries it had to skip, worded in English. */
export async function readRecordingArg(arg: string, options: ReadOptions = {}): Promise<ParsedRecording & ResultText> {
  const source = await readResultText(arg, options);
  let parsed: ParsedRecording;
  try {
    parsed = parseRecording(source.text, { baseUrl: source.baseUrl });
  } catch (error) {
    if (error instanceof RecordingError) throw inEnglish(error.problem, error.problems);
    throw error;
  }
  return { ...source, recording: parsed.recording, problems: parsed.problems.map((problem) => withWords(problem, en)) };
}

async function fetchText(url: string, signal: AbortSignal | undefined): Promise<ResultText> {
  const failed = (failure: FetchFailure) =>
    inEnglish({ code: 'fetch-failed', url, failure, ...(failure.kind === 'http' ? { status: failure.status } : {}) });
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch {
    throw failed({ kind: 'network' });
  }
  if (!response.ok) throw failed({ kind: 'http', status: response.status, statusText: response.statusText });
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw failed({ kind: 'interrupted' });
  }
  const servedFrom = response.url || url;
  if (/\btext\/html\b/i.test(response.headers.get('content-type') ?? '') || looksLikeHtml(text)) {
    if (!isJson(text)) throw inEnglish({ code: 'web-page', path: '$', url: servedFrom });
  }
  return { text, baseUrl: servedFrom, label: url };
}

function inEnglish(problem: RecordingProblem, problems: readonly RecordingProblem[] = []): RecordingError {
  return new RecordingError(withWords(problem, en), problems.map((each) => withWords(each, en)));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
