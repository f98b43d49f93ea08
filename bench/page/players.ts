/**
 * The players compared, behind one small interface so that every scenario drives and reads them
 * the same way. Each owns its own copies of the files (see streams.ts) and its own container.
 *
 * - tic-replay: the <tic-replay> element (its media elements are in its open shadow root).
 * - timingsrc: a TimingObject as the clock, one `setTimingsrc` per video with the file's offset.
 * - paella-style: plain videos and a performance.now() clock; every 250 ms any video more than
 *   200 ms off the clock is re-seeked, and nothing else.
 * - plain: N videos with no clock, seeked together: pause, set currentTime on all, wait for every
 *   `seeked` and a presented frame, then play() all. The floor for seeks.
 */
import '../../src/element/tic-replay.js';
import type { TicReplayElement } from '../../src/element/tic-replay.component.js';
import { TimingObject, type ITimingObject } from 'timing-object';
import { setTimingsrc } from 'timingsrc';
import { recordingResult, type PlayerName, type StreamSpec } from './streams.js';
import { nextEvent, until } from './util.js';

/** A stream whose picture the player shows now. */
export interface ShownStream {
  readonly id: string;
  /** VideoPlayTime of its file: the timeline position of media time 0. */
  readonly startMs: number;
  readonly element: HTMLVideoElement;
}

export interface BenchPlayer {
  readonly name: PlayerName;
  /** Sets the recording up and resolves once every stream active at `atMs` can play from there. */
  load(streams: readonly StreamSpec[], atMs?: number): Promise<void>;
  play(): void;
  pause(): void;
  /** A user seek during playback (returns at once; the player settles on its own). */
  seek(ms: number): void;
  setRate(rate: number): void;
  readonly rate: number;
  /** The master clock's timeline position (ms); undefined for a player without a clock. */
  clockMs(): number | undefined;
  /** Whether the player says it is playing (its clock runs and it is not seeking or waiting). */
  claimsPlaying(): boolean;
  /** Streams whose file is active at the clock, with their media elements. */
  shownStreams(): ShownStream[];
  /** The media element of one file, if the player has one for it now. */
  elementOf(id: string): HTMLVideoElement | undefined;
  destroy(): void;
}

export function createPlayer(name: PlayerName, container: HTMLElement): BenchPlayer {
  switch (name) {
    case 'tic-replay':
      return new TicReplayPlayer(container);
    case 'timingsrc':
      return new TimingsrcPlayer(container);
    case 'paella-style':
      return new PaellaStylePlayer(container);
    case 'plain':
    case 'single':
      return new PlainPlayer(container, name);
  }
}

function contains(spec: StreamSpec, ms: number): boolean {
  return ms >= spec.startMs && ms < spec.startMs + spec.durationMs;
}

/** Media seconds of `spec` at timeline `ms`, clamped to the file. */
function mediaTimeS(spec: StreamSpec, ms: number): number {
  return Math.min(Math.max(ms - spec.startMs, 0), spec.durationMs) / 1000;
}

const HAVE_CURRENT_DATA = 2;
const HAVE_FUTURE_DATA = 3;

// ---- <tic-replay> ------------------------------------------------------------------------------

class TicReplayPlayer implements BenchPlayer {
  readonly name = 'tic-replay';
  readonly element: TicReplayElement;
  private specs = new Map<string, StreamSpec>();
  private playingState = false;

  constructor(container: HTMLElement) {
    this.element = document.createElement('tic-replay');
    this.element.style.width = '960px';
    this.element.style.display = 'block';
    container.append(this.element);
    // `playing` is the moment the clock runs; these end that claim.
    this.element.addEventListener('playing', () => (this.playingState = true));
    for (const type of ['waiting', 'seeking', 'pause', 'emptied', 'ended']) {
      this.element.addEventListener(type, () => (this.playingState = false));
    }
  }

