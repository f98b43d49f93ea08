/**
 * The façade's inner half: the playback state (one `PlaybackPhase`), and the step that runs the
 * controllers in order about once per display frame while something moves: the end, mounts, seek
 * completion, the synchronized start, waiting, sync. It updates its state and then asks the façade
 * to fire the media event (`announce`): only the façade dispatches events.
 */
import type { MasterClock } from '../core/clock/master-clock.js';
import { HAVE_METADATA, HAVE_NOTHING, type MediaEventName } from '../core/media-api.js';
import { INITIAL_PLAYBACK_STATE, isClockHeld, phaseAfterPositioning, type PlaybackPhase, type PlaybackState } from '../core/playback/phase.js';
import { isPastMediaEnd, readyStateEvents, replayReadyState } from '../core/playback/readiness.js';
import type { Timeline } from '../core/timeline/timeline.js';
import { BoundaryTimer } from './boundary-timer.js';
import type { EngineControllers } from './controllers/engine-controllers.js';
import type { EngineContext } from './engine-context.js';
import { FrameTicker } from './frame-ticker.js';
import type { MountedFile } from './mounted-file.js';
import { PlayPromises } from './play-promises.js';

const TIMEUPDATE_INTERVAL_MS = 250;

export class PlaybackLoop {
  readonly #clock: MasterClock;
  readonly #ticker: FrameTicker;
  readonly #boundaryTimer: BoundaryTimer;
  readonly playPromises = new PlayPromises();
  #state: PlaybackState = INITIAL_PLAYBACK_STATE;
  #readyState = HAVE_NOTHING;
  #loadedDataSent = false;
  #lastTimeupdateMs = 0;
  #stepQueued = false;
  /** The replay's timeline while one is open. */
  timeline: Timeline | undefined;

  constructor(
    private readonly context: EngineContext,
    private readonly controllers: EngineControllers,
    private readonly announce: (type: MediaEventName) => void,
  ) {
    this.#clock = context.clock;
    this.#ticker = new FrameTicker(context.scheduler, () => this.step());
    this.#boundaryTimer = new BoundaryTimer(context.scheduler, context.clock, () => this.step());
  }

  get state(): PlaybackState {
    return this.#state;
  }

  get readyState(): number {
    return this.#readyState;
  }

  setPhase(phase: PlaybackPhase): void {
    this.#state = { ...this.#state, phase };
  }

  /** The recording is read: metadata is known. */
  opened(timeline: Timeline): void {
    this.timeline = timeline;
    this.#readyState = HAVE_METADATA;
  }

  /** Stops everything moving and forgets the playback state (the recording stays unless `closed`). */
  reset(closed: boolean): void {
    this.#ticker.stop();
    this.#boundaryTimer.clear();
    this.#clock.stop();
    this.controllers.starts.reset();
    this.controllers.seeks.cancel();
    this.playPromises.rejectAll(new DOMException('The replay was unloaded', 'AbortError'));
    this.#state = INITIAL_PLAYBACK_STATE;
    if (!closed) return;
    this.timeline = undefined;
    this.#readyState = HAVE_NOTHING;
    this.#loadedDataSent = false;
  }

