/**
 * Reads the frame number burned into every fixture frame (scripts/make-media.mjs): a 320×16 band at
 * the top-left, 16 blocks of 20 px, white = 1, most significant bit first.
 */
const BLOCKS = 16;
const BLOCK_WIDTH = 20;
const BAND_HEIGHT = 16;

let canvas: HTMLCanvasElement | undefined;

/** The frame number the video element shows right now, read from its pixels. */
export function readFrameNumber(video: HTMLVideoElement): number {
  canvas ??= document.createElement('canvas');
  canvas.width = BLOCKS * BLOCK_WIDTH;
  canvas.height = BAND_HEIGHT;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  // Draw at natural scale so the band's blocks keep their 20 px geometry.
  context.drawImage(video, 0, 0, BLOCKS * BLOCK_WIDTH, BAND_HEIGHT, 0, 0, BLOCKS * BLOCK_WIDTH, BAND_HEIGHT);
  const { data } = context.getImageData(0, 0, BLOCKS * BLOCK_WIDTH, BAND_HEIGHT);
  let frame = 0;
  for (let block = 0; block < BLOCKS; block++) {
    let sum = 0;
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -3; dx <= 3; dx++) {
        const x = block * BLOCK_WIDTH + 10 + dx;
        const y = 8 + dy;
        const i = (y * BLOCKS * BLOCK_WIDTH + x) * 4;
        sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      }
    }
    frame = frame * 2 + (sum / 35 >= 128 ? 1 : 0);
  }
  return frame;
}
