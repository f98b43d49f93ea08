/**
 * The benchmark scenarios, run inside the page. Each takes plain JSON options and returns plain
 * JSON results; bench/run.mjs decides which run, for which players, and prints the table.
 */
import { TicReplayElement } from '../../src/element/tic-replay.component.js';
import { browserScheduler, type Scheduler } from '../../src/engine/scheduler.js';
import { liveHlsInstances } from '../../src/media/hls-source.js';
import type { Recording, RecordingFile } from '../../src/core/recording/recording.js';
import { buildTimeline } from '../../src/core/timeline/timeline.js';
import { displayedFrame, eachFrame, FreezeTracker, readPlayer, SyncStats, type Reading, type SyncSummary } from './measure.js';
import { createPlayer, type BenchPlayer } from './players.js';
import { clearRateWriteLog, rateWritesSince } from './rate-writes.js';
import { FRAME_MS, seededRandom, stream, streamSet, threeStreams, type PlayerName, type StreamSet, type StreamSpec } from './streams.js';
import { delay, median, nextEvent, percentiles, until, type Percentiles } from './util.js';

/** A fresh box on the page for one player. */
function stage(): HTMLElement {
  const box = document.createElement('section');
  document.body.append(box);
  return box;
}

function withPlayer<T>(name: PlayerName, run: (player: BenchPlayer) => Promise<T>): Promise<T> {
  const box = stage();
  const player = createPlayer(name, box);
  return run(player).finally(() => {
    player.destroy();
    box.remove();
  });
}

