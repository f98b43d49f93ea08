/**
 * One mounted file: its media element and the source adapter feeding it. Slots exist only around
 * their file's interval (see `core/playback/mount-plan.ts`). What the engine learns while playing
 * the file is kept beside it, in `engine/mounted-file.ts`.
 */
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import { VideoType, type RecordingProblem } from '../core/recording/recording.js';
import type { RecordingFile } from '../core/recording/recording.js';
import type { TimelineFile } from '../core/timeline/timeline.js';
import { keepsPitchAt } from '../core/sync/pitch-policy.js';
import { adapterFor } from './adapters.js';
import type { AttachedSource, SourceAdapter, SourceFailure } from './source-adapter.js';

export type SlotState = 'preloading' | 'active';

/** A presented frame belongs to the seek when its media time is this close to the element's. */
const FRAME_MATCH_TOLERANCE_S = 0.05;

/** Media events after which the engine re-checks readiness. */
/** Where the media's duration can change (a fake in tests may fire only loadedmetadata). */
const DURATION_EVENTS = ['durationchange', 'loadedmetadata'] as const;
const WATCHED_EVENTS = ['loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough', 'seeking', 'seeked', 'playing', 'waiting', 'stalled', 'progress'] as const;

/** Makes the media element of a file (a real one in the browser, a fake in Node tests). */
export type MediaElementFactory = (kind: 'audio' | 'video') => HTMLMediaElement;

export const createDomMediaElement: MediaElementFactory = (kind) => document.createElement(kind);

export interface SlotCallbacks {
  onMediaEvent(slot: MediaSlot, type: string): void;
  onFailure(slot: MediaSlot, problem: RecordingProblem): void;
}

