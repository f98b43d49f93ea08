/**
 * video.js without its HLS/DASH engine (we bring our own Tech). The core build imports a few
 * CommonJS packages; rollup's commonjs plugin turns them into ESM. The flag module comes first: it
 * must run before video.js's own module does.
 */
import './videojs-no-dynamic-style.js';
// @ts-expect-error the core build ships no type declarations of its own; it is the same API as 'video.js'
import videojsCore from 'video.js/core.es.js';
import type videojsTypes from 'video.js';

export const videojs = videojsCore as typeof videojsTypes;
export type VideoJsPlayer = ReturnType<typeof videojsTypes>;

/**
 * The control bar of a replay: play, volume, `current / duration`, the progress bar (with our
 * timeline lanes), rate, layout, fullscreen. No captions, audio tracks, chapters,
 * picture-in-picture or remaining time (nothing to show), no skip buttons (their label would keep a
 * raw "{1}" after a change of language), and never the live UI (video.js hides that only by CSS,
 * which our pruned stylesheet drops).
 */
export const CONTROL_BAR_OPTIONS = {
  skipBackward: false,
  skipForward: false,
  liveDisplay: false,
  pictureInPictureToggle: false,
  subsCapsButton: false,
  audioTrackButton: false,
  chaptersButton: false,
  descriptionsButton: false,
  remainingTimeDisplay: false,
  seekToLive: false,
} as const;
