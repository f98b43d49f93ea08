/**
 * A real HTTP server for the command's tests: serves a folder with `Range` (206, 416) and, by path
 * prefix, misbehaves the way real CDNs do:
 *   /missing/…  404
 *   /reset/…    the first request for a file sends half of it, then resets the connection
 *   /slow/…     the body trickles (16 KiB every 40 ms), so a test can kill the client mid-file
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface MediaServer {
  readonly url: string;
  /** Every request: path and Range header. */
  readonly requests: Array<{ path: string; range: string | undefined }>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.json': 'application/json',
};

export async function startMediaServer(root: string): Promise<MediaServer> {
  const requests: MediaServer['requests'] = [];
  const resetDone = new Set<string>();
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', range: req.headers.range });
    serve(root, req, res, resetDone).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(root: string, req: IncomingMessage, res: ServerResponse, resetDone: Set<string>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  let path = decodeURIComponent(url.pathname);
  const mode = /^\/(missing|reset|slow)\//.exec(path)?.[1];
  if (mode) path = path.slice(mode.length + 1);
  if (mode === 'missing') return end(res, 404, 'Not Found');

  const file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return end(res, 404, 'Not Found');
  const size = info.size;
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Last-Modified', info.mtime.toUTCString());

  let start = 0;
  let endByte = size - 1;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
    endByte = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > endByte) {
      res.setHeader('Content-Range', `bytes */${size}`);
      return end(res, 416, 'Range Not Satisfiable');
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${endByte}/${size}`);
  } else res.statusCode = 200;
  res.setHeader('Content-Length', String(endByte - start + 1));

  if (mode === 'reset' && !resetDone.has(path)) {
    resetDone.add(path);
    const half = start + Math.floor((endByte - start + 1) / 2);
    res.flushHeaders();
    const stream = createReadStream(file, { start, end: half - 1 });
    stream.on('data', (chunk) => res.write(chunk));
    stream.on('end', () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
    return;
  }
  if (mode === 'slow') {
    res.flushHeaders();
    const stream = createReadStream(file, { start, end: endByte, highWaterMark: 16 * 1024 });
    for await (const chunk of stream) {
      if (res.destroyed) return;
      res.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    res.end();
    return;
  }
  createReadStream(file, { start, end: endByte }).pipe(res);
}

function end(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain');
  res.end(text);
}
