/**
 * video.js without its HLS/DASH engine (we bring our own Tech). The core build imports a few
 * CommonJS packages; rollup's commonjs plugin turns them into ESM.
 */
// @ts-expect-error the core build ships no type declarations of its own; it is the same API as 'video.js'
import videojsCore from 'video.js/core.es.js';
import type videojsTypes from 'video.js';

export const videojs = videojsCore as typeof videojsTypes;
export type VideoJsPlayer = ReturnType<typeof videojsTypes>;
