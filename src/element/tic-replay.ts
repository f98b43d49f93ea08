import { TicReplayElement } from './tic-replay.component.js';
import type { TicReplayError } from '../engine/replay-error.js';

export { TicReplayElement };

/** Defines `<tic-replay>` once (a second copy of the bundle on a page is harmless). */
export function defineTicReplay(tagName = 'tic-replay'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, class extends TicReplayElement {});
}

defineTicReplay();

declare global {
  interface HTMLElementTagNameMap {
    'tic-replay': TicReplayElement;
  }
  interface HTMLElementEventMap {
    /** From `<tic-replay>`: `detail` is the problem. */
    error: Event | CustomEvent<TicReplayError>;
  }
}
