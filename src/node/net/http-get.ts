/**
 * One HTTP(S) GET with the rules every download of the command follows: only `http:`/`https:`,
 * redirects followed (each hop checked again), an idle timeout, Ctrl-C honoured, and optionally
 * no loopback or private addresses. Errors say which URL failed and why, with the HTTP status.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkLiteralHost, publicOnlyLookup } from './address-guard.js';

export interface GetOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Allow loopback and private addresses (the default for the `archive` command, not for the server). */
  readonly allowPrivate?: boolean;
  /** A connection that sends nothing for this long is given up (and retried by the caller). */
  readonly idleTimeoutMs?: number;
  readonly maxRedirects?: number;
}

/** A failed request: `status` when the server answered, `retryable` when trying again may help. */
export class HttpGetError extends Error {
  override readonly name = 'HttpGetError';
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(`${url}: ${reason}`);
  }
}

export interface OpenResponse {
  readonly response: IncomingMessage;
  /** The URL that answered, after redirects. */
  readonly url: string;
}

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** Opens a GET and returns the response of the last redirect hop, status not yet judged. */
export async function openGet(url: string, options: GetOptions = {}): Promise<OpenResponse> {
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    const response = await requestOnce(current, options);
    const location = response.headers.location;
    if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      current = new URL(location, current).href;
      continue;
    }
    return { response, url: current };
  }
  throw new HttpGetError(url, 'too many redirects', false);
}

/** Why a status is a failure, and whether trying again could help (server trouble, rate limits). */
export function statusError(url: string, response: IncomingMessage): HttpGetError {
  const status = response.statusCode ?? 0;
  const retryable = status >= 500 || status === 408 || status === 429;
  return new HttpGetError(url, `HTTP ${`${status} ${response.statusMessage ?? ''}`.trim()}`, retryable, status);
}

function requestOnce(url: string, options: GetOptions): Promise<IncomingMessage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.reject(new HttpGetError(url, 'not a valid URL', false));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return Promise.reject(new HttpGetError(url, `only http: and https: URLs are downloaded, not ${parsed.protocol}`, false));
  }
  if (!options.allowPrivate) {
    try {
      checkLiteralHost(parsed.hostname);
    } catch (error) {
      return Promise.reject(new HttpGetError(url, (error as Error).message, false));
    }
  }
  const request = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'GET',
    headers: { 'user-agent': 'tic-replay', ...options.headers },
    ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup as RequestOptions['lookup'] }),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = request(parsed, requestOptions, resolve);
    req.setTimeout(options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, () => {
      req.destroy(new HttpGetError(url, 'no data for too long (timed out)', true));
    });
    req.on('error', (error: NodeJS.ErrnoException) => reject(asGetError(url, error)));
    req.end();
  });
}

/** Network errors in words; a refused address or an abort is final, anything else may pass. */
export function asGetError(url: string, error: unknown): HttpGetError {
  if (error instanceof HttpGetError) return error;
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'ERR_REFUSED_ADDRESS') return new HttpGetError(url, err.message, false);
  if (err.name === 'AbortError' || err.code === 'ABORT_ERR') return new HttpGetError(url, 'interrupted', false);
  const reason =
    err.code === 'ECONNRESET' || err.message === 'aborted'
      ? 'the connection was reset'
      : err.code === 'ECONNREFUSED'
        ? 'connection refused'
        : err.code === 'ENOTFOUND'
          ? 'host not found'
          : err.message || String(error);
  return new HttpGetError(url, reason, true);
}
