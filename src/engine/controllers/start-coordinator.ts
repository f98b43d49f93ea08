/**
 * Starts streams so that they move together. play() takes a different time to get each element's
 * picture moving (with an audio track, Chromium starts its output first), so a synchronized start
 * sends play() to the slower kind first, by latencies it measures itself (moving averages, from the
 * first new presented frame). It also starts streams that join mid-play and prerolls files about to
 * start, and tells the façade where the clock should start once everyone moves. An element with
 * audio that the engine paused is seeked to its place before it starts again, or at once after a
 * pause by the user (Chromium would resume it ahead: see `MountedFile.resumesAhead`).
 *
 * After a seek made while playing, the elements with audio were left playing: each restarts by
 * itself once its new frame is shown (sooner than a play() from paused), so the others get play()
 * timed to move with them (by the average restart, or when the first is seen moving if sooner), and
 * the clock starts where the streams are once every one is seen moving.
 */
import { hasFutureData } from '../../core/playback/readiness.js';
import { canReportFrames, isRendered, watchPresentedFrames } from '../../media/media-slot.js';
import { Subscriptions } from '../event-bus.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { Cancel } from '../scheduler.js';
import type { MountedFile, PendingStart } from '../mounted-file.js';
import type { LatencyKind } from '../start-latencies.js';

/** Elements further than this from the clock are re-aligned by a seek before they are started. */
const START_ALIGN_TOLERANCE_S = 0.02;
/**
 * An element left playing through a seek that is further ahead than this when the start begins
 * (another stream took longer to seek) is paused and started with the others. Not less: with audio,
 * Chromium moves currentTime by a first chunk well before the picture moves.
 */
const RESTART_AHEAD_LIMIT_S = 0.1;
/**
 * A restart is measured only when it is watched from at most this long after the element's new
 * frame showed (later, it may already have moved: its latency would read as nothing).
 */
const RESTART_SAMPLE_WINDOW_MS = 20;
/** One display frame (60 Hz): the margin for starting the others in time to meet a restart. */
const DISPLAY_FRAME_MS = 17;
/**
 * Elements restarting by themselves after a seek move 54–81 ms after their new frame showed
 * (measured in Chromium: −25 to +15 ms around their average), and no earlier sign tells when. A
 * stream started before them runs ahead and is pulled back over several frames; one started after
 * them is only late. So when their restart will be seen (a rendered picture reports its frames),
 * the others get play() this long after the time the average predicts, or as soon as the first of
 * them is seen moving if that is sooner. Not later: a frame is reported up to ~25 ms after it
 * shows, so a stream sent play() on that report alone starts late every time (tried at 25 ms: the
 * seeks' median settled later).
 */
const RESTART_LATE_MARGIN_MS = 5;
/** If an element never visibly starts, the clock starts anyway after this long. */
const START_TIMEOUT_MS = 1000;
/** Media time an element must advance by before it counts as started when no presented frame tells. */
const START_ADVANCE_S = 0.04;
/**
 * Media time (s) by which a step must see an element advance to count it as moving where a picture
 * tells more than its media time alone:
 * - an element without audio: its media time is its picture's (Chromium moves it from the first
 *   frame on, by the wall clock), so a step sees it move sooner than a presented frame is reported
 *   (one or two display frames after it shows);
 * - an element with audio whose first new frame was shown: it counts once its media time moves on
 *   from where it was then. Measured in Chromium: a camera resuming after a wait for data held its
 *   currentTime for 30–45 ms after that frame; a clock started from that frame ran on without it,
 *   and the sync step read the camera falling behind as it held.
 */
const MOVED_S = 0.001;
/** A synchronized start may move the clock forward to where the streams already are, at most this much. */
const MAX_START_ADVANCE_MS = 300;
/** Starts this much apart or less are sent together. */
const STAGGER_MIN_MS = 4;
/** Longest start latency taken as a sample (longer ones were a stall, not a start). */
const MAX_LATENCY_SAMPLE_MS = 500;

