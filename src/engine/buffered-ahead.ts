/**
 * The replay's `buffered`: the stretch from the current position that can play without waiting.
 * It ends where the first active file runs out of buffered data, or at the end of the replay where
 * nothing is active.
 */
import { bufferedEndAt, bufferedToEnd } from '../core/playback/readiness.js';
import { msToSeconds, secondsToMs } from '../core/sync/media-time.js';
import type { MountedFile } from './mounted-file.js';
import { TimeRangeList } from './time-ranges.js';

export function bufferedAhead(active: readonly MountedFile[], positionMs: number, durationMs: number): TimeRangeList {
  let endMs = durationMs;
  for (const file of active) {
    const { slot } = file;
    if (slot.failed) continue;
    const ranges = slot.element.buffered;
    const endS = bufferedEndAt(ranges, file.targetS(positionMs));
    const bufferedEndMs = endS === undefined ? positionMs : slot.startMs + secondsToMs(endS - slot.videoStartOffsetS);
    const coversToFileEnd = bufferedEndMs >= slot.endMs - 1 || bufferedToEnd({ buffered: ranges, duration: slot.mediaDurationS });
    if (!coversToFileEnd) endMs = Math.min(endMs, bufferedEndMs);
  }
  return new TimeRangeList(endMs > positionMs ? [[msToSeconds(positionMs), msToSeconds(endMs)]] : []);
}
