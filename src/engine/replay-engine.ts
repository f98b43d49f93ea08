/**
 * The replay engine's façade: one master clock, and controllers around it (`controllers/`) that
 * mount files, schedule downloads, start streams together, keep them in sync, watch for stalls and
 * mix the sound. They talk through one event bus (`event-bus.ts`); the playback state and the step
 * that runs them in order are in `playback-loop.ts`. This class is the only place that fires media
 * events, with the state updated first. It behaves like a media element, so the custom element and
 * the video.js Tech only forward to it. It knows nothing of layout: it announces `slotschange` and
 * the view places the media elements.
 */
import { MasterClock } from '../core/clock/master-clock.js';
import { MAX_PACE, MIN_PACE, PICTURE_PACE } from '../core/sync/picture-pace.js';
import { NETWORK_EMPTY, NETWORK_IDLE, NETWORK_LOADING, NETWORK_NO_SOURCE, type MediaFace } from '../core/media-api.js';
import type { PlaybackPhase } from '../core/playback/phase.js';
import { MAX_RATE, MIN_RATE, PLAYBACK_RATES } from '../core/playback/playback-rates.js';
import { RecordingError, type ParsedRecording, type Recording, type RecordingProblem } from '../core/recording/recording.js';
import { msToSeconds, secondsToMs } from '../core/sync/media-time.js';
import { CommonModeStrategy } from '../core/sync/common-mode-strategy.js';
import { buildTimeline, type Timeline } from '../core/timeline/timeline.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { MediaSlot } from '../media/media-slot.js';
import { bufferedAhead } from './buffered-ahead.js';
import { EngineControllers } from './controllers/engine-controllers.js';
import { settingsFrom, type ReplayEngineOptions } from './engine-options.js';
import type { EngineSettings } from './engine-context.js';
import { EventBus, Subscriptions } from './event-bus.js';
import { PlaybackLoop } from './playback-loop.js';
import { TicReplayError } from './replay-error.js';
import { browserScheduler } from './scheduler.js';
import { pageStartLatencies } from './start-latencies.js';
import { TimeRangeList } from './time-ranges.js';

export { PLAYBACK_RATES, MIN_RATE, MAX_RATE, type ReplayEngineOptions };

export class ReplayEngine extends EventTarget implements MediaFace {
  readonly #clock: MasterClock;
  readonly #settings: EngineSettings;
  readonly #bus = new EventBus();
  readonly #controllers: EngineControllers;
  readonly #loop: PlaybackLoop;
  readonly #subscriptions: Subscriptions;
  /** The language of messages about files; takes effect for files mounted from now on. */
  messages: Messages;

  #recording: Recording | undefined;
  #problems: TicReplayError[] = [];
  #error: TicReplayError | null = null;
  #networkState = NETWORK_EMPTY;
  /** A position asked for before the recording arrived. */
  #pendingStartMs = 0;
  #destroyed = false;

