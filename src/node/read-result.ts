/**
 * Reads a recording result named on the command line: a file path, an `http(s)` URL, or `-` for
 * standard input, in any of the three shapes the parser knows. Relative `VideoUrl`s resolve against
 * where the JSON came from (the file's folder, the URL after redirects, or the working directory
 * for standard input), so an archived `recording.json` with relative paths reads as local files.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRecording } from '../core/recording/parse-recording.js';
import { RecordingError, type ParsedRecording } from '../core/recording/recording.js';
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

/** The result's text and base URL. Throws a `RecordingError` (`fetch-failed`) naming the path or URL. */
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
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new RecordingError({ code: 'fetch-failed', url: arg, message: en.recordingFetchFailed(arg, reason) });
  }
}

/** Reads and parses the result: the playable recording and the entries it had to skip. */
export async function readRecordingArg(arg: string, options: ReadOptions = {}): Promise<ParsedRecording & ResultText> {
  const source = await readResultText(arg, options);
  return { ...source, ...parseRecording(source.text, { baseUrl: source.baseUrl, messages: en }) };
}

async function fetchText(url: string, signal: AbortSignal | undefined): Promise<ResultText> {
  const failed = (reason: string, status?: number) =>
    new RecordingError({
      code: 'fetch-failed',
      url,
      ...(status === undefined ? {} : { status }),
      message: en.recordingFetchFailed(url, reason),
    });
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch {
    throw failed(en.reasonNetwork);
  }
  if (!response.ok) throw failed(en.reasonHttp(response.status, response.statusText), response.status);
  try {
    return { text: await response.text(), baseUrl: response.url || url, label: url };
  } catch {
    throw failed(en.reasonInterrupted);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
