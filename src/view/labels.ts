import { VideoType } from '../recording/recording.js';

const SUBSTREAM_PREFIX = 'tic_substream_';

/** The name shown on a tile (always rendered as text). */
export function tileLabel(videoType: VideoType, userId: string): string {
  switch (videoType) {
    case VideoType.Whiteboard:
      return 'Whiteboard';
    case VideoType.ScreenShare:
      return `Screen share: ${userId.startsWith(SUBSTREAM_PREFIX) ? userId.slice(SUBSTREAM_PREFIX.length) : userId}`;
    case VideoType.MixedStream:
      return 'Mixed stream';
    case VideoType.AudioOnly:
      return `Audio: ${userId}`;
    default:
      return userId || 'Camera';
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
