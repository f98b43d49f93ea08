/**
 * The media-element API that `<tic-replay>` shares with `<video>`, written once: the properties
 * (read-only or settable, and their type), the methods and the event names. The engine façade, the
 * element and the video.js Tech are checked against this table (see `test/unit/media-api.test.ts`),
 * and the Tech's getters and setters are generated from it.
 */

/** `readyState` values, as on HTMLMediaElement. */
export const HAVE_NOTHING = 0;
export const HAVE_METADATA = 1;
export const HAVE_CURRENT_DATA = 2;
export const HAVE_FUTURE_DATA = 3;
export const HAVE_ENOUGH_DATA = 4;

/** `networkState` values, as on HTMLMediaElement. */
export const NETWORK_EMPTY = 0;
export const NETWORK_IDLE = 1;
export const NETWORK_LOADING = 2;
export const NETWORK_NO_SOURCE = 3;

/** The shape of a TimeRanges, without the DOM library. */
export interface TimeRangesLike {
  readonly length: number;
  start(index: number): number;
  end(index: number): number;
}

export interface MediaPropertyTypes {
  number: number;
  boolean: boolean;
  'time-ranges': TimeRangesLike;
  /** The latest problem, or null (a `TicReplayError` on the element). */
  error: { readonly message: string } | null;
}

export interface MediaPropertySpec {
  readonly settable: boolean;
  readonly type: keyof MediaPropertyTypes;
}

export const MEDIA_PROPERTIES = {
  currentTime: { settable: true, type: 'number' },
  duration: { settable: false, type: 'number' },
  paused: { settable: false, type: 'boolean' },
  ended: { settable: false, type: 'boolean' },
  seeking: { settable: false, type: 'boolean' },
  playbackRate: { settable: true, type: 'number' },
  volume: { settable: true, type: 'number' },
  muted: { settable: true, type: 'boolean' },
  readyState: { settable: false, type: 'number' },
  networkState: { settable: false, type: 'number' },
  buffered: { settable: false, type: 'time-ranges' },
  seekable: { settable: false, type: 'time-ranges' },
  error: { settable: false, type: 'error' },
} as const satisfies Record<string, MediaPropertySpec>;

export type MediaPropertyName = keyof typeof MEDIA_PROPERTIES;

export const MEDIA_METHODS = ['play', 'pause'] as const;

/** The native media events a replay fires, under their native names, with its state updated first. */
export const MEDIA_EVENTS = [
  'loadstart', 'emptied', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough',
  'play', 'playing', 'pause', 'waiting', 'seeking', 'seeked', 'timeupdate', 'ratechange', 'volumechange', 'ended',
] as const;

export type MediaEventName = (typeof MEDIA_EVENTS)[number];

type SettableName = { [K in MediaPropertyName]: (typeof MEDIA_PROPERTIES)[K]['settable'] extends true ? K : never }[MediaPropertyName];

/**
 * What every face of the replay offers as a media element. Faces declare `implements MediaFace`, so
 * a missing member is a compile error; the test checks that read-only ones have no setter.
 */
export type MediaFace = {
  readonly [K in Exclude<MediaPropertyName, SettableName>]: MediaPropertyTypes[(typeof MEDIA_PROPERTIES)[K]['type']];
} & {
  -readonly [K in SettableName]: MediaPropertyTypes[(typeof MEDIA_PROPERTIES)[K]['type']];
} & {
  play(): Promise<void>;
  pause(): void;
};
