/**
 * Reads the frame number burned into every fixture frame (scripts/make-media.mjs,
 * test/fixtures/fixtures.json): a 320×16 band at the top-left, 16 blocks of 20 px, white = 1, most
 * significant bit first. The one decoder of the project: the tests and the benchmark both use it.
 */
const BLOCKS = 16;
const BLOCK_WIDTH = 20;
const BAND_WIDTH = BLOCKS * BLOCK_WIDTH;
const BAND_HEIGHT = 16;
const HAVE_CURRENT_DATA = 2;

let canvas: HTMLCanvasElement | undefined;

/** The frame number the video element shows right now, read from its pixels (0: no picture yet). */
export function readFrameNumber(video: HTMLVideoElement): number {
  return readFrameNumbers([video])[0] ?? 0;
}

/**
 * The frame numbers `videos` show at one instant (undefined: no picture yet, or a number above
 * `maxFrame`, i.e. a misread).
 *
 * A video's picture can change in the middle of a task, so reading 8 videos one by one could mix
 * pictures from before and after a frame change: all are taken back to back, and taken again until
 * two passes hold the same pictures. Where WebCodecs exists a picture is taken as a VideoFrame
 * cropped to the band (passes compared by its timestamp, the presented frame's media time), and
 * only the last pass is drawn and decoded. Drawing the video itself converts its whole picture:
 * measured in headless Chromium (software compositing, 2-core AMD EPYC), 7–9 ms for a playing
 * 640×360 video, which starved the benchmark's page (8 such videos: 4 readings a second, pictures a
 * few frames behind currentTime in every player); a cropped frame converts only the band (0.45 ms),
 * and taking one copies nothing. Elsewhere each pass draws the videos and compares the numbers.
 */
export function readFrameNumbers(videos: readonly HTMLVideoElement[], maxFrame = Infinity): Array<number | undefined> {
  if (typeof VideoFrame !== 'function') {
    const pictures = videos.map((video) => (hasPicture(video) ? video : undefined));
    let frames = decodeBands(pictures, maxFrame);
    for (let pass = 0; pass < 4; pass++) {
      const again = decodeBands(pictures, maxFrame);
      if (again.every((frame, i) => frame === frames[i])) break;
      frames = again;
    }
    return frames;
  }
  let pictures = videos.map(takeBand);
  for (let pass = 0; pass < 4; pass++) {
    const again = videos.map(takeBand);
    const same = again.every((picture, i) => picture?.timestamp === pictures[i]?.timestamp);
    for (const picture of pictures) picture?.close();
    pictures = again;
    if (same) break;
  }
  const frames = decodeBands(pictures, maxFrame);
  for (const picture of pictures) picture?.close();
  return frames;
}

function hasPicture(video: HTMLVideoElement): boolean {
  return video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0;
}

/** The band of `video`'s current picture as a VideoFrame (undefined: no picture to take). */
function takeBand(video: HTMLVideoElement): VideoFrame | undefined {
  if (!hasPicture(video)) return undefined;
  try {
    return new VideoFrame(video, { visibleRect: { x: 0, y: 0, width: BAND_WIDTH, height: BAND_HEIGHT } });
  } catch {
    // The element has no frame to give after all (InvalidStateError): like a video with no picture yet.
    return undefined;
  }
}

/**
 * Draws each picture's band into its row of one canvas (a VideoFrame already cropped to it, a
 * video at natural scale so the blocks keep their 20 px geometry) and decodes them.
 */
function decodeBands(pictures: ReadonlyArray<VideoFrame | HTMLVideoElement | undefined>, maxFrame: number): Array<number | undefined> {
  const context = bandContext(pictures.length);
  pictures.forEach((picture, row) => {
    if (!picture) return;
    if (picture instanceof HTMLVideoElement) context.drawImage(picture, 0, 0, BAND_WIDTH, BAND_HEIGHT, 0, row * BAND_HEIGHT, BAND_WIDTH, BAND_HEIGHT);
    else context.drawImage(picture, 0, row * BAND_HEIGHT, BAND_WIDTH, BAND_HEIGHT);
  });
  const { data } = context.getImageData(0, 0, BAND_WIDTH, BAND_HEIGHT * Math.max(1, pictures.length));
  return pictures.map((picture, row) => {
    if (!picture) return undefined;
    const frame = decodeRow(data, row);
    return frame <= maxFrame ? frame : undefined;
  });
}

function bandContext(rows: number): CanvasRenderingContext2D {
  canvas ??= document.createElement('canvas');
  const height = BAND_HEIGHT * Math.max(1, rows);
  if (canvas.width !== BAND_WIDTH || canvas.height !== height) {
    canvas.width = BAND_WIDTH;
    canvas.height = height;
  }
  return canvas.getContext('2d', { willReadFrequently: true })!;
}

/** The number in band row `row` of RGBA `data` (BAND_WIDTH wide): each block's mid 7×5 patch, luma ≥ 128 = 1. */
function decodeRow(data: Uint8ClampedArray, row: number): number {
  let frame = 0;
  for (let block = 0; block < BLOCKS; block++) {
    let sum = 0;
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -3; dx <= 3; dx++) {
        const i = ((row * BAND_HEIGHT + 8 + dy) * BAND_WIDTH + block * BLOCK_WIDTH + 10 + dx) * 4;
        sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      }
    }
    frame = frame * 2 + (sum / 35 >= 128 ? 1 : 0);
  }
  return frame;
}
