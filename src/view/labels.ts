import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { tileFacts, tileRole, type TileRole } from '../core/format/tile-facts.js';
import type { VideoType } from '../core/recording/recording.js';

/** The name shown on a tile (always rendered as text): the core's facts about the stream, in the words of `messages`. */
export function tileLabel(videoType: VideoType, userId: string, messages: Messages = en): string {
  const facts = tileFacts(videoType, userId);
  switch (facts.kind) {
    case 'whiteboard':
      return messages.tileWhiteboard;
    case 'mixed-stream':
      return messages.tileMixedStream;
    case 'screen-share':
      return messages.tileScreenShare(facts.userId);
    case 'audio':
      return messages.tileAudio(facts.userId);
    case 'camera':
      return facts.userId || messages.tileCamera;
  }
}

/** The CSS part of a tile, by what it shows. */
export function tilePart(videoType: VideoType): TileRole {
  return tileRole(videoType);
}
