/**
 * Scenario g: start-up; the time from play() until every stream has presented a new frame, with
 * everything loaded beforehand.
 */
import { displayedFrame } from '../measure.js';
import { stream, threeStreams, type PlayerName } from '../streams.js';
import { delay, median } from '../util.js';
import { withPlayer } from './stage.js';

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
