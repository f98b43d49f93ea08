// A static file handler that answers HTTP Range requests with 206. Chromium snaps every mp4 seek
// back to 0 when a server ignores Range, so every server of the project (demo, tests, bench) uses this.
import sirv from 'sirv';

/**
 * @param {string} root directory to serve
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void}
 */
export function createStaticHandler(root) {
  return sirv(root, {
    dev: true, // no caching of file lists: files may be regenerated while serving
    dotfiles: false,
    etag: true,
    setHeaders(res) {
      res.setHeader('Accept-Ranges', 'bytes');
      res.setHeader('Access-Control-Allow-Origin', '*');
    },
  });
}

/** Media served by the test runner and bench through the Range-capable handler. */
export const MEDIA_PATH = /\.(mp4|m4a|mp3|ts|m3u8|webm|json)(\?|$)/;
