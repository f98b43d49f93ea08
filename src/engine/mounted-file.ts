/**
 * A mounted file as the engine sees it: its slot (element + source) and everything learnt while
 * playing it, in one record. The record is created on mount and dropped with its slot on unmount
 * (`MountController`), the one place per-file state is cleared.
 */
import { mediaTimeAtS, timelineMsAt } from '../core/sync/media-time.js';
import type { MediaSlot } from '../media/media-slot.js';

/** An element told to play that has not visibly advanced yet. */
export interface PendingStart {
  readonly requestedAtMs: number;
  readonly fromS: number;
  /** Whether its start is read from presented frames (requestVideoFrameCallback). */
  readonly byFrame: boolean;
}

export class MountedFile {
  /** Since when (real ms) it has lacked the data to play on, while it does. */
  lackingDataSinceMs: number | undefined;
  /** When (real ms) the sync controller last sent it a corrective seek (it may lack data for a moment after it completes)... */
  lastCorrectiveSeekAtMs: number | undefined;
  /** ...and where that one went (media s), until the element is seen moving on from there. */
  correctiveSeekToS: number | undefined;
  /** When (real ms) its element began seeking, while it does; and how long its last seek took. */
  seekingSinceMs: number | undefined;
  lastSeekMs: number | undefined;
  /** Set from play() until it visibly advances. */
  pendingStart: PendingStart | undefined;

  constructor(readonly slot: MediaSlot) {}

  get element(): HTMLMediaElement {
    return this.slot.element;
  }

  get videoId(): string {
    return this.slot.videoId;
  }

  get active(): boolean {
    return this.slot.state === 'active';
  }

  /** Where its element should be (media seconds) with the clock at `positionMs`. */
  targetS(positionMs: number): number {
    return mediaTimeAtS(this.slot.timelineFile, positionMs) + this.slot.videoStartOffsetS;
  }

  /** Where its element is on the replay timeline (ms). */
  timelinePositionMs(): number {
    return timelineMsAt(this.slot.timelineFile, this.element.currentTime - this.slot.videoStartOffsetS);
  }

  /**
   * Whether it plays sound (Chromium tells by its decoded audio; elsewhere assume it does). Once
   * known to have audio, it is not asked again: the sync step reads this for every stream.
   */
  get hasAudio(): boolean {
    if (this.#knownToHaveAudio) return true;
    const element = this.element;
    const decoded = (element as HTMLMediaElement & { webkitAudioDecodedByteCount?: number }).webkitAudioDecodedByteCount;
    this.#knownToHaveAudio = element.nodeName === 'AUDIO' || decoded === undefined || decoded > 0;
    return this.#knownToHaveAudio;
  }

  #knownToHaveAudio = false;
}
