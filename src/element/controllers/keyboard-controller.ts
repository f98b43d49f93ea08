/** The player's keyboard shortcuts (see `keyboard.ts`) while it has focus and a recording is loaded. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { applyShortcut, type KeyboardTarget } from '../keyboard.js';

export class KeyboardController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & KeyboardTarget,
    /** Whether there is something to control (a recording is loaded). */
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (!this.enabled()) return;
    if (applyShortcut(event, this.host)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
}