export class StartCoordinator implements Controller {
  /** Elements that played through the seek before this start, with when each showed its new frame. */
  #restarting = new Map<MountedFile, number | undefined>();
  /** Whether the current synchronized start has sent play() to its elements, and when. */
  #sentAtMs: number | undefined;
  /** play() calls not sent yet, by element. */
  readonly #staggered = new Map<MountedFile, Cancel>();
  /** Mounted files with a pending start, for `measure` (their record holds the details). */
  readonly #pending = new Set<MountedFile>();
  #mounted = new Set<MountedFile>();
  readonly #subscriptions: Subscriptions;

  constructor(private readonly context: EngineContext) {
    this.#subscriptions = new Subscriptions(context.bus)
      .on('mounts-changed', ({ mounted }) => {
        this.#mounted = new Set(mounted);
        for (const file of this.#pending) if (!this.#mounted.has(file)) this.#pending.delete(file);
      })
      // Seeked, it starts where it is told (see `MountedFile.resumesAhead`).
      .on('media-event', ({ file, type }) => {
        if (type === 'seeking') file.resumesAhead = false;
      });
  }

  /** Measured start latency (real ms) of each kind of stream, and of a restart after a seek while playing. */
  get latencyMs(): Readonly<Record<LatencyKind, number>> {
    const latencies = this.context.startLatencies;
    return { audio: latencies.of('audio'), video: latencies.of('video'), restart: latencies.of('restart'), join: latencies.of('join') };
  }

  /**
   * How long (real ms) an element playing through a seek may show its new frame while others are
   * still seeking, and still be met by them: beyond it, it is better paused and started with them.
   */
  get playThroughWaitMs(): number {
    const latencies = this.context.startLatencies;
    return Math.max(0, latencies.of('restart') - latencies.of('video') - DISPLAY_FRAME_MS);
  }

  /** The start latency expected of `file`: in a synchronized start, or `joining` while the clock runs. */
  latencyOf(file: MountedFile, joining = false): number {
    return this.context.startLatencies.of(latencyKind(file, joining));
  }

  /** Forgets a start in progress (play() again, a seek, a pause): nothing was sent yet. */
  reset(): void {
    this.cancelStaggered();
    this.#sentAtMs = undefined;
    this.#restarting = new Map();
    // Elements are paused or moved now: what was awaited of them no longer tells a start latency.
    for (const file of this.#pending) file.pendingStart = undefined;
    this.#pending.clear();
  }

  /**
   * The elements that played through the seek just completed (with when each showed its new
   * frame): the next start does not play() them but waits for them to move.
   */
  expectRestarts(playingThrough: Map<MountedFile, number | undefined>): void {
    this.#restarting = playingThrough;
  }

  /** Cancels play() calls not sent yet. */
  cancelStaggered(): void {
    for (const cancel of this.#staggered.values()) cancel();
    this.#staggered.clear();
  }

  /** Whether this start has sent play(), or has elements still playing from a seek (so a wait must pause them). */
  get sent(): boolean {
    return this.#sentAtMs !== undefined || this.#restarting.size > 0;
  }

  /**
   * One step of a synchronized start of `playable` at `positionMs`. Returns where the clock should
   * start once every stream moves (or the start timed out), else undefined.
   */
  advance(playable: readonly MountedFile[], positionMs: number, nowMs: number): number | undefined {
    // A stream let go (out of data past the stall timeout) is started as well, but not waited for:
    // it joins when its data comes, and the sync step brings it onto the others.
    const starting = playable.filter((file) => !file.letGo);
    if (this.#sentAtMs === undefined) {
      for (const file of playable) {
        const element = file.element;
        const targetS = file.targetS(positionMs);
        if (this.#isRestarting(file)) {
          if (element.currentTime - targetS <= RESTART_AHEAD_LIMIT_S * this.context.clock.rate) continue;
          // It moved on while another stream was still seeking: started again like the others.
          file.pause();
          this.#restarting.delete(file);
        }
        if (!element.seeking) this.#align(file, targetS);
      }
      if (starting.some((file) => file.element.seeking)) return undefined;
      this.#sentAtMs = nowMs;
      const letGo = playable.filter((file) => file.letGo);
      if (letGo.length > 0) this.startStreams(letGo, false);
      this.#sendStaggered(starting, positionMs, nowMs);
    }
    const everyoneMoving = this.#staggered.size === 0 && starting.every((file) => !file.element.paused && !file.pendingStart);
    if (!everyoneMoving && nowMs - this.#sentAtMs <= START_TIMEOUT_MS) return undefined;
    this.#sentAtMs = undefined;
    // The clock starts where the streams are (they took time to move), within reason.
    const positions = starting.filter((file) => !file.pendingStart).map((file) => file.timelinePositionMs());
    if (positions.length === 0) return positionMs;
    return Math.min(Math.max(median(positions), positionMs), positionMs + MAX_START_ADVANCE_MS);
  }

  /**
   * Elements whose pictures take longer to start get play() first, so that all move together; those
   * restarting after a seek move one restart latency after their new frame showed, and the others
   * are timed to meet them.
   */
  #sendStaggered(playable: readonly MountedFile[], positionMs: number, nowMs: number): void {
    const restartMs = this.context.startLatencies.of('restart');
    const restartSeen = playable.some(
      (file) => this.#isRestarting(file) && this.#restarting.get(file) !== undefined && canReportFrames(file.element) && this.#pictureShows(file.element),
    );
    const movingAtMs = Math.max(
      nowMs,
      ...playable.map((file) => (this.#isRestarting(file) ? (this.#restarting.get(file) ?? nowMs) + restartMs : nowMs + this.latencyOf(file))),
    );
    const sends: { file: MountedFile; delayMs: number }[] = [];
    for (const file of playable) {
      if (this.#isRestarting(file)) {
        const shownAtMs = this.#restarting.get(file);
        const measurable = shownAtMs !== undefined && nowMs - shownAtMs <= RESTART_SAMPLE_WINDOW_MS;
        this.#watchStart(file, pendingStart(shownAtMs ?? nowMs, file.targetS(positionMs), file.element, true, measurable ? 'restart' : undefined));
        continue;
      }
      const delayMs = movingAtMs - nowMs - this.latencyOf(file) + (restartSeen ? RESTART_LATE_MARGIN_MS : 0);
      sends.push({ file, delayMs });
    }
    this.#restarting = new Map();
    for (const { delayMs, files } of groupSends(sends)) {
      if (delayMs === 0) {
        this.startStreams(files);
        continue;
      }
      const cancel = this.context.scheduler.setTimer(() => {
        for (const file of files) this.#staggered.delete(file);
        this.#sendIfStillDue(files);
      }, delayMs);
      for (const file of files) this.#staggered.set(file, cancel);
    }
  }

  /** Sends the play() calls still waiting, now (an element restarting by itself was seen moving). */
  #sendWaiting(): void {
    const waiting = [...this.#staggered.keys()];
    this.cancelStaggered();
    this.#sendIfStillDue(waiting);
  }

  /** Starts those of `files` still mounted, if this start was not called off meanwhile. */
  #sendIfStillDue(files: readonly MountedFile[]): void {
    if (this.#sentAtMs !== undefined) this.startStreams(files.filter((file) => this.#mounted.has(file)));
  }

  /** Whether the element's picture is shown (rendered, in a visible page): then its reported frames tell when it moves. */
  #pictureShows(element: HTMLMediaElement): boolean {
    return isRendered(element) && !this.context.scheduler.pageHidden;
  }

  #isRestarting(file: MountedFile): boolean {
    return this.#restarting.has(file) && !file.element.paused;
  }

  /** While the clock runs: streams that are newly active (or recovered) join at its position. */
  joinPaused(playable: readonly MountedFile[], positionMs: number): void {
    let joining: MountedFile[] | undefined;
    for (const file of playable) {
      if (!file.element.paused) continue;
      this.#align(file, file.targetS(positionMs));
      (joining ??= []).push(file);
    }
    if (joining) this.startStreams(joining, true, true);
  }

  /**
   * After a pause by the user, puts the paused elements that would resume ahead back on the clock at
   * once, not when play() comes: a paused picture that moves back a frame or two goes unseen, and
   * the next start needs no seek first. Measured in Chromium (24 resumes each, a camera beside a
   * second file with audio and a whiteboard; from play() to its first new frame): seeked at play(),
   * its picture stepped back 1–2 frames in 18 resumes and moved on 92–170 ms after play(); seeked at
   * the pause, it never stepped back or skipped, 67–103 ms.
   */
  alignPaused(files: Iterable<MountedFile>, positionMs: number): void {
    for (const file of files) if (file.resumesAhead && !file.element.seeking) this.#align(file, file.targetS(positionMs));
  }

  /** Puts a paused element on `targetS` before it starts, if it is off or would resume ahead (see `MountedFile.resumesAhead`). */
  #align(file: MountedFile, targetS: number): void {
    if (file.resumesAhead || Math.abs(file.element.currentTime - targetS) > START_ALIGN_TOLERANCE_S) file.element.currentTime = targetS;
    file.resumesAhead = false;
  }

  /**
   * A preloaded file about to start is told to play one play()-latency ahead (still hidden and
   * muted), so that it is already advancing on its first frame when the clock reaches its start.
   */
  prerollJoining(mounted: Iterable<MountedFile>, positionMs: number): void {
    const rate = this.context.clock.rate;
    let due: MountedFile[] | undefined;
    for (const file of mounted) {
      const { slot } = file;
      if (slot.state !== 'preloading' || slot.failed || !slot.element.paused) continue;
      if (slot.startMs - positionMs > this.latencyOf(file, true) * rate || !hasFutureData(slot.element)) continue;
      (due ??= []).push(file);
    }
    if (due) this.startStreams(due, true, true);
  }

  /**
   * Sends play() to streams due at one moment and watches each for visibly advancing. Every stream
   * is prepared first, then play() goes to all back to back: measured in Chromium, two cameras
   * told to play 1–10 ms apart start either together or one audio output period (21.3 ms) apart.
   * (Two cameras still start that far apart now and then: Chromium does it to bare elements played
   * in one task too; see BENCHMARKS.md, d.) `measured`: whether their starts are samples of the
   * start latency (not those of streams let go, which move whenever their data comes); `joining`:
   * started while the clock runs (their latencies are a kind of their own).
   */
  startStreams(files: readonly MountedFile[], measured = true, joining = false): void {
    const { clock, scheduler, bus } = this.context;
    for (const file of files) {
      file.slot.replayRate = clock.mediaRate;
      const sampleAs = measured ? latencyKind(file, joining) : undefined;
      this.#watchStart(file, pendingStart(scheduler.now(), file.element.currentTime, file.element, false, sampleAs));
    }
    for (const file of files) {
      file.element.play().catch((error: unknown) => {
        // The browser refused playback (autoplay policy): the façade behaves like a media element.
        if (error instanceof DOMException && error.name === 'NotAllowedError') bus.emit('play-refused', { error });
      });
    }
  }

  /** Watches for a stream to visibly advance past `pending.fromS`. */
  #watchStart(file: MountedFile, pending: PendingStart): void {
    const element = file.element;
    file.pendingStart = pending;
    this.#pending.add(file);
    if (!pending.byFrame || !canReportFrames(element)) return;
    watchPresentedFrames(element, (metadata) => {
      if (file.pendingStart !== pending && !pending.latencyFromFrame) return false;
      if (metadata.mediaTime <= pending.fromS + 0.0005) return true;
      if (file.hasAudio && file.pendingStart === pending && !pending.restart) {
        pending.frameShown = { atMs: metadata.expectedDisplayTime, mediaTimeS: metadata.mediaTime, currentTimeS: element.currentTime };
      } else {
        this.#markStarted(file, pending, metadata.expectedDisplayTime, metadata.mediaTime);
      }
      return false;
    });
  }

  /**
   * Notices elements that began to advance since play(). A rendered video with audio counts from its
   * first new presented frame (Chromium moves its currentTime by a first chunk long before the
   * picture moves), once its media time is seen moving on from there; one without audio as soon as
   * its media time moved, which is its picture's (its latency is still taken from that frame, the
   * moment the picture shows, as for the others); others (audio, hidden tiles, a background page)
   * once their media time clearly advanced.
   */
  measure(nowMs: number): void {
    for (const file of this.#pending) {
      const pending = file.pendingStart;
      const element = file.element;
      if (!pending || element.paused) {
        file.pendingStart = undefined;
        this.#pending.delete(file);
        continue;
      }
      const shown = pending.frameShown;
      if (shown) {
        // Its latency is still the first frame's: that is when its picture moved.
        const movedOn = element.currentTime - shown.currentTimeS > MOVED_S && !element.seeking;
        if (movedOn || nowMs - pending.requestedAtMs > START_TIMEOUT_MS) this.#markStarted(file, pending, shown.atMs, shown.mediaTimeS);
        continue;
      }
      const framesTell = pending.byFrame && this.#pictureShows(element);
      const audioPicture = framesTell && file.hasAudio;
      // A picture with audio is told by its first new frame's report. If none came within the start
      // timeout (a report can go missing), it counts by its media time like the others, with no
      // latency taken from that: until it counts as started, the sync step does not read it, and
      // an offset the start left would stay for good.
      if (audioPicture && nowMs - pending.requestedAtMs <= START_TIMEOUT_MS) continue;
      const advanceS = framesTell && !audioPicture ? MOVED_S : START_ADVANCE_S;
      if (element.currentTime - pending.fromS <= advanceS || element.seeking) continue;
      if (audioPicture) pending.sampleAs = undefined;
      else if (framesTell) pending.latencyFromFrame = true;
      this.#markStarted(file, pending, nowMs, element.currentTime);
    }
  }

  /**
   * The stream is seen moving since `atMs` minus the media time it advanced by: it counts as started
   * (once), and its latency is taken, unless it is to be taken from its first new frame (then when
   * that frame comes).
   */
  #markStarted(file: MountedFile, pending: PendingStart, atMs: number, mediaTimeS: number): void {
    const movingSinceMs = atMs - ((mediaTimeS - pending.fromS) * 1000) / Math.max(file.slot.playbackRate, 0.1);
    const latencyMs = Math.min(Math.max(movingSinceMs - pending.requestedAtMs, 0), MAX_LATENCY_SAMPLE_MS);
    const kind = pending.sampleAs;
    if (file.pendingStart !== pending) {
      // Seen moving already (by its media time): this is its first new frame.
      if (pending.latencyFromFrame && kind) this.context.startLatencies.add(kind, latencyMs);
      pending.latencyFromFrame = false;
      return;
    }
    file.pendingStart = undefined;
    this.#pending.delete(file);
    const hasAudio = file.hasAudio;
    if (kind && !pending.latencyFromFrame) this.context.startLatencies.add(kind, latencyMs);
    if (pending.restart) this.#sendWaiting();
    this.context.bus.emit('stream-started', { file, latencyMs, hasAudio });
  }

