import { tileFacts } from '../../core/format/tile-facts.js';
import type { VideoType } from '../../core/recording/recording.js';
import type { ReviewMessages } from './review-messages.js';

/** Who a file belongs to, as people say it: the user (a screen share's sharer), or "Whiteboard", "Mixed stream". */
export function ownerName(videoType: VideoType, userId: string, messages: ReviewMessages): string {
  const facts = tileFacts(videoType, userId);
  switch (facts.kind) {
    case 'whiteboard':
    case 'mixed-stream':
      return messages.videoType(videoType);
    default:
      return facts.userId || messages.videoType(videoType);
  }
}
