/**
 * The one channel between the engine's controllers: typed events, delivered synchronously in the
 * order listeners were added. Controllers add their listeners when created and remove the same
 * ones in `destroy()`; `listenerCount` lets tests prove that nothing is left behind.
 */
import type { RecordingProblem } from '../core/recording/recording.js';
import type { MountedFile } from './mounted-file.js';

export interface EngineEvents {
  /** Files were mounted, unmounted, activated or deactivated. */
  'mounts-changed': { readonly mounted: readonly MountedFile[] };
  /** A mounted file's element fired a media event the engine watches (or presented an awaited frame). */
  'media-event': { readonly file: MountedFile; readonly type: string };
  /** A mounted file could not be loaded or played. */
  'file-failed': { readonly file: MountedFile; readonly problem: RecordingProblem };
  /** A stream told to play visibly advances: `latencyMs` after play() was sent. */
  'stream-started': { readonly file: MountedFile; readonly latencyMs: number; readonly hasAudio: boolean };
  /** The browser refused play() (autoplay policy). */
  'play-refused': { readonly error: DOMException };
  /** A stream stalled past the stall timeout: the others go on without it. */
  'stream-let-go': { readonly file: MountedFile };
  /** A stream let go has data again and rejoins. */
  'stream-rejoined': { readonly file: MountedFile };
  /** The replay was moved to a new position (a seek). */
  'repositioned': { readonly positionMs: number };
  /** The replay's playback rate changed: what was learnt of the streams' motion is stale. */
  'rate-changed': { readonly rate: number };
}

export type EngineEventName = keyof EngineEvents;
type Listener<K extends EngineEventName> = (payload: EngineEvents[K]) => void;

export class EventBus {
  readonly #listeners = new Map<EngineEventName, Set<Listener<never>>>();

  on<K extends EngineEventName>(type: K, listener: Listener<K>): void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
  }

  off<K extends EngineEventName>(type: K, listener: Listener<K>): void {
    const set = this.#listeners.get(type);
    set?.delete(listener as Listener<never>);
    if (set?.size === 0) this.#listeners.delete(type);
  }

  emit<K extends EngineEventName>(type: K, payload: EngineEvents[K]): void {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) (listener as Listener<K>)(payload);
  }

  /** Listeners still registered (all types): 0 once every controller is destroyed. */
  get listenerCount(): number {
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }
}

/**
 * A controller's listeners, added together and removed together, so that registration and
 * removal cannot drift apart.
 */
export class Subscriptions {
  readonly #removers: Array<() => void> = [];

  constructor(private readonly bus: EventBus) {}

  on<K extends EngineEventName>(type: K, listener: Listener<K>): this {
    this.bus.on(type, listener);
    this.#removers.push(() => this.bus.off(type, listener));
    return this;
  }

  removeAll(): void {
    for (const remove of this.#removers.splice(0)) remove();
  }
}
