/**
 * Mounts and unmounts files around their intervals: the active ones and those starting within the
 * preload window have a media element (see `core/playback/mount-plan.ts`), nothing else does.
 * Re-planning happens only at file boundaries (or after a jump back). Announces `mounts-changed`,
 * and relays each element's watched media events and failures onto the bus.
 */
import { mediaTimeAtS } from '../../core/sync/media-time.js';
import { displayPositionMs, planMounts } from '../../core/playback/mount-plan.js';
import { nextBoundaryAfter, type Timeline } from '../../core/timeline/timeline.js';
import type { Messages } from '../../i18n/messages.js';
import { MediaSlot, type MediaElementFactory, type SlotCallbacks } from '../../media/media-slot.js';
import type { SourceAdapter } from '../../media/source-adapter.js';
import type { Controller, EngineContext } from '../engine-context.js';
import { MountedFile } from '../mounted-file.js';

export interface MountOptions {
  readonly adapters?: readonly SourceAdapter[];
  readonly createElement?: MediaElementFactory;
  /** The language of messages about files, read when a file is mounted. */
  readonly messages: () => Messages;
}

export class MountController implements Controller {
  readonly #files = new Map<string, MountedFile>();
  readonly #bySlot = new Map<MediaSlot, MountedFile>();
  #timeline: Timeline | undefined;
  /** The active files, kept with the mounts (read several times per step). */
  #active: MountedFile[] = [];
  /** Mounting changes only at file boundaries: until this position (or a jump back), nothing to do. */
  #replanDueMs = -Infinity;
  #plannedAtMs = 0;

  constructor(
    private readonly context: EngineContext,
    private readonly options: MountOptions,
  ) {}

  set timeline(timeline: Timeline | undefined) {
    this.#timeline = timeline;
  }

  /** Mounted files, in timeline order. */
  get mounted(): MountedFile[] {
    return [...this.#files.values()].sort((a, b) => a.slot.startMs - b.slot.startMs);
  }

  get active(): readonly MountedFile[] {
    return this.#active;
  }

  /** Every mounted file, in mount order (cheaper than `mounted` where order does not matter). */
  get all(): IterableIterator<MountedFile> {
    return this.#files.values();
  }

  get size(): number {
    return this.#files.size;
  }

  /** The next step re-plans whatever the position (after a rate change: the preload window moved). */
  invalidate(): void {
    this.#replanDueMs = -Infinity;
  }

  /** Re-plans if the position crossed a boundary since the last plan, or went back. */
  updateIfDue(positionMs: number): boolean {
    if (positionMs < this.#replanDueMs && positionMs >= this.#plannedAtMs) return false;
    this.update(positionMs);
    return true;
  }

  update(positionMs: number): void {
    const timeline = this.#timeline;
    if (!timeline) return;
    const { clock, settings } = this.context;
    const displayMs = displayPositionMs(positionMs, timeline.durationMs);
    const lookaheadMs = settings.preloadMs * Math.max(1, clock.rate);
    const plan = planMounts(timeline, displayMs, lookaheadMs);
    this.#plannedAtMs = positionMs;
    // The preload window excludes its far end, so a start enters it just after start − lookahead.
    this.#replanDueMs = Math.min(
      nextBoundaryAfter(timeline, displayMs) ?? Infinity,
      (nextBoundaryAfter(timeline, displayMs + lookaheadMs - 1) ?? Infinity) - lookaheadMs + 1,
    );
    const wanted = new Map<string, 'active' | 'preloading'>();
    for (const entry of plan.active) wanted.set(entry.file.videoId, 'active');
    for (const entry of plan.preloading) wanted.set(entry.file.videoId, 'preloading');

    let changed = false;
    for (const [videoId, file] of this.#files) {
      if (wanted.has(videoId)) continue;
      this.#unmount(file);
      changed = true;
    }
    for (const entry of [...plan.active, ...plan.preloading]) {
      const videoId = entry.file.videoId;
      let file = this.#files.get(videoId);
      if (!file) {
        const slot = new MediaSlot(entry, this.#slotCallbacks, this.options.adapters, this.options.messages(), this.options.createElement);
        file = new MountedFile(slot);
        slot.replayRate = clock.mediaRate;
        slot.element.currentTime = Math.max(0, mediaTimeAtS(entry, displayMs)); // offset unknown yet
        this.#files.set(videoId, file);
        this.#bySlot.set(slot, file);
        changed = true;
      }
      const state = wanted.get(videoId)!;
      if (file.slot.state !== state) {
        file.slot.state = state;
        changed = true;
      }
    }
    if (changed) this.#announce();
  }

  /** Unmounts everything (a new recording, teardown). */
  clear(): void {
    const hadFiles = this.#files.size > 0;
    for (const file of [...this.#files.values()]) this.#unmount(file);
    this.#replanDueMs = -Infinity;
    this.#plannedAtMs = 0;
    if (hadFiles) this.#announce();
  }

  destroy(): void {
    this.clear();
    this.#timeline = undefined;
  }

  /** The one place a file's record goes: its element, its source and what was learnt of it. */
  #unmount(file: MountedFile): void {
    file.slot.dispose();
    this.#files.delete(file.videoId);
    this.#bySlot.delete(file.slot);
  }

  #announce(): void {
    this.#active = [...this.#files.values()].filter((file) => file.active);
    this.context.bus.emit('mounts-changed', { mounted: this.mounted });
  }

  readonly #slotCallbacks: SlotCallbacks = {
    onMediaEvent: (slot, type) => {
      const file = this.#bySlot.get(slot);
      if (file) this.context.bus.emit('media-event', { file, type });
    },
    onFailure: (slot, problem) => {
      const file = this.#bySlot.get(slot);
      if (file) this.context.bus.emit('file-failed', { file, problem });
    },
  };
}
