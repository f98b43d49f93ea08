/**
 * The replay's `buffered`: the stretch from the current position that can play without waiting.
 * It ends where the first active file runs out of buffered data, or at the end of the replay where
 * nothing is active.
 */
import { msToSeconds, secondsToMs } from '../core/sync/media-time.js';
import type { MountedFile } from './mounted-file.js';
import { TimeRangeList } from './time-ranges.js';

export function bufferedAhead(active: readonly MountedFile[], positionMs: number, durationMs: number): TimeRangeList {
  let endMs = durationMs;
  for (const file of active) {
    const { slot } = file;
    if (slot.failed) continue;
    const mediaTimeS = file.targetS(positionMs);
    const ranges = slot.element.buffered;
    let bufferedEndMs = positionMs;
    for (let i = 0; i < ranges.length; i++) {
      if (ranges.start(i) <= mediaTimeS + 0.001 && ranges.end(i) >= mediaTimeS) {
        bufferedEndMs = slot.startMs + secondsToMs(ranges.end(i) - slot.videoStartOffsetS);
      }
    }
    const coversToFileEnd =
      bufferedEndMs >= slot.endMs - 1 || (Number.isFinite(slot.mediaDurationS) && ranges.length > 0 && ranges.end(ranges.length - 1) >= slot.mediaDurationS - 0.05);
    if (!coversToFileEnd) endMs = Math.min(endMs, bufferedEndMs);
  }
  return new TimeRangeList(endMs > positionMs ? [[msToSeconds(positionMs), msToSeconds(endMs)]] : []);
}
