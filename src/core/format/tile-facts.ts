/**
 * Whose stream a file is, as facts a catalogue can word: the whiteboard, a mixed stream, someone's
 * camera, audio or screen share. The service names a screen share's stream after its sharer behind a
 * prefix (`tic_substream_<UserId>`) and a mixed stream after the room (`tic_mixstream_<RoomId>_<layout>`).
 */
import { VideoType } from '../recording/recording.js';

/** The prefix the service puts before the sharer's user id on a screen-share (auxiliary) stream. */
export const SUBSTREAM_PREFIX = 'tic_substream_';
/** The prefix of a mixed stream's user id. */
export const MIXSTREAM_PREFIX = 'tic_mixstream_';

export type TileFacts =
  | { readonly kind: 'whiteboard' }
  | { readonly kind: 'mixed-stream' }
  /** `userId` is the sharer's own id, the prefix taken off. */
  | { readonly kind: 'screen-share'; readonly userId: string }
  | { readonly kind: 'audio'; readonly userId: string }
  /** `userId` may be empty: a camera nobody named. */
  | { readonly kind: 'camera'; readonly userId: string };

/** Who a stream belongs to, from its `VideoType` and `UserId`. */
export function tileFacts(videoType: VideoType, userId: string): TileFacts {
  switch (videoType) {
    case VideoType.Whiteboard:
      return { kind: 'whiteboard' };
    case VideoType.MixedStream:
      return { kind: 'mixed-stream' };
    case VideoType.ScreenShare:
      return { kind: 'screen-share', userId: ownerOfSubstream(userId) };
    case VideoType.AudioOnly:
      return { kind: 'audio', userId };
    default:
      return { kind: 'camera', userId };
  }
}

/** The sharer's user id of a screen-share stream (`tic_substream_alice` → `alice`); other ids as they are. */
export function ownerOfSubstream(userId: string): string {
  return userId.startsWith(SUBSTREAM_PREFIX) ? userId.slice(SUBSTREAM_PREFIX.length) : userId;
}

/** The CSS part (and role) of a tile, by what it shows. */
export type TileRole = 'whiteboard' | 'screen' | 'mixed' | 'camera';

export function tileRole(videoType: VideoType): TileRole {
  switch (videoType) {
    case VideoType.Whiteboard:
      return 'whiteboard';
    case VideoType.ScreenShare:
      return 'screen';
    case VideoType.MixedStream:
      return 'mixed';
    default:
      return 'camera';
  }
}
