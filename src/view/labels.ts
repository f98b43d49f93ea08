import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { VideoType } from '../core/recording/recording.js';

const SUBSTREAM_PREFIX = 'tic_substream_';

/** The name shown on a tile (always rendered as text), in the words of `messages`. */
export function tileLabel(videoType: VideoType, userId: string, messages: Messages = en): string {
  switch (videoType) {
    case VideoType.Whiteboard:
      return messages.tileWhiteboard;
    case VideoType.ScreenShare:
      // The screen share's user id is the sharer's own, behind a prefix (tic_substream_<userId>).
      return messages.tileScreenShare(userId.startsWith(SUBSTREAM_PREFIX) ? userId.slice(SUBSTREAM_PREFIX.length) : userId);
    case VideoType.MixedStream:
      return messages.tileMixedStream;
    case VideoType.AudioOnly:
      return messages.tileAudio(userId);
    default:
      return userId || messages.tileCamera;
  }
}

/** The CSS part of a tile, by what it shows. */
export function tilePart(videoType: VideoType): string {
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
