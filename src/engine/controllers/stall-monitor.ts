/**
 * Which streams the clock must wait for. A stream without data holds the others back for at most
 * `stallTimeoutMs`; then it is let go (marked `data-stalled`) and the rest go on. It rejoins as soon
 * as it has data again (the sync controller brings it back to the clock).
 */
import { hasDataAhead } from '../../core/playback/readiness.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

/**
 * A stream that was sent a drift-correcting seek does not hold the others back for this long while
 * it seeks, nor afterwards while its data is there (a busy machine decodes from the key frame for a
 * moment): holding everyone would restart them all, only to correct it again. Without data, it
 * waits like any other.
 */
const CORRECTIVE_SEEK_GRACE_MS = 1000;
/** Data for this long ahead (s) tells a stream that decodes from one that waits for the network. */
const DECODING_DATA_AHEAD_S = 0.2;

export class StallMonitor implements Controller {
  constructor(private readonly context: EngineContext) {}

  /** The streams among `playable` that the clock must wait for now (by their readiness read this step). */
  blocking(playable: readonly MountedFile[], nowMs: number): MountedFile[] {
    const blocking: MountedFile[] = [];
    for (const file of playable) {
      if (this.#inSeekGrace(file, nowMs)) continue;
      if (file.canPlayOn) {
        file.lackingDataSinceMs = undefined;
        if (file.slot.stalled) this.#rejoin(file);
        continue;
      }
      // Let go already (here, or by a seek that waited for it): the others do not wait for it again.
      if (file.slot.stalled) continue;
      file.lackingDataSinceMs ??= nowMs;
      if (nowMs - file.lackingDataSinceMs < this.context.settings.stallTimeoutMs) blocking.push(file);
      else this.#letGo(file);
    }
    return blocking;
  }

  #inSeekGrace(file: MountedFile, nowMs: number): boolean {
    const sentAtMs = file.lastCorrectiveSeekAtMs;
    if (sentAtMs === undefined || nowMs - sentAtMs >= CORRECTIVE_SEEK_GRACE_MS) return false;
    return file.element.seeking || hasDataAhead(file.element, file.element.currentTime, DECODING_DATA_AHEAD_S);
  }

  #letGo(file: MountedFile): void {
    file.slot.stalled = true;
    this.context.bus.emit('stream-let-go', { file });
  }

  #rejoin(file: MountedFile): void {
    file.slot.stalled = false;
    this.context.bus.emit('stream-rejoined', { file });
  }

  destroy(): void {}
}
