/**
 * Moves every mounted file to a new position and tells when the move is done: each active element
 * shows the frame for the position (not only has the data), or gave up trying. A file that cannot
 * show its frame within the stall timeout is let go, as during playback.
 *
 * An element left playing through the seek (see `PlaybackLoop.seekTo`) goes on presenting frames
 * from before the seek for a moment, so its new frame is recognised by its media time, and the
 * moment it is shown is kept: the element restarts by itself from then on, and the start
 * coordinator times the others' play() by it.
 */
import { HAVE_CURRENT_DATA, HAVE_NOTHING } from '../../core/media-api.js';
import { clampToMedia } from '../../core/playback/readiness.js';
import { canReportFrames, isRendered, watchPresentedFrames } from '../../media/media-slot.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

/** A seek is done for an element once it shows a frame this close to where it was sent. */
const SEEK_TOLERANCE_S = 0.05;
/** Less than one frame (50 fps): an element this close to its target shows the target's frame or the next. */
const FRAME_MATCH_S = 0.015;
/** How long a seek waits for an element to present its new frame before going on without it. */
const FRAME_WAIT_TIMEOUT_MS = 500;
/**
 * How long a frame is waited for once the element's seek is done. It normally comes within a
 * display frame; Chromium sometimes presents none for a paused element until it plays.
 */
const FRAME_WAIT_AFTER_SEEK_MS = 20;

/** A positioning in progress. */
export interface PendingSeek {
  /** The first positioning of a load: no `seeking`/`seeked` events. */
  readonly silent: boolean;
  readonly startedAtMs: number;
  /** A `waiting` was fired while it went on (play() asked for during a load). */
  waitingAnnounced: boolean;
}

/** An element playing through the seek, until its frame at the new position is shown. */
interface PlayingThrough {
  readonly targetS: number;
  readonly sinceMs: number;
  /** When (real ms) its frame at the new position was presented; undefined until then. */
  shownAtMs: number | undefined;
}

export class SeekController implements Controller {
  #pending: PendingSeek | undefined;
  #playingThrough = new Map<MountedFile, PlayingThrough>();
  /** When (real ms) each element was first seen done seeking, with data, in this seek. */
  #seekDoneAtMs = new Map<MountedFile, number>();

  constructor(private readonly context: EngineContext) {}

  get pending(): PendingSeek | undefined {
    return this.#pending;
  }

  begin(silent: boolean): void {
    this.#pending = { silent, startedAtMs: this.context.scheduler.now(), waitingAnnounced: false };
    this.#playingThrough = new Map();
    this.#seekDoneAtMs = new Map();
  }

  /**
   * Sends every mounted element to `positionMs` (preloading ones to their first frame). Active
   * elements still playing are left playing: they resume by themselves once their seek is done.
   */
  align(mounted: Iterable<MountedFile>, positionMs: number): void {
    const nowMs = this.context.scheduler.now();
    for (const file of mounted) {
      const element = file.element;
      if (file.active && !element.paused) {
        this.#sendPlaying(file, targetWithinMedia(file, positionMs), nowMs);
        continue;
      }
      const targetS = file.active ? targetWithinMedia(file, positionMs) : 0;
      if (Math.abs(element.currentTime - targetS) > 0.0005 || element.readyState === HAVE_NOTHING) {
        element.currentTime = targetS;
        if (file.active) file.slot.expectFrame(nowMs);
      }
    }
  }

  /**
   * Whether every active file shows its frame for `positionMs`; when so, the seek is over. An
   * element playing through it that showed its frame more than `playThroughWaitMs` ago while others
   * are still seeking is paused: it would move before they can be started to meet it.
   */
  complete(active: readonly MountedFile[], positionMs: number, nowMs: number, playThroughWaitMs: number): boolean {
    const pending = this.#pending;
    if (!pending) return true;
    if (this.#everyFrameShown(pending, active, positionMs, nowMs)) {
      this.#pending = undefined;
      this.#seekDoneAtMs = new Map();
      return true;
    }
    for (const [file, through] of this.#playingThrough) {
      const element = file.element;
      if (through.shownAtMs === undefined || nowMs - through.shownAtMs <= playThroughWaitMs || element.paused) continue;
      file.pause();
      // With audio, currentTime runs ahead of the picture: back to the target while the others still seek.
      if (Math.abs(element.currentTime - through.targetS) > FRAME_MATCH_S) element.currentTime = through.targetS;
    }
    return false;
  }

