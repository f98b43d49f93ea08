import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { MEDIA_EVENTS, type MediaFace } from '../core/media-api.js';
import { PLAYBACK_RATES } from '../core/playback/playback-rates.js';
import { PICTURE_PACE } from '../core/sync/picture-pace.js';
import { ReplayEngine } from '../engine/replay-engine.js';
import type { TicReplayError } from '../engine/replay-error.js';
import { browserScheduler, type Scheduler } from '../engine/scheduler.js';
import { loadChinese } from '../i18n/catalogues.js';
import type { Locale } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { addControlBarExtras, type ControlBarExtras } from '../player/control-bar-extras.js';
import { RECORDING_MIME_TYPE, TECH_NAME, registerReplayTech } from '../player/replay-tech.js';
import { CONTROL_BAR_OPTIONS, videojs, type VideoJsPlayer } from '../player/videojs.js';
import { installVideojsFont, videojsStyles } from '../player/videojs-styles.js';
import { loadRecording, readRecordingInput } from '../recording/load-recording.js';
import { rejectIfFilesGone } from '../media/probe-files.js';
import type { Recording } from '../core/recording/recording.js';
import type { Timeline } from '../core/timeline/timeline.js';
import { STAGE_LAYOUTS, type StageLayout } from '../core/layout/stage-layout.js';
import { stageStyles } from '../view/stage-styles.js';
import { StageView } from '../view/stage-view.js';
import { KeyboardController } from './controllers/keyboard-controller.js';
import { LanguageController } from './controllers/language-controller.js';
import { PositionMemoryController } from './controllers/position-memory-controller.js';
import { controlBarExtrasStyles, ticReplayStyles } from './tic-replay.styles.js';

/**
 * Replays a Tencent Cloud TIC/TIW real-time recording (many files on one timeline) as one
 * synchronized video, and behaves like a media element.
 *
 * @tagname tic-replay
 * @summary A synchronized player for TIC real-time recordings.
 *
 * @event loadstart - A recording started loading.
 * @event loadedmetadata - The recording was read; `duration` is known.
 * @event durationchange
 * @event canplay - Every file active at the current position can play.
 * @event play - Playback was requested.
 * @event playing - The clock started (after any seek or wait, all files together).
 * @event pause
 * @event waiting - A file ran out of data; the clock waits for it.
 * @event seeking
 * @event seeked - Every active file shows the frame for the new position.
 * @event timeupdate
 * @event ratechange
 * @event volumechange
 * @event ended
 * @event trackvisibilitychange - A track's tile was hidden or shown again (see `hiddenTracks`).
 * @event error - A problem: `event.detail` (and `error`) is a `TicReplayError`; `fatal` ones stop the replay.
 *
 * @csspart player - The video.js player box.
 * @csspart stage - The area that holds the tiles.
 * @csspart main-area - The main area (screen share, else whiteboard, else mixed stream).
 * @csspart strip - The camera strip.
 * @csspart tile - Every tile; also `main`, `camera`, `screen`, `whiteboard`, `mixed`, `active`, `pending`.
 * @csspart label - A tile's name.
 * @csspart tile-error - Why a tile's file could not play.
 * @csspart problems - The list of non-fatal problems.
 * @csspart error - The fatal error message.
 *
 * @cssproperty --tic-background - Player background.
 * @cssproperty --tic-aspect-ratio - Player aspect ratio (default 16 / 9).
 * @cssproperty --tic-strip-size - Width (or, when narrow, height) of the camera strip.
 * @cssproperty --tic-gap - Space between tiles.
 * @cssproperty --tic-tile-radius - Corner radius of tiles.
 * @cssproperty --tic-tile-background
 * @cssproperty --tic-label-background
 * @cssproperty --tic-label-color
 */
export class TicReplayElement extends LitElement implements MediaFace {
  static override styles = [videojsStyles, stageStyles, ticReplayStyles, controlBarExtrasStyles];