  constructor(options: ReplayEngineOptions = {}) {
    super();
    const scheduler = options.scheduler ?? browserScheduler;
    this.#clock = new MasterClock(() => scheduler.now(), checkedPace(options.pace ?? PICTURE_PACE));
    this.#settings = settingsFrom(options);
    this.messages = options.messages ?? en;
    const context = { bus: this.#bus, scheduler, clock: this.#clock, settings: this.#settings, startLatencies: options.startLatencies ?? pageStartLatencies };
    this.#controllers = new EngineControllers(context, {
      adapters: options.adapters,
      createElement: options.createMediaElement,
      messages: () => this.messages,
      syncStrategy: options.syncStrategy ?? new CommonModeStrategy(),
    });
    this.#loop = new PlaybackLoop(context, this.#controllers, (type) => this.#emit(type));
    this.#subscriptions = new Subscriptions(this.#bus)
      .on('mounts-changed', () => this.#emit('slotschange'))
      .on('media-event', () => this.#loop.queueStep())
      .on('stream-started', () => this.#loop.queueStep())
      .on('play-refused', ({ error }) => this.#loop.refused(error))
      .on('file-failed', ({ problem }) => {
        this.#report(problem, false);
        this.#emit('slotschange');
        this.#loop.queueStep();
      });
  }

  /** The event bus its controllers talk through (for tests and diagnostics). */
  get bus(): EventBus { return this.#bus; }
  get phase(): PlaybackPhase { return this.#loop.state.phase; }

  /** A stream stalled longer than this (real ms) stops holding the others back. */
  get stallTimeoutMs(): number { return this.#settings.stallTimeoutMs; }
  set stallTimeoutMs(ms: number) { this.#settings.stallTimeoutMs = ms; }

  /** At most this many files download at once; browsers stall the 7th HTTP/1.1 download from one host. */
  get maxConcurrentLoads(): number { return this.#settings.maxConcurrentLoads; }
  set maxConcurrentLoads(count: number) { this.#settings.maxConcurrentLoads = count; }

  // ---- loading ------------------------------------------------------------------------------

  /** Starts a new load: everything of the previous recording is torn down. */
  beginLoad(): void {
    const hadSomething = this.#networkState !== NETWORK_EMPTY;
    this.teardown();
    if (hadSomething) this.#emit('emptied');
    this.#networkState = NETWORK_LOADING;
    this.#loop.setPhase('loading');
    this.#emit('loadstart');
  }

  /** Opens a parsed recording; its skipped entries are reported as non-fatal errors. */
  open(parsed: ParsedRecording, startAtS = 0): void {
    if (this.#networkState !== NETWORK_LOADING) this.beginLoad();
    this.#recording = parsed.recording;
    const timeline = buildTimeline(parsed.recording);
    this.#controllers.mounts.timeline = timeline;
    this.#clock.durationMs = timeline.durationMs;
    this.#networkState = NETWORK_IDLE;
    this.#loop.opened(timeline);
    // The start position is taken before the events, so that a page seeking in its
    // loadedmetadata handler (as with <video>) has the last word.
    this.#loop.seekTo(secondsToMs(startAtS || msToSeconds(this.#pendingStartMs)), true);
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
    this.#loop.reset(false);
    this.#controllers.mounts.clear();
    this.#networkState = NETWORK_NO_SOURCE;
    this.#loop.playPromises.rejectAll(new DOMException(problem.message, 'NotSupportedError'));
    this.#report(problem, true);
  }

  /** Releases everything; the engine can load again afterwards. */
  teardown(): void {
    this.#loop.reset(true);
    this.#controllers.mounts.clear();
    this.#controllers.mounts.timeline = undefined;
    this.#recording = undefined;
    this.#problems = [];
    this.#error = null;
    this.#controllers.audio.forgetTracks();
    this.#networkState = NETWORK_EMPTY;
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

  // ---- the media-element face ---------------------------------------------------------------

  get timeline(): Timeline | undefined { return this.#loop.timeline; }
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
  get duration(): number { return this.#loop.timeline ? msToSeconds(this.#loop.timeline.durationMs) : Number.NaN; }
  get paused(): boolean { return !this.#loop.state.playRequested; }
  get ended(): boolean { return this.phase === 'ended'; }
  get seeking(): boolean { return this.phase === 'seeking'; }
  get readyState(): number { return this.#loop.readyState; }
  get networkState(): number { return this.#networkState; }
  get seekable(): TimeRanges { return new TimeRangeList(this.#loop.timeline ? [[0, this.duration]] : []); }
  get buffered(): TimeRanges {
    const timeline = this.#loop.timeline;
    return timeline ? bufferedAhead(this.#controllers.mounts.active, this.#clock.positionMs(), timeline.durationMs) : new TimeRangeList();
  }

  /**
   * The replay runs at `playbackRate` times this (default `PICTURE_PACE`; 1: exactly at the chosen
   * rate; see `core/sync/picture-pace.ts`). Changed while playing, every element is re-aimed as for a
   * rate change, without `ratechange`: the rate the page chose is the same.
   */
  get pace(): number { return this.#clock.pace; }
  set pace(pace: number) {
    if (checkedPace(pace) === this.#clock.pace) return;
    this.#clock.setPace(pace);
    this.#applyMediaRate();
    this.#loop.rateChanged();
  }

  get playbackRate(): number { return this.#clock.rate; }
  set playbackRate(rate: number) {
    if (!(rate >= MIN_RATE && rate <= MAX_RATE)) throw new DOMException(`playbackRate must be between ${MIN_RATE} and ${MAX_RATE}, got ${rate}`, 'NotSupportedError');
    if (rate === this.#clock.rate) return;
    this.#clock.setRate(rate);
    this.#applyMediaRate();
    this.#emit('ratechange');
    this.#loop.rateChanged();
  }

  /** The media's rate changed (the user's rate or the pace): every element runs at it from now on. */
  #applyMediaRate(): void {
    for (const file of this.#controllers.mounts.all) file.slot.replayRate = this.#clock.mediaRate;
    this.#bus.emit('rate-changed', { rate: this.#clock.mediaRate });
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
    return this.#loop.play();
  }

  pause(): void {
    this.#loop.pause();
  }

  /** Seeks the replay to `seconds`: every active file is moved, the clock holds until all show the target frame. */
  seek(seconds: number): void {
    if (!this.#loop.timeline) {
      this.#pendingStartMs = secondsToMs(Math.max(0, seconds));
      return;
    }
    this.#loop.seekTo(secondsToMs(seconds), false);
  }

  #report(problem: RecordingProblem, fatal: boolean): void {
    const error = new TicReplayError(problem, fatal, this.messages);
    this.#problems = [...this.#problems, error];
    this.#error = error;
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  /** The one place events are fired. */
  #emit(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

function checkedPace(pace: number): number {
  if (!(pace >= MIN_PACE && pace <= MAX_PACE)) throw new RangeError(`pace must be between ${MIN_PACE} and ${MAX_PACE}, got ${pace}`);
  return pace;
}
