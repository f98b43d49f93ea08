/**
 * Keeps playing streams on the master clock. Each step it reads some of them (with many streams,
 * reading currentTime is the costly part of a step, so at most `SYNC_BATCH_SIZE` in turns), asks
 * its `SyncStrategy` what to do, and applies: a playbackRate, a corrective seek, and a move or a
 * rate factor of the clock if the strategy asks for one (the strategy's clock follows the
 * streams). It also measures how long corrective seeks take, so that a strategy can aim them
 * ahead. Swap the strategy with `ReplayEngineOptions.syncStrategy`.
 */
import { MovingAverage } from '../../core/playback/moving-average.js';
import type { StreamReading, SyncStrategy } from '../../core/sync/sync-strategy.js';
import { Subscriptions } from '../event-bus.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

/** Streams read per step; more are taken in turns. */
const SYNC_BATCH_SIZE = 8;
/**
 * Rate writes sent per step; more wait for the next steps. A write makes the browser reconfigure
 * the element's pipeline (tens of µs on a quiet machine, milliseconds on a busy one): when many
 * streams correct at once, their writes are spread over a few frames instead of dropping one.
 */
const RATE_WRITES_PER_STEP = 3;
const SEEK_LATENCY_WEIGHT = 0.3;
/** An element is moving on from a corrective seek's target once this far past it (media s)... */
const RESUMED_PAST_S = 0.005;
/** ...and a seek measured to take longer than this (ms) was held up by something else (a wait for data). */
const MAX_SEEK_LATENCY_MS = 1000;

export class SyncController implements Controller {
  /** How long a corrective seek takes (real seconds). */
  readonly #seekLatencyS = new MovingAverage(SEEK_LATENCY_WEIGHT);
  #cursor = 0;
  /** Streams the strategy has been asked about (and may remember). */
  readonly #steered = new Set<string>();
  readonly #subscriptions: Subscriptions;
  // Reused from step to step (the step runs every frame).
  readonly #readings: StreamReading[] = [];
  readonly #byId = new Map<string, MountedFile>();
  readonly #batch: MountedFile[] = [];
  /** Rates decided but not written yet (over the step's budget), oldest first. */
  readonly #queuedRates = new Map<MountedFile, number>();