  #everyFrameShown(pending: PendingSeek, active: readonly MountedFile[], positionMs: number, nowMs: number): boolean {
    const lettingGo = nowMs - pending.startedAtMs > this.context.settings.stallTimeoutMs;
    const pageHidden = this.context.scheduler.pageHidden;
    for (const file of active) {
      const { slot, element } = file;
      if (slot.failed || (lettingGo && slot.stalled)) continue;
      const through = this.#playingThrough.get(file);
      if (lettingGo && through?.shownAtMs === undefined && !settled(file, positionMs)) {
        file.slot.stalled = true;
        this.context.bus.emit('stream-let-go', { file });
        continue;
      }
      if (element.seeking || element.readyState < HAVE_CURRENT_DATA) return false;
      const seekDoneAtMs = this.#seekDoneAtMs.get(file) ?? nowMs;
      this.#seekDoneAtMs.set(file, seekDoneAtMs);
      const frameStillDue = nowMs - seekDoneAtMs <= FRAME_WAIT_AFTER_SEEK_MS;
      if (through) {
        if (frameStillDue && awaitingFrameThrough(through, element, nowMs, pageHidden)) return false;
        // Still playing, it moves on from its new frame by itself: where it is now says nothing of the seek.
        if (!element.paused) continue;
      } else if (frameStillDue && slot.awaitingFrame(nowMs, FRAME_WAIT_TIMEOUT_MS, pageHidden)) {
        return false;
      }
      const targetS = targetWithinMedia(file, positionMs);
      if (Math.abs(element.currentTime - targetS) > SEEK_TOLERANCE_S) {
        // A seek requested before metadata can be dropped by the element: ask again.
        element.currentTime = targetS;
        slot.expectFrame(nowMs);
        this.#seekDoneAtMs.delete(file);
        return false;
      }
    }
    return true;
  }

  /**
   * The elements that played through the seek just completed, each with when (real ms) it showed
   * its new frame (undefined where no frame tells: hidden, audio, a background page). Asked once.
   */
  takePlayingThrough(): Map<MountedFile, number | undefined> {
    const taken = new Map<MountedFile, number | undefined>();
    for (const [file, through] of this.#playingThrough) if (!file.element.paused) taken.set(file, through.shownAtMs);
    this.#playingThrough = new Map();
    return taken;
  }

  cancel(): void {
    this.#pending = undefined;
    this.#playingThrough = new Map();
    this.#seekDoneAtMs = new Map();
  }

  /** Seeks a playing element and watches for its first frame at the target (earlier frames are from before the seek). */
  #sendPlaying(file: MountedFile, targetS: number, nowMs: number): void {
    const element = file.element;
    const through: PlayingThrough = { targetS, sinceMs: nowMs, shownAtMs: undefined };
    this.#playingThrough.set(file, through);
    file.slot.replayRate = this.context.clock.mediaRate;
    element.currentTime = targetS;
    if (!canReportFrames(element)) return;
    watchPresentedFrames(element, (metadata) => {
      if (this.#playingThrough.get(file) !== through) return false;
      if (Math.abs(metadata.mediaTime - targetS) > SEEK_TOLERANCE_S) return true;
      through.shownAtMs = this.context.scheduler.now();
      this.context.bus.emit('media-event', { file, type: 'frame' });
      return false;
    });
  }

  destroy(): void {
    this.cancel();
  }
}

/** Whether a playing element's frame at the new position can still be expected (rendered videos present frames). */
function awaitingFrameThrough(through: PlayingThrough, element: HTMLMediaElement, nowMs: number, pageHidden: boolean): boolean {
  if (through.shownAtMs !== undefined || !canReportFrames(element) || pageHidden || !isRendered(element)) return false;
  return nowMs - through.sinceMs <= FRAME_WAIT_TIMEOUT_MS;
}

function targetWithinMedia(file: MountedFile, positionMs: number): number {
  return clampToMedia(file.targetS(positionMs), file.slot.mediaDurationS);
}

/** Whether a file shows a frame at its target now (nothing pending). */
function settled(file: MountedFile, positionMs: number): boolean {
  const element = file.element;
  return !element.seeking && element.readyState >= HAVE_CURRENT_DATA && Math.abs(element.currentTime - targetWithinMedia(file, positionMs)) <= SEEK_TOLERANCE_S;
}
