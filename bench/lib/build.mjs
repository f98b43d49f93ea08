// Bundles the benchmark page (bench/page/main.ts and what it imports from src/ and npm) into
// .bench-build/ with the project's browser plugin chain, as the tests are bundled.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { rollup } from 'rollup';
import { browserPlugins } from '../../scripts/rollup-plugins.mjs';

export const BUILD_DIR = '.bench-build';

export async function buildBenchPage(root) {
  rmSync(new URL(BUILD_DIR, root), { recursive: true, force: true });
  makeLongMedia(root);
  const bundle = await rollup({
    input: new URL('bench/page/main.ts', root).pathname,
    plugins: browserPlugins(),
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
      // timingsrc's build refers to `this` at module level, which ES modules leave undefined: harmless.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  try {
    await bundle.write({ dir: new URL(BUILD_DIR, root).pathname, format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' });
  } finally {
    await bundle.close();
  }
}

/** How many times the long files repeat a 12 s fixture (`LONG_MEDIA` in bench/page/streams.ts names the same). */
const LONG_MEDIA_REPEATS = 7;

/**
 * The fixtures scenarios h and p play for over a minute (V8 optimizes code called once per frame
 * only after tens of seconds; the steady-state rate changes are counted per minute): each 12 s
 * fixture looped by ffmpeg without re-encoding into .bench-build/media/<name>-x7.mp4. Looped, not
 * concatenated: the concat demuxer starts a camera's video 21 ms late (its audio's priming), which
 * puts every picture a frame off the whiteboard's at equal currentTime. Looping keeps the video's
 * timestamps those of the fixture, repeat after repeat (the audio has an 11 ms gap per repeat).
 */
function makeLongMedia(root) {
  const dir = new URL(`${BUILD_DIR}/media/`, root);
  mkdirSync(dir, { recursive: true });
  for (const name of ['board', 'cam-a', 'cam-b']) {
    const source = new URL(`test/fixtures/${name}.mp4`, root).pathname;
    const output = new URL(`${name}-x${LONG_MEDIA_REPEATS}.mp4`, dir).pathname;
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', String(LONG_MEDIA_REPEATS - 1), '-i', source, '-c', 'copy', '-movflags', '+faststart', output]);
  }
}