  constructor(
    private readonly context: EngineContext,
    readonly strategy: SyncStrategy,
  ) {
    this.#subscriptions = new Subscriptions(context.bus)
      .on('media-event', ({ file, type }) => {
        if (type === 'seeking') file.seekingSinceMs ??= context.scheduler.now();
        if (type === 'seeked') this.#noteSeekDone(file);
      })
      .on('mounts-changed', ({ mounted }) => {
        this.#forgetAllBut(mounted);
      })
      .on('rate-changed', () => this.#resetAll())
      // Every element was moved: what the strategy read of their positions is stale.
      .on('repositioned', () => this.#resetAll())
      // (Re)started by play(): it runs at the clock's rate again, from a new position.
      .on('stream-started', ({ file }) => {
        this.#queuedRates.delete(file);
        this.strategy.forget(file.videoId);
      });
  }

  get seekLatencyS(): number | undefined {
    return this.#seekLatencyS.value;
  }

  /** One step over the streams that should be moving (`playable`), with the clock at `positionMs`. */
  steer(playable: readonly MountedFile[], positionMs: number, nowMs: number): void {
    const { clock } = this.context;
    const batch = playable.length <= SYNC_BATCH_SIZE ? playable : this.#nextBatch(playable);
    const readings = this.#readings;
    const byId = this.#byId;
    readings.length = 0;
    byId.clear();
    for (const file of batch) {
      const element = file.element;
      if (element.paused || element.seeking || file.pendingStart) continue;
      // A stream out of data (let go, or starving) is not where it will be: its readings would pull
      // the others' common error. It is read again, afresh, once it plays on.
      if (file.slot.stalled || !file.canPlayOn) {
        if (this.#steered.delete(file.videoId)) this.strategy.forget(file.videoId);
        continue;
      }
      const mediaTimeS = element.currentTime;
      if (file.correctiveSeekToS !== undefined) this.#noteSeekResumed(file, mediaTimeS, nowMs);
      readings.push({
        streamId: file.videoId,
        mediaTimeS,
        targetS: file.targetS(positionMs),
        playbackRate: file.slot.playbackRate,
        hasAudio: file.hasAudio,
        lastSeekMs: file.lastSeekMs,
      });
      byId.set(file.videoId, file);
      this.#steered.add(file.videoId);
    }
    if (readings.length === 0) return;
    const decision = this.strategy.decide(readings, { nowMs, clockRate: clock.mediaRate, seekLatencyS: this.seekLatencyS });
    for (const [streamId, correction] of decision.corrections) {
      const file = byId.get(streamId);
      if (!file) continue;
      this.#queuedRates.delete(file);
      if (correction.kind === 'seek') {
        file.lastCorrectiveSeekAtMs = nowMs;
        file.correctiveSeekToS = correction.toMediaTimeS;
        file.element.currentTime = correction.toMediaTimeS;
      } else {
        this.#queuedRates.set(file, correction.playbackRate);
      }
    }
    this.#writeQueuedRates();
    if (decision.clockAdjustMs) clock.seek(clock.positionMs(nowMs) + decision.clockAdjustMs);
    // The strategy's slew of the clock (and the media's drift against the page's clock).
    if (decision.clockRateFactor !== undefined) clock.setRateFactor(decision.clockRateFactor);
  }

  /** Writes decided rates, at most `RATE_WRITES_PER_STEP` of them, oldest decision first. */
  #writeQueuedRates(): void {
    let budget = RATE_WRITES_PER_STEP;
    for (const [file, rate] of this.#queuedRates) {
      if (budget === 0) return;
      this.#queuedRates.delete(file);
      if (file.slot.playbackRate === rate) continue;
      file.slot.playbackRate = rate;
      budget -= 1;
    }
  }

  /** The next `SYNC_BATCH_SIZE` streams, in turns (in a buffer reused from step to step). */
  #nextBatch(playable: readonly MountedFile[]): readonly MountedFile[] {
    const start = this.#cursor % playable.length;
    this.#cursor = start + SYNC_BATCH_SIZE;
    const batch = this.#batch;
    batch.length = SYNC_BATCH_SIZE;
    for (let i = 0; i < SYNC_BATCH_SIZE; i++) batch[i] = playable[(start + i) % playable.length]!;
    return batch;
  }

  /** How long the file's seeks take (any seek, to `seeked`). */
  #noteSeekDone(file: MountedFile): void {
    const nowMs = this.context.scheduler.now();
    if (file.seekingSinceMs !== undefined) file.lastSeekMs = nowMs - file.seekingSinceMs;
    file.seekingSinceMs = undefined;
  }

  /**
   * A moving average of how long corrective seeks take, to aim the next one ahead: from the seek
   * to when the element moved on from where it went, worked back from how far it has moved since
   * (`seeked` comes before that: a frame is still decoded from a key frame, more so when data is
   * short). Taken once it is seen past that point by more than a reading's noise.
   */
  #noteSeekResumed(file: MountedFile, mediaTimeS: number, nowMs: number): void {
    const movedS = mediaTimeS - file.correctiveSeekToS!;
    if (movedS <= RESUMED_PAST_S) return;
    file.correctiveSeekToS = undefined;
    const tookMs = nowMs - file.lastCorrectiveSeekAtMs! - (movedS * 1000) / this.context.clock.mediaRate;
    if (tookMs > 0 && tookMs < MAX_SEEK_LATENCY_MS) this.#seekLatencyS.add(tookMs / 1000);
  }

  #resetAll(): void {
    this.#queuedRates.clear();
    this.strategy.reset();
  }

  /** Unmounted streams are forgotten by the strategy. */
  #forgetAllBut(mounted: readonly MountedFile[]): void {
    const mountedIds = new Set(mounted.map((file) => file.videoId));
    for (const file of this.#queuedRates.keys()) if (!mountedIds.has(file.videoId)) this.#queuedRates.delete(file);
    for (const streamId of this.#steered) {
      if (mountedIds.has(streamId)) continue;
      this.#steered.delete(streamId);
      this.strategy.forget(streamId);
    }
  }

  destroy(): void {
    this.#subscriptions.removeAll();
    this.#steered.clear();
    this.#resetAll();
  }
}
