/**
 * Scenario e: seeks during playback, to seeded random positions; per seek, the time until every
 * stream shows its right frame (read from pixels) and plays again.
 */
import { eachFrame, readPlayer, type Reading } from '../measure.js';
import { FRAME_MS, seededRandom, threeStreams, type PlayerName } from '../streams.js';
import { delay, percentiles, until, type Percentiles } from '../util.js';
import { withPlayer } from './stage.js';

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
