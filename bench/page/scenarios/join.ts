/**
 * Scenario f: files joining mid-play; per join, how late its first frames are shown against the
 * clock and how long until its frames are within one frame of it.
 */
import { displayedFrame } from '../measure.js';
import type { BenchPlayer } from '../players.js';
import { FRAME_MS, stream, threeStreams, type PlayerName, type StreamSpec } from '../streams.js';
import { median, percentiles, until, type Percentiles } from '../util.js';
import { withPlayer } from './stage.js';

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
