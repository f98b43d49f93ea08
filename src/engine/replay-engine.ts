/**
 * The replay engine: one master clock, the files mounted around it, and the loop that keeps every
 * playing file on the clock. It behaves like a media element (play/pause/currentTime/... and the
 * native event names, state updated before each event) so the custom element and the video.js Tech
 * only forward to it. It knows nothing of layout: it announces `slotschange` and the view places
 * the media elements.
 */
import { MasterClock, type Now } from '../core/clock/master-clock.js';
import { audibleVideoIds } from '../core/playback/audio-policy.js';
import { MediaSlot } from '../media/media-slot.js';
import type { SourceAdapter } from '../media/source-adapter.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { RecordingError, type ParsedRecording, type Recording, type RecordingProblem } from '../core/recording/recording.js';
import { DEFAULT_DRIFT_POLICY, decideCorrection, type DriftPolicy } from '../core/sync/drift-policy.js';
import { mediaTimeAtS, msToSeconds, secondsToMs, timelineMsAt } from '../core/sync/media-time.js';
import { buildTimeline, nextBoundaryAfter, type Timeline } from '../core/timeline/timeline.js';
import { FrameTicker } from './frame-ticker.js';
import { displayPositionMs, planMounts } from '../core/playback/mount-plan.js';
import { TicReplayError } from './replay-error.js';
import { TimeRangeList } from './time-ranges.js';

export interface ReplayEngineOptions {
  /** Real time ahead of a file's start at which its element is mounted and preloaded. */
  readonly preloadMs?: number;
  /** A stream stalled longer than this stops holding the others back; it rejoins when it recovers. */
  readonly stallTimeoutMs?: number;
  /** At most this many files download at once (active files always do; preloading ones wait their turn). */
  readonly maxConcurrentLoads?: number;
  readonly adapters?: readonly SourceAdapter[];
  readonly driftPolicy?: DriftPolicy;
  readonly now?: Now;
  /** The language of messages about files (default English). */
  readonly messages?: Messages;
}

/** Why the clock is held while the user wants playback. */
type Hold = 'starting' | 'waiting' | null;

const HAVE_NOTHING = 0;
const HAVE_METADATA = 1;
const HAVE_CURRENT_DATA = 2;
const HAVE_FUTURE_DATA = 3;
const HAVE_ENOUGH_DATA = 4;
const NETWORK_EMPTY = 0;
const NETWORK_IDLE = 1;
const NETWORK_LOADING = 2;
const NETWORK_NO_SOURCE = 3;

/** A seek is done for an element once it shows a frame this close to where it was sent. */
const SEEK_TOLERANCE_S = 0.05;
/** How long a seek waits for an element to present its new frame before going on without it. */
const FRAME_WAIT_TIMEOUT_MS = 500;
/** Elements further than this from the clock are re-aligned by a seek before a synchronized start. */
const START_ALIGN_TOLERANCE_S = 0.02;
/** If an element never reports `playing`, the clock starts anyway after this long. */
const START_TIMEOUT_MS = 1000;
const TIMEUPDATE_INTERVAL_MS = 250;
/** A stream in the middle of a drift-correcting seek does not hold the others back for this long. */
const CORRECTIVE_SEEK_GRACE_MS = 1000;
/** Streams steered per tick; more are taken in turns. */
const SYNC_BATCH_SIZE = 8;
/** Weight of each new drift reading in the smoothed drift (per reading). */
const DRIFT_SMOOTHING = 0.25;
/** Media time an element must advance by before it counts as started when no presented frame tells. */
const START_ADVANCE_S = 0.04;
/** A synchronized start may move the clock forward to where the streams already are, at most this much. */
const MAX_START_ADVANCE_MS = 300;
/**
 * First guesses of play() latency (until the first picture moves), before any has been measured;
 * measured in headless Chromium: with an audio track its output has to start first.
 */
const INITIAL_START_LATENCY_MS = { audio: 100, video: 25 } as const;
/** Starts this much apart or less are sent together. */
const STAGGER_MIN_MS = 4;
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
export const MIN_RATE = PLAYBACK_RATES[0];
export const MAX_RATE = PLAYBACK_RATES[PLAYBACK_RATES.length - 1]!;

/** An element told to play that has not visibly advanced yet. */
interface PendingStart {
  readonly requestedAtMs: number;
  readonly fromS: number;
  /** Whether its start is read from presented frames (requestVideoFrameCallback). */
  readonly byFrame: boolean;
}

export class ReplayEngine extends EventTarget {
  readonly #clock: MasterClock;
  readonly #now: Now;
  readonly #preloadMs: number;
  /** A stream stalled longer than this (real ms) stops holding the others back. */
  stallTimeoutMs: number;
  /** At most this many files download at once; browsers stall the 7th HTTP/1.1 download from one host. */
  maxConcurrentLoads: number;
  readonly #adapters: readonly SourceAdapter[] | undefined;
  readonly #driftPolicy: DriftPolicy;
  private readonly ticker = new FrameTicker(() => this.update());
  /** The language of messages about files; takes effect for files mounted from now on. */
  messages: Messages;

  #timelineValue: Timeline | undefined;
  #recordingValue: Recording | undefined;
  readonly #slotMap = new Map<string, MediaSlot>();
  #problemList: TicReplayError[] = [];
  #errorValue: TicReplayError | null = null;

