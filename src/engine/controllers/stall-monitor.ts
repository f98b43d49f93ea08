/**
 * Which streams the clock must wait for. A stream without data holds the others back for at most
 * `stallTimeoutMs`; then it is let go (marked `data-stalled`) and the rest go on. It rejoins as soon
 * as it has data again (the sync controller brings it back to the clock).
 */
import { hasFutureData } from '../../core/playback/readiness.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

/** A stream in the middle of a drift-correcting seek does not hold the others back for this long. */
const CORRECTIVE_SEEK_GRACE_MS = 1000;

export class StallMonitor implements Controller {
  constructor(private readonly context: EngineContext) {}

  /** The streams among `playable` that the clock must wait for now. */
  blocking(playable: readonly MountedFile[], nowMs: number): MountedFile[] {
    const blocking: MountedFile[] = [];
    for (const file of playable) {
      if (file.correctiveSeekAtMs !== undefined && nowMs - file.correctiveSeekAtMs < CORRECTIVE_SEEK_GRACE_MS) continue;
      if (hasFutureData(file.element)) {
        file.lackingDataSinceMs = undefined;
        if (file.slot.stalled) this.#rejoin(file);
        continue;
      }
      file.lackingDataSinceMs ??= nowMs;
      if (nowMs - file.lackingDataSinceMs < this.context.settings.stallTimeoutMs) blocking.push(file);
      else if (!file.slot.stalled) this.#letGo(file);
    }
    return blocking;
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
