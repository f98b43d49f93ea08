/**
 * The frame code: drawing it into every video frame, and reading it back from a file.
 *
 * Every video frame carries its frame number N (0-based index within that file) in a band at the
 * very top of the picture: y in [0,16), x in [0,320): 16 blocks, each 20 px wide and 16 px tall.
 * Block b (b = 0 leftmost) is white (luma 255) if bit (15 - b) of N is 1, black (luma 0) otherwise,
 * i.e. most significant bit leftmost. Read it by sampling the centre of each block (x = 20b + 10,
 * y = 8) and thresholding at 128. It is made by an ffmpeg geq source on a 320x16 canvas:
 *   geq=lum='255*mod(floor(N/pow(2\,15-floor(X/20)))\,2)':cb=128:cr=128
 * overlaid at (0,0). Pictures wider than 320 keep the band 320 px wide at x = 0.
 */
import { fail, ffmpeg, passthroughArgs, q } from './ffmpeg.mjs';
import { rel } from './paths.mjs';

/** Geometry of the frame code; also written into test/fixtures/fixtures.json. */
export const FRAME_CODE = Object.freeze({
  x: 0,
  y: 0,
  width: 320,
  height: 16,
  bits: 16,
  blockWidth: 20,
  blockHeight: 16,
  msbFirst: true,
  /** Sample the block centre (x = 20b + 10, y = 8); luma above this is a 1. */
  threshold: 128,
});

/** The frame-code band, as a filtergraph chain ending in [label]. */
export function bandChain(fps, durS, label) {
  return (
    `color=c=black:s=${FRAME_CODE.width}x${FRAME_CODE.height}:r=${fps}:d=${durS},format=yuv420p,` +
    `geq=lum=${q('255*mod(floor(N/pow(2,15-floor(X/20))),2)')}:cb=128:cr=128[${label}]`
  );
}

/** Decodes every frame's band and returns the numbers (plus the weakest block contrast seen). */
export function decodeFrameCodes(input) {
  const { width: bw, height: bh } = FRAME_CODE;
  const raw = ffmpeg(
    ['-i', input, '-map', '0:v:0', '-an', '-vf', `crop=${bw}:${bh}:0:0,format=gray`, ...passthroughArgs(), '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    `decode ${rel(input)}`,
  );
  const frameBytes = bw * bh;
  if (raw.length % frameBytes !== 0) fail(`make-media: ${rel(input)}: decoded ${raw.length} bytes, not a whole number of ${bw}x${bh} bands`);
  const codes = [];
  let weakest = 255;
  for (let off = 0; off < raw.length; off += frameBytes) {
    let n = 0;
    for (let b = 0; b < FRAME_CODE.bits; b++) {
      // mean of the 8x8 square around the block centre
      const cx = b * FRAME_CODE.blockWidth + FRAME_CODE.blockWidth / 2;
      const cy = FRAME_CODE.blockHeight / 2;
      let sum = 0;
      for (let y = cy - 4; y < cy + 4; y++) for (let x = cx - 4; x < cx + 4; x++) sum += raw[off + y * bw + x];
      const v = sum / 64;
      weakest = Math.min(weakest, Math.abs(v - FRAME_CODE.threshold));
      n = n * 2 + (v >= FRAME_CODE.threshold ? 1 : 0);
    }
    codes.push(n);
  }
  return { codes, weakest };
}