  #pausedValue = true;
  #endedValue = false;
  #seekingValue = false;
  #seekIsSilent = false;
  #hold: Hold = null;
  #startRequestedAtMs = 0;
  /** Whether the current synchronized start has sent play() to its elements. */
  #startSent = false;
  readonly #stalledSince = new Map<MediaSlot, number>();
  #volumeValue = 1;
  #mutedValue = false;
  readonly #mutedTrackIds = new Set<string>();
  #readyStateValue = HAVE_NOTHING;
  #networkStateValue = NETWORK_EMPTY;
  #lastTimeupdateMs = 0;
  #playWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  #boundaryTimer: ReturnType<typeof setTimeout> | undefined;
  #boundaryTimerAtMs = 0;
  #updateQueued = false;
  #seekLatencyS = 0;
  readonly #seekSentAt = new Map<MediaSlot, number>();
  /**
   * How long play() takes until an element's picture starts to move (moving averages, real ms), for
   * elements with and without audio: far apart in Chromium, so a synchronized start sends play()
   * to the slower kind first.
   */
  readonly #startLatencyMs: { audio: number; video: number } = { ...INITIAL_START_LATENCY_MS };
  readonly #staggerTimers = new Set<ReturnType<typeof setTimeout>>();
  /** Elements told to play that have not advanced yet, with when and from where. */
  readonly #pendingStarts = new Map<MediaSlot, PendingStart>();
  /** Smoothed drift per playing element (s). */
  readonly #driftFilterS = new Map<MediaSlot, number>();
  #syncCursor = 0;
  #seekStartedAtMs = 0;
  /** The active slots, kept with the mounts (read several times per tick). */
  #activeList: MediaSlot[] = [];
  /** Mounting changes only at file boundaries: until this position (or a jump back), nothing to do. */
  #reconcileDueMs = -Infinity;
  #reconciledAtMs = 0;
  #pendingStartMs = 0;
  #loadedDataSent = false;
  #destroyed = false;

  constructor(options: ReplayEngineOptions = {}) {
    super();
    this.#now = options.now ?? (() => performance.now());
    this.#clock = new MasterClock(this.#now);
    this.#preloadMs = options.preloadMs ?? 3000;
    this.stallTimeoutMs = options.stallTimeoutMs ?? 8000;
    this.maxConcurrentLoads = options.maxConcurrentLoads ?? 6;
    this.#adapters = options.adapters;
    this.#driftPolicy = options.driftPolicy ?? DEFAULT_DRIFT_POLICY;
    this.messages = options.messages ?? en;
  }

  // ---- loading ------------------------------------------------------------------------------

  /** Starts a new load: everything of the previous recording is torn down. */
  beginLoad(): void {
    const hadSomething = this.#networkStateValue !== NETWORK_EMPTY;
    this.teardown();
    if (hadSomething) this.#emit('emptied');
    this.#networkStateValue = NETWORK_LOADING;
    this.#emit('loadstart');
  }

