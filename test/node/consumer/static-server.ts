// An HTTP server for the consumer pages: `/project/…` is this checkout (fixtures), `/consumer/…` the
// consumer project. sirv answers Range requests with 206, as Chromium needs to seek in mp4 files.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface StaticServerOptions {
  /** URL prefix (`/consumer/`) → folder. */
  readonly mounts: Readonly<Record<string, string>>;
  /** Extra response headers for a path (e.g. a Content-Security-Policy for one page). */
  readonly headersFor?: (path: string) => Readonly<Record<string, string>>;
}

export async function startStaticServer({ mounts, headersFor }: StaticServerOptions): Promise<StaticServer> {
  const handlers: [string, Handler][] = Object.entries(mounts).map(([prefix, root]) => [
    prefix,
    sirv(root, { dev: true, dotfiles: false, setHeaders: (res) => res.setHeader('Accept-Ranges', 'bytes') }) as Handler,
  ]);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(headersFor?.(path) ?? {})) res.setHeader(name, value);
    const mount = handlers.find(([prefix]) => path.startsWith(prefix));
    const notFound = () => {
      res.statusCode = 404;
      res.end(`Not found: ${path}`);
    };
    if (!mount) return notFound();
    req.url = req.url!.slice(mount[0].length - 1);
    mount[1](req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