  async load(streams: readonly StreamSpec[], atMs = 0): Promise<void> {
    this.specs = new Map(streams.map((spec) => [spec.id, spec]));
    this.element.result = recordingResult(streams);
    await until(() => this.element.readyState >= HAVE_FUTURE_DATA && !this.element.seeking, 'tic-replay can play', 30000);
    if (atMs > 0) {
      const seeked = nextEvent(this.element, 'seeked', 15000);
      this.element.currentTime = atMs / 1000;
      await seeked;
      await until(() => this.element.readyState >= HAVE_FUTURE_DATA, 'tic-replay can play after its seek', 15000);
    }
  }

  play(): void {
    this.element.play().catch(() => undefined);
  }

  pause(): void {
    this.element.pause();
  }

  seek(ms: number): void {
    this.element.currentTime = ms / 1000;
  }

  setRate(rate: number): void {
    this.element.playbackRate = rate;
  }

  get rate(): number {
    return this.element.playbackRate;
  }

  clockMs(): number {
    return this.element.currentTime * 1000;
  }

  claimsPlaying(): boolean {
    return this.playingState && !this.element.paused && !this.element.seeking;
  }

  shownStreams(): ShownStream[] {
    const root = this.element.shadowRoot;
    if (!root) return [];
    const shown: ShownStream[] = [];
    for (const element of root.querySelectorAll<HTMLVideoElement>('video[data-video-id][data-state="active"]')) {
      const spec = this.specs.get(element.dataset.videoId!);
      if (spec) shown.push({ id: spec.id, startMs: spec.startMs, element });
    }
    return shown;
  }

  elementOf(id: string): HTMLVideoElement | undefined {
    return this.element.shadowRoot?.querySelector<HTMLVideoElement>(`video[data-video-id="${CSS.escape(id)}"]`) ?? undefined;
  }

  destroy(): void {
    this.element.remove();
  }
}

// ---- plain <video> elements, shared by the three players built from them ------------------------------

abstract class VideoSetPlayer implements BenchPlayer {
  abstract readonly name: PlayerName;
  protected specs: StreamSpec[] = [];
  protected readonly videos = new Map<string, HTMLVideoElement>();
  protected readonly box = document.createElement('div');

  constructor(container: HTMLElement) {
    this.box.style.cssText = 'display:flex;flex-wrap:wrap;gap:2px;width:980px';
    container.append(this.box);
  }

  async load(streams: readonly StreamSpec[], atMs = 0): Promise<void> {
    this.specs = [...streams];
    for (const spec of streams) {
      const video = document.createElement('video');
      video.preload = 'auto';
      video.playsInline = true;
      video.style.cssText = 'width:320px;height:180px;background:#000';
      video.dataset.videoId = spec.id;
      video.src = spec.url;
      this.videos.set(spec.id, video);
      this.box.append(video);
    }
    this.place(atMs);
    await until(
      () => [...this.videos.values()].every((video) => video.readyState >= HAVE_FUTURE_DATA && !video.seeking),
      `${this.name}: every video can play`,
      30000,
    );
  }

  /** Puts every video where the recording is at `atMs` (files not yet started wait at 0). */
  protected place(atMs: number): void {
    for (const spec of this.specs) this.videos.get(spec.id)!.currentTime = mediaTimeS(spec, atMs);
  }

  abstract play(): void;
  abstract pause(): void;
  abstract seek(ms: number): void;
  abstract setRate(rate: number): void;
  abstract readonly rate: number;
  abstract clockMs(): number | undefined;
  abstract claimsPlaying(): boolean;

  shownStreams(): ShownStream[] {
    const clock = this.clockMs();
    return this.specs
      .filter((spec) => clock === undefined || contains(spec, clock))
      .map((spec) => ({ id: spec.id, startMs: spec.startMs, element: this.videos.get(spec.id)! }));
  }

  elementOf(id: string): HTMLVideoElement | undefined {
    return this.videos.get(id);
  }

  destroy(): void {
    for (const video of this.videos.values()) {
      video.pause();
      video.removeAttribute('src');
      video.load();
    }
    this.videos.clear();
    this.box.remove();
  }
}

