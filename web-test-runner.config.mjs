import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-chromium.mjs';
import { createStaticHandler, MEDIA_PATH } from './scripts/range-static.mjs';

const serveMedia = createStaticHandler('.');
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/find-chromium.mjs`.');

export default {
  files: ['.test-build/**/*.test.js'],
  nodeResolve: false,
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 4 * 60 * 1000,
  browserStartTimeout: 60000,
  middleware: [
    // Media and recordings go through the Range-capable handler (the default one ignores Range).
    async function rangeMedia(ctx, next) {
      if (!MEDIA_PATH.test(ctx.url)) return next();
      // `?delay=ms` makes a file slow to arrive, to test how the replay waits for data.
      const delayMs = Number(new URL(ctx.url, 'http://x').searchParams.get('delay') ?? 0);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      ctx.respond = false;
      return new Promise((resolve) => {
        ctx.res.on('finish', resolve);
        ctx.res.on('close', resolve);
        serveMedia(ctx.req, ctx.res, () => {
          ctx.respond = true;
          resolve(next());
        });
      });
    },
  ],
};