  /** URL of a recording result JSON (any of its three shapes). Relative file URLs resolve against it. */
  @property({ reflect: true }) src = '';

  /** The recording result itself: an object or a JSON string. Takes precedence over `src`. */
  @property({ attribute: false }) result: unknown = undefined;

  /** Shows the control bar, as `<video controls>` does. Absent by default, like `<video>`. */
  @property({ type: Boolean, reflect: true }) controls = false;

  /** Starts playing as soon as the recording is ready (the browser's autoplay policy applies). */
  @property({ type: Boolean, reflect: true }) autoplay = false;

  /** The `muted` attribute: start muted, like `<video muted>`. The `muted` property is the live state. */
  @property({ type: Boolean, attribute: 'muted', reflect: true }) defaultMuted = false;

  /** `presentation` (main area + camera strip, the default), `grid` (all equal) or `focus` (one fills the player). */
  @property({ reflect: true }) layout: StageLayout = 'presentation';

  /** Where playback starts, in seconds (used when a recording loads). */
  @property({ type: Number }) start = 0;

  /** Seconds a stalled file may hold the others back before they go on without it (it rejoins when it has data). */
  @property({ type: Number, attribute: 'stall-timeout' }) stallTimeout = 8;

  /** At most this many files download at once (active files always do; those about to start wait their turn). */
  @property({ type: Number, attribute: 'max-concurrent-loads' }) maxConcurrentLoads = 6;

  /**
   * Plays at exactly the chosen rate. Without it the replay runs at 99.5 % of it, so that every file
   * shows the same frame (see `core/sync/picture-pace.ts`).
   */
  @property({ type: Boolean, attribute: 'exact-rate' }) exactRate = false;

  /** Remembers the position per recording (localStorage, keyed by room and start time) and resumes there. */
  @property({ type: Boolean, attribute: 'remember-position' }) rememberPosition = false;

  /**
   * The scheduler (frames, timers) of the engines of elements created from now on. The benchmark
   * sets one that times each frame step.
   * @internal
   */
  static engineScheduler: Scheduler = browserScheduler;

