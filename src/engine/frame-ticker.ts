/**
 * Calls `tick` once per display frame while started. Hidden tabs get no animation frames, so there
 * it falls back to a timer (browsers throttle it to about once a second) to keep sound in sync and
 * files mounting while the page is in the background.
 */
export class FrameTicker {
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;

  constructor(
    private readonly tick: () => void,
    private readonly hiddenIntervalMs = 100,
  ) {}

  get running(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.cancel();
  }

  private readonly run = () => {
    this.frame = 0;
    this.timer = undefined;
    if (!this.started) return;
    this.schedule();
    this.tick();
  };

  private readonly onVisibility = () => {
    this.cancel();
    this.schedule();
    this.tick();
  };

  private schedule(): void {
    if (this.frame || this.timer) return;
    if (document.hidden) this.timer = setTimeout(this.run, this.hiddenIntervalMs);
    else this.frame = requestAnimationFrame(this.run);
  }

  private cancel(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.timer) clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }
}
