/**
 * Times as people read them on a player: `m:ss`, or `h:mm:ss` from an hour on. The control bar,
 * the timeline lanes, the stage and the review page all show times this one way.
 */

/** 75.3 s → `1:15`; 3725 s → `1:02:05`. Negative and non-finite times show as `0:00`. */
export function formatClock(seconds: number): string {
  // The small epsilon keeps 2.9999999 (a float from ms / 1000) from showing one second short.
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds + 1e-6)) : 0;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secondsPart = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secondsPart}` : `${minutes}:${secondsPart}`;
}

/** A time on the replay timeline (ms) as `formatClock` shows it. */
export function formatClockMs(ms: number): string {
  return formatClock(ms / 1000);
}

/** A stretch of the timeline: `0:05–1:20`. */
export function formatSpanMs(startMs: number, endMs: number): string {
  return `${formatClockMs(startMs)}–${formatClockMs(endMs)}`;
}

/**
 * 75.34 s → `1:15.3`: tenths, for a status line that shows the exact position. Tenths are cut,
 * not rounded, so the shown time never runs ahead of the clock.
 */
export function formatClockTenths(seconds: number): string {
  const safe = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  const tenths = Math.floor(safe * 10 + 1e-6) % 10;
  return `${formatClock(safe)}.${tenths}`;
}
