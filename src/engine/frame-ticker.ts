/**
 * Calls `tick` about once per display frame while started (see `Scheduler.everyFrame`). When the
 * page is hidden or shown, the repeating call is replaced at once: a hidden page is stepped less
 * often.
 */
import type { Cancel, Scheduler } from './scheduler.js';

export class FrameTicker {
  #cancelFrames: Cancel | undefined;
  #stopWatchingVisibility: Cancel | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly tick: () => void,
  ) {}

  start(): void {
    if (this.#stopWatchingVisibility) return;
    this.#stopWatchingVisibility = this.scheduler.onVisibilityChange(this.#onVisibility);
    this.#cancelFrames = this.scheduler.everyFrame(this.#run);
  }

  stop(): void {
    if (!this.#stopWatchingVisibility) return;
    this.#stopWatchingVisibility();
    this.#stopWatchingVisibility = undefined;
    this.#cancelFrames?.();
    this.#cancelFrames = undefined;
  }

  readonly #run = () => {
    if (this.#stopWatchingVisibility) this.tick();
  };

  readonly #onVisibility = () => {
    this.#cancelFrames?.();
    this.#cancelFrames = this.scheduler.everyFrame(this.#run);
    this.tick();
  };
}