  destroy(): void {
    this.reset();
    this.#pending.clear();
    this.#mounted.clear();
    this.#subscriptions.removeAll();
  }
}

/** The kind of start latency `file` has: with audio or without, and for one with audio, whether `joining` while the clock runs. */
function latencyKind(file: MountedFile, joining: boolean): LatencyKind {
  if (!file.hasAudio) return 'video';
  return joining ? 'join' : 'audio';
}

/**
 * play() calls grouped by when they are due: each group is sent at its earliest delay, with every
 * call due within `STAGGER_MIN_MS` after it; calls due within `STAGGER_MIN_MS` from now go now (0).
 */
function groupSends(sends: readonly { file: MountedFile; delayMs: number }[]): { delayMs: number; files: MountedFile[] }[] {
  const groups: { delayMs: number; files: MountedFile[] }[] = [];
  for (const { file, delayMs } of [...sends].sort((a, b) => a.delayMs - b.delayMs)) {
    const last = groups.at(-1);
    if (last && delayMs - last.delayMs <= STAGGER_MIN_MS) last.files.push(file);
    else groups.push({ delayMs: delayMs <= STAGGER_MIN_MS ? 0 : delayMs, files: [file] });
  }
  return groups;
}

/** A start's record, before anything of it was seen. */
function pendingStart(requestedAtMs: number, fromS: number, element: HTMLMediaElement, restart: boolean, sampleAs: LatencyKind | undefined): PendingStart {
  return { requestedAtMs, fromS, byFrame: canReportFrames(element), restart, sampleAs, latencyFromFrame: false };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