  private readonly engine = new ReplayEngine({ scheduler: TicReplayElement.engineScheduler });
  readonly #stageElement = document.createElement('div');
  readonly #stage = new StageView(this.#stageElement, this.engine);
  #player: VideoJsPlayer | undefined;
  #controlBarExtras: ControlBarExtras | undefined;
  #loadAbort: AbortController | undefined;
  #loadedSource: { src: string; result: unknown } | undefined;
  #teardownTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #language = new LanguageController(
    this,
    (messages, locale) => this.#applyLanguage(messages, locale),
    async (locale) => {
      if (locale === 'zh-CN') videojs.addLanguage('zh-CN', { ...(await loadChinese()).videojs });
    },
  );
  readonly #positionMemory = new PositionMemoryController(this, this.engine);

  constructor() {
    super();
    new KeyboardController(this, () => this.engine.timeline !== undefined);
    for (const type of MEDIA_EVENTS) this.engine.addEventListener(type, this.#forwardEvent);
    this.engine.addEventListener('error', this.#forwardError);
    this.engine.addEventListener('slotschange', this.#refreshStage);
    this.engine.addEventListener('trackmutechange', this.#refreshStage);
  }

  /** Shows a track (person, whiteboard, ...) in the main area while it is active; `undefined` unpins. */
  pinTrack(trackId: string | undefined): void {
    this.#stage.pin(trackId);
  }

  /** Hides a track's tile (its sound and sync go on); `trackvisibilitychange` follows. */
  setTrackHidden(trackId: string, hidden: boolean): void {
    this.#stage.setTrackHidden(trackId, hidden);
  }

  /** The tracks whose tiles are hidden (by `setTrackHidden` or the tile's own button). */
  get hiddenTracks(): readonly string[] {
    return this.#stage.hiddenTrackIds;
  }

  /** Silences one track without touching the others. */
  setTrackMuted(trackId: string, muted: boolean): void {
    this.engine.setTrackMuted(trackId, muted);
  }

  /** Enters or leaves fullscreen with the whole player (tiles and controls). */
  toggleFullscreen(): void {
    if (!this.#player) return;
    if (this.#player.isFullscreen()) void this.#player.exitFullscreen();
    else void this.#player.requestFullscreen();
  }

  // ---- media element API ----

  play(): Promise<void> {
    return this.engine.play();
  }

  pause(): void {
    this.engine.pause();
  }

  /** Seconds on the replay timeline. */
  get currentTime(): number {
    return this.engine.currentTime;
  }

  set currentTime(seconds: number) {
    this.engine.currentTime = seconds;
  }

  get duration(): number {
    return this.engine.duration;
  }

  get paused(): boolean {
    return this.engine.paused;
  }

  get ended(): boolean {
    return this.engine.ended;
  }

  get seeking(): boolean {
    return this.engine.seeking;
  }

  get playbackRate(): number {
    return this.engine.playbackRate;
  }

  set playbackRate(rate: number) {
    this.engine.playbackRate = rate;
  }

  get volume(): number {
    return this.engine.volume;
  }

  set volume(volume: number) {
    this.engine.volume = volume;
  }

  get muted(): boolean {
    return this.engine.muted;
  }

  set muted(muted: boolean) {
    this.engine.muted = muted;
  }

  get readyState(): number {
    return this.engine.readyState;
  }

  get networkState(): number {
    return this.engine.networkState;
  }

  get buffered(): TimeRanges {
    return this.engine.buffered;
  }

  get seekable(): TimeRanges {
    return this.engine.seekable;
  }

  /** The latest problem (see `TicReplayError.fatal`), or null. */
  get error(): TicReplayError | null {
    return this.engine.error;
  }

  /** Every problem reported for this recording, oldest first; a fatal error follows the reasons behind it. */
  get problems(): readonly TicReplayError[] {
    return this.engine.problems.flatMap((error) => [...error.problems, error]);
  }

  /** The recording as read, once loaded. */
  get recording(): Recording | undefined {
    return this.engine.recording;
  }

  /** The replay timeline (tracks and files on it), once loaded. */
  get timeline(): Timeline | undefined {
    return this.engine.timeline;
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    // Reachable with Tab and el.focus(), like a video with controls.
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'region');
    clearTimeout(this.#teardownTimer);
    if (this.hasUpdated && !this.#player) this.#createPlayer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move within the page (disconnect + connect in one task) keeps the replay; a removal ends it.
    this.#teardownTimer = setTimeout(() => this.#teardown(), 0);
  }

  protected override render() {
    return html`<div class="player" part="player"></div>`;
  }

  protected override firstUpdated(): void {
    installVideojsFont();
    this.#createPlayer();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('controls')) this.#player?.controls(this.controls);
    if (changed.has('stallTimeout')) this.engine.stallTimeoutMs = Math.max(0, this.stallTimeout) * 1000;
    if (changed.has('exactRate')) this.engine.pace = this.exactRate ? 1 : PICTURE_PACE;
    if (changed.has('maxConcurrentLoads')) this.engine.maxConcurrentLoads = Math.max(1, Math.floor(this.maxConcurrentLoads) || 1);
    if (changed.has('layout')) this.#stage.layout = STAGE_LAYOUTS.includes(this.layout) ? this.layout : 'presentation';
    if ((changed.has('src') || changed.has('result')) && this.isConnected) this.#loadSource();
  }

  #createPlayer(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.player');
    if (!container) return;
    registerReplayTech(videojs);
    const playerElement = document.createElement('video-js');
    container.append(playerElement);
    this.#player = videojs(playerElement, {
      techOrder: [TECH_NAME],
      ticReplay: { engine: this.engine, stage: this.#stageElement },
      sources: [{ src: 'tic-replay:recording', type: RECORDING_MIME_TYPE }],
      controls: this.controls,
      autoplay: false,
      preload: 'auto',
      fill: true,
      playbackRates: [...PLAYBACK_RATES],
      errorDisplay: false,
      textTrackDisplay: false,
      textTrackSettings: false,
      controlBar: CONTROL_BAR_OPTIONS,
      userActions: { hotkeys: false, doubleClick: false },
      language: this.#language.locale,
    } as Parameters<typeof videojs>[1]);
    this.#player.addClass('vjs-tic-replay');
    // The rate menu shows itself on the Tech's loadstart; ours may come before video.js attached the Tech.
    this.#player.ready(() => {
      const controlBar = this.#player?.getChild('ControlBar');
      (controlBar?.getChild('PlaybackRateMenuButton') as unknown as { updateVisibility?: () => void } | undefined)?.updateVisibility?.();
    });
    // video.js attaches the Tech's element (our stage) once its source is set, a little later: the
    // stage goes in now, so that media elements are in the shadow root from the first moment.
    if (this.#stageElement.parentElement !== this.#player.el()) this.#player.el().prepend(this.#stageElement);
    this.#controlBarExtras = addControlBarExtras(this.#player, {
      engine: this.engine,
      getMessages: () => this.#language.messages,
      getLayout: () => this.layout,
      setLayout: (layout) => (this.layout = layout),
    });
    if (this.#loadedSource) this.#stage.update();
  }

  #teardown(): void {
    if (this.isConnected) return;
    this.#loadAbort?.abort();
    this.#loadAbort = undefined;
    this.engine.teardown();
    this.#loadedSource = undefined;
    this.#stage.clear();
    this.#player?.dispose();
    this.#player = undefined;
    this.#controlBarExtras = undefined;
    this.renderRoot.querySelector('.player')?.replaceChildren();
  }

  /** Loads `result` (if set) or `src`; the previous recording is torn down first. */
  #loadSource(): void {
    const source = { src: this.src, result: this.result };
    if (this.#loadedSource && this.#loadedSource.src === source.src && this.#loadedSource.result === source.result) return;
    this.#loadedSource = source;
    this.#loadAbort?.abort();
    const abort = new AbortController();
    this.#loadAbort = abort;
    this.#stage.reset();
    this.#positionMemory.reset();
    if (source.result === undefined && !source.src) {
      this.engine.teardown();
      this.#stage.update();
      return;
    }
    this.engine.beginLoad();
    if (this.defaultMuted) this.engine.muted = true;
    if (this.autoplay) this.engine.play().catch(() => undefined);
    // Messages about the recording come in the player's language: its catalogue first.
    const reading = this.#language.ready
      .then(() => {
        const messages = this.#language.messages;
        return source.result !== undefined
          ? readRecordingInput(source.result, document.baseURI, messages)
          : loadRecording(source.src, { signal: abort.signal, messages });
      })
      // Recordings are deleted 3 days after class: when every file is gone, say so once, up front.
      .then((parsed) => rejectIfFilesGone(parsed, { signal: abort.signal, messages: this.#language.messages }));
    void this.engine
      .loadFrom(reading, abort.signal, (recording) => this.#positionMemory.startPosition(recording, source.src, this.start))
      .then(() => this.#stage.update());
  }

  /** A language's catalogue is loaded: everything shows it. */
  #applyLanguage(messages: Messages, locale: Locale): void {
    this.engine.messages = messages;
    this.#stage.messages = messages;
    this.#stage.update();
    this.#player?.language(locale);
    this.#controlBarExtras?.refreshLanguage();
  }

  readonly #forwardEvent = (event: Event) => {
    this.dispatchEvent(new Event(event.type));
  };

  readonly #forwardError = (event: Event) => {
    this.dispatchEvent(new CustomEvent('error', { detail: (event as CustomEvent<TicReplayError>).detail }));
    this.#stage.update();
  };

  readonly #refreshStage = () => {
    this.#stage.update();
  };
}
