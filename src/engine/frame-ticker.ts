/**
 * Calls `tick` about once per display frame while started (see `Scheduler.requestFrame`). When the
 * page is hidden or shown, the pending call is replaced at once: a hidden page is stepped less often.
 */
import type { Cancel, Scheduler } from './scheduler.js';

export class FrameTicker {
  #cancelFrame: Cancel | undefined;
  #stopWatchingVisibility: Cancel | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly tick: () => void,
  ) {}

  start(): void {
    if (this.#stopWatchingVisibility) return;
    this.#stopWatchingVisibility = this.scheduler.onVisibilityChange(this.#onVisibility);
    this.#schedule();
  }

  stop(): void {
    if (!this.#stopWatchingVisibility) return;
    this.#stopWatchingVisibility();
    this.#stopWatchingVisibility = undefined;
    this.#cancel();
  }

  readonly #run = () => {
    this.#cancelFrame = undefined;
    if (!this.#stopWatchingVisibility) return;
    this.#schedule();
    this.tick();
  };

  readonly #onVisibility = () => {
    this.#cancel();
    this.#schedule();
    this.tick();
  };

  #schedule(): void {
    this.#cancelFrame ??= this.scheduler.requestFrame(this.#run);
  }

  #cancel(): void {
    this.#cancelFrame?.();
    this.#cancelFrame = undefined;
  }
}
