/**
 * Media elements for Node: a position that advances with the fake scheduler's time at the
 * element's rate, a play() latency before it moves, readyState driven by how much data "arrived",
 * seeks that take time (and wait for their data), and the native events at the right moments.
 * Only what the engine uses.
 */
import { HAVE_CURRENT_DATA, HAVE_ENOUGH_DATA, HAVE_METADATA, HAVE_NOTHING } from '../../../../src/core/media-api.js';
import type { RecordingFile } from '../../../../src/core/recording/recording.js';
import { TimeRangeList } from '../../../../src/engine/time-ranges.js';
import type { SourceAdapter } from '../../../../src/media/source-adapter.js';
import type { FakeScheduler } from './fake-scheduler.js';

export interface FakeMediaBehaviour {
  /** Real ms from play() until the media time starts to advance. */
  playLatencyMs: number;
  /** Real ms a seek takes (when the data is there). */
  seekLatencyMs: number;
  /** Real ms from attaching a source to metadata, and to enough data. */
  metadataDelayMs: number;
  /** Media duration in seconds. */
  durationS: number;
  /** Whether it has an audio track. */
  hasAudio: boolean;
  /**
   * Whether it reports its presented frames (`requestVideoFrameCallback`, 50 fps): a frame at each
   * step where its media time is in a new frame, and the frame at the new position once a seek is
   * done, paused or not. Off by default: the engine then goes by media time alone.
   */
  reportsFrames: boolean;
  /** With `reportsFrames`: while it plays, no frame is reported (a report that goes missing). */
  dropsFrameReports: boolean;
  /**
   * With `reportsFrames`: after the first new frame of a start, its media time holds this long (ms)
   * before it moves on (Chromium's cameras resuming after a wait for data: 30–45 ms).
   */
  holdsAfterFirstFrameMs: number;
  /**
   * play() after a pause(), with no seek since it last moved, starts it this far (ms) past where it
   * paused (Chromium resumes an element with audio 24–115 ms ahead).
   */
  resumesAheadMs: number;
}

const DEFAULT_BEHAVIOUR: FakeMediaBehaviour = { playLatencyMs: 25, seekLatencyMs: 30, metadataDelayMs: 50, durationS: 60, hasAudio: false, reportsFrames: false, dropsFrameReports: false, holdsAfterFirstFrameMs: 0, resumesAheadMs: 0 };
const FRAME_S = 0.02;

export class FakeMediaElement extends EventTarget {
  readonly nodeName: 'AUDIO' | 'VIDEO';
  readonly dataset: Record<string, string> = {};
  preload = '';
  autoplay = false;
  playsInline = false;
  volume = 1;
  muted = false;
  paused = true;
  seeking = false;
  readyState = HAVE_NOTHING;
  duration = Number.NaN;
  playbackRate = 1;
  preservesPitch = true;
  /** Data has arrived up to this media time (s); the element stalls there. */
  dataUntilS = Infinity;
  /** Set while the media time advances. */
  moving = false;
  /** Every call of play(), with its real time. */
  readonly playCalls: number[] = [];
  /** Every time (real ms) its media time started to advance (after play(), a seek or a wait). */
  readonly movedAt: number[] = [];
  /** ...and from which media time (s). */
  readonly movedFromS: number[] = [];
  /** Whether the next frame presented is a start's first (with `holdsAfterFirstFrameMs`), and until when it holds after one. */
  #holdsAtNextFrame = false;
  #holdUntilMs = -Infinity;
  #movedSinceSeek = false;
  /** Paused with no seek since it moved: its next start jumps `resumesAheadMs`. */
  #resumesAhead = false;
  /** Frame callbacks waiting for the next presented frame (with `reportsFrames`). */
  #frameCallbacks: VideoFrameRequestCallback[] = [];
  /** The frame presented last (index at 50 fps), or undefined when a new one is due (after a seek). */
  #presentedFrame: number | undefined;
  /** The file attached to it by the fake adapter. */
  source: RecordingFile | undefined;
  #positionS = 0;
  /** A seek past the data that has arrived waits for it. */
  #seekAwaitsData = false;
  #cancelPending: Array<() => void> = [];
  #listenerCount = 0;
  removed = false;

  constructor(
    kind: 'audio' | 'video',
    private readonly scheduler: FakeScheduler,
    readonly behaviour: FakeMediaBehaviour,
  ) {
    super();
    this.nodeName = kind === 'audio' ? 'AUDIO' : 'VIDEO';
  }

  /**
   * What Chromium reports as decoded audio: the engine tells audio-bearing elements by it. As in
   * Chromium, none before the first data (audio is decoded with the first frame, before `loadeddata`).
   */
  get webkitAudioDecodedByteCount(): number {
    this.audioCountReads += 1;
    return this.behaviour.hasAudio && this.readyState >= HAVE_CURRENT_DATA ? 1000 : 0;
  }

