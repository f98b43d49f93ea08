import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-chromium.mjs';
import { createStaticHandler, MEDIA_PATH } from './scripts/range-static.mjs';

const serveMedia = createStaticHandler('.');
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `node scripts/find-chromium.mjs`.');

/**
 * Requests the tests make on purpose to get a 404 (a deleted file, a wrong URL, a missing module): a
 * path segment named missing…, no-such…, does-not-exist…, deleted…, gone… or probe-gone…, and the relative-URL fixture's entry
 * that resolves beside the JSON. Only these, and only in test files that passed, are left out of
 * the output; any other 404 is printed.
 */
const DELIBERATE_404 = /(^|\/)(missing|no-such|does-not-exist|deleted|gone|probe-gone)[^/]*(\/|$)|^test\/fixtures\/recordings\/cam-a\.mp4$/;
const isDeliberate404 = (url) => DELIBERATE_404.test(url.split('?')[0]);

/**
 * video.js logs `VIDEOJS: ERROR: (CODE:n MEDIA_ERR_…)` whenever the player reports a media error,
 * which the negative tests provoke (a missing or unfinished recording). In a test file that passed,
 * every such error was expected by its test; in one that failed, they are printed, as are all other logs.
 */
const isProvokedMediaError = (log) =>
  log.type === 'error' && /^VIDEOJS: ERROR: \(CODE:\d+ MEDIA_ERR_/.test(log.args.filter((arg) => typeof arg === 'string').join(' '));

/** The default reporter, without the 404s that passing tests asked for. */
function reporterWithoutDeliberate404s() {
  const reporter = defaultReporter();
  return {
    ...reporter,
    reportTestFileResults(args) {
      const sessionsForTestFile = args.sessionsForTestFile.map((session) =>
        session.passed ? { ...session, request404s: session.request404s.filter((url) => !isDeliberate404(url)) } : session,
      );
      return reporter.reportTestFileResults({ ...args, sessionsForTestFile });
    },
  };
}

export default {
  files: ['.test-build/**/*.test.js'],
  nodeResolve: false,
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 4 * 60 * 1000,
  browserStartTimeout: 60000,
  reporters: [reporterWithoutDeliberate404s()],
  filterBrowserLogs: (log, session) => !(session?.passed && isProvokedMediaError(log)),
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
