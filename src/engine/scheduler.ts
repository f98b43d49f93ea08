/**
 * Everything the engine does later goes through one `Scheduler`: display frames, timers,
 * microtasks, the time and the page's visibility. The browser's is the default; tests drive the
 * engine with a fake one (time moves when the test says so) and the benchmark times the engine's
 * frame step by wrapping `everyFrame`. Inject it with `ReplayEngineOptions.scheduler`.
 */

/** Cancels what was scheduled (safe to call more than once). */
export type Cancel = () => void;

export interface Scheduler {
  /** Real time in milliseconds (a monotonic clock). */
  now(): number;
  /**
   * Calls `callback` about once per display frame (60 Hz) until cancelled; in a hidden page less
   * often, so that sound stays in sync and files keep mounting in the background. The interval is
   * chosen when called: call it again when the page is hidden or shown.
   */
  everyFrame(callback: () => void): Cancel;
  setTimer(callback: () => void, delayMs: number): Cancel;
  queueMicrotask(callback: () => void): void;
  /** Whether the page is hidden: nothing is presented, frame callbacks come from a timer. */
  readonly pageHidden: boolean;
  /** Calls `listener` whenever the page is hidden or shown again. */
  onVisibilityChange(listener: () => void): Cancel;
}

/** The step's interval in a visible page: one 60 Hz display frame. */
export const FRAME_INTERVAL_MS = 16;
/** ...and in a hidden page (browsers throttle its timers to about once a second anyway). */
const HIDDEN_FRAME_INTERVAL_MS = 100;

export const browserScheduler: Scheduler = {
  now: () => performance.now(),
  /**
   * A repeating timer, not requestAnimationFrame: the step reads and steers media elements and
   * draws nothing, and with many videos playing Chromium holds the main thread for the first
   * animation frame requested in a frame (measured here with 32 videos playing: 234 µs mean, 60 µs
   * median, against 27 µs for a timer). It also goes on where a page gets no animation frames.
   * One interval rather than a timeout per frame: nothing to arm again in each step.
   */
  everyFrame(callback) {
    const timer = setInterval(callback, document.hidden ? HIDDEN_FRAME_INTERVAL_MS : FRAME_INTERVAL_MS);
    return () => clearInterval(timer);
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
