/**
 * What every controller of one engine shares: the event bus, the scheduler, the master clock, the
 * settings and the measured start latencies. Controllers read these; they never call one another (they talk through the bus),
 * and the façade (`replay-engine.ts`) decides the order of one step.
 */
import type { MasterClock } from '../core/clock/master-clock.js';
import type { EventBus } from './event-bus.js';
import type { Scheduler } from './scheduler.js';
import type { StartLatencies } from './start-latencies.js';

export interface EngineSettings {
  /** Real time ahead of a file's start at which its element is mounted and preloaded. */
  preloadMs: number;
  /** A stream stalled longer than this (real ms) stops holding the others back. */
  stallTimeoutMs: number;
  /** At most this many files download at once; browsers stall the 7th HTTP/1.1 download from one host. */
  maxConcurrentLoads: number;
}

export interface EngineContext {
  readonly bus: EventBus;
  readonly scheduler: Scheduler;
  readonly clock: MasterClock;
  readonly settings: EngineSettings;
  /** How long play() takes on this browser (shared by the page's engines by default). */
  readonly startLatencies: StartLatencies;
}

/** Every controller tears down what it set up (listeners, timers) in `destroy()`. */
export interface Controller {
  destroy(): void;
}