// ---- synchronized playback ----------------------------------------------------------------

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
    let claimed = 0;
    const trace: SyncTrace | undefined = options.trace ? { streams: specs.map((spec) => spec.id), t: [], errorsMs: [], writes: [] } : undefined;
    const traceStart = () => measuringFrom ?? (firstClaimedAt ?? 0) + SETTLE_MS;
    const playedAt = performance.now();
    player.play();
    await eachFrame(() => {
      const reading = readPlayer(player);
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
    return {
      ...measured.summary(),
      withStartSpread: withStart.summary().spread,
      withStartFrameGap: withStart.summary().frameGap,
      rateWritesPerStreamMinute: measuredMinutes > 0 ? writes.length / elements.length / measuredMinutes : Number.NaN,
      stalls: freezes.stalls,
      stalledMs: freezes.stalledMs,
      wallMs: performance.now() - playedAt,
      reachedMs: player.clockMs() ?? 0,
      claimedFraction: readings ? claimed / readings : 0,
      loadMs,
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

// ---- e: seeks ----------------------------------------------------------------------------------

export interface SeekOptions {
  readonly player: PlayerName;
  readonly seeks: number;
  readonly seed: number;
  readonly timeoutMs: number;
}

export interface SeekResult {
  readonly settle: Percentiles;
  readonly timeouts: number;
  readonly targetsMs: number[];
  readonly settleMs: number[];
}

/**
 * Whether a seek to `targetMs` has settled: every shown stream shows a readable frame past the
 * target's frame (it plays again, and it is not a stale picture from before a backward seek) and
 * that frame is right: within one frame of where the player's clock says. Plain videos have no
 * clock: for them a right frame is one no further past the target than the time since the seek
 * allows (they start from the target together, which is all the floor promises).
 */
function seekSettled(reading: Reading, targetMs: number, streamCount: number, elapsedMs: number, rate: number): boolean {
  if (!reading.claimsPlaying || reading.streams.length !== streamCount) return false;
  for (const stream of reading.streams) {
    if (stream.frame === undefined) return false;
    const targetFrame = Math.floor((targetMs - stream.startMs) / FRAME_MS);
    if (stream.frame <= targetFrame) return false;
    if (reading.clockMs !== undefined) {
      const clockFrame = Math.floor((reading.clockMs - stream.startMs) / FRAME_MS);
      if (Math.abs(stream.frame - clockFrame) > 1) return false;
    } else if (stream.frame > targetFrame + Math.ceil((elapsedMs * rate) / FRAME_MS) + 1) {
      return false;
    }
  }
  return true;
}

/**
 * Plays, then seeks to seeded random positions during playback. Per seek: the time from the seek
 * until every stream shows its right frame from pixels and plays again (see seekSettled), sampled
 * once per animation frame.
 */
export function seeks(options: SeekOptions): Promise<SeekResult> {
  return withPlayer(options.player, async (player) => {
    const specs = threeStreams(options.player);
    await player.load(specs);
    player.play();
    await until(() => player.claimsPlaying(), `${options.player} plays`, 10000);
    await delay(500);
    const random = seededRandom(options.seed);
    const targetsMs = Array.from({ length: options.seeks }, () => Math.round(500 + random() * 9500));
    const settleMs: number[] = [];
    let timeouts = 0;
    for (const targetMs of targetsMs) {
      const seekedAt = performance.now();
      player.seek(targetMs);
      let settled: number | undefined;
      await eachFrame(() => {
        const reading = readPlayer(player);
        const elapsed = reading.t - seekedAt;
        if (seekSettled(reading, targetMs, specs.length, elapsed, player.rate)) {
          settled = elapsed;
          return false;
        }
        return elapsed < options.timeoutMs;
      });
      if (settled === undefined) timeouts += 1;
      else settleMs.push(settled);
      await delay(300);
    }
    return { settle: percentiles(settleMs), timeouts, targetsMs, settleMs };
  });
}

// ---- f: a file joining mid-play ----------------------------------------------------------------------

export interface JoinOptions {
  readonly player: PlayerName;
  /** VideoPlayTimes of the joining files (ms); playback starts 2 s before the first. */
  readonly joinsAtMs: number[];
  /** How long a join is watched at most, from 300 ms before its VideoPlayTime. */
  readonly timeoutMs: number;
}

export interface JoinResult {
  /** Per join: how late its first 10 frames are shown against the clock, median (ms; negative: early). */
  readonly lateMs: number[];
  /** Per join: from the clock passing VideoPlayTime until its frames are within one frame of the clock. */
  readonly inSyncAfterMs: number[];
  readonly late: Percentiles;
  readonly inSyncAfter: Percentiles;
}

/** The join's lateness is the median over its first 10 new frames (200 ms at 50 fps). */
const JOIN_LATENESS_FRAMES = 10;
/** In sync once this many new frames in a row are within one frame of the clock. */
const JOIN_IN_SYNC_STREAK = 5;

/**
 * Watches one joining file through requestVideoFrameCallback: for each new frame it presents after
 * the clock passed its VideoPlayTime, the frame number comes from the pixels and the clock's
 * position at the frame's expected display time from the player. The frame's lateness is
 *   clock at display − (VideoPlayTime + N · 20 ms),
 * how long after its due time the frame appears. 50 fps frames meet a 60 Hz display, so even a
 * file exactly on time scatters: measured against its own currentTime, a playing element reads
 * −12 to +7 ms (Chromium shows the frame nearest each refresh, sometimes before it is due), with a
 * median of −5 to 0. The join's lateness is the median over its first 10 frames, so a few frames
 * on time followed by a stall (an element with audio does that while its audio starts) count as
 * late, and one unlucky frame does not.
 *
 * Only frames past the one shown while waiting count (a re-presented first frame is not news).
 */
async function watchJoin(player: BenchPlayer, spec: StreamSpec, timeoutMs: number): Promise<{ lateMs: number; inSyncAfterMs: number }> {
  await until(() => (player.clockMs() ?? 0) >= spec.startMs - 300 && player.elementOf(spec.id) !== undefined, `the clock nears ${spec.id}`, 15000);
  const video = player.elementOf(spec.id)!;
  const waitingFrame = displayedFrame(video) ?? 0;
  return new Promise((resolve) => {
    const lateness: number[] = [];
    let dueAt: number | undefined;
    let streak = 0;
    let streakStart = 0;
    let inSyncAfterMs = Number.NaN;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ lateMs: lateness.length === JOIN_LATENESS_FRAMES ? median(lateness) : Number.NaN, inSyncAfterMs });
    };
    const timer = setTimeout(finish, timeoutMs);
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      if (done) return;
      const rate = player.rate;
      const clockNow = player.clockMs() ?? 0;
      const displayAt = metadata.expectedDisplayTime;
      const clockAtDisplay = player.claimsPlaying() ? clockNow + (displayAt - performance.now()) * rate : clockNow;
      const frame = displayedFrame(video);
      if (clockAtDisplay >= spec.startMs && frame !== undefined && frame > waitingFrame) {
        dueAt ??= displayAt - (clockAtDisplay - spec.startMs) / rate;
        const lateMs = (clockAtDisplay - (spec.startMs + frame * FRAME_MS)) / rate;
        if (lateness.length < JOIN_LATENESS_FRAMES) lateness.push(lateMs);
        // Within one frame of the clock: the frame's interval is at most one frame from the clock.
        if (lateMs >= -FRAME_MS && lateMs < 2 * FRAME_MS) {
          if (streak === 0) streakStart = displayAt;
          streak += 1;
          if (streak === JOIN_IN_SYNC_STREAK && Number.isNaN(inSyncAfterMs)) inSyncAfterMs = streakStart - dueAt;
        } else {
          streak = 0;
        }
      }
      if (lateness.length === JOIN_LATENESS_FRAMES && !Number.isNaN(inSyncAfterMs)) finish();
      else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/**
 * Three streams from 0, and short files joining at `joinsAtMs` (each 4 s long, its own user).
 * timingsrc joins a file when its own update loop sees the clock pass the offset; paella-style
 * starts it with a timer at the offset; <tic-replay> has it mounted and paused on its first frame.
 */
export function join(options: JoinOptions): Promise<JoinResult> {
  return withPlayer(options.player, async (player) => {
    const joining = options.joinsAtMs.map((atMs, i) => stream(options.player, 'short.mp4', `join-${i + 1}`, atMs, 4000, 0, `late-${i + 1}`));
    await player.load([...threeStreams(options.player), ...joining], Math.max(0, options.joinsAtMs[0]! - 2000));
    player.play();
    // Watched concurrently: a join that never gets in sync must not make the next one missed.
    const results = await Promise.all(joining.map((spec) => watchJoin(player, spec, options.timeoutMs)));
    const lateMs = results.map((result) => result.lateMs);
    const inSyncAfterMs = results.map((result) => result.inSyncAfterMs);
    return { lateMs, inSyncAfterMs, late: percentiles(lateMs.filter(Number.isFinite)), inSyncAfter: percentiles(inSyncAfterMs.filter(Number.isFinite)) };
  });
}

// ---- g: start-up -------------------------------------------------------------------------------------

export interface StartupOptions {
  readonly player: PlayerName;
  readonly trials: number;
}

export interface StartupResult {
  readonly trialsMs: number[];
  readonly medianMs: number;
}

/** Resolves with the expected display time of the first frame `video` presents past the one it shows now. */
function firstAdvance(video: HTMLVideoElement, timeoutMs: number): Promise<number> {
  const shownFrame = displayedFrame(video) ?? -1;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(Number.NaN), timeoutMs);
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      const frame = displayedFrame(video);
      if (frame !== undefined && frame > shownFrame) {
        clearTimeout(timer);
        resolve(metadata.expectedDisplayTime);
      } else {
        video.requestVideoFrameCallback(onFrame);
      }
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/**
 * Time from play() until every stream has presented a frame past the one it was paused on, with
 * everything loaded beforehand (each trial a fresh player on fresh URLs). `single` is one plain
 * <video> with one file: the browser's own start-up.
 */
export async function startup(options: StartupOptions): Promise<StartupResult> {
  const trialsMs: number[] = [];
  for (let trial = 0; trial < options.trials; trial++) {
    const ms = await withPlayer(options.player, async (player) => {
      const specs = options.player === 'single' ? [stream('single', 'cam-a.mp4', 'cam-a', 0, 12000)] : threeStreams(options.player);
      await player.load(specs);
      await delay(300);
      const advances = player.shownStreams().map((shown) => firstAdvance(shown.element, 5000));
      const playedAt = performance.now();
      player.play();
      const shownAt = await Promise.all(advances);
      return Math.max(...shownAt) - playedAt;
    });
    trialsMs.push(ms);
  }
  return { trialsMs, medianMs: median(trialsMs.filter(Number.isFinite)) };
}

// ---- h: the sync tick with 32 tracks -------------------------------------------------------------

export interface TickOptions {
  readonly streams: number;
  readonly measureMs: number;
}

export interface TickResult {
  /** Per-frame tick wall time while the clock ran (ms). */
  readonly tick: Percentiles;
  readonly method: string;
  readonly activeStreams: number;
  readonly ticksWhileHeld: number;
  readonly crossOriginIsolated: boolean;
}

/**
 * The browser's scheduler, except that each frame callback (the engine's step, once per animation
 * frame) is timed and handed to `onFrame`.
 */
function frameTimingScheduler(onFrame: (elapsedMs: number) => void): Scheduler {
  const timed: Scheduler = Object.create(browserScheduler);
  timed.requestFrame = (callback) =>
    browserScheduler.requestFrame(() => {
      const started = performance.now();
      callback();
      onFrame(performance.now() - started);
    });
  return timed;
}

/**
 * The engine's per-frame work with `streams` active files (muted). The element's engine is given a
 * scheduler whose frame callbacks (the engine's step) are timed with performance.now() (5 µs
 * resolution: the page is cross-origin isolated). Only steps while the clock runs count, since a
 * held clock does other work.
 */
export function tick(options: TickOptions): Promise<TickResult> {
  const durations: number[] = [];
  let ticksWhileHeld = 0;
  let claimsPlaying = () => false;
  let measuring = false;
  TicReplayElement.engineScheduler = frameTimingScheduler((elapsedMs) => {
    if (!measuring) return;
    if (claimsPlaying()) durations.push(elapsedMs);
    else ticksWhileHeld += 1;
  });
  const run = withPlayer('tic-replay', async (player) => {
    const element = (player as unknown as { element: TicReplayElement }).element;
    element.muted = true;
    await player.load(streamSet('tick', 'mixed', options.streams));
    element.muted = true;
    player.play();
    await until(() => player.claimsPlaying(), '32 streams play', 30000);
    claimsPlaying = () => player.claimsPlaying();
    measuring = true;
    await delay(options.measureMs);
    measuring = false;
    return {
      tick: percentiles(durations),
      method: 'engine step per animation frame (an injected Scheduler times each frame callback)',
      activeStreams: player.shownStreams().length,
      ticksWhileHeld,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  });
  return run.finally(() => {
    TicReplayElement.engineScheduler = browserScheduler;
  });
}

// ---- i: the timeline of a 10,000-file recording -------------------------------------------------------

export interface TimelineOptions {
  readonly files: number;
  readonly runs: number;
}

export interface TimelineResult {
  readonly firstMs: number;
  readonly medianMs: number;
  readonly runs: number;
  readonly tracks: number;
  readonly files: number;
}

/**
 * A long class: 50 tracks (whiteboard, a screen share, a mixed stream, cameras) whose files are cut
 * by pauses and reconnects, with gaps, a few overlaps within a track, and the entries shuffled as a
 * service might list them.
 */
function generateRecording(fileCount: number): Recording {
  const random = seededRandom(10000);
  const trackCount = 50;
  const files: RecordingFile[] = [];
  const nextStart = new Array<number>(trackCount).fill(0);
  for (let i = 0; i < fileCount; i++) {
    const track = i % trackCount;
    const videoType = track === 0 ? 2 : track === 1 ? 1 : track === 2 ? 3 : 0;
    const durationMs = 5000 + Math.floor(random() * 55000);
    const gapMs = random() < 0.2 ? Math.floor(random() * 20000) : 0;
    const overlapMs = random() < 0.03 ? Math.floor(random() * 3000) : 0;
    const startMs = Math.max(0, nextStart[track]! + gapMs - overlapMs);
    nextStart[track] = startMs + durationMs;
    files.push({
      videoId: `v${i}`,
      userId: track < 3 ? '' : `user-${track}`,
      videoType: videoType as RecordingFile['videoType'],
      url: `https://example.com/rec/v${i}.mp4`,
      format: 'mp4',
      startMs,
      durationMs,
      sourceIndex: i,
    });
  }
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  return { shape: 'result', files: files.map((file, sourceIndex) => ({ ...file, sourceIndex })), omittedDurations: [] };
}

/** buildTimeline on the generated recording: the first run (cold) and the median of the rest. */
export function timeline(options: TimelineOptions): TimelineResult {
  const recording = generateRecording(options.files);
  const times: number[] = [];
  let tracks = 0;
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    tracks = buildTimeline(recording).tracks.length;
    times.push(performance.now() - started);
  }
  return { firstMs: times[0]!, medianMs: median(times.slice(1)), runs: options.runs, tracks, files: options.files };
}

// ---- j: mount/unmount cycles ---------------------------------------------------------------------

export interface CycleSnapshot {
  /** All media elements in the player's shadow root. */
  readonly mediaElements: number;
  readonly hlsInstances: number;
  /** performance.memory.usedJSHeapSize (after a garbage collection forced by bench/run.mjs). */
  readonly heapBytes: number;
}

const CYCLE_FILE_MS = 6000;
const CYCLE_FILES_PER_TRACK = 20;
const CYCLE_HOME_MS = 30000;

let cyclePlayer: BenchPlayer | undefined;
let cycleRandom: () => number = Math.random;

/** Waits for a seek of <tic-replay> to finish (or 10 s), then lets late async work settle. */
async function settleCycleSeek(ms: number, settleMs: number): Promise<void> {
  const element = (cyclePlayer as unknown as { element: TicReplayElement }).element;
  const seeked = nextEvent(element, 'seeked', 10000);
  cyclePlayer!.seek(ms);
  await seeked;
  await delay(settleMs);
}

/**
 * A 2-minute recording of three tracks — camera (mp4), whiteboard (mp4) and a camera over HLS —
 * each cut into 20 files of 6 s: every seek mounts some files and unmounts others. Ends warmed up
 * (hls.js loaded, a few seeks done) at 30 s.
 */
export async function cyclesSetup(options: { warmupSeeks: number }): Promise<void> {
  cycleRandom = seededRandom(1000);
  const box = stage();
  cyclePlayer = createPlayer('tic-replay', box);
  const specs: StreamSpec[] = [];
  for (let i = 0; i < CYCLE_FILES_PER_TRACK; i++) {
    const startMs = i * CYCLE_FILE_MS;
    specs.push(stream('cycles', 'cam-a.mp4', `cam-${i}`, startMs, CYCLE_FILE_MS, 0, 'alice'));
    specs.push(stream('cycles', 'board.mp4', `board-${i}`, startMs, CYCLE_FILE_MS, 2, ''));
    specs.push(stream('cycles', 'hls/cam-h.m3u8', `hls-${i}`, startMs, CYCLE_FILE_MS, 0, 'bob'));
  }
  await cyclePlayer.load(specs, CYCLE_HOME_MS);
  for (let i = 0; i < options.warmupSeeks; i++) await settleCycleSeek(Math.floor(cycleRandom() * CYCLE_FILES_PER_TRACK * CYCLE_FILE_MS), 0);
  await settleCycleSeek(CYCLE_HOME_MS, 1000);
}

export function cyclesSnapshot(): CycleSnapshot {
  const element = (cyclePlayer as unknown as { element: TicReplayElement }).element;
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return {
    mediaElements: element.shadowRoot!.querySelectorAll('video, audio').length,
    hlsInstances: liveHlsInstances(),
    heapBytes: memory?.usedJSHeapSize ?? Number.NaN,
  };
}

/**
 * `count` seeks to random positions, each in a task of its own (so mounts, hls.js attaching and
 * teardown interleave as under a user dragging the progress bar); every 100th waits for `seeked`.
 * Then back to 30 s, and a moment for late teardown.
 */
export async function cyclesRun(options: { count: number }): Promise<{ wallMs: number }> {
  const started = performance.now();
  const spanMs = CYCLE_FILES_PER_TRACK * CYCLE_FILE_MS;
  for (let i = 1; i <= options.count; i++) {
    const ms = Math.floor(cycleRandom() * spanMs);
    if (i % 100 === 0) await settleCycleSeek(ms, 0);
    else {
      cyclePlayer!.seek(ms);
      await delay(0);
    }
  }
  await settleCycleSeek(CYCLE_HOME_MS, 1500);
  return { wallMs: performance.now() - started };
}

export function cyclesTeardown(): void {
  cyclePlayer?.destroy();
  cyclePlayer = undefined;
}
