/**
 * Reading a player from outside: every shown stream's position and displayed frame, taken together
 * in one task, and the statistics built from those readings.
 */
import { readFrameNumbers } from '../../test/helpers/frame-code.js';
import type { BenchPlayer } from './players.js';
import { FPS, FRAME_MS } from './streams.js';
import { percentiles, type Percentiles } from './util.js';

/** The fixtures have at most 600 frames: a larger number is a misread. */
const MAX_FRAME = 599;
/** The long media repeat the 12 s fixtures, codes and all: their frame numbers count on from 600 each time. */
const FIXTURE_FRAMES = MAX_FRAME + 1;

/** The frame numbers `videos` display at one instant, from their pixels (undefined: no picture yet). */
export function displayedFrames(videos: readonly HTMLVideoElement[]): Array<number | undefined> {
  return readFrameNumbers(videos, MAX_FRAME);
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
 * The frame number in the whole file: a code read from a repeated fixture (see LONG_MEDIA in
 * streams.ts) is placed in the repeat its element's currentTime is in (a reading never lags a
 * whole repeat, 12 s). The 12 s fixtures themselves are always in the first.
 */
function unwrapFrame(code: number | undefined, currentTimeS: number): number | undefined {
  if (code === undefined) return undefined;
  return code + Math.round((currentTimeS * FPS - code) / FIXTURE_FRAMES) * FIXTURE_FRAMES;
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
    frame: unwrapFrame(frames[i], times[i]!),
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
  /**
   * How far apart the streams' pictures sit against their own currentTime (ms): each stream's shown
   * frame (its start) minus its currentTime, averaged over the run; max − min of those averages.
   * Chromium shows frames on a cadence and lets a picture drift up to 16.7 ms from its media time
   * before it changes beat, so streams on the same currentTime can show frames a beat apart (see
   * BENCHMARKS.md): a frame gap with a small spread shows here.
   */
  readonly pictureOffsetSpreadMs: number;
  readonly samples: number;
}

/** Spread, frame gap and code/currentTime mismatches over a series of readings. */
export class SyncStats {
  private readonly spreads: number[] = [];
  private readonly gaps: number[] = [];
  private mismatches = 0;
  private framesRead = 0;
  private unreadable = 0;
  /** Per stream: the sum and count of (shown frame's start − currentTime) (ms). */
  private readonly pictureOffsets = new Map<string, { sumMs: number; count: number }>();

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
      let offset = this.pictureOffsets.get(stream.id);
      if (!offset) this.pictureOffsets.set(stream.id, (offset = { sumMs: 0, count: 0 }));
      // The shown frame's start against the stream's position, both on the timeline.
      offset.sumMs += lower - stream.positionMs;
      offset.count += 1;
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
      pictureOffsetSpreadMs: this.pictureOffsetSpread(),
    };
  }

  private pictureOffsetSpread(): number {
    const means = [...this.pictureOffsets.values()].map((offset) => offset.sumMs / offset.count);
    return means.length >= 2 ? Math.max(...means) - Math.min(...means) : Number.NaN;
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
