/**
 * A video.js playback Tech whose "media" is the replay engine: video.js's control bar, progress
 * bar, rate menu and fullscreen drive the master clock, not any one file. The Tech's element is the
 * stage that holds the mounted media elements.
 *
 * Two ways in:
 *  - `<tic-replay>` creates the engine and the stage and hands them over (`options.ticReplay`);
 *  - a page that already has video.js (TCPlayer is built on it) registers the Tech with its own
 *    video.js (`registerReplayTech(videojs)`) and gives the player a source of type
 *    `application/vnd.tic-record+json`; the Tech then loads the recording and renders the stage itself.
 */
import { MEDIA_EVENTS, MEDIA_PROPERTIES, type MediaPropertyName } from '../core/media-api.js';
import { MAX_RATE, MIN_RATE } from '../core/playback/playback-rates.js';
import { ReplayEngine } from '../engine/replay-engine.js';
import { TimeRangeList } from '../engine/time-ranges.js';
import { loadRecording } from '../recording/load-recording.js';
import { installStageStyles } from '../view/stage-styles.js';
import { StageView } from '../view/stage-view.js';

export const TECH_NAME = 'TicReplay';
/** The MIME type under which video.js hands a recording result to this Tech. */
export const RECORDING_MIME_TYPE = 'application/vnd.tic-record+json';

/** Engine events that video.js understands under the same names: all the media events. */
const FORWARDED_EVENTS = MEDIA_EVENTS;

export interface ReplayTechOptions {
  readonly engine: ReplayEngine;
  readonly stage: HTMLElement;
}

/** The part of a video.js module this file needs (any video.js 8 works, including the page's own). */
export interface VideojsLike {
  getTech(name: string): unknown;
  registerTech(name: string, tech: unknown): unknown;
}

// video.js's Tech base class is plain JavaScript; this is the part of its surface we use.
interface TechBase {
  /** video.js copies the player's `ticReplay` options into the Tech's own options. */
  options_: Record<string, unknown> & Partial<ReplayTechOptions> & { source?: { src?: string } };
  el_: HTMLElement;
  trigger(type: string): void;
  triggerReady(): void;
  dispose(): void;
}
type TechClass = new (options: Record<string, unknown>, ready?: () => void) => TechBase;

/** What `createReplayTech` returns: a Tech class for `videojs.registerTech`. */
export interface ReplayTechClass {
  new (options: Record<string, unknown>, ready?: () => void): object;
  isSupported(): boolean;
  canPlayType(type: string): '' | 'probably';
  canPlaySource(source: { type?: string }): '' | 'probably';
}