/** A clock of our own over performance.now(), as paella's is. */
class WallClock {
  private anchorMs = 0;
  private anchorNow = 0;
  running = false;
  rate = 1;

  positionMs(): number {
    return this.running ? this.anchorMs + (performance.now() - this.anchorNow) * this.rate : this.anchorMs;
  }

  start(): void {
    if (this.running) return;
    this.anchorNow = performance.now();
    this.running = true;
  }

  stop(): void {
    this.anchorMs = this.positionMs();
    this.running = false;
  }

  seek(ms: number): void {
    this.anchorMs = ms;
    this.anchorNow = performance.now();
  }

  setRate(rate: number): void {
    this.anchorMs = this.positionMs();
    this.anchorNow = performance.now();
    this.rate = rate;
  }
}

// ---- timingsrc ---------------------------------------------------------------------------------

class TimingsrcPlayer extends VideoSetPlayer {
  readonly name = 'timingsrc';
  private timing: ITimingObject | undefined;
  private readonly unsubscribers: Array<() => void> = [];
  private rateValue = 1;

  override async load(streams: readonly StreamSpec[], atMs = 0): Promise<void> {
    const endS = Math.max(...streams.map((s) => s.startMs + s.durationMs)) / 1000;
    this.timing = new TimingObject({ acceleration: 0, position: atMs / 1000, velocity: 0 }, 0, endS);
    await super.load(streams, atMs);
    for (const spec of streams) {
      // One setTimingsrc per video; the file's offset is applied to the timing object's vector.
      const offsetS = spec.startMs / 1000;
      this.unsubscribers.push(
        setTimingsrc(this.videos.get(spec.id)!, this.timing, ({ position, ...vector }) => ({ ...vector, position: position - offsetS })),
      );
    }
    await until(
      () => [...this.videos.values()].every((video) => video.readyState >= HAVE_FUTURE_DATA && !video.seeking),
      'timingsrc: every video can play',
      15000,
    );
  }

  play(): void {
    void this.timing!.update({ velocity: this.rateValue });
  }

  pause(): void {
    void this.timing!.update({ velocity: 0 });
  }

  seek(ms: number): void {
    void this.timing!.update({ position: ms / 1000 });
  }

  setRate(rate: number): void {
    this.rateValue = rate;
    if (this.timing && this.timing.query().velocity !== 0) void this.timing.update({ velocity: rate });
  }

  get rate(): number {
    return this.rateValue;
  }

  clockMs(): number {
    return this.timing!.query().position * 1000;
  }

  claimsPlaying(): boolean {
    return this.timing !== undefined && this.timing.query().velocity !== 0;
  }

  override destroy(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    super.destroy();
  }
}

// ---- paella-style ------------------------------------------------------------------------------

/** Paella Player's approach: a clock of its own, and a coarse periodic check of every video. */
const PAELLA_CHECK_MS = 250;
const PAELLA_MAX_DRIFT_S = 0.2;

class PaellaStylePlayer extends VideoSetPlayer {
  readonly name = 'paella-style';
  private readonly clock = new WallClock();
  private checkTimer: ReturnType<typeof setInterval> | undefined;
  private joinTimers: Array<ReturnType<typeof setTimeout>> = [];

  override async load(streams: readonly StreamSpec[], atMs = 0): Promise<void> {
    this.clock.seek(atMs);
    await super.load(streams, atMs);
  }

  play(): void {
    this.clock.start();
    const positionMs = this.clock.positionMs();
    for (const spec of this.specs) if (contains(spec, positionMs)) void this.videos.get(spec.id)!.play().catch(() => undefined);
    this.scheduleJoins();
    clearInterval(this.checkTimer);
    this.checkTimer = setInterval(() => this.check(), PAELLA_CHECK_MS);
  }

  pause(): void {
    this.clock.stop();
    clearInterval(this.checkTimer);
    this.clearJoins();
    for (const video of this.videos.values()) video.pause();
  }

