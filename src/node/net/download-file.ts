/**
 * Downloads one URL to one file so that a file under its final name is always complete: bytes go
 * to `<name>.part`, a broken transfer resumes there with HTTP `Range`, and only a body whose length
 * matches `Content-Length` (or the total of `Content-Range`) is renamed into place.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpGetError, asGetError, openGet, statusError, type GetOptions } from './http-get.js';

export interface RetryOptions {
  /** Attempts after the first one. */
  readonly retries: number;
  /** Wait before the first retry; doubled for each next one. */
  readonly retryDelayMs: number;
}

export interface DownloadOptions extends GetOptions, RetryOptions {
  /** Bytes written so far for this file (including resumed ones) and its total when known. */
  readonly onBytes?: (receivedBytes: number, totalBytes: number | undefined) => void;
  readonly onRetry?: (attempt: number, reason: string) => void;
}

export interface Downloaded {
  readonly bytes: number;
  /** SHA-256 of the whole file when it came in one piece (hashed on the way, saving a re-read). */
  readonly sha256?: string;
  /** Bytes taken over from an earlier, interrupted run. */
  readonly resumedBytes: number;
}

export function partPathOf(finalPath: string): string {
  return `${finalPath}.part`;
}

/** Runs `attempt` until it succeeds, a final error comes, or the retries are spent; waits double each time. */
export async function withRetries<T>(
  options: RetryOptions & { signal?: AbortSignal; onRetry?: (attempt: number, reason: string) => void },
  attempt: () => Promise<T>,
): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const failure = error instanceof HttpGetError ? error : undefined;
      if (!failure?.retryable || tries >= options.retries || options.signal?.aborted) throw error;
      options.onRetry?.(tries + 1, failure.reason);
      const jitter = 0.75 + Math.random() * 0.5;
      await sleep(options.retryDelayMs * 2 ** tries * jitter, undefined, options.signal ? { signal: options.signal } : {});
    }
  }
}

export async function downloadToFile(url: string, finalPath: string, options: DownloadOptions): Promise<Downloaded> {
  const partPath = partPathOf(finalPath);
  let resumedBytes: number | undefined;
  const fetched = await withRetries(options, async () => {
    const offset = await sizeOf(partPath);
    resumedBytes ??= offset;
    return fetchInto(url, partPath, offset, options);
  });
  await rename(partPath, finalPath);
  return { ...fetched, resumedBytes: resumedBytes ?? 0 };
}

/** One attempt: continues `partPath` from `offset` (or starts it over) and returns its final length. */
async function fetchInto(url: string, partPath: string, offset: number, options: DownloadOptions): Promise<{ bytes: number; sha256?: string }> {
  const headers = { ...options.headers, ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) };
  const { response, url: finalUrl } = await openGet(url, { ...options, headers });
  const status = response.statusCode ?? 0;

  if (status === 416 && offset > 0) {
    response.resume();
    // The part may already hold the whole file (killed between the last byte and the rename).
    if (totalOfContentRange(response) === offset) return { bytes: offset };
    await rm(partPath, { force: true });
    throw new HttpGetError(finalUrl, 'the partial file no longer matches the server (416); starting over', true);
  }
  let startAt: number;
  let totalBytes: number | undefined;
  if (status === 206 && offset > 0) {
    const range = parseContentRange(response.headers['content-range']);
    if (!range || range.start !== offset) {
      response.resume();
      await rm(partPath, { force: true });
      throw new HttpGetError(finalUrl, `the server sent a different range (${response.headers['content-range'] ?? 'none'}); starting over`, true);
    }
    startAt = offset;
    totalBytes = range.total;
  } else if (status === 200) {
    // The server ignored Range (or there was nothing to resume): the whole body comes again.
    startAt = 0;
    totalBytes = contentLength(response);
  } else {
    response.resume();
    throw statusError(finalUrl, response);
  }

  let received = startAt;
  options.onBytes?.(received, totalBytes);
  const hash = startAt === 0 ? createHash('sha256') : undefined;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      hash?.update(chunk);
      options.onBytes?.(received, totalBytes);
      done(null, chunk);
    },
  });
  try {
    await pipeline(response, counter, createWriteStream(partPath, { flags: startAt > 0 ? 'a' : 'w' }));
  } catch (error) {
    throw asGetError(finalUrl, error);
  }
  if (!response.complete) throw new HttpGetError(finalUrl, 'the connection was reset', true);
  const written = await sizeOf(partPath);
  if (totalBytes !== undefined && written !== totalBytes) {
    throw new HttpGetError(finalUrl, `got ${written} of ${totalBytes} bytes`, true);
  }
  return hash && written === received ? { bytes: written, sha256: hash.digest('hex') } : { bytes: written };
}

function contentLength(response: IncomingMessage): number | undefined {
  const header = response.headers['content-length'];
  const value = header === undefined ? NaN : Number(header);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function parseContentRange(header: string | undefined): { start: number; total: number | undefined } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/i.exec(header?.trim() ?? '');
  if (!match) return undefined;
  return { start: Number(match[1]), total: match[3] === '*' ? undefined : Number(match[3]) };
}

function totalOfContentRange(response: IncomingMessage): number | undefined {
  const match = /^bytes \*\/(\d+)$/i.exec(response.headers['content-range']?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
