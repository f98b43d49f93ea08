/**
 * Where a replay is in its life, as one value instead of a handful of booleans. The media-element
 * flags (`paused`, `seeking`, `ended`) are derived from it and from whether play() was asked for.
 *
 *  - `empty`: nothing loaded;
 *  - `loading`: the recording is being read, or it has arrived and its first frames are being
 *    fetched at the start position (a seek that fires no `seeking`/`seeked`);
 *  - `paused`: loaded, paused;
 *  - `seeking`: every active file is being moved to a new position (paused or playing);
 *  - `starting`: play() asked for: the clock is held while the streams are started together;
 *  - `playing`: the clock runs and the streams follow it;
 *  - `waiting`: play() asked for, but a stream lacks data: the clock is held until it has some;
 *  - `ended`: the clock reached the end.
 */
export type PlaybackPhase = 'empty' | 'loading' | 'paused' | 'seeking' | 'starting' | 'playing' | 'waiting' | 'ended';

export interface PlaybackState {
  readonly phase: PlaybackPhase;
  /** play() was asked for and not cancelled by pause() (a media element's `!paused`). */
  readonly playRequested: boolean;
}

export const INITIAL_PLAYBACK_STATE: PlaybackState = { phase: 'empty', playRequested: false };

/** Phases in which the clock is held and the streams are being brought to it. */
export function isClockHeld(phase: PlaybackPhase): boolean {
  return phase === 'starting' || phase === 'waiting';
}

/** Phases in which files are being moved to a position (a seek, or the first positioning of a load). */
export function isPositioning(phase: PlaybackPhase): boolean {
  return phase === 'seeking' || phase === 'loading';
}

/**
 * The phase once the files show the frames of a new position: held for a synchronized start if
 * play() is wanted (still `waiting` if a wait was already announced), else paused.
 */
export function phaseAfterPositioning(state: PlaybackState, waitingAnnounced: boolean): PlaybackPhase {
  if (!state.playRequested) return 'paused';
  return waitingAnnounced ? 'waiting' : 'starting';
}
