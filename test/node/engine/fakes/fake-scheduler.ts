/**
 * A scheduler whose time moves only when a test says so: `advance(ms)` walks in display frames,
 * moving the fake media first (see `FakeMediaWorld`), then firing due timers, then the frame
 * callbacks, draining microtasks after each. `pending` counts everything still scheduled, so a
 * test can prove that teardown leaves nothing behind.
 */
import type { Cancel, Scheduler } from '../../../../src/engine/scheduler.js';

interface Timer {
  readonly atMs: number;
  readonly callback: () => void;
}

export class FakeScheduler implements Scheduler {
  nowMs = 1000;
  pageHidden = false;
  readonly frameIntervalMs = 16;
  readonly #timers = new Set<Timer>();
  readonly #frames = new Set<() => void>();
  readonly #microtasks: Array<() => void> = [];
  readonly #visibilityListeners = new Set<() => void>();
  /** Called with each step of time before timers and frames (the fake media move here). */
  readonly #beforeStep: Array<(elapsedMs: number) => void> = [];

  now(): number {
    return this.nowMs;
  }

  everyFrame(callback: () => void): Cancel {
    const entry = () => callback();
    this.#frames.add(entry);
    return () => this.#frames.delete(entry);
  }

  setTimer(callback: () => void, delayMs: number): Cancel {
    const timer = { atMs: this.nowMs + Math.max(0, delayMs), callback };
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }

  queueMicrotask(callback: () => void): void {
    this.#microtasks.push(callback);
  }

  onVisibilityChange(listener: () => void): Cancel {
    const entry = () => listener();
    this.#visibilityListeners.add(entry);
    return () => this.#visibilityListeners.delete(entry);
  }

  onStep(listener: (elapsedMs: number) => void): void {
    this.#beforeStep.push(listener);
  }

  /** Frames, timers and visibility listeners still scheduled. */
  get pending(): { frames: number; timers: number; visibilityListeners: number } {
    return { frames: this.#frames.size, timers: this.#timers.size, visibilityListeners: this.#visibilityListeners.size };
  }

  /** Runs microtasks (also promise reactions: awaits a macrotask turn) until none is left. */
  async flush(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      while (this.#microtasks.length > 0) this.#microtasks.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#microtasks.length === 0) return;
    }
  }

  /** Moves time forward by `ms`, one display frame at a time. */
  async advance(ms: number): Promise<void> {
    const endMs = this.nowMs + ms;
    while (this.nowMs < endMs) {
      const frameEndMs = this.nowMs + Math.min(this.frameIntervalMs, endMs - this.nowMs);
      // Timers due inside this frame fire at their own time.
      for (;;) {
        const due = [...this.#timers].filter((timer) => timer.atMs <= frameEndMs).sort((a, b) => a.atMs - b.atMs)[0];
        if (!due) break;
        this.#moveTo(due.atMs);
        this.#timers.delete(due);
        due.callback();
        await this.flush();
      }
      this.#moveTo(frameEndMs);
      // Each repeating frame callback once (one cancelled by an earlier one in this frame does not run).
      for (const frame of [...this.#frames]) if (this.#frames.has(frame)) frame();
      await this.flush();
    }
  }

  /** Advances until `condition` holds (checked every frame), at most `limitMs`; returns the time it took. */
  async until(condition: () => boolean, limitMs = 10000): Promise<number> {
    const startMs = this.nowMs;
    while (!condition()) {
      if (this.nowMs - startMs >= limitMs) throw new Error(`condition not met within ${limitMs} ms of fake time`);
      await this.advance(this.frameIntervalMs);
    }
    return this.nowMs - startMs;
  }

  setPageHidden(hidden: boolean): void {
    this.pageHidden = hidden;
    for (const listener of [...this.#visibilityListeners]) listener();
  }

  #moveTo(atMs: number): void {
    const elapsedMs = atMs - this.nowMs;
    if (elapsedMs <= 0) return;
    this.nowMs = atMs;
    for (const listener of this.#beforeStep) listener(elapsedMs);
  }
}
