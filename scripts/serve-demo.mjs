// Serves the demo (and the built dist/) on localhost with HTTP Range support, and prints the URL.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { createStaticHandler } from './range-static.mjs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(new URL('../dist/tic-replay.js', import.meta.url))) {
  console.error('dist/tic-replay.js is missing: run `npm run build` first (`npm start` does both).');
  process.exit(1);
}
const serve = createStaticHandler(root);
const host = process.env.HOST ?? '127.0.0.1';
let port = Number(process.env.PORT ?? 8000);

const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '') {
    res.writeHead(302, { Location: '/demo/' });
    res.end();
    return;
  }
  serve(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Not found: ${req.url}\n`);
  });
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && !process.env.PORT && port < 8020) {
    port += 1;
    server.listen(port, host);
    return;
  }
  console.error(error.message);
  process.exit(1);
});
server.on('listening', () => {
  console.log(`tic-replay demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/demo/`);
  console.log('Press Ctrl+C to stop.');
});
server.listen(port, host);