export class MediaSlot {
  readonly element: HTMLMediaElement;
  #stateValue: SlotState = 'preloading';
  #failureValue: RecordingProblem | undefined;
  #source: AttachedSource | undefined;
  #disposed = false;
  #downloadStarted = false;
  readonly #adapters: readonly SourceAdapter[] | undefined;
  /** Set while a frame is expected after a seek: since when (real ms). */
  #frameExpectedSince: number | undefined;
  #frameToken = 0;
  readonly #listener = (event: Event) => this.callbacks.onMediaEvent(this, event.type);
  #stalled = false;
  #mediaDurationS = Number.NaN;
  #playbackRate = 1;
  readonly #durationListener = () => {
    this.#mediaDurationS = this.element.duration;
  };
  readonly #loadStartListener = () => {
    this.#playbackRate = this.element.playbackRate;
  };

  /**
   * `messages` words the slot's failure (the player's language); a failure is worded once, when it
   * happens.
   */
  constructor(
    /** The file and where it sits on the replay timeline. */
    readonly timelineFile: TimelineFile,
    private readonly callbacks: SlotCallbacks,
    adapters?: readonly SourceAdapter[],
    private readonly messages: Messages = en,
    createElement: MediaElementFactory = createDomMediaElement,
  ) {
    const { file } = timelineFile;
    const isAudio = file.videoType === VideoType.AudioOnly || file.format === 'mp3';
    const element = createElement(isAudio ? 'audio' : 'video');
    element.preload = 'auto';
    element.autoplay = false;
    if (!isAudio) (element as HTMLVideoElement).playsInline = true;
    element.dataset.videoId = file.videoId;
    element.dataset.userId = file.userId;
    element.dataset.videoType = String(file.videoType);
    element.dataset.state = this.#stateValue;
    this.element = element;
    for (const type of DURATION_EVENTS) element.addEventListener(type, this.#durationListener);
    element.addEventListener('loadstart', this.#loadStartListener);
    for (const type of WATCHED_EVENTS) element.addEventListener(type, this.#listener);
    this.#adapters = adapters;
  }

  /** Whether the file's download has been started (see `startDownload`). */
  get downloadStarted(): boolean {
    return this.#downloadStarted;
  }

  /**
   * Attaches the source: the download starts. The engine calls this at once for active files and
   * in turn for preloading ones, so that a class with many cameras does not open more downloads
   * than the browser serves at once.
   */
  startDownload(): void {
    if (this.#downloadStarted || this.#disposed) return;
    this.#downloadStarted = true;
    const { file } = this.timelineFile;
    const messages = this.messages;
    const adapter = adapterFor(file, this.#adapters);
    if (!adapter) {
      queueMicrotask(() => this.#fail({ message: messages.noSourceAdapter(file.url, file.format) }));
      return;
    }
    adapter.attach(this.element, file, (failure) => this.#fail(failure)).then(
      (source) => {
        if (this.#disposed) source.detach();
        else this.#source = source;
      },
      (error: unknown) => this.#fail({ message: messages.sourceAdapterFailed(adapter.name, file.url, String(error)) }),
    );
  }

  /** The recording file played here. */
  get file(): RecordingFile {
    return this.timelineFile.file;
  }

  get videoId(): string {
    return this.timelineFile.file.videoId;
  }

  get trackId(): string {
    return this.timelineFile.trackId;
  }

  /** Where the file starts and ends on the replay timeline (ms). */
  get startMs(): number {
    return this.timelineFile.startMs;
  }

  get endMs(): number {
    return this.timelineFile.endMs;
  }

  get state(): SlotState {
    return this.#stateValue;
  }

  set state(state: SlotState) {
    this.#stateValue = state;
    this.element.dataset.state = state;
  }

  get failure(): RecordingProblem | undefined {
    return this.#failureValue;
  }

  get failed(): boolean {
    return this.#failureValue !== undefined;
  }

  /** Where the first video frame sits in media time (see AttachedSource.videoStartOffsetS). */
  get videoStartOffsetS(): number {
    return this.#source?.videoStartOffsetS ?? 0;
  }

  /** Marks a stream the others no longer wait for (it stalled too long); it rejoins when it has data. */
  set stalled(stalled: boolean) {
    if (stalled === this.#stalled) return;
    this.#stalled = stalled;
    if (stalled) this.element.dataset.stalled = '';
    else delete this.element.dataset.stalled;
  }

  // Kept in fields, not read back from the element: the engine asks every frame for every stream.
  get stalled(): boolean {
    return this.#stalled;
  }

  /**
   * The element's playbackRate as the engine last set it. Only the engine sets it, so it is never
   * read back (a read costs a call into the media pipeline; the sync step would make one per
   * stream per frame), and an unchanged rate is not written again. Attaching a source runs the
   * element's load algorithm, which resets its rate: `loadstart` reads it back.
   */
  get playbackRate(): number {
    return this.#playbackRate;
  }

  set playbackRate(rate: number) {
    if (rate === this.#playbackRate) return;
    this.#playbackRate = rate;
    this.element.playbackRate = rate;
  }

  /**
   * Runs the element at the replay's rate (not a sync correction): at that rate its audio keeps its
   * pitch, or, at 1×, is resampled when the sync corrects it (see `core/sync/pitch-policy.ts`).
   */
  set replayRate(rate: number) {
    this.element.preservesPitch = keepsPitchAt(rate);
    this.playbackRate = rate;
  }

  /** Media duration in seconds once metadata is known (NaN before). */
  get mediaDurationS(): number {
    return this.#mediaDurationS;
  }

  /**
   * After a seek: notes when the element next presents a frame of the new position. The engine
   * holds the clock until then, so that "seeked" means the picture is there, not only the data.
   */
  expectFrame(nowMs: number): void {
    const element = this.element;
    if (!canReportFrames(element)) return;
    const token = ++this.#frameToken;
    this.#frameExpectedSince = nowMs;
    watchPresentedFrames(element, (metadata) => {
      if (token !== this.#frameToken || this.#disposed) return false;
      // A frame from before the seek.
      if (Math.abs(metadata.mediaTime - element.currentTime) > FRAME_MATCH_TOLERANCE_S && element.paused) return true;
      this.#frameExpectedSince = undefined;
      this.callbacks.onMediaEvent(this, 'frame');
      return false;
    });
  }

  /**
   * Whether a frame expected after a seek has not been presented yet. Elements that are not rendered
   * (a hidden track, a background tab) present no frames: they are waited for at most `timeoutMs`.
   */
  awaitingFrame(nowMs: number, timeoutMs: number, pageHidden: boolean): boolean {
    const since = this.#frameExpectedSince;
    if (since === undefined) return false;
    if (nowMs - since > timeoutMs || pageHidden || !isRendered(this.element)) {
      this.#frameExpectedSince = undefined;
      return false;
    }
    return true;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const type of WATCHED_EVENTS) this.element.removeEventListener(type, this.#listener);
    for (const type of DURATION_EVENTS) this.element.removeEventListener(type, this.#durationListener);
    this.element.removeEventListener('loadstart', this.#loadStartListener);
    this.element.pause();
    this.#source?.detach();
    this.#source = undefined;
    this.element.remove();
  }

  #fail(failure: SourceFailure): void {
    if (this.#disposed || this.#failureValue) return;
    const { file } = this.timelineFile;
    this.#failureValue = {
      code: 'media-failed',
      message: failure.describe?.(this.messages) ?? failure.message,
      url: file.url,
      videoId: file.videoId,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
    };
    this.element.dataset.failed = '';
    this.callbacks.onFailure(this, this.#failureValue);
  }
}

/**
 * Hands each frame the video presents to `onFrame`, for as long as it returns true (a frame it
 * waits past: from before a seek, not moving yet); false ends the watch.
 */
export function watchPresentedFrames(element: HTMLVideoElement, onFrame: (metadata: VideoFrameCallbackMetadata) => boolean): void {
  const next = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    if (onFrame(metadata)) element.requestVideoFrameCallback(next);
  };
  element.requestVideoFrameCallback(next);
}

/** Whether an element tells when it presents a frame (a video with requestVideoFrameCallback). */
export function canReportFrames(element: HTMLMediaElement): element is HTMLVideoElement {
  return typeof (element as Partial<HTMLVideoElement>).requestVideoFrameCallback === 'function';
}

/** Whether an element is rendered (a hidden tile presents no frames). */
export function isRendered(element: HTMLMediaElement): boolean {
  return typeof element.checkVisibility !== 'function' || element.checkVisibility();
}