  play(): Promise<void> {
    const promise = this.playPromises.create();
    const wasPaused = !this.#state.playRequested;
    if (this.timeline && this.#state.phase === 'ended') this.seekTo(0, false);
    this.#state = { ...this.#state, playRequested: true };
    // Still loading: it plays as soon as the recording is there.
    if (!this.timeline) {
      if (wasPaused) this.announce('play');
      return promise;
    }
    if (wasPaused) {
      this.#beginStart();
      this.announce('play');
    } else if (this.#state.phase === 'playing') {
      this.playPromises.resolveAll();
    }
    this.queueStep();
    return promise;
  }

  pause(): void {
    const wasPaused = !this.#state.playRequested;
    const positioning = this.controllers.seeks.pending;
    const { phase } = this.#state;
    const next: PlaybackPhase = positioning ? (positioning.silent ? 'loading' : 'seeking') : phase === 'ended' || !this.timeline ? phase : 'paused';
    this.#state = { phase: next, playRequested: false };
    this.#clock.stop();
    this.#pauseElements();
    if (!wasPaused && !positioning && this.timeline) this.controllers.starts.alignPaused(this.controllers.mounts.active, this.#clock.positionMs(this.context.scheduler.now()));
    this.playPromises.rejectAll(new DOMException('play() was interrupted by pause()', 'AbortError'));
    if (!wasPaused) {
      this.announce('timeupdate');
      this.announce('pause');
    }
    // A seek goes on while paused: its frames still have to arrive.
    if (positioning) this.#ticker.start();
    else this.#ticker.stop();
  }

  /**
   * Moves every file to `targetMs`; the clock holds until all show their frame. `silent`: a load's
   * first positioning. During playback, active elements with audio are left playing: they resume
   * by themselves once their seek is done, sooner than after a play() (Chromium restarts their
   * sound output); the others are paused and started to meet them (they move within a frame).
   */
  seekTo(targetMs: number, silent: boolean): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const positionMs = Math.min(Math.max(targetMs, 0), timeline.durationMs);
    const { mounts, seeks, starts } = this.controllers;
    this.#clock.stop();
    this.#clock.seek(positionMs);
    seeks.begin(silent);
    this.setPhase(silent ? 'loading' : 'seeking');
    starts.reset();
    if (!silent) {
      this.#readyState = Math.min(this.#readyState, HAVE_METADATA);
      this.announce('seeking');
    }
    this.context.bus.emit('repositioned', { positionMs });
    mounts.update(positionMs);
    const playingThrough = !silent && this.#state.playRequested;
    this.#pauseElements(playingThrough ? (file) => file.active && !file.slot.failed && file.hasAudio : undefined);
    seeks.align(mounts.all, positionMs);
    this.#ticker.start();
    this.queueStep();
  }

  /** The rate changed: the boundary timer and the mount plan are stale. */
  rateChanged(): void {
    this.#boundaryTimer.clear();
    this.controllers.mounts.invalidate();
    this.step();
  }

  /** The browser refused play() (autoplay policy): paused, like a media element, and play() rejected with its error. */
  refused(error: DOMException): void {
    if (!this.#state.playRequested) return;
    const refused = this.playPromises.takeAll();
    this.pause();
    refused.rejectAll(error);
  }

  queueStep(): void {
    if (this.#stepQueued) return;
    this.#stepQueued = true;
    this.context.scheduler.queueMicrotask(() => {
      this.#stepQueued = false;
      this.step();
    });
  }

  /** One step of the engine: the end, mounts, seek completion, synchronized start, waiting, sync. */
  step(): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const { mounts, seeks, starts, stalls, sync } = this.controllers;
    const nowMs = this.context.scheduler.now();
    if (this.#clock.running && this.#clock.atEnd(nowMs)) return this.#finish(timeline);
    const positionMs = this.#clock.positionMs(nowMs);
    starts.measure(nowMs);
    mounts.updateIfDue(positionMs);

    const positioning = seeks.pending;
    if (positioning) {
      if (!seeks.complete(mounts.active, positionMs, nowMs, starts.playThroughWaitMs)) {
        // Playback asked for while the first frames are still loading: that is waiting, as for <video>.
        if (positioning.silent && this.#state.playRequested && !positioning.waitingAnnounced) {
          positioning.waitingAnnounced = true;
          this.setPhase('waiting');
          this.announce('waiting');
        }
        return this.#refreshReadyState([], true);
      }
      this.setPhase(phaseAfterPositioning(this.#state, positioning.waitingAnnounced));
      starts.expectRestarts(seeks.takePlayingThrough());
      if (!positioning.silent) {
        this.announce('timeupdate');
        this.announce('seeked');
      }
      if (!this.#state.playRequested) this.#ticker.stop();
    }
    // The streams that should be moving now, worked out once for the whole step, and those whose
    // media ended before their interval (they hold their last frame).
    const playable: MountedFile[] = [];
    const pastMediaEnd: MountedFile[] = [];
    for (const file of mounts.active) {
      if (file.slot.failed) continue;
      file.readReadiness();
      (isPastMediaEnd(file.targetS(positionMs), file.slot.mediaDurationS) ? pastMediaEnd : playable).push(file);
    }
    this.#refreshReadyState(playable, false);
    if (!this.#state.playRequested) return;

    const blocked = stalls.blocking(playable, nowMs).length > 0;
    if (isClockHeld(this.#state.phase)) {
      if (blocked) return this.#hold(false);
      const clockStartMs = starts.advance(playable, positionMs, nowMs);
      if (clockStartMs === undefined) return;
      this.#clock.seek(clockStartMs);
      this.#clock.start();
      this.#lastTimeupdateMs = nowMs;
      this.setPhase('playing');
      this.announce('playing');
      this.playPromises.resolveAll();
    } else {
      if (blocked) return this.#hold(true);
      starts.joinPaused(playable, positionMs);
      sync.steer(playable, positionMs, nowMs);
      for (const file of pastMediaEnd) file.pause();
      starts.prerollJoining(mounts.all, positionMs);
    }
    if (this.#clock.running && nowMs - this.#lastTimeupdateMs >= TIMEUPDATE_INTERVAL_MS) {
      this.#lastTimeupdateMs = nowMs;
      // Listeners (the control bar, the page) run after the step, not inside it.
      this.context.scheduler.queueMicrotask(() => this.announce('timeupdate'));
    }
    const rate = this.#clock.rate;
    const latency = starts.latencyMs;
    // Starts and ends, preroll points just before starts, and mount points a preload window ahead.
    this.#boundaryTimer.schedule(timeline, positionMs, [0, latency.video * rate, latency.join * rate, this.context.settings.preloadMs * Math.max(1, rate)]);
  }

  /** Holds the clock for a synchronized start (after the seek in progress, if any). */
  #beginStart(): void {
    if (!this.controllers.seeks.pending) this.setPhase('starting');
    this.controllers.starts.reset();
    this.#ticker.start();
  }

  /** A stream lacks data: the clock (and whatever was started) waits until it has some. */
  #hold(wasPlaying: boolean): void {
    const { starts } = this.controllers;
    if (wasPlaying) {
      this.#clock.stop();
      this.#pauseElements();
      this.#beginStart();
    } else if (starts.sent) {
      this.#pauseElements();
      starts.reset();
    }
    if (this.#state.phase === 'waiting') return;
    this.setPhase('waiting');
    if (wasPlaying) this.announce('timeupdate');
    this.announce('waiting');
  }

  #finish(timeline: Timeline): void {
    this.#clock.stop();
    this.#clock.seek(timeline.durationMs);
    this.#state = { phase: 'ended', playRequested: false };
    this.#pauseElements();
    this.controllers.mounts.update(timeline.durationMs);
    this.#ticker.stop();
    this.announce('timeupdate');
    this.announce('pause');
    this.announce('ended');
  }

  /** Pauses every mounted element (but those `kept` playing) and cancels play() calls not sent yet. */
  #pauseElements(kept?: (file: MountedFile) => boolean): void {
    this.controllers.starts.cancelStaggered();
    for (const file of this.controllers.mounts.all) if (!kept?.(file)) file.pause();
  }

  #refreshReadyState(playable: readonly MountedFile[], positioning: boolean): void {
    const previous = this.#readyState;
    const next = replayReadyState(positioning, playable);
    if (next === previous) return;
    this.#readyState = next;
    for (const type of readyStateEvents(previous, next, this.#loadedDataSent)) {
      if (type === 'loadeddata') this.#loadedDataSent = true;
      this.announce(type);
    }
  }
}
