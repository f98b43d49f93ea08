#!/usr/bin/env node
/**
 * Generates the small, deterministic media files that the tests, benchmarks and demo use.
 *
 *   node scripts/make-media.mjs            # everything
 *   node scripts/make-media.mjs fixtures   # test/fixtures/ only
 *   node scripts/make-media.mjs demo       # demo/media/ + demo/sample-recording.json only
 *
 * Needs ffmpeg + ffprobe (with libx264, libmp3lame, drawtext/libfreetype) on PATH, or set
 * FFMPEG / FFPROBE to their paths. The drawn text uses DejaVuSansMono (MAKE_MEDIA_FONT overrides).
 *
 * The frame code every video frame carries is described in scripts/make-media/frame-code.mjs.
 *
 * Every file written here is decoded again afterwards (every frame's band, the frame count, the
 * durations, the key-frame spacing, the streams) and the script fails loudly if anything is off.
 * Reruns with the same ffmpeg build produce byte-identical files (single-threaded x264, bitexact
 * muxing, no metadata).
 */
import { makeDemo } from './make-media/demo.mjs';
import { MediaError, requireTools } from './make-media/ffmpeg.mjs';
import { makeFixtures } from './make-media/fixtures.mjs';

function main() {
  const arg = process.argv[2];
  const sets = { fixtures: makeFixtures, demo: makeDemo };
  if (process.argv.length > 3 || (arg && !(arg in sets))) {
    console.error('usage: node scripts/make-media.mjs [fixtures|demo]');
    process.exit(2);
  }
  try {
    requireTools();
    const t0 = Date.now();
    for (const [name, make] of Object.entries(sets)) if (!arg || arg === name) make();
    console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (e instanceof MediaError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

main();
