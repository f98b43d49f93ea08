/**
 * The replay engine's façade: one master clock, and controllers around it (see `controllers/`)
 * that mount files, schedule downloads, start streams together, keep them in sync, watch for
 * stalls and mix the sound. They talk through one event bus; this class owns the playback state
 * (one `PlaybackPhase`), runs one step of them in order, and is the only place that fires media
 * events, with its state updated first. It behaves like a media element, so the custom element and
 * the video.js Tech only forward to it. It knows nothing of layout: it announces `slotschange` and
 * the view places the media elements.
 */
import { MasterClock } from '../core/clock/master-clock.js';
import { HAVE_METADATA, HAVE_NOTHING, NETWORK_EMPTY, NETWORK_IDLE, NETWORK_LOADING, NETWORK_NO_SOURCE, type MediaFace } from '../core/media-api.js';
import { INITIAL_PLAYBACK_STATE, isClockHeld, phaseAfterPositioning, type PlaybackPhase, type PlaybackState } from '../core/playback/phase.js';
import { MAX_RATE, MIN_RATE, PLAYBACK_RATES } from '../core/playback/playback-rates.js';
import { isPastMediaEnd, readyStateEvents, replayReadyState } from '../core/playback/readiness.js';
import { RecordingError, type ParsedRecording, type Recording, type RecordingProblem } from '../core/recording/recording.js';
import type { DriftPolicy } from '../core/sync/drift-policy.js';
import { msToSeconds, secondsToMs } from '../core/sync/media-time.js';
import { CommonModeStrategy } from '../core/sync/common-mode-strategy.js';
import { SmoothedDriftStrategy } from '../core/sync/smoothed-drift-strategy.js';
import type { SyncStrategy } from '../core/sync/sync-strategy.js';
import { buildTimeline, type Timeline } from '../core/timeline/timeline.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { MediaElementFactory, MediaSlot } from '../media/media-slot.js';
import type { SourceAdapter } from '../media/source-adapter.js';
import { BoundaryTimer } from './boundary-timer.js';
import { bufferedAhead } from './buffered-ahead.js';
import { EngineControllers } from './controllers/engine-controllers.js';
import type { EngineSettings } from './engine-context.js';
import { EventBus, Subscriptions } from './event-bus.js';
import { FrameTicker } from './frame-ticker.js';
import type { MountedFile } from './mounted-file.js';
import { PlayPromises } from './play-promises.js';
import { TicReplayError } from './replay-error.js';
import { browserScheduler, type Scheduler } from './scheduler.js';
import { TimeRangeList } from './time-ranges.js';

export { PLAYBACK_RATES, MIN_RATE, MAX_RATE };

export interface ReplayEngineOptions {
  /** Real time ahead of a file's start at which its element is mounted and preloaded. */
  readonly preloadMs?: number;
  /** A stream stalled longer than this stops holding the others back; it rejoins when it recovers. */
  readonly stallTimeoutMs?: number;
  /** At most this many files download at once (active files always do; preloading ones wait their turn). */
  readonly maxConcurrentLoads?: number;
  readonly adapters?: readonly SourceAdapter[];
  /** How streams are kept on the clock (default: `CommonModeStrategy`; `SmoothedDriftStrategy` when `driftPolicy` is given). */
  readonly syncStrategy?: SyncStrategy;
  readonly driftPolicy?: DriftPolicy;
  /** Frames, timers, microtasks and time (default: the browser's). */
  readonly scheduler?: Scheduler;
  /** Makes the files' media elements (default: `document.createElement`). */
  readonly createMediaElement?: MediaElementFactory;
  /** The language of messages about files (default English). */
  readonly messages?: Messages;
}

const TIMEUPDATE_INTERVAL_MS = 250;

export class ReplayEngine extends EventTarget implements MediaFace {
  readonly #scheduler: Scheduler;
  readonly #clock: MasterClock;
  readonly #settings: EngineSettings;
  readonly #bus = new EventBus();
  readonly #controllers: EngineControllers;
  readonly #ticker: FrameTicker;
  readonly #boundaryTimer: BoundaryTimer;
  readonly #playPromises = new PlayPromises();
  readonly #subscriptions: Subscriptions;
  /** The language of messages about files; takes effect for files mounted from now on. */
  messages: Messages;

