/**
 * Reading a player from outside: every shown stream's position and displayed frame, taken together
 * in one task, and the statistics built from those readings.
 */
import type { BenchPlayer } from './players.js';
import { FPS, FRAME_MS } from './streams.js';
import { percentiles, type Percentiles } from './util.js';

/**
 * The frame code of the fixtures (test/fixtures/fixtures.json, read the same way as
 * test/helpers/frame-code.ts): a 320×16 band at the top-left, 16 blocks of 20 px, white = 1, most
 * significant bit first. The fixtures have at most 600 frames: a larger number is a misread.
 */
const BLOCKS = 16;
const BLOCK_WIDTH = 20;
const BAND_WIDTH = BLOCKS * BLOCK_WIDTH;
const BAND_HEIGHT = 16;
const MAX_FRAME = 600;
const HAVE_CURRENT_DATA = 2;

let bandCanvas: HTMLCanvasElement | undefined;

/**
 * The frame numbers `videos` display, from their pixels (undefined: no picture yet).
 *
 * A video's picture can change in the middle of a task (measured: it does), and copying a new
 * picture out of a video costs up to half a millisecond, so reading 8 videos one by one could mix
 * pictures from before and after a frame change. So all bands are copied back to back into one
 * canvas and decoded, and that is repeated until two passes agree: the result is what every video
 * showed at one instant. (Copying an unchanged picture again is cheap.)
 */
export function displayedFrames(videos: readonly HTMLVideoElement[]): Array<number | undefined> {
  let frames = copyAndDecode(videos);
  for (let pass = 0; pass < 4; pass++) {
    const again = copyAndDecode(videos);
    if (again.every((frame, i) => frame === frames[i])) break;
    frames = again;
  }
  return frames;
}

function copyAndDecode(videos: readonly HTMLVideoElement[]): Array<number | undefined> {
  bandCanvas ??= document.createElement('canvas');
  const height = BAND_HEIGHT * Math.max(1, videos.length);
  if (bandCanvas.width !== BAND_WIDTH || bandCanvas.height !== height) {
    bandCanvas.width = BAND_WIDTH;
    bandCanvas.height = height;
  }
  const context = bandCanvas.getContext('2d', { willReadFrequently: true })!;
  const readable = videos.map((video) => video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0);
  videos.forEach((video, row) => {
    if (readable[row]) context.drawImage(video, 0, 0, BAND_WIDTH, BAND_HEIGHT, 0, row * BAND_HEIGHT, BAND_WIDTH, BAND_HEIGHT);
  });
  const { data } = context.getImageData(0, 0, BAND_WIDTH, height);
  return videos.map((_video, row) => {
    if (!readable[row]) return undefined;
    let frame = 0;
    for (let block = 0; block < BLOCKS; block++) {
      // The mean luma of a 7×5 patch in the middle of the block.
      let sum = 0;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -3; dx <= 3; dx++) {
          const i = ((row * BAND_HEIGHT + 8 + dy) * BAND_WIDTH + block * BLOCK_WIDTH + 10 + dx) * 4;
          sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
        }
      }
      frame = frame * 2 + (sum / 35 >= 128 ? 1 : 0);
    }
    return frame < MAX_FRAME ? frame : undefined;
  });
}

export function displayedFrame(video: HTMLVideoElement): number | undefined {
  return displayedFrames([video])[0];
}

export interface StreamReading {
  readonly id: string;
  readonly startMs: number;
  readonly currentTimeS: number;
  /** Timeline position from currentTime: VideoPlayTime + currentTime · 1000. */
  readonly positionMs: number;
  /** The displayed frame's number, decoded from its pixels (undefined: no readable picture). */
  readonly frame: number | undefined;
}

export interface Reading {
  /** performance.now() of the reading. */
  readonly t: number;
  readonly clockMs: number | undefined;
  readonly claimsPlaying: boolean;
  readonly streams: readonly StreamReading[];
}

/**
 * Reads every shown stream of `player` in this one task: all currentTimes (Chromium keeps an
 * element's currentTime fixed from its first read until the next microtask checkpoint, so these
 * are one instant), then all pictures at one instant (see displayedFrames), a few ms later at most.
 */
