/**
 * When a media element has enough to play, and what the replay's `readyState` is: pure rules over
 * a few numbers read from the elements, so that they are tested without a browser.
 */
import { HAVE_CURRENT_DATA, HAVE_ENOUGH_DATA, HAVE_FUTURE_DATA, HAVE_METADATA, type TimeRangesLike } from '../media-api.js';

/** The readings of one element these rules need. */
export interface ElementReadiness {
  readonly readyState: number;
  readonly seeking: boolean;
  readonly buffered: TimeRangesLike;
  /** Media duration in seconds (NaN before metadata). */
  readonly duration: number;
}

/** The end of a file counts as reached when buffered data reaches this close to it (s). */
const FILE_END_TOLERANCE_S = 0.05;

/** Whether an element can play on from where it is (at a file's tail, everything up to its end is enough). */
export function hasFutureData(element: ElementReadiness): boolean {
  if (element.readyState >= HAVE_FUTURE_DATA) return true;
  if (element.readyState < HAVE_CURRENT_DATA || element.seeking) return false;
  return bufferedToEnd(element);
}

/**
 * Whether the element's data is there for the next `aheadS` seconds from `positionS` (or to the
 * end of the file): if it cannot play on all the same, it is decoding, not waiting for the network.
 */
export function hasDataAhead(element: Pick<ElementReadiness, 'buffered' | 'duration'>, positionS: number, aheadS: number): boolean {
  const endS = bufferedEndAt(element.buffered, positionS);
  return endS !== undefined && (endS >= positionS + aheadS || (Number.isFinite(element.duration) && endS >= element.duration - FILE_END_TOLERANCE_S));
}

/** Where the buffered range holding `positionS` ends (s), if one does. */
export function bufferedEndAt(ranges: TimeRangesLike, positionS: number): number | undefined {
  let endS: number | undefined;
  for (let i = 0; i < ranges.length; i++) {
    if (ranges.start(i) <= positionS + 0.001 && ranges.end(i) >= positionS) endS = ranges.end(i);
  }
  return endS;
}

/** Whether buffered data reaches the end of the file. */
export function bufferedToEnd(element: Pick<ElementReadiness, 'buffered' | 'duration'>): boolean {
  const ranges = element.buffered;
  return Number.isFinite(element.duration) && ranges.length > 0 && ranges.end(ranges.length - 1) >= element.duration - FILE_END_TOLERANCE_S;
}

/** One stream's readiness as read once per engine step: its `readyState`, and `hasFutureData` of it. */
export interface StreamReadiness {
  readonly readyState: number;
  readonly canPlayOn: boolean;
  /** Let go (out of data past the stall timeout): the replay plays on without it. */
  readonly letGo?: boolean;
}

/** The ready state one stream contributes to the replay's: at least "future data" when it can play on. */
export function streamReadyState(stream: StreamReadiness): number {
  return stream.canPlayOn ? Math.max(stream.readyState, HAVE_FUTURE_DATA) : Math.min(stream.readyState, HAVE_CURRENT_DATA);
}

/**
 * The replay's `readyState`: metadata only while positioning, else the least ready of the streams
 * that should be playing and are waited for (all of the replay's data when none is).
 */
export function replayReadyState(positioning: boolean, streams: readonly StreamReadiness[]): number {
  if (positioning) return HAVE_METADATA;
  let state = HAVE_ENOUGH_DATA;
  for (const stream of streams) if (!stream.letGo) state = Math.min(state, streamReadyState(stream));
  return Math.max(state, HAVE_METADATA);
}

/** The events a change of `readyState` fires, in order (`loadeddata` only once per recording). */
export function readyStateEvents(previous: number, next: number, loadedDataSent: boolean): Array<'loadeddata' | 'canplay' | 'canplaythrough'> {
  const events: Array<'loadeddata' | 'canplay' | 'canplaythrough'> = [];
  if (previous < HAVE_CURRENT_DATA && next >= HAVE_CURRENT_DATA && !loadedDataSent) events.push('loadeddata');
  if (previous < HAVE_FUTURE_DATA && next >= HAVE_FUTURE_DATA) events.push('canplay');
  if (previous < HAVE_ENOUGH_DATA && next >= HAVE_ENOUGH_DATA) events.push('canplaythrough');
  return events;
}

/** A media time kept within a file's media (its duration unknown: only not before 0). */
export function clampToMedia(mediaTimeS: number, durationS: number): number {
  return Number.isFinite(durationS) ? Math.min(Math.max(mediaTimeS, 0), durationS) : Math.max(mediaTimeS, 0);
}

/** Whether a target media time is past the last frame of a file (whose media ended before its interval). */
export function isPastMediaEnd(targetS: number, durationS: number): boolean {
  return Number.isFinite(durationS) && targetS >= durationS - 0.001;
}
