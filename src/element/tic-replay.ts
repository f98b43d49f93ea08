import { TicReplayElement } from './tic-replay.component.js';
import type { TicReplayError } from '../engine/replay-error.js';

export { TicReplayElement };

/** Defines `<tic-replay>` once (a second copy of the bundle on a page is harmless). */
export function defineTicReplay(tagName = 'tic-replay'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, class extends TicReplayElement {});
}

defineTicReplay();

/**
 * The events of `<tic-replay>`: an element's own, the media events (plain `Event`s, as a video's),
 * and `error`, whose `detail` is the problem. `error` is a `CustomEvent` here but an `ErrorEvent` in
 * `HTMLElementEventMap`, so the element types its listeners with this map instead of adding to that one.
 */
export interface TicReplayEventMap extends Omit<HTMLElementEventMap, 'error'> {
  error: CustomEvent<TicReplayError>;
}

type TicReplayListener<K extends keyof TicReplayEventMap> = (this: TicReplayElement, event: TicReplayEventMap[K]) => unknown;

declare module './tic-replay.component.js' {
  interface TicReplayElement {
    addEventListener<K extends keyof TicReplayEventMap>(type: K, listener: TicReplayListener<K>, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
    removeEventListener<K extends keyof TicReplayEventMap>(type: K, listener: TicReplayListener<K>, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tic-replay': TicReplayElement;
  }
}
