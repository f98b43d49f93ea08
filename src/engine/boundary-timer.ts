/**
 * A timer for the next moment something changes on the timeline (a file starts or ends, a preroll
 * point just before a start, a mount point a preload window ahead), so that files appear on time
 * between frames. Kept while the next moment is unchanged.
 */
import type { MasterClock } from '../core/clock/master-clock.js';
import { nextBoundaryAfter, type Timeline } from '../core/timeline/timeline.js';
import type { Cancel, Scheduler } from './scheduler.js';

export class BoundaryTimer {
  #cancel: Cancel | undefined;
  #dueAtMs = 0;
  /** What the armed moment was worked out from: it holds while the position is between the two. */
  #from: { timeline: Timeline; positionMs: number; leadsMs: readonly number[] } | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: MasterClock,
    private readonly onDue: () => void,
  ) {}

  /** Arms the timer for the first boundary, seen `leadsMs` ahead, after `positionMs`. */
  schedule(timeline: Timeline | undefined, positionMs: number, leadsMs: readonly number[]): void {
    if (!timeline || !this.clock.running) {
      this.clear();
      return;
    }
    // No boundary lies between where it was worked out and the moment armed: it is still the next.
    if (this.#cancel && this.#workedOutFrom(timeline, positionMs, leadsMs)) return;
    let nextMs = timeline.durationMs;
    for (const leadMs of leadsMs) {
      const boundary = nextBoundaryAfter(timeline, positionMs + leadMs);
      if (boundary !== undefined && boundary - leadMs > positionMs) nextMs = Math.min(nextMs, boundary - leadMs);
    }
    const from = { timeline, positionMs, leadsMs: [...leadsMs] };
    if (this.#cancel && this.#dueAtMs === nextMs) {
      this.#from = from;
      return;
    }
    this.clear();
    const delayMs = this.clock.realMsUntil(nextMs, this.scheduler.now());
    if (!Number.isFinite(delayMs)) return;
    this.#dueAtMs = nextMs;
    this.#from = from;
    this.#cancel = this.scheduler.setTimer(() => {
      this.#cancel = undefined;
      this.onDue();
      // At least 1 ms: with the clock's rate factor, a boundary can be a rounding error away, and a
      // 0 ms timer would fire again and again before the clock passes it.
    }, Math.max(1, delayMs));
  }

  clear(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#from = undefined;
  }

  #workedOutFrom(timeline: Timeline, positionMs: number, leadsMs: readonly number[]): boolean {
    const from = this.#from;
    if (!from || from.timeline !== timeline || positionMs < from.positionMs || positionMs >= this.#dueAtMs) return false;
    if (from.leadsMs.length !== leadsMs.length) return false;
    for (let i = 0; i < leadsMs.length; i++) if (from.leadsMs[i] !== leadsMs[i]) return false;
    return true;
  }
}
