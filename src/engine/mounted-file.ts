/**
 * A mounted file as the engine sees it: its slot (element + source) and everything learnt while
 * playing it, in one record. The record is created on mount and dropped with its slot on unmount
 * (`MountController`), the one place per-file state is cleared.
 */
import { HAVE_FUTURE_DATA, HAVE_NOTHING } from '../core/media-api.js';
import { hasFutureData } from '../core/playback/readiness.js';
import { mediaTimeAtS, timelineMsAt } from '../core/sync/media-time.js';
import type { MediaSlot } from '../media/media-slot.js';
import type { LatencyKind } from './start-latencies.js';

/** An element told to play that has not visibly advanced yet, and what its start has shown so far. */
export interface PendingStart {
  readonly requestedAtMs: number;
  readonly fromS: number;
  /** Whether its start is read from presented frames (requestVideoFrameCallback). */
  readonly byFrame: boolean;
  /** An element restarting by itself after a seek made while playing (the first seen moving sends the others' play()). */
  readonly restart: boolean;
  /** The start latency it is a sample of (none: not measured). */
  sampleAs: LatencyKind | undefined;
  /** An element with audio whose first new frame was shown: when, its media time, and its currentTime then (it counts once that moves on). */
  frameShown?: { readonly atMs: number; readonly mediaTimeS: number; readonly currentTimeS: number };
  /** Seen moving by its media time; its latency is still to be taken from its first new frame. */
  latencyFromFrame: boolean;
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
  /**
   * Paused by the engine while playing with audio, and not seeked since: Chromium resumes such an
   * element 24–115 ms past where it paused (measured: it pauses with its picture 0–2 frames past its
   * `currentTime`, and its first new frame comes that far on, so the class skips a moment, and the
   * video-only elements, which do not jump, are off it); from a seek it starts where it is told. So
   * it is seeked to its place before the next synchronized start, or at once after a pause by the
   * user (`StartCoordinator.alignPaused`).
   */
  resumesAhead = false;
  /** Set from play() until it visibly advances. */
  pendingStart: PendingStart | undefined;
  /**
   * Its element's `readyState`, and whether it can play on from where it is, as read at the start of
   * the engine's step (`readReadiness`): every controller in that step uses this one reading.
   */
  readyState = HAVE_NOTHING;
  canPlayOn = false;

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

  /** Let go after the stall timeout: the others play on without it until it has data again. */
  get letGo(): boolean {
    return this.slot.stalled;
  }

  /** Where its element should be (media seconds) with the clock at `positionMs`. */
  targetS(positionMs: number): number {
    return mediaTimeAtS(this.slot.timelineFile, positionMs) + this.slot.videoStartOffsetS;
  }

  /** Where its element is on the replay timeline (ms). */
  timelinePositionMs(): number {
    return timelineMsAt(this.slot.timelineFile, this.element.currentTime - this.slot.videoStartOffsetS);
  }

  /** Pauses its element, noting whether it would resume ahead (see `resumesAhead`). */
  pause(): void {
    const element = this.element;
    if (element.paused) return;
    if (this.hasAudio) this.resumesAhead = true;
    element.pause();
  }

  /** Reads its element's readiness for this step (see `readyState`). */
  readReadiness(): void {
    const element = this.element;
    this.readyState = element.readyState;
    this.canPlayOn = this.readyState >= HAVE_FUTURE_DATA || hasFutureData(element);
  }

  /**
   * Whether it plays sound (Chromium tells by its decoded audio; elsewhere assume it does). The
   * answer is kept once known, as the sync step asks for every stream it reads and Chromium's count
   * costs microseconds a read: "yes" from the first decoded audio, "no" once the element can play
   * on with none decoded (Chromium decodes every track's first data before it reports that).
   */
  get hasAudio(): boolean {
    if (this.#audio !== undefined) return this.#audio;
    const element = this.element;
    const decoded = (element as HTMLMediaElement & { webkitAudioDecodedByteCount?: number }).webkitAudioDecodedByteCount;
    if (element.nodeName === 'AUDIO' || decoded === undefined || decoded > 0) return (this.#audio = true);
    if (element.readyState >= HAVE_FUTURE_DATA) this.#audio = false;
    return false;
  }

  #audio: boolean | undefined;
}
