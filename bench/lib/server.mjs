// The benchmark's HTTP server: the repository root (fixtures, the page) and the page's bundle, on
// 127.0.0.1 with an ephemeral port. Media goes through the Range-capable handler (206), without
// which Chromium snaps mp4 seeks back to 0.
import { createServer } from 'node:http';
import { createStaticHandler } from '../../scripts/range-static.mjs';
import { BUILD_DIR } from './build.mjs';

const BUILD_PREFIX = '/bench-build/';

export async function startServer(root) {
  const serveRoot = createStaticHandler(new URL('.', root).pathname);
  const serveBuild = createStaticHandler(new URL(BUILD_DIR, root).pathname);
  const server = createServer((req, res) => {
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs (the tick is
    // a fraction of a millisecond). Everything is same-origin, so nothing else changes.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end(`Not found: ${req.url}\n`);
    };
    if (req.url.startsWith(BUILD_PREFIX)) {
      req.url = req.url.slice(BUILD_PREFIX.length - 1);
      serveBuild(req, res, notFound);
    } else {
      serveRoot(req, res, notFound);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
