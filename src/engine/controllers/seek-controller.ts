/**
 * Moves every mounted file to a new position and tells when the move is done: each active element
 * shows the frame for the position (not only has the data), or gave up trying. A file that cannot
 * show its frame within the stall timeout is let go, as during playback.
 */
import { HAVE_CURRENT_DATA, HAVE_NOTHING } from '../../core/media-api.js';
import { clampToMedia } from '../../core/playback/readiness.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

/** A seek is done for an element once it shows a frame this close to where it was sent. */
const SEEK_TOLERANCE_S = 0.05;
/** How long a seek waits for an element to present its new frame before going on without it. */
const FRAME_WAIT_TIMEOUT_MS = 500;

/** A positioning in progress. */
export interface PendingSeek {
  /** The first positioning of a load: no `seeking`/`seeked` events. */
  readonly silent: boolean;
  readonly startedAtMs: number;
  /** A `waiting` was fired while it went on (play() asked for during a load). */
  waitingAnnounced: boolean;
}

export class SeekController implements Controller {
  #pending: PendingSeek | undefined;

  constructor(private readonly context: EngineContext) {}

  get pending(): PendingSeek | undefined {
    return this.#pending;
  }

  begin(silent: boolean): void {
    this.#pending = { silent, startedAtMs: this.context.scheduler.now(), waitingAnnounced: false };
  }

  /** Sends every mounted element to `positionMs` (preloading ones to their first frame). */
  align(mounted: Iterable<MountedFile>, positionMs: number): void {
    const nowMs = this.context.scheduler.now();
    for (const file of mounted) {
      const element = file.element;
      const targetS = file.active ? targetWithinMedia(file, positionMs) : 0;
      if (Math.abs(element.currentTime - targetS) > 0.0005 || element.readyState === HAVE_NOTHING) {
        element.currentTime = targetS;
        if (file.active) file.slot.expectFrame(nowMs);
      }
    }
  }

  /** Whether every active file shows its frame for `positionMs`; when so, the seek is over. */
  complete(active: readonly MountedFile[], positionMs: number, nowMs: number): boolean {
    const pending = this.#pending;
    if (!pending) return true;
    const lettingGo = nowMs - pending.startedAtMs > this.context.settings.stallTimeoutMs;
    const pageHidden = this.context.scheduler.pageHidden;
    for (const file of active) {
      const { slot, element } = file;
      if (slot.failed || (lettingGo && slot.stalled)) continue;
      if (lettingGo && !settled(file, positionMs)) {
        file.slot.stalled = true;
        this.context.bus.emit('stream-let-go', { file });
        continue;
      }
      if (element.seeking || element.readyState < HAVE_CURRENT_DATA) return false;
      if (slot.awaitingFrame(nowMs, FRAME_WAIT_TIMEOUT_MS, pageHidden)) return false;
      const targetS = targetWithinMedia(file, positionMs);
      if (Math.abs(element.currentTime - targetS) > SEEK_TOLERANCE_S) {
        // A seek requested before metadata can be dropped by the element: ask again.
        element.currentTime = targetS;
        slot.expectFrame(nowMs);
        return false;
      }
    }
    this.#pending = undefined;
    return true;
  }

  cancel(): void {
    this.#pending = undefined;
  }

  destroy(): void {
    this.cancel();
  }
}

function targetWithinMedia(file: MountedFile, positionMs: number): number {
  return clampToMedia(file.targetS(positionMs), file.slot.mediaDurationS);
}

/** Whether a file shows a frame at its target now (nothing pending). */
function settled(file: MountedFile, positionMs: number): boolean {
  const element = file.element;
  return !element.seeking && element.readyState >= HAVE_CURRENT_DATA && Math.abs(element.currentTime - targetWithinMedia(file, positionMs)) <= SEEK_TOLERANCE_S;
}