  /** How often the engine asked for it (it is a costly read in Chromium). */
  audioCountReads = 0;

  get currentTime(): number {
    return this.#positionS;
  }

  set currentTime(seconds: number) {
    this.#positionS = Math.max(0, Number.isFinite(this.duration) ? Math.min(seconds, this.duration) : seconds);
    this.moving = false;
    this.#resumesAhead = false;
    this.#movedSinceSeek = false;
    this.#seekAwaitsData = false;
    if (this.readyState === HAVE_NOTHING) return; // kept as the start position
    this.seeking = true;
    this.readyState = Math.min(this.readyState, HAVE_METADATA);
    this.#fire('seeking');
    this.#later(this.behaviour.seekLatencyMs, () => this.#endSeek());
  }

  /** A seek ends once the data at its position has arrived (as in Chromium: no frame, no `seeked`). */
  #endSeek(): void {
    this.#seekAwaitsData = this.#positionS > this.dataUntilS && this.#positionS < this.duration;
    if (this.#seekAwaitsData) return;
    this.seeking = false;
    this.#presentedFrame = undefined;
    // Playing through a seek, it resumes after its play latency, as after play().
    this.#refreshData(this.behaviour.playLatencyMs);
    this.#fire('seeked');
  }

  get buffered(): TimeRangeList {
    if (this.readyState === HAVE_NOTHING) return new TimeRangeList();
    return new TimeRangeList([[0, Math.min(this.dataUntilS, Number.isFinite(this.duration) ? this.duration : this.dataUntilS)]]);
  }

  play(): Promise<void> {
    this.playCalls.push(this.scheduler.now());
    if (this.paused) {
      this.paused = false;
      this.#fire('play');
      if (!this.seeking && this.readyState >= HAVE_CURRENT_DATA) this.#startMoving(this.behaviour.playLatencyMs);
    }
    return Promise.resolve();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.#resumesAhead = this.#movedSinceSeek;
    this.moving = false;
    this.#fire('pause');
  }

