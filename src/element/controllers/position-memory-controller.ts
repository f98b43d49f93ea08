/**
 * The `remember-position` attribute: the position is saved (at most every 2 s while playing, and
 * on pause) per recording, forgotten when the replay ends, and read back as the start position of
 * the next load of the same recording.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Recording } from '../../core/recording/recording.js';
import { forgetPosition, positionKey, readPosition, writePosition } from '../position-memory.js';

const SAVE_INTERVAL_MS = 2000;

/** What the controller needs of the host. */
export interface PositionMemoryHost extends ReactiveControllerHost {
  readonly rememberPosition: boolean;
}

export class PositionMemoryController implements ReactiveController {
  #storageKey: string | undefined;
  #lastSavedAtMs = 0;

  constructor(
    private readonly host: PositionMemoryHost,
    /** The replay whose position is remembered (its timeupdate, pause and ended events). */
    private readonly media: EventTarget & { readonly currentTime: number },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ['timeupdate', 'pause', 'ended']) this.media.addEventListener(type, this.#save);
  }

  hostDisconnected(): void {
    for (const type of ['timeupdate', 'pause', 'ended']) this.media.removeEventListener(type, this.#save);
  }

  /** A new source: nothing is remembered for it until its recording is read. */
  reset(): void {
    this.#storageKey = undefined;
  }

  /** The `start` position if set, else the remembered one (when asked to remember), else 0. */
  startPosition(recording: Recording, src: string, startS: number): number {
    if (this.host.rememberPosition) {
      this.#storageKey = positionKey(recording, src || 'inline');
      if (!startS) return readPosition(this.#storageKey) ?? 0;
    }
    return startS > 0 ? startS : 0;
  }

  readonly #save = (event: Event) => {
    const key = this.#storageKey;
    if (!key || !this.host.rememberPosition) return;
    if (event.type === 'ended') {
      forgetPosition(key);
      return;
    }
    const nowMs = performance.now();
    if (event.type === 'timeupdate' && nowMs - this.#lastSavedAtMs < SAVE_INTERVAL_MS) return;
    this.#lastSavedAtMs = nowMs;
    writePosition(key, this.media.currentTime);
  };
}