export function readPlayer(player: BenchPlayer): Reading {
  const t = performance.now();
  const clockMs = player.clockMs();
  const claimsPlaying = player.claimsPlaying();
  const shown = player.shownStreams();
  const times = shown.map((stream) => stream.element.currentTime);
  const frames = displayedFrames(shown.map((stream) => stream.element));
  const streams = shown.map((stream, i) => ({
    id: stream.id,
    startMs: stream.startMs,
    currentTimeS: times[i]!,
    positionMs: stream.startMs + times[i]! * 1000,
    frame: frames[i],
  }));
  return { t, clockMs, claimsPlaying, streams };
}

/** Calls `onFrame` in every animation frame until it returns false. */
export function eachFrame(onFrame: (t: number) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const step = (t: number) => {
      if (onFrame(t)) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
}

export interface SyncSummary {
  /** max − min of the streams' timeline positions from currentTime (ms). */
  readonly spread: Percentiles;
  /** How far apart the displayed frames are in timeline time (ms): 0 = the same frame time. */
  readonly frameGap: Percentiles;
  /** Displayed frame numbers off floor(currentTime · 50) by more than 2. */
  readonly mismatches: number;
  /** Stream pictures read (the denominator of `mismatches`). */
  readonly framesRead: number;
  /** Stream readings without a readable picture. */
  readonly unreadable: number;
  readonly samples: number;
}

/** Spread, frame gap and code/currentTime mismatches over a series of readings. */
export class SyncStats {
  private readonly spreads: number[] = [];
  private readonly gaps: number[] = [];
  private mismatches = 0;
  private framesRead = 0;
  private unreadable = 0;

  add(reading: Reading): void {
    const streams = reading.streams;
    if (streams.length < 2) return;
    let minPosition = Infinity;
    let maxPosition = -Infinity;
    // Frame N of a file covers [VideoPlayTime + N·20, VideoPlayTime + (N+1)·20) of the timeline.
    let maxLower = -Infinity;
    let minUpper = Infinity;
    let readable = 0;
    for (const stream of streams) {
      minPosition = Math.min(minPosition, stream.positionMs);
      maxPosition = Math.max(maxPosition, stream.positionMs);
      if (stream.frame === undefined) {
        this.unreadable += 1;
        continue;
      }
      readable += 1;
      this.framesRead += 1;
      const lower = stream.startMs + stream.frame * FRAME_MS;
      maxLower = Math.max(maxLower, lower);
      minUpper = Math.min(minUpper, lower + FRAME_MS);
      // A tiny epsilon: currentTime 0.06 must count as frame 3, not 2.9999.
      if (Math.abs(stream.frame - Math.floor(stream.currentTimeS * FPS + 1e-6)) > 2) this.mismatches += 1;
    }
    this.spreads.push(maxPosition - minPosition);
    if (readable >= 2) this.gaps.push(Math.max(0, maxLower - minUpper));
  }

  summary(): SyncSummary {
    return {
      spread: percentiles(this.spreads),
      frameGap: percentiles(this.gaps),
      mismatches: this.mismatches,
      framesRead: this.framesRead,
      unreadable: this.unreadable,
      samples: this.spreads.length,
    };
  }
}

/** A picture that has not changed for this long while playback is wanted counts as a stall. */
const FROZEN_AFTER_MS = 100;

/**
 * Stalls as the viewer sees them: some shown stream's picture stays on one frame for more than
 * 100 ms (5 frames). The same measure for every player, whether its clock holds (every picture
 * freezes) or one stream falls behind on its own.
 */
export class FreezeTracker {
  private readonly lastChange = new Map<string, { frame: number | undefined; t: number }>();
  private frozen = false;
  private lastT: number | undefined;
  stalls = 0;
  stalledMs = 0;

  add(reading: Reading): void {
    let frozen = false;
    for (const stream of reading.streams) {
      const last = this.lastChange.get(stream.id);
      if (!last || last.frame !== stream.frame) this.lastChange.set(stream.id, { frame: stream.frame, t: reading.t });
      else if (reading.t - last.t > FROZEN_AFTER_MS) frozen = true;
    }
    if (frozen && !this.frozen) this.stalls += 1;
    if (frozen && this.lastT !== undefined) this.stalledMs += reading.t - this.lastT;
    this.frozen = frozen;
    this.lastT = reading.t;
  }
}
