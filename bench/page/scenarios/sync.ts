/**
 * Scenarios a–d and k–o: synchronized playback. Plays a set of streams from 0 and reads every shown
 * stream in every animation frame: spread, frame gap, stalls, rate writes (and, on request, the
 * trace behind the chart).
 */
import { eachFrame, FreezeTracker, readPlayer, SyncStats, type Reading, type SyncSummary } from '../measure.js';
import { clearRateWriteLog, rateWritesSince } from '../rate-writes.js';
import { streamSet, type PlayerName, type StreamSet } from '../streams.js';
import { median, type Percentiles } from '../util.js';
import { withPlayer } from './stage.js';

export interface SyncOptions {
  readonly player: PlayerName;
  readonly set: StreamSet;
  readonly streams: number;
  readonly rate: number;
  /** Play until the clock reaches this timeline position (ms)... */
  readonly untilMs: number;
  /** ...or this much real time has passed since play(). */
  readonly wallCapMs: number;
  /** Also return every reading's per-stream error and the rate writes (for the chart). */
  readonly trace?: boolean;
}

/**
 * Every player gets the same settling time: measuring starts this long after it first claims to
 * play, as the peers' documentation intends (a timing object's followers converge in about a
 * second). The first second is reported separately.
 */
export const SETTLE_MS = 1000;

export interface SyncTrace {
  /** Stream ids, in the order of `errorsMs` rows. */
  readonly streams: string[];
  /** Seconds since measuring started (negative: settling). */
  readonly t: number[];
  /** Per reading: each stream's position minus the median of all (ms; null: not shown). */
  readonly errorsMs: Array<Array<number | null>>;
  /** Rate changes: seconds since measuring started, and the stream's index. */
  readonly writes: Array<{ t: number; index: number }>;
}

export interface SyncResult extends SyncSummary {
  /** The same figures including the first second after the player claimed to play. */
  readonly withStartSpread: Percentiles;
  readonly withStartFrameGap: Percentiles;
  /** Rate changes on the shown streams' elements while measuring, per stream per minute. */
  readonly rateWritesPerStreamMinute: number;
  readonly stalls: number;
  readonly stalledMs: number;
  readonly wallMs: number;
  readonly reachedMs: number;
  /** Readings taken while the player claimed to be playing, of all readings. */
  readonly claimedFraction: number;
  readonly loadMs: number;
  /** Frames the browser dropped and all it handled, over the shown streams' elements (whole run). */
  readonly droppedFrames: number;
  readonly totalFrames: number;
  /** The share of the run's wall time the page spent reading the player (mostly its pictures). */
  readonly readingShare: number;
  readonly trace?: SyncTrace;
}

/**
 * Plays the recording from 0 and reads every shown stream in every animation frame. Spread, frame
 * gap and mismatches count only readings taken while the player claims to be playing (for
 * <tic-replay>: after `playing`, not while seeking or waiting; a timing object or wall clock
 * claims it from play() on), from SETTLE_MS after it first did. Stalls count every reading.
 */
export function sync(options: SyncOptions): Promise<SyncResult> {
  return withPlayer(options.player, async (player) => {
    clearRateWriteLog();
    const specs = streamSet(options.player, options.set, options.streams);
    const loadStarted = performance.now();
    await player.load(specs);
    const loadMs = performance.now() - loadStarted;
    player.setRate(options.rate);
    const measured = new SyncStats();
    const withStart = new SyncStats();
    let firstClaimedAt: number | undefined;
    let measuringFrom: number | undefined;
    let measuringUntil = 0;
    const freezes = new FreezeTracker();
    let readings = 0;
    let readingMs = 0;
    let claimed = 0;
    const trace: SyncTrace | undefined = options.trace ? { streams: specs.map((spec) => spec.id), t: [], errorsMs: [], writes: [] } : undefined;
    const traceStart = () => measuringFrom ?? (firstClaimedAt ?? 0) + SETTLE_MS;
    const playedAt = performance.now();
    player.play();
    await eachFrame(() => {
      const readAt = performance.now();
      const reading = readPlayer(player);
      readingMs += performance.now() - readAt;
      readings += 1;
      freezes.add(reading);
      if (reading.claimsPlaying) {
        claimed += 1;
        withStart.add(reading);
        firstClaimedAt ??= reading.t;
        if (reading.t - firstClaimedAt >= SETTLE_MS) {
          measuringFrom ??= reading.t;
          measuringUntil = reading.t;
          measured.add(reading);
        }
        if (trace) recordTrace(trace, reading, traceStart());
      }
      return (reading.clockMs ?? 0) < options.untilMs && reading.t - playedAt < options.wallCapMs;
    });
    // Rate changes on the elements of the streams shown while measuring, whoever made them.
    const elements = specs.map((spec) => player.elementOf(spec.id)).filter((element): element is HTMLVideoElement => element !== undefined);
    const writes = measuringFrom === undefined ? [] : rateWritesSince(measuringFrom, elements).filter((write) => write.t <= measuringUntil);
    const measuredMinutes = measuringFrom === undefined ? 0 : (measuringUntil - measuringFrom) / 60000;
    if (trace && firstClaimedAt !== undefined) {
      const origin = traceStart();
      trace.writes.push(
        ...rateWritesSince(firstClaimedAt, elements).map((write) => ({ t: round((write.t - origin) / 1000, 3), index: specs.findIndex((spec) => player.elementOf(spec.id) === elements[write.index]) })),
      );
    }
    const quality = elements.map((element) => element.getVideoPlaybackQuality());
    const wallMs = performance.now() - playedAt;
    return {
      ...measured.summary(),
      withStartSpread: withStart.summary().spread,
      withStartFrameGap: withStart.summary().frameGap,
      rateWritesPerStreamMinute: measuredMinutes > 0 ? writes.length / elements.length / measuredMinutes : Number.NaN,
      stalls: freezes.stalls,
      stalledMs: freezes.stalledMs,
      wallMs,
      reachedMs: player.clockMs() ?? 0,
      claimedFraction: readings ? claimed / readings : 0,
      loadMs,
      droppedFrames: quality.reduce((sum, q) => sum + q.droppedVideoFrames, 0),
      totalFrames: quality.reduce((sum, q) => sum + q.totalVideoFrames, 0),
      readingShare: wallMs > 0 ? readingMs / wallMs : 0,
      ...(trace ? { trace } : {}),
    };
  });
}

function recordTrace(trace: SyncTrace, reading: Reading, originT: number): void {
  const positions = reading.streams.map((stream) => stream.positionMs);
  if (positions.length === 0) return;
  const middle = median(positions);
  trace.t.push(round((reading.t - originT) / 1000, 3));
  trace.errorsMs.push(
    trace.streams.map((id) => {
      const stream = reading.streams.find((candidate) => candidate.id === id);
      return stream ? round(stream.positionMs - middle, 2) : null;
    }),
  );
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