  #state: PlaybackState = INITIAL_PLAYBACK_STATE;
  #timeline: Timeline | undefined;
  #recording: Recording | undefined;
  #problems: TicReplayError[] = [];
  #error: TicReplayError | null = null;
  #readyState = HAVE_NOTHING;
  #networkState = NETWORK_EMPTY;
  #loadedDataSent = false;
  #lastTimeupdateMs = 0;
  /** A position asked for before the recording arrived. */
  #pendingStartMs = 0;
  #stepQueued = false;
  #destroyed = false;

  constructor(options: ReplayEngineOptions = {}) {
    super();
    this.#scheduler = options.scheduler ?? browserScheduler;
    this.#clock = new MasterClock(() => this.#scheduler.now());
    this.#settings = { preloadMs: options.preloadMs ?? 3000, stallTimeoutMs: options.stallTimeoutMs ?? 8000, maxConcurrentLoads: options.maxConcurrentLoads ?? 6 };
    this.messages = options.messages ?? en;
    const context = { bus: this.#bus, scheduler: this.#scheduler, clock: this.#clock, settings: this.#settings };
    this.#controllers = new EngineControllers(context, {
      adapters: options.adapters,
      createElement: options.createMediaElement,
      messages: () => this.messages,
      syncStrategy: options.syncStrategy ?? (options.driftPolicy ? new SmoothedDriftStrategy(options.driftPolicy) : new CommonModeStrategy()),
    });
    this.#ticker = new FrameTicker(this.#scheduler, () => this.#step());
    this.#boundaryTimer = new BoundaryTimer(this.#scheduler, this.#clock, () => this.#step());
    this.#subscriptions = new Subscriptions(this.#bus)
      .on('mounts-changed', () => this.#emit('slotschange'))
      .on('media-event', () => this.#queueStep())
      .on('stream-started', () => this.#queueStep())
      .on('file-failed', ({ problem }) => {
        this.#report(problem, false);
        this.#emit('slotschange');
        this.#queueStep();
      })
      .on('play-refused', ({ error }) => {
        if (!this.#state.playRequested) return;
        // Behave like a media element refused by the autoplay policy: paused, play() rejected.
        const refused = this.#playPromises.takeAll();
        this.pause();
        refused.rejectAll(error);
      });
  }

  /** The event bus its controllers talk through (read-only use: tests, diagnostics). */
  get bus(): EventBus {
    return this.#bus;
  }

  /** A stream stalled longer than this (real ms) stops holding the others back. */
  get stallTimeoutMs(): number { return this.#settings.stallTimeoutMs; }
  set stallTimeoutMs(ms: number) { this.#settings.stallTimeoutMs = ms; }

  /** At most this many files download at once; browsers stall the 7th HTTP/1.1 download from one host. */
  get maxConcurrentLoads(): number { return this.#settings.maxConcurrentLoads; }
  set maxConcurrentLoads(count: number) { this.#settings.maxConcurrentLoads = count; }

  get phase(): PlaybackPhase {
    return this.#state.phase;
  }

  // ---- loading ------------------------------------------------------------------------------

  /** Starts a new load: everything of the previous recording is torn down. */
  beginLoad(): void {
    const hadSomething = this.#networkState !== NETWORK_EMPTY;
    this.teardown();
    if (hadSomething) this.#emit('emptied');
    this.#networkState = NETWORK_LOADING;
    this.#setPhase('loading');
    this.#emit('loadstart');
  }

  /** Opens a parsed recording; its skipped entries are reported as non-fatal errors. */
  open(parsed: ParsedRecording, startAtS = 0): void {
    if (this.#networkState !== NETWORK_LOADING) this.beginLoad();
    this.#recording = parsed.recording;
    this.#timeline = buildTimeline(parsed.recording);
    this.#controllers.mounts.timeline = this.#timeline;
    this.#clock.durationMs = this.#timeline.durationMs;
    this.#networkState = NETWORK_IDLE;
    this.#readyState = HAVE_METADATA;
    // The start position is taken before the events, so that a page seeking in its
    // loadedmetadata handler (as with <video>) has the last word.
    this.#seekTo(secondsToMs(startAtS || msToSeconds(this.#pendingStartMs)), true);
    this.#pendingStartMs = 0;
    this.#emit('durationchange');
    this.#emit('loadedmetadata');
    for (const problem of parsed.problems) this.#report(problem, false);
  }

  /**
   * Opens a recording that is being read (fetched or parsed) when it arrives, or fails with its
   * problem. Nothing happens once `signal` is aborted (a newer load took over).
   */
  async loadFrom(reading: Promise<ParsedRecording>, signal: AbortSignal, startAtS: (recording: Recording) => number = () => 0): Promise<void> {
    try {
      const parsed = await reading;
      if (!signal.aborted) this.open(parsed, startAtS(parsed.recording));
    } catch (error) {
      if (signal.aborted) return;
      this.fail(error instanceof RecordingError ? error.problem : { code: 'fetch-failed', message: this.messages.recordingLoadFailed(String(error)) });
    }
  }

  /** The recording could not be loaded at all. */
  fail(problem: RecordingProblem): void {
    this.#teardownMedia();
    this.#networkState = NETWORK_NO_SOURCE;
    this.#playPromises.rejectAll(new DOMException(problem.message, 'NotSupportedError'));
    this.#report(problem, true);
  }

  /** Releases everything; the engine can load again afterwards. */
  teardown(): void {
    this.#teardownMedia();
    this.#timeline = undefined;
    this.#controllers.mounts.timeline = undefined;
    this.#recording = undefined;
    this.#problems = [];
    this.#error = null;
    this.#controllers.audio.forgetTracks();
    this.#readyState = HAVE_NOTHING;
    this.#networkState = NETWORK_EMPTY;
    this.#loadedDataSent = false;
    this.#clock.seek(0);
    this.#clock.durationMs = 0;
  }

  /** Releases everything for good: controllers, their listeners and timers. */
  destroy(): void {
    this.teardown();
    this.#controllers.destroy();
    this.#subscriptions.removeAll();
    this.#destroyed = true;
  }

  #teardownMedia(): void {
    this.#ticker.stop();
    this.#boundaryTimer.clear();
    this.#clock.stop();
    this.#controllers.starts.reset();
    this.#controllers.seeks.cancel();
    this.#playPromises.rejectAll(new DOMException('The replay was unloaded', 'AbortError'));
    this.#state = INITIAL_PLAYBACK_STATE;
    this.#controllers.mounts.clear();
  }

  // ---- the media-element face ---------------------------------------------------------------

  get timeline(): Timeline | undefined { return this.#timeline; }
  get recording(): Recording | undefined { return this.#recording; }
  /** Mounted files, in timeline order. */
  get slots(): MediaSlot[] { return this.#controllers.mounts.mounted.map((file) => file.slot); }
  get problems(): readonly TicReplayError[] { return this.#problems; }
  get error(): TicReplayError | null { return this.#error; }
  get currentTime(): number { return msToSeconds(this.#clock.positionMs()); }
  set currentTime(seconds: number) {
    if (!Number.isFinite(seconds)) throw new TypeError(`currentTime must be a finite number, got ${seconds}`);
    this.seek(seconds);
  }
  get duration(): number { return this.#timeline ? msToSeconds(this.#timeline.durationMs) : Number.NaN; }
  get paused(): boolean { return !this.#state.playRequested; }
  get ended(): boolean { return this.#state.phase === 'ended'; }
  get seeking(): boolean { return this.#state.phase === 'seeking'; }
  get readyState(): number { return this.#readyState; }
  get networkState(): number { return this.#networkState; }
  get seekable(): TimeRanges { return new TimeRangeList(this.#timeline ? [[0, this.duration]] : []); }
  get buffered(): TimeRanges {
    return this.#timeline ? bufferedAhead(this.#controllers.mounts.active, this.#clock.positionMs(), this.#timeline.durationMs) : new TimeRangeList();
  }

  get playbackRate(): number { return this.#clock.rate; }
  set playbackRate(rate: number) {
    if (!(rate >= MIN_RATE && rate <= MAX_RATE)) throw new DOMException(`playbackRate must be between ${MIN_RATE} and ${MAX_RATE}, got ${rate}`, 'NotSupportedError');
    if (rate === this.#clock.rate) return;
    this.#clock.setRate(rate);
    this.#boundaryTimer.clear();
    this.#controllers.mounts.invalidate();
    for (const file of this.#controllers.mounts.all) file.element.playbackRate = rate;
    this.#bus.emit('rate-changed', { rate });
    this.#emit('ratechange');
    this.#step();
  }

  get volume(): number { return this.#controllers.audio.volume; }
  set volume(volume: number) {
    if (!(volume >= 0 && volume <= 1)) throw new DOMException(`volume must be between 0 and 1, got ${volume}`, 'IndexSizeError');
    if (this.#controllers.audio.setVolume(volume)) this.#emit('volumechange');
  }

  get muted(): boolean { return this.#controllers.audio.muted; }
  set muted(muted: boolean) {
    if (this.#controllers.audio.setMuted(muted)) this.#emit('volumechange');
  }

  /** Silences one track (a person, the whiteboard, ...) without touching the others. */
  setTrackMuted(trackId: string, muted: boolean): void {
    if (this.#controllers.audio.setTrackMuted(trackId, muted)) this.#emit('trackmutechange');
  }

  isTrackMuted(trackId: string): boolean {
    return this.#controllers.audio.isTrackMuted(trackId);
  }

  play(): Promise<void> {
    if (this.#destroyed) return Promise.reject(new DOMException('The player was removed', 'AbortError'));
    if (this.#error?.fatal) return Promise.reject(new DOMException(this.#error.message, 'NotSupportedError'));
    const promise = this.#playPromises.create();
    if (!this.#timeline) {
      // Still loading: play as soon as the recording is there.
      if (!this.#state.playRequested) {
        this.#state = { ...this.#state, playRequested: true };
        this.#emit('play');
      }
      return promise;
    }
    if (this.ended) this.#seekTo(0, false);
    if (!this.#state.playRequested) {
      this.#state = { ...this.#state, playRequested: true };
      this.#beginStart();
      this.#emit('play');
    } else if (this.#state.phase === 'playing') {
      this.#playPromises.resolveAll();
    }
    this.#queueStep();
    return promise;
  }

  pause(): void {
    const wasPaused = !this.#state.playRequested;
    const positioning = this.#controllers.seeks.pending;
    const phase: PlaybackPhase = positioning ? (positioning.silent ? 'loading' : 'seeking') : this.ended ? 'ended' : this.#timeline ? 'paused' : this.#state.phase;
    this.#state = { phase, playRequested: false };
    this.#clock.stop();
    this.#pauseElements();
    this.#playPromises.rejectAll(new DOMException('play() was interrupted by pause()', 'AbortError'));
    if (!wasPaused) {
      this.#emit('timeupdate');
      this.#emit('pause');
    }
    // A seek goes on while paused: its frames still have to arrive.
    if (positioning) this.#ticker.start();
    else this.#ticker.stop();
  }

  /** Seeks the replay to `seconds`: every active file is moved, the clock holds until all show the target frame. */
  seek(seconds: number): void {
    if (!this.#timeline) {
      this.#pendingStartMs = secondsToMs(Math.max(0, seconds));
      return;
    }
    this.#seekTo(secondsToMs(seconds), false);
  }

  // ---- the step -----------------------------------------------------------------------------

  #seekTo(targetMs: number, silent: boolean): void {
    const timeline = this.#timeline;
    if (!timeline) return;
    const positionMs = Math.min(Math.max(targetMs, 0), timeline.durationMs);
    const { mounts, seeks, starts } = this.#controllers;
    this.#clock.stop();
    this.#clock.seek(positionMs);
    seeks.begin(silent);
    this.#setPhase(silent ? 'loading' : 'seeking');
    starts.reset();
    this.#pauseElements();
    if (!silent) {
      this.#readyState = Math.min(this.#readyState, HAVE_METADATA);
      this.#emit('seeking');
    }
    this.#bus.emit('repositioned', { positionMs });
    mounts.update(positionMs);
    seeks.align(mounts.all, positionMs);
    this.#ticker.start();
    this.#queueStep();
  }

  /** Holds the clock for a synchronized start (after the seek in progress, if any). */
  #beginStart(): void {
    if (!this.#controllers.seeks.pending) this.#setPhase('starting');
    this.#controllers.starts.reset();
    this.#ticker.start();
  }

  #queueStep(): void {
    if (this.#stepQueued) return;
    this.#stepQueued = true;
    this.#scheduler.queueMicrotask(() => {
      this.#stepQueued = false;
      this.#step();
    });
  }

  /** One step of the engine: the end, mounts, seek completion, synchronized start, waiting, sync. */
  #step(): void {
    const timeline = this.#timeline;
    if (!timeline || this.#destroyed) return;
    const { mounts, downloads, seeks, starts, stalls, sync } = this.#controllers;
    const nowMs = this.#scheduler.now();
    if (this.#clock.running && this.#clock.atEnd(nowMs)) return this.#finish(timeline);
    const positionMs = this.#clock.positionMs(nowMs);
    starts.measure(nowMs);
    mounts.updateIfDue(positionMs);
    // Between boundaries, downloads finish and free a turn.
    downloads.admit();

    const positioning = seeks.pending;
    if (positioning) {
      if (!seeks.complete(mounts.active, positionMs, nowMs)) {
        // Playback asked for while the first frames are still loading: that is waiting, as for <video>.
        if (positioning.silent && this.#state.playRequested && !positioning.waitingAnnounced) {
          positioning.waitingAnnounced = true;
          this.#setPhase('waiting');
          this.#emit('waiting');
        }
        return this.#refreshReadyState([], true);
      }
      this.#setPhase(phaseAfterPositioning(this.#state, positioning.waitingAnnounced));
      if (!positioning.silent) {
        this.#emit('timeupdate');
        this.#emit('seeked');
      }
      if (!this.#state.playRequested) this.#ticker.stop();
    }
    // The streams that should be moving now, worked out once for the whole step.
    const playable = mounts.active.filter((file) => !file.slot.failed && !isPastMediaEnd(file.targetS(positionMs), file.slot.mediaDurationS));
    this.#refreshReadyState(playable, false);
    if (!this.#state.playRequested) return;

    const blocked = stalls.blocking(playable, nowMs).length > 0;
    if (isClockHeld(this.#state.phase)) {
      if (blocked) return this.#announceWaiting(false);
      const clockStartMs = starts.advance(playable, positionMs, nowMs);
      if (clockStartMs === undefined) return;
      this.#clock.seek(clockStartMs);
      this.#clock.start();
      this.#lastTimeupdateMs = nowMs;
      this.#setPhase('playing');
      this.#emit('playing');
      this.#playPromises.resolveAll();
    } else {
      if (blocked) return this.#announceWaiting(true);
      starts.joinPaused(playable, positionMs);
      sync.steer(playable, positionMs, nowMs);
      // Files whose media ended before their interval hold their last frame.
      for (const file of mounts.active) if (!file.slot.failed && !file.element.paused && !playable.includes(file)) file.element.pause();
      starts.prerollJoining(mounts.all, positionMs);
    }
    if (this.#clock.running && nowMs - this.#lastTimeupdateMs >= TIMEUPDATE_INTERVAL_MS) {
      this.#lastTimeupdateMs = nowMs;
      // Listeners (the control bar, the page) run after the step, not inside it.
      this.#scheduler.queueMicrotask(() => this.#emit('timeupdate'));
    }
    const rate = this.#clock.rate;
    const latency = starts.latencyMs;
    // Starts and ends, preroll points just before starts, and mount points a preload window ahead.
    this.#boundaryTimer.schedule(timeline, positionMs, [0, latency.video * rate, latency.audio * rate, this.#settings.preloadMs * Math.max(1, rate)]);
  }

  /** A stream lacks data: hold the clock (and what was started) until it has some. */
  #announceWaiting(wasPlaying: boolean): void {
    const { starts } = this.#controllers;
    if (wasPlaying) {
      this.#clock.stop();
      this.#pauseElements();
      this.#beginStart();
    } else if (starts.sent) {
      this.#pauseElements();
      starts.reset();
    }
    if (this.#state.phase === 'waiting') return;
    this.#setPhase('waiting');
    if (wasPlaying) this.#emit('timeupdate');
    this.#emit('waiting');
  }

  #finish(timeline: Timeline): void {
    this.#clock.stop();
    this.#clock.seek(timeline.durationMs);
    this.#state = { phase: 'ended', playRequested: false };
    this.#pauseElements();
    this.#controllers.mounts.update(timeline.durationMs);
    this.#ticker.stop();
    this.#emit('timeupdate');
    this.#emit('pause');
    this.#emit('ended');
  }

  #pauseElements(): void {
    this.#controllers.starts.cancelStaggered();
    for (const file of this.#controllers.mounts.all) if (!file.element.paused) file.element.pause();
  }

  #refreshReadyState(playable: readonly MountedFile[], positioning: boolean): void {
    const previous = this.#readyState;
    const next = replayReadyState(positioning, playable.map((file) => file.element));
    if (next === previous) return;
    this.#readyState = next;
    for (const type of readyStateEvents(previous, next, this.#loadedDataSent)) {
      if (type === 'loadeddata') this.#loadedDataSent = true;
      this.#emit(type);
    }
  }

  #setPhase(phase: PlaybackPhase): void {
    this.#state = { ...this.#state, phase };
  }

  #report(problem: RecordingProblem, fatal: boolean): void {
    const error = new TicReplayError(problem, fatal);
    this.#problems = [...this.#problems, error];
    this.#error = error;
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  #emit(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}
