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

/** The frame number the video element shows right now, read from its pixels. */
export function readFrameNumber(video: HTMLVideoElement): number {
  const context = bandContext(1);
  context.clearRect(0, 0, BAND_WIDTH, BAND_HEIGHT); // a video with no picture yet reads as frame 0
  // Draw at natural scale so the band's blocks keep their 20 px geometry.
  if (video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0) drawBand(context, video, 0);
  return decodeRow(context.getImageData(0, 0, BAND_WIDTH, BAND_HEIGHT).data, 0);
}

/**
 * The frame numbers `videos` show at one instant (undefined: no picture yet, or a number above
 * `maxFrame`, i.e. a misread).
 *
 * A video's picture can change in the middle of a task, so reading 8 videos one by one could mix
 * pictures from before and after a frame change. Where WebCodecs exists, every picture is taken as
 * a VideoFrame cropped to the band, back to back, and taken again until two passes hold the same
 * frames (by timestamp: the presented frame's media time), then decoded. Drawing the video itself
 * converts its whole picture: measured in headless Chromium (software compositing, 2-core AMD
 * EPYC), 7–9 ms for a playing 640×360 video, which starved the benchmark's page (8 such videos:
 * 4 readings a second, pictures a few frames behind currentTime in every player); a cropped frame
 * converts only the band (0.45 ms), and taking one copies nothing. Elsewhere the bands are copied
 * back to back into one canvas and decoded, repeated until two passes agree.
 */
export function readFrameNumbers(videos: readonly HTMLVideoElement[], maxFrame = Infinity): Array<number | undefined> {
  if (typeof VideoFrame === 'function') return readFromVideoFrames(videos, maxFrame);
  let frames = copyAndDecode(videos, maxFrame);
  for (let pass = 0; pass < 4; pass++) {
    const again = copyAndDecode(videos, maxFrame);
    if (again.every((frame, i) => frame === frames[i])) break;
    frames = again;
  }
  return frames;
}

function readFromVideoFrames(videos: readonly HTMLVideoElement[], maxFrame: number): Array<number | undefined> {
  let frames = videos.map(takeBand);
  for (let pass = 0; pass < 4; pass++) {
    const again = videos.map(takeBand);
    const same = again.every((frame, i) => frame?.timestamp === frames[i]?.timestamp);
    for (const frame of frames) frame?.close();
    frames = again;
    if (same) break;
  }
  const context = bandContext(videos.length);
  frames.forEach((frame, row) => {
    if (!frame) return;
    context.drawImage(frame, 0, row * BAND_HEIGHT, BAND_WIDTH, BAND_HEIGHT);
    frame.close();
  });
  const { data } = context.getImageData(0, 0, BAND_WIDTH, BAND_HEIGHT * Math.max(1, videos.length));
  return frames.map((frame, row) => {
    if (!frame) return undefined;
    const number = decodeRow(data, row);
    return number <= maxFrame ? number : undefined;
  });
}

/** The band of `video`'s current picture as a VideoFrame (undefined: no picture to take, read as unreadable). */
function takeBand(video: HTMLVideoElement): VideoFrame | undefined {
  if (video.readyState < HAVE_CURRENT_DATA || video.videoWidth === 0) return undefined;
  try {
    return new VideoFrame(video, { visibleRect: { x: 0, y: 0, width: BAND_WIDTH, height: BAND_HEIGHT } });
  } catch {
    // The element has no frame to give after all (InvalidStateError): like a video with no picture yet.
    return undefined;
  }
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

function copyAndDecode(videos: readonly HTMLVideoElement[], maxFrame: number): Array<number | undefined> {
  const context = bandContext(videos.length);
  const readable = videos.map((video) => video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0);
  videos.forEach((video, row) => {
    if (readable[row]) drawBand(context, video, row);
  });
  const { data } = context.getImageData(0, 0, BAND_WIDTH, BAND_HEIGHT * Math.max(1, videos.length));
  return videos.map((_video, row) => {
    if (!readable[row]) return undefined;
    const frame = decodeRow(data, row);
    return frame <= maxFrame ? frame : undefined;
  });
}

/** Copies the band of `video`'s current picture into band row `row` (see `readFrameNumbers`). */
function drawBand(context: CanvasRenderingContext2D, video: HTMLVideoElement, row: number): void {
  const frame = typeof VideoFrame === 'function' ? takeBand(video) : undefined;
  if (!frame) {
    context.drawImage(video, 0, 0, BAND_WIDTH, BAND_HEIGHT, 0, row * BAND_HEIGHT, BAND_WIDTH, BAND_HEIGHT);
    return;
  }
  context.drawImage(frame, 0, row * BAND_HEIGHT, BAND_WIDTH, BAND_HEIGHT);
  frame.close();
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