  /** Plays a parsed recording; its skipped entries are reported as non-fatal errors. */
  load(parsed: ParsedRecording, startAtS = 0): void {
    if (this.#networkStateValue !== NETWORK_LOADING) this.beginLoad();
    this.#recordingValue = parsed.recording;
    const timeline = buildTimeline(parsed.recording);
    this.#timelineValue = timeline;
    this.#clock.durationMs = timeline.durationMs;
    this.#networkStateValue = NETWORK_IDLE;
    this.#readyStateValue = HAVE_METADATA;
    // The start position is taken before the events, so that a page seeking in its
    // loadedmetadata handler (as with <video>) has the last word.
    this.#seekInternal(secondsToMs(startAtS || msToSeconds(this.#pendingStartMs)), true);
    this.#pendingStartMs = 0;
    this.#emit('durationchange');
    this.#emit('loadedmetadata');
    for (const problem of parsed.problems) this.#report(problem, false);
  }

  /**
   * Loads a recording that is being read (fetched or parsed): it plays when it arrives, or the engine
   * fails with its problem. Nothing happens once `signal` is aborted (a newer load took over).
   */
  async loadFrom(
    reading: Promise<ParsedRecording>,
    signal: AbortSignal,
    startAtS: (recording: Recording) => number = () => 0,
  ): Promise<void> {
    try {
      const parsed = await reading;
      if (!signal.aborted) this.load(parsed, startAtS(parsed.recording));
    } catch (error) {
      if (signal.aborted) return;
      this.fail(
        error instanceof RecordingError
          ? error.problem
          : { code: 'fetch-failed', message: this.messages.recordingLoadFailed(String(error)) },
      );
    }
  }

  /** The recording could not be loaded at all. */
  fail(problem: RecordingProblem): void {
    this.#teardownMedia();
    this.#networkStateValue = NETWORK_NO_SOURCE;
    this.#rejectPlayWaiters(new DOMException(problem.message, 'NotSupportedError'));
    this.#report(problem, true);
  }

  /** Releases everything; the engine can load again afterwards. */
  teardown(): void {
    this.#teardownMedia();
    this.#timelineValue = undefined;
    this.#recordingValue = undefined;
    this.#problemList = [];
    this.#errorValue = null;
    this.#mutedTrackIds.clear();
    this.#readyStateValue = HAVE_NOTHING;
    this.#networkStateValue = NETWORK_EMPTY;
    this.#loadedDataSent = false;
    this.#clock.seek(0);
    this.#clock.durationMs = 0;
  }

  destroy(): void {
    this.teardown();
    this.#destroyed = true;
  }

  #teardownMedia(): void {
    this.ticker.stop();
    for (const timer of this.#staggerTimers) clearTimeout(timer);
    this.#staggerTimers.clear();
    this.#clearBoundaryTimer();
    this.#clock.stop();
    for (const slot of this.#slotMap.values()) slot.dispose();
    const hadSlots = this.#slotMap.size > 0;
    this.#slotMap.clear();
    this.#activeList = [];
    this.#stalledSince.clear();
    this.#seekSentAt.clear();
    this.#pendingStarts.clear();
    this.#driftFilterS.clear();
    this.#reconcileDueMs = -Infinity;
    this.#rejectPlayWaiters(new DOMException('The replay was unloaded', 'AbortError'));
    this.#pausedValue = true;
    this.#endedValue = false;
    this.#seekingValue = false;
    this.#hold = null;
    if (hadSlots) this.#emit('slotschange');
  }

  // ---- the media-element face ---------------------------------------------------------------

  get timeline(): Timeline | undefined {
    return this.#timelineValue;
  }

  get recording(): Recording | undefined {
    return this.#recordingValue;
  }

  /** Mounted files, in timeline order. */
  get slots(): MediaSlot[] {
    return [...this.#slotMap.values()].sort((a, b) => a.entry.startMs - b.entry.startMs);
  }

  get problems(): readonly TicReplayError[] {
    return this.#problemList;
  }

  get error(): TicReplayError | null {
    return this.#errorValue;
  }

  get currentTime(): number {
    return msToSeconds(this.#clock.positionMs());
  }

  set currentTime(seconds: number) {
    if (!Number.isFinite(seconds)) throw new TypeError(`currentTime must be a finite number, got ${seconds}`);
    this.seek(seconds);
  }

  get duration(): number {
    return this.#timelineValue ? msToSeconds(this.#timelineValue.durationMs) : Number.NaN;
  }

  get paused(): boolean {
    return this.#pausedValue;
  }

  get ended(): boolean {
    return this.#endedValue;
  }

  get seeking(): boolean {
    return this.#seekingValue && !this.#seekIsSilent;
  }

  get playbackRate(): number {
    return this.#clock.rate;
  }

  set playbackRate(rate: number) {
    if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
      throw new DOMException(`playbackRate must be between ${MIN_RATE} and ${MAX_RATE}, got ${rate}`, 'NotSupportedError');
    }
    if (rate === this.#clock.rate) return;
    this.#clock.setRate(rate);
    this.#clearBoundaryTimer();
    this.#reconcileDueMs = -Infinity;
    this.#driftFilterS.clear();
    for (const slot of this.#slotMap.values()) slot.element.playbackRate = rate;
    this.#emit('ratechange');
    this.update();
  }

  get volume(): number {
    return this.#volumeValue;
  }

  set volume(volume: number) {
    if (!(volume >= 0 && volume <= 1)) throw new DOMException(`volume must be between 0 and 1, got ${volume}`, 'IndexSizeError');
    if (volume === this.#volumeValue) return;
    this.#volumeValue = volume;
    this.#applyAudio();
    this.#emit('volumechange');
  }

  get muted(): boolean {
    return this.#mutedValue;
  }

  set muted(muted: boolean) {
    if (muted === this.#mutedValue) return;
    this.#mutedValue = muted;
    this.#applyAudio();
    this.#emit('volumechange');
  }

  /** Silences one track (a person, the whiteboard, ...) without touching the others. */
  setTrackMuted(trackId: string, muted: boolean): void {
    if (muted === this.#mutedTrackIds.has(trackId)) return;
    if (muted) this.#mutedTrackIds.add(trackId);
    else this.#mutedTrackIds.delete(trackId);
    this.#applyAudio();
    this.#emit('trackmutechange');
  }

  isTrackMuted(trackId: string): boolean {
    return this.#mutedTrackIds.has(trackId);
  }

  get readyState(): number {
    return this.#readyStateValue;
  }

  get networkState(): number {
    return this.#networkStateValue;
  }

  get seekable(): TimeRanges {
    return new TimeRangeList(this.#timelineValue ? [[0, this.duration]] : []);
  }

  /**
   * The stretch from the current position that can play without waiting: it ends where the first
   * active file runs out of buffered data, or at the end of the replay where nothing is active.
   */
  get buffered(): TimeRanges {
    const timeline = this.#timelineValue;
    if (!timeline) return new TimeRangeList();
    const positionMs = this.#clock.positionMs();
    let endMs = timeline.durationMs;
    for (const slot of this.#slotMap.values()) {
      if (slot.failed || slot.state !== 'active') continue;
      const mediaTimeS = this.#targetS(slot, positionMs);
      const ranges = slot.element.buffered;
      let bufferedEndMs = positionMs;
      for (let i = 0; i < ranges.length; i++) {
        if (ranges.start(i) <= mediaTimeS + 0.001 && ranges.end(i) >= mediaTimeS) {
          bufferedEndMs = slot.entry.startMs + secondsToMs(ranges.end(i) - slot.videoStartOffsetS);
        }
      }
      const coversToFileEnd = bufferedEndMs >= slot.entry.endMs - 1 || (Number.isFinite(slot.mediaDurationS) && ranges.length > 0 && ranges.end(ranges.length - 1) >= slot.mediaDurationS - 0.05);
      if (!coversToFileEnd) endMs = Math.min(endMs, bufferedEndMs);
    }
    return new TimeRangeList(endMs > positionMs ? [[msToSeconds(positionMs), msToSeconds(endMs)]] : []);
  }

  play(): Promise<void> {
    if (this.#destroyed) return Promise.reject(new DOMException('The player was removed', 'AbortError'));
    if (this.#errorValue?.fatal) return Promise.reject(new DOMException(this.#errorValue.message, 'NotSupportedError'));
    const promise = new Promise<void>((resolve, reject) => this.#playWaiters.push({ resolve, reject }));
    if (!this.#timelineValue) {
      // Still loading: play as soon as the recording is there.
      if (this.#pausedValue) {
        this.#pausedValue = false;
        this.#emit('play');
      }
      return promise;
    }
    if (this.#endedValue) this.#seekInternal(0, false);
    if (this.#pausedValue) {
      this.#pausedValue = false;
      this.#beginStart();
      this.#emit('play');
    } else if (this.#hold === null && !this.#seekingValue) {
      this.#resolvePlayWaiters();
    }
    this.#queueUpdate();
    return promise;
  }

  pause(): void {
    const wasPaused = this.#pausedValue;
    this.#pausedValue = true;
    this.#hold = null;
    this.#clock.stop();
    this.#pauseElements();
    this.ticker.stop();
    this.#rejectPlayWaiters(new DOMException('play() was interrupted by pause()', 'AbortError'));
    if (!wasPaused) {
      this.#emit('timeupdate');
      this.#emit('pause');
    }
    if (this.#seekingValue) this.ticker.start();
  }

  /** Seeks the replay to `seconds`: every active file is moved, the clock holds until all show the target frame. */
  seek(seconds: number): void {
    if (!this.#timelineValue) {
      this.#pendingStartMs = secondsToMs(Math.max(0, seconds));
      return;
    }
    this.#seekInternal(secondsToMs(seconds), false);
  }

  // ---- the loop -----------------------------------------------------------------------------

  #seekInternal(targetMs: number, silent: boolean): void {
    const timeline = this.#timelineValue;
    if (!timeline) return;
    const ms = Math.min(Math.max(targetMs, 0), timeline.durationMs);
    this.#endedValue = false;
    this.#clock.stop();
    this.#clock.seek(ms);
    this.#seekingValue = true;
    this.#seekStartedAtMs = this.#now();
    this.#seekIsSilent = silent;
    if (!this.#pausedValue) this.#beginStart();
    this.#pauseElements();
    if (!silent) {
      this.#readyStateValue = Math.min(this.#readyStateValue, HAVE_METADATA);
      this.#emit('seeking');
    }
    this.#reconcileMounts(ms);
    for (const slot of this.#slotMap.values()) this.#alignForSeek(slot, ms);
    this.ticker.start();
    this.#queueUpdate();
  }

  #beginStart(): void {
    this.#hold = 'starting';
    this.#startSent = false;
    this.ticker.start();
  }

  #queueUpdate(): void {
    if (this.#updateQueued) return;
    this.#updateQueued = true;
    queueMicrotask(() => {
      this.#updateQueued = false;
      this.update();
    });
  }

  /** One step of the engine: ends, mounts, seek completion, synchronized start, waiting, drift. */
  private update(): void {
    const timeline = this.#timelineValue;
    if (!timeline || this.#destroyed) return;
    const nowMs = this.#now();
    if (this.#clock.running && this.#clock.atEnd(nowMs)) {
      this.#finish();
      return;
    }
    const positionMs = this.#clock.positionMs(nowMs);
    this.#measureStarts(nowMs);
    // Re-planning mounts admits downloads itself; between boundaries, downloads finish and free a turn.
    if (positionMs >= this.#reconcileDueMs || positionMs < this.#reconciledAtMs) this.#reconcileMounts(positionMs);
    else this.#admitLoads();

    if (this.#seekingValue) {
      if (!this.#allSeeked(positionMs, nowMs)) {
        // Playback asked for while the first frames are still loading: that is waiting, as for <video>.
        if (this.#seekIsSilent && !this.#pausedValue && this.#hold !== 'waiting') {
          this.#hold = 'waiting';
          this.#emit('waiting');
        }
        return this.#refreshReadyState([]);
      }
      this.#seekingValue = false;
      const silent = this.#seekIsSilent;
      this.#seekIsSilent = false;
      if (!silent) {
        this.#emit('timeupdate');
        this.#emit('seeked');
      }
      if (this.#pausedValue) this.ticker.stop();
    }
    // The streams that should be moving now, worked out once for the whole step.
    const playable = this.#playableSlots(positionMs);
    this.#refreshReadyState(playable);
    if (this.#pausedValue) return;

    if (this.#hold !== null) {
      this.#continueStart(playable, positionMs, nowMs);
    } else {
      this.#keepInSync(playable, positionMs, nowMs);
    }
    if (this.#clock.running && nowMs - this.#lastTimeupdateMs >= TIMEUPDATE_INTERVAL_MS) {
      this.#lastTimeupdateMs = nowMs;
      // Listeners (the control bar, the page) run after the sync step, not inside it.
      queueMicrotask(() => this.#emit('timeupdate'));
    }
    this.#scheduleBoundary(positionMs);
  }

  /** Held clock: wait until every active stream has data, start them all, then start the clock. */
  #continueStart(playable: readonly MediaSlot[], positionMs: number, nowMs: number): void {
    if (this.#slotsBlocking(playable, nowMs).length > 0) {
      if (this.#startSent) {
        this.#pauseElements();
        this.#startSent = false;
      }
      if (this.#hold !== 'waiting') {
        this.#hold = 'waiting';
        this.#emit('waiting');
      }
      return;
    }
    if (!this.#startSent) {
      for (const slot of playable) {
        const targetS = this.#targetS(slot, positionMs);
        if (!slot.element.seeking && Math.abs(slot.element.currentTime - targetS) > START_ALIGN_TOLERANCE_S) slot.element.currentTime = targetS;
      }
      if (playable.some((slot) => slot.element.seeking)) return;
      this.#startSent = true;
      this.#startRequestedAtMs = nowMs;
      // Elements whose pictures take longer to start get play() first, so that all move together.
      const slowestMs = Math.max(0, ...playable.map((slot) => this.#startLatencyOf(slot)));
      for (const slot of playable) {
        const delayMs = slowestMs - this.#startLatencyOf(slot);
        if (delayMs <= STAGGER_MIN_MS) {
          this.#startElement(slot);
          continue;
        }
        const timer = setTimeout(() => {
          this.#staggerTimers.delete(timer);
          if (this.#startSent && this.#slotMap.get(slot.videoId) === slot) this.#startElement(slot);
        }, delayMs);
        this.#staggerTimers.add(timer);
      }
    }
    // The clock starts once every stream really moves (not at `playing`), where the streams are.
    const everyoneMoving = this.#staggerTimers.size === 0 && playable.every((slot) => !slot.element.paused && !this.#pendingStarts.has(slot));
    if (everyoneMoving || nowMs - this.#startRequestedAtMs > START_TIMEOUT_MS) {
      this.#hold = null;
      this.#startSent = false;
      const positions = playable.filter((slot) => !this.#pendingStarts.has(slot)).map((slot) => this.#positionOf(slot));
      if (positions.length > 0) this.#clock.seek(Math.min(Math.max(median(positions), positionMs), positionMs + MAX_START_ADVANCE_MS));
      this.#clock.start();
      this.#lastTimeupdateMs = nowMs;
      this.ticker.start();
      this.#emit('playing');
      this.#resolvePlayWaiters();
    }
  }

  #nextSyncBatch(playable: readonly MediaSlot[]): readonly MediaSlot[] {
    const start = this.#syncCursor % playable.length;
    this.#syncCursor = start + SYNC_BATCH_SIZE;
    return [...playable.slice(start, start + SYNC_BATCH_SIZE), ...playable.slice(0, Math.max(0, start + SYNC_BATCH_SIZE - playable.length))];
  }

  /** Where an element is on the replay timeline (ms). */
  #positionOf(slot: MediaSlot): number {
    return timelineMsAt(slot.entry, slot.element.currentTime - slot.videoStartOffsetS);
  }

  /**
   * Notices elements that began to advance since play(), and learns the play() latency from them.
   * A rendered video counts from its first new presented frame (see startElement): with audio,
   * Chromium moves currentTime by a first chunk long before the picture moves. Others (audio, hidden
   * tracks, a background tab) count once their media time has clearly advanced.
   */
  #measureStarts(nowMs: number): void {
    for (const [slot, pending] of this.#pendingStarts) {
      const element = slot.element;
      if (element.paused) {
        this.#pendingStarts.delete(slot);
        continue;
      }
      if (pending.byFrame && !document.hidden && element.checkVisibility()) continue;
      const advancedS = element.currentTime - pending.fromS;
      if (advancedS > START_ADVANCE_S && !element.seeking) this.#markStarted(slot, pending, nowMs, element.currentTime);
    }
  }

  #markStarted(slot: MediaSlot, pending: PendingStart, atMs: number, mediaTimeS: number): void {
    if (this.#pendingStarts.get(slot) !== pending) return;
    this.#pendingStarts.delete(slot);
    const movingSinceMs = atMs - ((mediaTimeS - pending.fromS) * 1000) / Math.max(slot.element.playbackRate, 0.1);
    const sample = Math.min(Math.max(movingSinceMs - pending.requestedAtMs, 0), 500);
    const kind = hasAudio(slot.element) ? 'audio' : 'video';
    this.#startLatencyMs[kind] = this.#startLatencyMs[kind] * 0.7 + sample * 0.3;
    this.#queueUpdate();
  }

  #startElement(slot: MediaSlot): void {
    const element = slot.element;
    element.playbackRate = this.#clock.rate;
    const byFrame = element instanceof HTMLVideoElement && typeof element.requestVideoFrameCallback === 'function';
    const pending: PendingStart = { requestedAtMs: this.#now(), fromS: element.currentTime, byFrame };
    this.#pendingStarts.set(slot, pending);
    if (byFrame) {
      const video = element as HTMLVideoElement;
      const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
        if (this.#pendingStarts.get(slot) !== pending) return;
        if (metadata.mediaTime <= pending.fromS + 0.0005) video.requestVideoFrameCallback(onFrame);
        else this.#markStarted(slot, pending, metadata.expectedDisplayTime, metadata.mediaTime);
      };
      video.requestVideoFrameCallback(onFrame);
    }
    slot.element.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !this.#pausedValue) {
        // The browser refused playback (autoplay policy): behave like a media element and stay paused.
        const waiters = this.#playWaiters;
        this.#playWaiters = [];
        this.pause();
        for (const waiter of waiters) waiter.reject(error);
      }
    });
  }

  /** Running clock: follow it, or hold it if a stream ran out of data. */
  #keepInSync(playable: readonly MediaSlot[], positionMs: number, nowMs: number): void {
    if (this.#slotsBlocking(playable, nowMs).length > 0) {
      this.#clock.stop();
      this.#pauseElements();
      this.#beginStart();
      this.#hold = 'waiting';
      this.#emit('timeupdate');
      this.#emit('waiting');
      return;
    }
    const rate = this.#clock.rate;
    for (const slot of playable) {
      if (!slot.element.paused) continue;
      // Newly active (or recovered): join at the clock's position.
      const targetS = this.#targetS(slot, positionMs);
      if (Math.abs(slot.element.currentTime - targetS) > START_ALIGN_TOLERANCE_S) slot.element.currentTime = targetS;
      this.#startElement(slot);
    }
    // Reading currentTime is the costly part of a tick: with many streams, each is steered every few frames.
    const batch = playable.length <= SYNC_BATCH_SIZE ? playable : this.#nextSyncBatch(playable);
    for (const slot of batch) {
      const element = slot.element;
      if (element.paused || element.seeking || this.#pendingStarts.has(slot)) continue;
      const targetS = this.#targetS(slot, positionMs);
      const rawDriftS = element.currentTime - targetS;
      // Chromium's currentTime of an element with audio jitters by several ms at rates other than 1;
      // decisions follow a smoothed drift so that the rate is not chasing that noise.
      const previous = this.#driftFilterS.get(slot);
      const driftS = previous === undefined || Math.abs(rawDriftS) > this.#driftPolicy.seekThresholdS ? rawDriftS : previous + (rawDriftS - previous) * DRIFT_SMOOTHING;
      this.#driftFilterS.set(slot, driftS);
      const correction = decideCorrection(driftS, targetS, rate, this.#driftPolicy, this.#seekLatencyS * rate);
      if (correction.kind === 'seek') {
        this.#seekSentAt.set(slot, nowMs);
        this.#driftFilterS.delete(slot);
        element.currentTime = correction.toMediaTimeS;
      } else if (element.playbackRate !== correction.playbackRate) {
        element.playbackRate = correction.playbackRate;
      }
    }
    // Files whose media ended before their interval did hold their last frame.
    for (const slot of this.#activeList) {
      if (!slot.failed && !slot.element.paused && !playable.includes(slot)) slot.element.pause();
    }
    this.#prerollJoiningSlots(positionMs);
  }

  /**
   * A preloaded file about to start is told to play one play()-latency ahead (still hidden and
   * muted), so that it is already advancing on its first frame when the clock reaches its start.
   */
  #prerollJoiningSlots(positionMs: number): void {
    for (const slot of this.#slotMap.values()) {
      if (slot.state !== 'preloading' || slot.failed || !slot.element.paused) continue;
      if (slot.entry.startMs - positionMs > this.#startLatencyOf(slot) * this.#clock.rate || !this.#hasFutureData(slot)) continue;
      this.#startElement(slot);
    }
  }

  #finish(): void {
    const timeline = this.#timelineValue;
    if (!timeline) return;
    this.#clock.stop();
    this.#clock.seek(timeline.durationMs);
    this.#pausedValue = true;
    this.#endedValue = true;
    this.#hold = null;
    this.#pauseElements();
    this.#reconcileMounts(timeline.durationMs);
    this.ticker.stop();
    this.#emit('timeupdate');
    this.#emit('pause');
    this.#emit('ended');
  }

  // ---- mounting -----------------------------------------------------------------------------

  #reconcileMounts(positionMs: number): void {
    const timeline = this.#timelineValue;
    if (!timeline) return;
    const displayMs = displayPositionMs(positionMs, timeline.durationMs);
    const lookaheadMs = this.#preloadMs * Math.max(1, this.#clock.rate);
    const plan = planMounts(timeline, displayMs, lookaheadMs);
    this.#reconciledAtMs = positionMs;
    this.#reconcileDueMs = Math.min(
      nextBoundaryAfter(timeline, displayMs) ?? Infinity,
      (nextBoundaryAfter(timeline, displayMs + lookaheadMs) ?? Infinity) - lookaheadMs,
    );
    const wanted = new Map<string, 'active' | 'preloading'>();
    for (const entry of plan.active) wanted.set(entry.file.videoId, 'active');
    for (const entry of plan.preloading) wanted.set(entry.file.videoId, 'preloading');

    let changed = false;
    for (const [videoId, slot] of this.#slotMap) {
      if (wanted.has(videoId)) continue;
      slot.dispose();
      this.#slotMap.delete(videoId);
      this.#stalledSince.delete(slot);
      this.#seekSentAt.delete(slot);
      this.#pendingStarts.delete(slot);
      this.#driftFilterS.delete(slot);
      changed = true;
    }
    for (const entry of [...plan.active, ...plan.preloading]) {
      const videoId = entry.file.videoId;
      let slot = this.#slotMap.get(videoId);
      if (!slot) {
        slot = new MediaSlot(entry, this.#slotCallbacks, this.#adapters, this.messages);
        if (wanted.get(videoId) === 'active') slot.load();
        slot.element.playbackRate = this.#clock.rate;
        slot.element.currentTime = Math.max(0, mediaTimeAtS(entry, displayMs)); // offset unknown yet
        this.#slotMap.set(videoId, slot);
        changed = true;
      }
      const state = wanted.get(videoId)!;
      if (slot.state !== state) {
        slot.state = state;
        changed = true;
      }
    }
    this.#admitLoads();
    if (changed) {
      this.#activeList = [...this.#slotMap.values()].filter((slot) => slot.state === 'active');
      this.#applyAudio();
      this.#emit('slotschange');
    }
  }

  readonly #slotCallbacks = {
    onMediaEvent: (slot: MediaSlot, type: string) => {
      if (type === 'seeked') {
        const sentAt = this.#seekSentAt.get(slot);
        if (sentAt !== undefined) {
          this.#seekSentAt.delete(slot);
          // Moving average of how long corrective seeks take, to aim the next one ahead.
          this.#seekLatencyS = this.#seekLatencyS * 0.7 + msToSeconds(this.#now() - sentAt) * 0.3;
        }
      }
      this.#queueUpdate();
    },
    onFailure: (_slot: MediaSlot, problem: RecordingProblem) => {
      this.#report(problem, false);
      this.#applyAudio();
      this.#emit('slotschange');
      this.#queueUpdate();
    },
  };

  #alignForSeek(slot: MediaSlot, positionMs: number): void {
    const element = slot.element;
    const targetS = slot.state === 'active' ? this.#clampToMedia(slot, this.#targetS(slot, positionMs)) : 0;
    if (Math.abs(element.currentTime - targetS) > 0.0005 || element.readyState === HAVE_NOTHING) {
      element.currentTime = targetS;
      if (slot.state === 'active') slot.expectFrame(this.#now());
    }
  }

  /** Where a mounted file's element should be (media seconds) with the clock at `positionMs`. */
  #targetS(slot: MediaSlot, positionMs: number): number {
    return mediaTimeAtS(slot.entry, positionMs) + slot.videoStartOffsetS;
  }

  #clampToMedia(slot: MediaSlot, mediaTimeS: number): number {
    const durationS = slot.mediaDurationS;
    return Number.isFinite(durationS) ? Math.min(Math.max(mediaTimeS, 0), durationS) : Math.max(mediaTimeS, 0);
  }

  // ---- readiness ----------------------------------------------------------------------------

  /** Active, loadable files whose media still has frames at this position. */
  #playableSlots(positionMs: number): MediaSlot[] {
    return this.#activeList.filter((slot) => !slot.failed && !this.#isPastMediaEnd(slot, positionMs));
  }

  #isPastMediaEnd(slot: MediaSlot, positionMs: number): boolean {
    const durationS = slot.mediaDurationS;
    return Number.isFinite(durationS) && this.#targetS(slot, positionMs) >= durationS - 0.001;
  }

  /** Streams the clock must wait for. One stalled past the stall timeout is let go so the rest continue. */
  #slotsBlocking(playable: readonly MediaSlot[], nowMs: number): MediaSlot[] {
    const blocking: MediaSlot[] = [];
    for (const slot of playable) {
      const correctiveSeekAt = this.#seekSentAt.get(slot);
      if (correctiveSeekAt !== undefined && nowMs - correctiveSeekAt < CORRECTIVE_SEEK_GRACE_MS) continue;
      if (this.#hasFutureData(slot)) {
        this.#stalledSince.delete(slot);
        if (slot.stalled) slot.stalled = false; // it rejoins: the sync loop brings it to the clock
        continue;
      }
      const since = this.#stalledSince.get(slot) ?? nowMs;
      this.#stalledSince.set(slot, since);
      if (nowMs - since < this.stallTimeoutMs) blocking.push(slot);
      else if (!slot.stalled) slot.stalled = true;
    }
    return blocking;
  }

  /** Starts downloads: every active file, then preloading ones in timeline order up to the cap. */
  #admitLoads(): void {
    let loading = 0;
    let queued = false;
    for (const slot of this.#slotMap.values()) {
      if (slot.state === 'active') slot.load();
      if (slot.loading && !slot.failed && slot.element.readyState < HAVE_ENOUGH_DATA) loading += 1;
      else if (!slot.loading) queued = true;
    }
    if (!queued || loading >= this.maxConcurrentLoads) return;
    for (const slot of this.slots) {
      if (slot.loading || slot.state !== 'preloading') continue;
      slot.load();
      if (++loading >= this.maxConcurrentLoads) return;
    }
  }

  #hasFutureData(slot: MediaSlot): boolean {
    const element = slot.element;
    if (element.readyState >= HAVE_FUTURE_DATA) return true;
    if (element.readyState < HAVE_CURRENT_DATA || element.seeking) return false;
    // At the tail of a file there is no "future data": everything up to its end is enough.
    const ranges = element.buffered;
    return ranges.length > 0 && ranges.end(ranges.length - 1) >= element.duration - 0.05;
  }

  #allSeeked(positionMs: number, nowMs: number): boolean {
    // A file that cannot show its frame within the stall timeout is let go, as during playback.
    const lettingGo = nowMs - this.#seekStartedAtMs > this.stallTimeoutMs;
    for (const slot of this.#activeList) {
      if (slot.failed || (lettingGo && slot.stalled)) continue;
      if (lettingGo && !this.#seekSettled(slot, positionMs)) {
        slot.stalled = true;
        continue;
      }
      const element = slot.element;
      const targetS = this.#clampToMedia(slot, this.#targetS(slot, positionMs));
      if (element.seeking || element.readyState < HAVE_CURRENT_DATA) return false;
      if (slot.awaitingFrame(nowMs, FRAME_WAIT_TIMEOUT_MS)) return false;
      if (Math.abs(element.currentTime - targetS) > SEEK_TOLERANCE_S) {
        // A seek requested before metadata can be dropped by the element: ask again.
        element.currentTime = targetS;
        slot.expectFrame(nowMs);
        return false;
      }
    }
    return true;
  }

  /** Whether a slot shows a frame at its target now (nothing pending). */
  #seekSettled(slot: MediaSlot, positionMs: number): boolean {
    const element = slot.element;
    return !element.seeking && element.readyState >= HAVE_CURRENT_DATA && Math.abs(element.currentTime - this.#clampToMedia(slot, this.#targetS(slot, positionMs))) <= SEEK_TOLERANCE_S;
  }

  #refreshReadyState(playable: readonly MediaSlot[]): void {
    const previous = this.#readyStateValue;
    let state = HAVE_ENOUGH_DATA;
    if (this.#seekingValue) state = HAVE_METADATA;
    else {
      for (const slot of playable) {
        state = Math.min(state, this.#hasFutureData(slot) ? Math.max(slot.element.readyState, HAVE_FUTURE_DATA) : Math.min(slot.element.readyState, HAVE_CURRENT_DATA));
      }
      state = Math.max(state, HAVE_METADATA);
    }
    if (state === previous) return;
    this.#readyStateValue = state;
    if (previous < HAVE_CURRENT_DATA && state >= HAVE_CURRENT_DATA && !this.#loadedDataSent) {
      this.#loadedDataSent = true;
      this.#emit('loadeddata');
    }
    if (previous < HAVE_FUTURE_DATA && state >= HAVE_FUTURE_DATA) this.#emit('canplay');
    if (previous < HAVE_ENOUGH_DATA && state >= HAVE_ENOUGH_DATA) this.#emit('canplaythrough');
  }

  // ---- helpers ------------------------------------------------------------------------------

  #applyAudio(): void {
    const active = this.#activeList;
    const failed = new Set(active.filter((slot) => slot.failed).map((slot) => slot.videoId));
    const audible = audibleVideoIds(
      active.map((slot) => slot.entry.file),
      failed,
    );
    for (const slot of this.#slotMap.values()) {
      slot.element.volume = this.#volumeValue;
      slot.element.muted =
        this.#mutedValue || slot.state !== 'active' || !audible.has(slot.videoId) || this.#mutedTrackIds.has(slot.entry.trackId);
    }
  }

  #startLatencyOf(slot: MediaSlot): number {
    return this.#startLatencyMs[hasAudio(slot.element) ? 'audio' : 'video'];
  }

  #pauseElements(): void {
    for (const timer of this.#staggerTimers) clearTimeout(timer);
    this.#staggerTimers.clear();
    for (const slot of this.#slotMap.values()) if (!slot.element.paused) slot.element.pause();
  }

  /** A timer for the next mount/activation boundary, so files appear on time between frames. */
  #scheduleBoundary(positionMs: number): void {
    const timeline = this.#timelineValue;
    if (!timeline || !this.#clock.running) {
      this.#clearBoundaryTimer();
      return;
    }
    // Starts and ends, preroll points just before starts, and mount points a preload window ahead.
    const rate = this.#clock.rate;
    const leadsMs = [0, this.#startLatencyMs.video * rate, this.#startLatencyMs.audio * rate, this.#preloadMs * Math.max(1, rate)];
    let nextMs = timeline.durationMs;
    for (const leadMs of leadsMs) {
      const boundary = nextBoundaryAfter(timeline, positionMs + leadMs);
      if (boundary !== undefined && boundary - leadMs > positionMs) nextMs = Math.min(nextMs, boundary - leadMs);
    }
    if (this.#boundaryTimer !== undefined && this.#boundaryTimerAtMs === nextMs) return;
    this.#clearBoundaryTimer();
    const delayMs = this.#clock.realMsUntil(nextMs, this.#now());
    if (!Number.isFinite(delayMs)) return;
    this.#boundaryTimerAtMs = nextMs;
    this.#boundaryTimer = setTimeout(() => {
      this.#boundaryTimer = undefined;
      this.update();
    }, Math.max(0, delayMs));
  }

  #clearBoundaryTimer(): void {
    clearTimeout(this.#boundaryTimer);
    this.#boundaryTimer = undefined;
  }

  #report(problem: RecordingProblem, fatal: boolean): void {
    const error = new TicReplayError(problem, fatal);
    this.#problemList = [...this.#problemList, error];
    this.#errorValue = error;
    this.dispatchEvent(new CustomEvent('error', { detail: error }));
  }

  #resolvePlayWaiters(): void {
    const waiters = this.#playWaiters;
    this.#playWaiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  #rejectPlayWaiters(error: unknown): void {
    const waiters = this.#playWaiters;
    this.#playWaiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  #emit(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Whether an element plays sound (Chromium tells by its decoded audio; elsewhere assume it does). */
function hasAudio(element: HTMLMediaElement): boolean {
  if (element instanceof HTMLAudioElement) return true;
  const decoded = (element as HTMLMediaElement & { webkitAudioDecodedByteCount?: number }).webkitAudioDecodedByteCount;
  return decoded === undefined || decoded > 0;
}