/** Builds the Tech class on top of a given video.js's `Tech`. */
export function createReplayTech(videojs: VideojsLike): ReplayTechClass {
  const Tech = videojs.getTech('Tech') as TechClass;

  class ReplayTech extends Tech {
    private engine!: ReplayEngine;
    /** Set when the Tech loads recordings itself (standalone video.js use). */
    private ownView: StageView | undefined;
    private currentSource = '';
    private loadAbort: AbortController | undefined;

    private readonly forward = (event: Event) => {
      if (event.type === 'error') {
        this.ownView?.update();
        if ((event as CustomEvent).detail?.fatal) this.trigger('error');
        return;
      }
      this.trigger(event.type);
    };

    private readonly refreshView = () => this.ownView?.update();

    constructor(options: Record<string, unknown>, ready?: () => void) {
      super(options, ready);
      const provided = this.options_.engine;
      if (provided) {
        this.engine = provided;
      } else {
        this.engine = new ReplayEngine();
        installStageStyles(this.el_.ownerDocument);
        this.ownView = new StageView(this.el_, this.engine);
        this.engine.addEventListener('slotschange', this.refreshView);
      }
      for (const type of [...FORWARDED_EVENTS, 'error']) this.engine.addEventListener(type, this.forward);
      const initial = this.options_.source?.src;
      if (this.ownView && initial) queueMicrotask(() => this.loadUrl(initial));
      this.triggerReady();
    }

    createEl(): HTMLElement {
      const provided = (this as unknown as TechBase).options_.stage;
      const stage = provided ?? document.createElement('div');
      stage.classList.add('vjs-tech');
      return stage;
    }

    override dispose(): void {
      for (const type of [...FORWARDED_EVENTS, 'error']) this.engine.removeEventListener(type, this.forward);
      if (this.ownView) {
        this.loadAbort?.abort();
        this.engine.removeEventListener('slotschange', this.refreshView);
        this.engine.destroy();
        this.ownView.clear();
      } else {
        // The stage belongs to <tic-replay>, not to video.js: keep it out of the Tech's teardown.
        const placeholder = document.createElement('div');
        this.el_.replaceWith(placeholder);
        this.el_ = placeholder;
      }
      super.dispose();
    }

    private loadUrl(src: string): void {
      this.currentSource = src;
      this.loadAbort?.abort();
      const abort = new AbortController();
      this.loadAbort = abort;
      this.engine.beginLoad();
      this.ownView?.update();
      void this.engine.loadFrom(loadRecording(src, { signal: abort.signal, messages: this.engine.messages }), abort.signal).then(() => this.ownView?.update());
    }

    // playback: the media properties' getters and setters are generated from the table (see
    // `addMediaAccessors`); these differ from a plain forward.
    play(): Promise<void> { return this.engine.play(); }
    pause(): void { this.engine.pause(); }
    setPlaybackRate(rate: number): void {
      this.engine.playbackRate = Math.min(Math.max(rate, MIN_RATE), MAX_RATE);
    }
    defaultPlaybackRate(): number { return 1; }
    setDefaultPlaybackRate(): void {}
    defaultMuted(): boolean { return false; }
    setDefaultMuted(): void {}
    played(): TimeRanges { return new TimeRangeList(); }
    /** Only a fatal problem is a media error for video.js (the others concern one file). */
    error(): { code: number; message: string } | null {
      const error = this.engine.error;
      return error?.fatal ? { code: error.code, message: error.message } : null;
    }

    // source: inside <tic-replay> the element loads recordings; standalone, this Tech does
    src(src?: string): string | undefined {
      if (src === undefined) return this.currentSource;
      if (this.ownView) this.loadUrl(src);
      return undefined;
    }
    setSrc(src: string): void { this.src(src); }
    currentSrc(): string { return this.currentSource; }
    load(): void {}
    reset(): void { if (this.ownView) this.engine.teardown(); }

    // properties video.js queries during load and has no use for here
    controls(): boolean { return false; }
    setControls(): void {}
    poster(): string { return ''; }
    setPoster(): void {}
    preload(): string { return 'auto'; }
    setPreload(): void {}
    autoplay(): boolean { return false; }
    setAutoplay(): void {}
    loop(): boolean { return false; }
    setLoop(): void {}
    playsinline(): boolean { return true; }
    setPlaysinline(): void {}
    videoWidth(): number { return 0; }
    videoHeight(): number { return 0; }
    supportsFullScreen(): boolean { return false; }
    crossOrigin(): null { return null; }
    setCrossOrigin(): void {}
    disablePictureInPicture(): boolean { return true; }
    setDisablePictureInPicture(): void {}
    setScrubbing(): void {}
    scrubbing(): boolean { return false; }

    static isSupported(): boolean { return true; }
    static canPlayType(type: string): '' | 'probably' { return type === RECORDING_MIME_TYPE ? 'probably' : ''; }
    static canPlaySource(source: { type?: string }): '' | 'probably' { return ReplayTech.canPlayType(source.type ?? ''); }
  }

  addMediaAccessors(ReplayTech.prototype);
  Object.assign(ReplayTech.prototype, {
    featuresVolumeControl: true,
    featuresMuteControl: true,
    featuresPlaybackRate: true,
    featuresTimeupdateEvents: true,
    featuresProgressEvents: false,
    featuresFullscreenResize: false,
    featuresNativeTextTracks: true,
  });
  return ReplayTech;
}

/**
 * Gives a Tech class video.js's accessor pair for every media property of the table: `name()`
 * reads the engine's, `setName(value)` writes it (settable ones only). Methods the class defines
 * itself are kept.
 */
function addMediaAccessors(prototype: object): void {
  type WithEngine = { engine: Record<MediaPropertyName, unknown> };
  for (const [name, spec] of Object.entries(MEDIA_PROPERTIES) as Array<[MediaPropertyName, { settable: boolean }]>) {
    const define = (method: string, value: (this: WithEngine, ...args: unknown[]) => unknown) => {
      if (!Object.hasOwn(prototype, method)) Object.defineProperty(prototype, method, { value, configurable: true, writable: true });
    };
    define(name, function () {
      return this.engine[name];
    });
    if (spec.settable) {
      define(`set${name[0]!.toUpperCase()}${name.slice(1)}`, function (value) {
        this.engine[name] = value;
      });
    }
  }
}

const registered = new WeakSet<object>();

/** Registers the `TicReplay` Tech with a video.js (the page's own, or the one bundled here). */
export function registerReplayTech(videojs: VideojsLike): void {
  if (registered.has(videojs)) return;
  registered.add(videojs);
  videojs.registerTech(TECH_NAME, createReplayTech(videojs));
}
