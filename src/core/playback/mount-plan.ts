/**
 * Which files have a media element at a given moment: the active ones, and the ones starting within
 * the preload window (mounted hidden and paused on their first frame so they appear on time).
 * Everything else has no element at all, so the number of live elements is bounded by what is
 * active plus the window, however long the recording.
 */
import { filesOverlapping, type Timeline, type TimelineFile } from '../timeline/timeline.js';

export interface MountPlan {
  readonly active: readonly TimelineFile[];
  readonly preloading: readonly TimelineFile[];
}

export function planMounts(timeline: Timeline, displayMs: number, lookaheadMs: number): MountPlan {
  const mounted = filesOverlapping(timeline, displayMs, displayMs + Math.max(lookaheadMs, 1));
  const active: TimelineFile[] = [];
  const preloading: TimelineFile[] = [];
  for (const entry of mounted) (entry.startMs <= displayMs ? active : preloading).push(entry);
  return { active, preloading };
}

/** The moment whose picture is shown: at the very end, the last instant of the replay (its last frames stay up). */
export function displayPositionMs(positionMs: number, durationMs: number): number {
  return durationMs > 0 ? Math.min(positionMs, durationMs - 1) : 0;
}
