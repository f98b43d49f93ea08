/**
 * A video.js playback Tech whose "media" is the replay engine: video.js's control bar, progress
 * bar, rate menu and fullscreen drive the master clock, not any one file. The Tech's element is the
 * stage that holds the mounted media elements.
 */
import { PLAYBACK_RATES, type ReplayEngine } from '../engine/replay-engine.js';
import { TimeRangeList } from '../engine/time-ranges.js';
import { videojs } from './videojs.js';

export const TECH_NAME = 'TicReplay';
/** The MIME type under which video.js hands a recording result to this Tech. */
export const RECORDING_MIME_TYPE = 'application/vnd.tic-record+json';

/** Engine events that video.js understands under the same names. */
const FORWARDED_EVENTS = [
  'loadstart', 'emptied', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay', 'canplaythrough',
  'play', 'playing', 'pause', 'waiting', 'seeking', 'seeked', 'timeupdate', 'ratechange', 'volumechange', 'ended',
] as const;

export interface ReplayTechOptions {
  readonly engine: ReplayEngine;
  readonly stage: HTMLElement;
}

// video.js's Tech base class is plain JavaScript; this is the part of its surface we use.
interface TechBase {
  /** video.js copies the player's `ticReplay` options into the Tech's own options. */
  options_: Record<string, unknown> & Partial<ReplayTechOptions>;
  el_: HTMLElement;
  trigger(type: string): void;
  triggerReady(): void;
  dispose(): void;
}
type TechClass = new (options: Record<string, unknown>, ready?: () => void) => TechBase;
const Tech = videojs.getTech('Tech') as unknown as TechClass;

export class ReplayTech extends Tech {
  private engine!: ReplayEngine;
  private readonly forward = (event: Event) => {
    if (event.type === 'error') {
      if ((event as CustomEvent).detail?.fatal) this.trigger('error');
      return;
    }
    this.trigger(event.type);
  };

  constructor(options: Record<string, unknown>, ready?: () => void) {
    super(options, ready);
    const engine = this.options_.engine;
    if (!engine) throw new Error('The TicReplay tech needs an engine (options.ticReplay.engine)');
    this.engine = engine;
    for (const type of [...FORWARDED_EVENTS, 'error']) engine.addEventListener(type, this.forward);
    this.triggerReady();
  }

  createEl(): HTMLElement {
    const stage = (this as unknown as TechBase).options_.stage;
    if (!stage) throw new Error('The TicReplay tech needs a stage element (options.ticReplay.stage)');
    stage.classList.add('vjs-tech');
    return stage;
  }

  override dispose(): void {
    for (const type of [...FORWARDED_EVENTS, 'error']) this.engine?.removeEventListener(type, this.forward);
    // The stage belongs to the element, not to video.js: keep it out of the tech's teardown.
    const stage = this.el_;
    const placeholder = document.createElement('div');
    stage.replaceWith(placeholder);
    this.el_ = placeholder;
    super.dispose();
  }

  // playback
  play(): Promise<void> { return this.engine.play(); }
  pause(): void { this.engine.pause(); }
  paused(): boolean { return this.engine.paused; }
  ended(): boolean { return this.engine.ended; }
  seeking(): boolean { return this.engine.seeking; }
  currentTime(): number { return this.engine.currentTime; }
  setCurrentTime(seconds: number): void { this.engine.currentTime = seconds; }
  duration(): number { return this.engine.duration; }
  playbackRate(): number { return this.engine.playbackRate; }
  setPlaybackRate(rate: number): void { this.engine.playbackRate = Math.min(Math.max(rate, PLAYBACK_RATES[0]), PLAYBACK_RATES[PLAYBACK_RATES.length - 1]); }
  defaultPlaybackRate(): number { return 1; }
  setDefaultPlaybackRate(): void {}
  volume(): number { return this.engine.volume; }
  setVolume(volume: number): void { this.engine.volume = volume; }
  muted(): boolean { return this.engine.muted; }
  setMuted(muted: boolean): void { this.engine.muted = muted; }
  defaultMuted(): boolean { return false; }
  setDefaultMuted(): void {}
  buffered(): TimeRanges { return this.engine.buffered; }
  seekable(): TimeRanges { return this.engine.seekable; }
  played(): TimeRanges { return new TimeRangeList(); }
  readyState(): number { return this.engine.readyState; }
  networkState(): number { return this.engine.networkState; }
  error(): { code: number; message: string } | null {
    const error = this.engine.error;
    return error?.fatal ? { code: error.code, message: error.message } : null;
  }

  // source: the element loads the recording into the engine itself
  src(): string { return ''; }
  setSrc(): void {}
  currentSrc(): string { return ''; }
  load(): void {}
  reset(): void {}

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

const features = ReplayTech.prototype as unknown as Record<string, boolean>;
features.featuresVolumeControl = true;
features.featuresMuteControl = true;
features.featuresPlaybackRate = true;
features.featuresTimeupdateEvents = true;
features.featuresProgressEvents = false;
features.featuresFullscreenResize = false;
features.featuresNativeTextTracks = true;

let registered = false;
export function registerReplayTech(): void {
  if (registered) return;
  registered = true;
  videojs.registerTech(TECH_NAME, ReplayTech as never);
}
