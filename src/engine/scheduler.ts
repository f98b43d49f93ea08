/**
 * Everything the engine does later goes through one `Scheduler`: display frames, timers,
 * microtasks, the time and the page's visibility. The browser's is the default; tests drive the
 * engine with a fake one (time moves when the test says so) and the benchmark times the engine's
 * frame step by wrapping `requestFrame`. Inject it with `ReplayEngineOptions.scheduler`.
 */

/** Cancels what was scheduled (safe to call more than once). */
export type Cancel = () => void;

export interface Scheduler {
  /** Real time in milliseconds (a monotonic clock). */
  now(): number;
  /**
   * Calls `callback` once, at the next display frame; in a hidden page (no frames) after a short
   * timer instead, so that sound stays in sync and files keep mounting in the background.
   */
  requestFrame(callback: () => void): Cancel;
  setTimer(callback: () => void, delayMs: number): Cancel;
  queueMicrotask(callback: () => void): void;
  /** Whether the page is hidden: nothing is presented, frame callbacks come from a timer. */
  readonly pageHidden: boolean;
  /** Calls `listener` whenever the page is hidden or shown again. */
  onVisibilityChange(listener: () => void): Cancel;
}

/** Frame interval of a hidden page (browsers throttle its timers to about once a second anyway). */
const HIDDEN_FRAME_INTERVAL_MS = 100;

export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  requestFrame(callback) {
    if (document.hidden) {
      const timer = setTimeout(callback, HIDDEN_FRAME_INTERVAL_MS);
      return () => clearTimeout(timer);
    }
    const frame = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(frame);
  },
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  },
  queueMicrotask: (callback) => queueMicrotask(callback),
  get pageHidden() {
    return document.hidden;
  },
  onVisibilityChange(listener) {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
