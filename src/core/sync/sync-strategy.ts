/**
 * The seam between the engine's sync controller and the rule that keeps streams on the clock. The
 * controller measures (each playing stream's media time against where the clock says it should
 * be) and applies; a strategy only decides. Strategies are pure and DOM-free, so they are tested
 * on simulated streams, and a new one is plugged in with `ReplayEngineOptions.syncStrategy`.
 */
import type { Correction } from './drift-policy.js';

/** One playing stream, read this step. */
export interface StreamReading {
  /** Stable for as long as the file is mounted (its video id). */
  readonly streamId: string;
  /** Where the element is (media seconds). */
  readonly mediaTimeS: number;
  /** Where the clock says it should be (media seconds). */
  readonly targetS: number;
  /** The element's playbackRate now. */
  readonly playbackRate: number;
  /** Whether it plays sound (rate changes on these are costly and can be heard). */
  readonly hasAudio: boolean;
  /** How long its last seek took (real ms), if it seeked yet. */
  readonly lastSeekMs?: number;
}

export interface SyncContext {
  /** Real time of this step (ms). */
  readonly nowMs: number;
  /** The rate the media runs at: the replay's playback rate (what the user chose) times its pace. */
  readonly clockRate: number;
  /** How long a corrective seek takes to complete (moving average, real seconds; undefined before the first). */
  readonly seekLatencyS: number | undefined;
}

export interface SyncDecision {
  /** What to do with each stream read (streams not named are left alone). */
  readonly corrections: ReadonlyMap<string, Correction>;
  /**
   * Moves the master clock by this much (ms), e.g. towards where every stream is, instead of
   * moving every stream. Omitted: the clock stays.
   */
  readonly clockAdjustMs?: number;
  /**
   * Runs the master clock at the user's rate times this (e.g. 1.001: the media's audio clock runs
   * 0.1 % fast against the page's), a slew towards where the streams are that moves no picture.
   * Omitted: 1.
   */
  readonly clockRateFactor?: number;
}

export interface SyncStrategy {
  readonly name: string;
  /** One step over the streams read this time (a subset when there are many; see the controller). */
  decide(readings: readonly StreamReading[], context: SyncContext): SyncDecision;
  /** A stream stopped or was moved (seek, pause, unmount): whatever was learnt about it is stale. */
  forget(streamId: string): void;
  /** Everything is stale (a seek of the replay, a rate change, a new recording). */
  reset(): void;
}
