/**
 * Who is heard: the replay's volume and mute, each track's mute, and the audio policy (no voice
 * twice, see `core/playback/audio-policy.ts`), applied to the mounted elements whenever mounts, a
 * failure or a setting change.
 */
import { audibleVideoIds } from '../../core/playback/audio-policy.js';
import { Subscriptions } from '../event-bus.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

export class AudioMixer implements Controller {
  #mounted: readonly MountedFile[] = [];
  #volume = 1;
  #muted = false;
  readonly #mutedTrackIds = new Set<string>();
  readonly #subscriptions: Subscriptions;

  constructor(context: EngineContext) {
    this.#subscriptions = new Subscriptions(context.bus)
      .on('mounts-changed', ({ mounted }) => {
        this.#mounted = mounted;
        this.#apply();
      })
      .on('file-failed', () => this.#apply());
  }

  get volume(): number {
    return this.#volume;
  }

  /** Returns whether it changed. */
  setVolume(volume: number): boolean {
    if (volume === this.#volume) return false;
    this.#volume = volume;
    this.#apply();
    return true;
  }

  get muted(): boolean {
    return this.#muted;
  }

  setMuted(muted: boolean): boolean {
    if (muted === this.#muted) return false;
    this.#muted = muted;
    this.#apply();
    return true;
  }

  isTrackMuted(trackId: string): boolean {
    return this.#mutedTrackIds.has(trackId);
  }

  setTrackMuted(trackId: string, muted: boolean): boolean {
    if (muted === this.#mutedTrackIds.has(trackId)) return false;
    if (muted) this.#mutedTrackIds.add(trackId);
    else this.#mutedTrackIds.delete(trackId);
    this.#apply();
    return true;
  }

  /** A new recording: track mutes are forgotten (volume and mute stay, as on a media element). */
  forgetTracks(): void {
    this.#mutedTrackIds.clear();
  }

  #apply(): void {
    const active = this.#mounted.filter((file) => file.active);
    const failed = new Set(active.filter((file) => file.slot.failed).map((file) => file.videoId));
    const audible = audibleVideoIds(
      active.map((file) => file.slot.file),
      failed,
    );
    for (const { slot } of this.#mounted) {
      slot.element.volume = this.#volume;
      slot.element.muted = this.#muted || slot.state !== 'active' || !audible.has(slot.videoId) || this.#mutedTrackIds.has(slot.trackId);
    }
  }

  destroy(): void {
    this.#subscriptions.removeAll();
    this.#mounted = [];
  }
}