  seek(ms: number): void {
    this.clock.seek(ms);
    for (const spec of this.specs) {
      const video = this.videos.get(spec.id)!;
      video.currentTime = mediaTimeS(spec, ms);
      if (!contains(spec, ms)) video.pause();
      else if (this.clock.running && video.paused) void video.play().catch(() => undefined);
    }
    if (this.clock.running) this.scheduleJoins();
  }

  setRate(rate: number): void {
    this.clock.setRate(rate);
    for (const video of this.videos.values()) video.playbackRate = rate;
    if (this.clock.running) this.scheduleJoins();
  }

  get rate(): number {
    return this.clock.rate;
  }

  clockMs(): number {
    return this.clock.positionMs();
  }

  claimsPlaying(): boolean {
    return this.clock.running;
  }

  /** A file that starts later is started when the clock passes its offset (a timer, as a player would). */
  private scheduleJoins(): void {
    this.clearJoins();
    const positionMs = this.clock.positionMs();
    for (const spec of this.specs) {
      if (spec.startMs <= positionMs) continue;
      const video = this.videos.get(spec.id)!;
      this.joinTimers.push(setTimeout(() => void video.play().catch(() => undefined), (spec.startMs - positionMs) / this.clock.rate));
    }
  }

  private clearJoins(): void {
    for (const timer of this.joinTimers.splice(0)) clearTimeout(timer);
  }

  /** The periodic check: re-seek any video off by more than 200 ms, and nothing else. */
  private check(): void {
    const positionMs = this.clock.positionMs();
    for (const spec of this.specs) {
      const video = this.videos.get(spec.id)!;
      if (!contains(spec, positionMs)) {
        if (!video.paused) video.pause();
        continue;
      }
      const targetS = mediaTimeS(spec, positionMs);
      if (Math.abs(video.currentTime - targetS) > PAELLA_MAX_DRIFT_S) video.currentTime = targetS;
    }
  }

  override destroy(): void {
    clearInterval(this.checkTimer);
    this.clearJoins();
    super.destroy();
  }
}

/** Resolves when `video` presents a frame within one frame of `targetS` (or after 2 s). */
function presentedNear(video: HTMLVideoElement, targetS: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      if (Math.abs(metadata.mediaTime - targetS) <= 0.025) {
        clearTimeout(timer);
        resolve();
      } else {
        video.requestVideoFrameCallback(onFrame);
      }
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

// ---- plain videos (the floor) --------------------------------------------------------------------

class PlainPlayer extends VideoSetPlayer {
  private wantsPlay = false;
  private seekGeneration = 0;
  private rateValue = 1;

  constructor(
    container: HTMLElement,
    readonly name: 'plain' | 'single',
  ) {
    super(container);
  }

  play(): void {
    this.wantsPlay = true;
    for (const video of this.videos.values()) void video.play().catch(() => undefined);
  }

  pause(): void {
    this.wantsPlay = false;
    for (const video of this.videos.values()) video.pause();
  }

  /** Pause all, seek all, wait for every `seeked` and a presented frame, then play all together. */
  seek(ms: number): void {
    const generation = ++this.seekGeneration;
    const videos = [...this.videos.values()];
    for (const video of videos) video.pause();
    const ready = this.specs.map((spec) => {
      const video = this.videos.get(spec.id)!;
      const targetS = mediaTimeS(spec, ms);
      const seeked = nextEvent(video, 'seeked', 10000);
      video.currentTime = targetS;
      return Promise.all([seeked, presentedNear(video, targetS)]);
    });
    void Promise.all(ready).then(() => {
      if (generation === this.seekGeneration && this.wantsPlay) this.play();
    });
  }

  setRate(rate: number): void {
    this.rateValue = rate;
    for (const video of this.videos.values()) video.playbackRate = rate;
  }

  get rate(): number {
    return this.rateValue;
  }

  clockMs(): undefined {
    return undefined;
  }

  claimsPlaying(): boolean {
    return this.wantsPlay && [...this.videos.values()].every((video) => !video.paused && !video.seeking && video.readyState >= HAVE_CURRENT_DATA);
  }
}
