/**
 * The one place where replay-timeline milliseconds become media-element seconds and back.
 * A file placed at `startMs` shows media time `(clockMs - startMs) / 1000` when the clock is at `clockMs`.
 */
export interface Placed {
  readonly startMs: number;
}

export function mediaTimeAtS(file: Placed, clockMs: number): number {
  return (clockMs - file.startMs) / 1000;
}

export function timelineMsAt(file: Placed, mediaTimeS: number): number {
  return file.startMs + mediaTimeS * 1000;
}

export function secondsToMs(seconds: number): number {
  return seconds * 1000;
}

export function msToSeconds(ms: number): number {
  return ms / 1000;
}
