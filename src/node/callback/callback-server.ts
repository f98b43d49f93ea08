/**
 * The HTTP side of `serve-callback`: checks each recording callback, records the finished ones in
 * the journal and answers at once; the archive runs later (`ArchiveJobs`).
 *
 *   POST <path>    403 bad or expired signature · 400 not JSON · 413 over 1 MiB ·
 *                  200 {"error_code":0} for a recorded job, a duplicate, or any other event
 *   GET /healthz   200 with the jobs' counts
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ArchiveJobs } from './archive-jobs.js';
import { checkCallbackSign } from './callback-sign.js';
import { logText } from './log-text.js';
import type { JobJournal } from './job-journal.js';

export const MAX_CALLBACK_BYTES = 1024 * 1024;
/** A body this far over the limit is not drained any more: the connection is cut. */
const MAX_DRAIN_BYTES = 16 * MAX_CALLBACK_BYTES;

export interface CallbackHandlerOptions {
  readonly callbackKey: string;
  /** The path callbacks are posted to, e.g. `/` or `/tic/callback`. */
  readonly path: string;
  readonly journal: JobJournal;
  readonly jobs: ArchiveJobs;
  readonly log: (line: string) => void;
  readonly nowS?: () => number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function createCallbackHandler(options: CallbackHandlerOptions): Handler {
  const nowS = options.nowS ?? (() => Math.floor(Date.now() / 1000));
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') {
      return answer(res, 200, { ok: true, jobs: options.journal.counts() });
    }
    if (path !== options.path) return answer(res, 404, { error_code: 404, error: 'not found' });
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return answer(res, 405, { error_code: 405, error: 'callbacks are POSTed' });
    }
    readBody(req)
      .then((body) => handleCallback(body, options, nowS, req, res))
      .catch((error: Error) => {
        options.log(`callback error from ${peer(req)}: ${error.message}`);
        if (!res.headersSent) answer(res, 500, { error_code: 500, error: 'internal error' });
      });
  };
}

async function handleCallback(
  body: Buffer | 'too-large',
  options: CallbackHandlerOptions,
  nowS: () => number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const from = peer(req);
  if (body === 'too-large') {
    options.log(`callback 413 from ${from}: body over ${MAX_CALLBACK_BYTES} bytes`);
    return answer(res, 413, { error_code: 413, error: `body over ${MAX_CALLBACK_BYTES} bytes` });
  }
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch (error) {
    options.log(`callback 400 from ${from}: not JSON (${(error as Error).message})`);
    return answer(res, 400, { error_code: 400, error: `not JSON: ${(error as Error).message}` });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    options.log(`callback 400 from ${from}: not a JSON object`);
    return answer(res, 400, { error_code: 400, error: 'the body must be a JSON object' });
  }
  const callback = document as Record<string, unknown>;
  const sign = checkCallbackSign(callback, options.callbackKey, nowS());
  if (!sign.ok) {
    options.log(`callback 403 from ${from}: ${sign.reason}`);
    return answer(res, 403, { error_code: 403, error: sign.reason });
  }

  const eventType = typeof callback['EventType'] === 'string' ? callback['EventType'] : String(JSON.stringify(callback['EventType']));
  const eventData = callback['EventData'];
  const taskId = typeof eventData === 'object' && eventData !== null ? (eventData as Record<string, unknown>)['TaskId'] : undefined;
  if (eventType !== 'OnlineRecordFinished') {
    options.log(`callback 200 ${logText(eventType)} TaskId=${typeof taskId === 'string' ? logText(taskId) : '-'}: nothing to archive`);
    return answer(res, 200, { error_code: 0 });
  }
  if (typeof taskId !== 'string' || taskId === '') {
    options.log(`callback 400 from ${from}: OnlineRecordFinished without EventData.TaskId`);
    return answer(res, 400, { error_code: 400, error: 'EventData.TaskId is missing' });
  }

  const job = await options.journal.add(taskId, callback);
  if (!job) {
    const known = options.journal.get(taskId);
    options.log(`callback 200 OnlineRecordFinished TaskId=${logText(taskId)}: duplicate, already ${known?.state ?? 'known'}`);
    return answer(res, 200, { error_code: 0 });
  }
  options.log(`callback 200 OnlineRecordFinished TaskId=${logText(taskId)}: queued`);
  answer(res, 200, { error_code: 0 });
  options.jobs.enqueue(taskId);
}

/** The body, or `too-large` once it passes the limit (the rest is drained, up to a point, so the answer can be read). */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > MAX_DRAIN_BYTES) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CALLBACK_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_CALLBACK_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function peer(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
