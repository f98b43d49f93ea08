import type { SyncStrategy } from '../core/sync/sync-strategy.js';
import type { Messages } from '../i18n/messages.js';
import type { MediaElementFactory } from '../media/media-slot.js';
import type { SourceAdapter } from '../media/source-adapter.js';
import type { EngineSettings } from './engine-context.js';
import type { Scheduler } from './scheduler.js';
import type { StartLatencies } from './start-latencies.js';

export interface ReplayEngineOptions {
  /** Real time ahead of a file's start at which its element is mounted and preloaded. */
  readonly preloadMs?: number;
  /** A stream stalled longer than this stops holding the others back; it rejoins when it recovers. */
  readonly stallTimeoutMs?: number;
  /** At most this many files download at once (active files always do; preloading ones wait their turn). */
  readonly maxConcurrentLoads?: number;
  readonly adapters?: readonly SourceAdapter[];
  /**
   * How streams are kept on the clock (default: `CommonModeStrategy`). `tic-replay/core` also has
   * `SmoothedDriftStrategy`, the earlier rule (every element nudged toward the clock above 3 ms).
   */
  readonly syncStrategy?: SyncStrategy;
  /**
   * Where measured play() latencies are kept (default: the page's, `pageStartLatencies`, shared by
   * every engine of the page): give an engine its own to keep its starts apart from the others'.
   */
  readonly startLatencies?: StartLatencies;
  /** Frames, timers, microtasks and time (default: the browser's). */
  readonly scheduler?: Scheduler;
  /** Makes the files' media elements (default: `document.createElement`). */
  readonly createMediaElement?: MediaElementFactory;
  /**
   * The replay runs at the chosen rate times this (default `PICTURE_PACE`, 0.995): the browser then
   * picks every file's frames by their timestamps, so all show the same frame (see
   * `core/sync/picture-pace.ts`). 1: exactly at the chosen rate.
   */
  readonly pace?: number;
  /** The language of messages about files (default English). */
  readonly messages?: Messages;
}

export function settingsFrom(options: ReplayEngineOptions): EngineSettings {
  return {
    preloadMs: options.preloadMs ?? 3000,
    stallTimeoutMs: options.stallTimeoutMs ?? 8000,
    maxConcurrentLoads: options.maxConcurrentLoads ?? 6,
  };
}