  /** Called by the fake adapter: metadata, then data, after the configured delays. */
  attach(file: RecordingFile): void {
    this.source = file;
    if (this.behaviour.reportsFrames) {
      // Only then: without it, the engine must not see the method at all.
      (this as unknown as HTMLVideoElement).requestVideoFrameCallback = (callback) => this.#frameCallbacks.push(callback);
    }
    this.#later(this.behaviour.metadataDelayMs, () => {
      this.duration = this.behaviour.durationS;
      this.#positionS = Math.min(this.#positionS, this.duration);
      this.readyState = HAVE_METADATA;
      this.#fire('loadedmetadata');
      this.#refreshData();
      if (!this.paused) this.#startMoving(this.behaviour.playLatencyMs);
    });
  }

  detach(): void {
    this.source = undefined;
    for (const cancel of this.#cancelPending.splice(0)) cancel();
  }

  /** Data stops arriving at `untilS` (media s); Infinity: everything has arrived. */
  setDataUntil(untilS: number): void {
    this.dataUntilS = untilS;
    if (this.#seekAwaitsData) this.#endSeek();
    else this.#refreshData();
  }

  /** Moves the media time by `elapsedMs` of real time (the fake scheduler calls this). */
  advance(elapsedMs: number): void {
    if (!this.moving || this.paused || this.seeking) return;
    const heldMs = Math.min(Math.max(this.#holdUntilMs - (this.scheduler.now() - elapsedMs), 0), elapsedMs);
    const next = this.#positionS + ((elapsedMs - heldMs) / 1000) * this.playbackRate;
    if (next >= this.dataUntilS && this.dataUntilS < this.duration) {
      this.#positionS = this.dataUntilS;
      this.moving = false;
      this.readyState = HAVE_CURRENT_DATA;
      this.#fire('waiting');
      return;
    }
    if (next >= this.duration) {
      this.#positionS = this.duration;
      this.moving = false;
      this.paused = true;
      this.#fire('ended');
      return;
    }
    this.#positionS = next;
  }

  /** Presents a frame if one is due (the fake scheduler calls this after `advance`): callbacks get it. */
  present(nowMs: number): void {
    if (!this.behaviour.reportsFrames || this.seeking || this.readyState < HAVE_CURRENT_DATA) return;
    if (this.behaviour.dropsFrameReports && !this.paused) return;
    const frame = Math.floor(this.#positionS / FRAME_S + 1e-6);
    if (frame === this.#presentedFrame) return;
    this.#presentedFrame = frame;
    if (this.#holdsAtNextFrame && this.moving) {
      this.#holdsAtNextFrame = false;
      this.#holdUntilMs = nowMs + this.behaviour.holdsAfterFirstFrameMs;
    }
    const callbacks = this.#frameCallbacks.splice(0);
    const metadata = { mediaTime: frame * FRAME_S, expectedDisplayTime: nowMs, presentationTime: nowMs, presentedFrames: 0, width: 320, height: 180 };
    for (const callback of callbacks) callback(nowMs, metadata);
  }

  checkVisibility(): boolean {
    return true;
  }

  remove(): void {
    this.removed = true;
  }

  removeAttribute(): void {}
  load(): void {}

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.#listenerCount += 1;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.#listenerCount -= 1;
    super.removeEventListener(...args);
  }

  /** Listeners added and not removed (the engine's must all go on unmount). */
  get listenerCount(): number {
    return this.#listenerCount;
  }

  /** `resumeAfterMs`: when a playing element whose data arrived moves again. */
  #refreshData(resumeAfterMs = 0): void {
    if (this.readyState === HAVE_NOTHING || this.seeking) return;
    const before = this.readyState;
    const hasAhead = this.dataUntilS > this.#positionS + 0.1 || this.dataUntilS >= this.duration;
    this.readyState = hasAhead ? HAVE_ENOUGH_DATA : HAVE_CURRENT_DATA;
    if (before < HAVE_CURRENT_DATA && this.readyState >= HAVE_CURRENT_DATA) this.#fire('loadeddata');
    if (before < HAVE_ENOUGH_DATA && this.readyState === HAVE_ENOUGH_DATA) {
      this.#fire('canplay');
      this.#fire('canplaythrough');
    }
    if (!this.paused && !this.moving && this.readyState === HAVE_ENOUGH_DATA && (resumeAfterMs > 0 || before < HAVE_ENOUGH_DATA)) this.#startMoving(resumeAfterMs);
  }

  #startMoving(afterMs: number): void {
    this.#later(afterMs, () => {
      if (this.paused || this.seeking || this.readyState < HAVE_ENOUGH_DATA) return;
      this.moving = true;
      this.#movedSinceSeek = true;
      if (this.#resumesAhead) this.#positionS += this.behaviour.resumesAheadMs / 1000;
      this.#resumesAhead = false;
      this.#holdsAtNextFrame = this.behaviour.holdsAfterFirstFrameMs > 0;
      this.movedAt.push(this.scheduler.now());
      this.movedFromS.push(this.#positionS);
      this.#fire('playing');
    });
  }

  #later(delayMs: number, run: () => void): void {
    const cancel = this.scheduler.setTimer(() => {
      this.#cancelPending = this.#cancelPending.filter((entry) => entry !== cancel);
      run();
    }, delayMs);
    this.#cancelPending.push(cancel);
  }

  #fire(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

/** Makes the fake elements, moves them with the scheduler's time, and attaches sources to them. */
export class FakeMediaWorld {
  readonly elements: FakeMediaElement[] = [];
  /** Behaviour per video id (the rest get the defaults). */
  readonly behaviours = new Map<string, Partial<FakeMediaBehaviour>>();
  /** Video ids whose download started, in order. */
  readonly attached: string[] = [];

  constructor(readonly scheduler: FakeScheduler) {
    scheduler.onStep((elapsedMs) => {
      for (const element of this.elements) if (!element.removed) element.advance(elapsedMs);
      for (const element of this.elements) if (!element.removed) element.present(scheduler.now());
    });
  }

  readonly createElement = (kind: 'audio' | 'video'): HTMLMediaElement => {
    // Behaviour is settled when the source is known (the factory does not know the file yet).
    const element = new FakeMediaElement(kind, this.scheduler, { ...DEFAULT_BEHAVIOUR });
    this.elements.push(element);
    return element as unknown as HTMLMediaElement;
  };

  readonly adapter: SourceAdapter = {
    name: 'fake',
    canPlay: () => true,
    attach: async (media, file) => {
      const element = media as unknown as FakeMediaElement;
      Object.assign(element.behaviour, this.behaviours.get(file.videoId) ?? {});
      this.attached.push(file.videoId);
      element.attach(file);
      return { detach: () => element.detach() };
    },
  };

  /** The live (mounted) element of a file. */
  elementOf(videoId: string): FakeMediaElement {
    const element = this.elements.find((candidate) => !candidate.removed && candidate.dataset.videoId === videoId);
    if (!element) throw new Error(`no mounted element for ${videoId}`);
    return element;
  }

  isMounted(videoId: string): boolean {
    return this.elements.some((candidate) => !candidate.removed && candidate.dataset.videoId === videoId);
  }
}
