/**
 * Decides which mounted files download: every active file at once, then preloading ones in
 * timeline order while fewer than `maxConcurrentLoads` are downloading, so that a class with many
 * cameras does not open more downloads than the browser serves at once. Runs when mounts change
 * and when a download finishes (the element has enough data, `canplaythrough`, or failed): not
 * every frame, since nothing it counts changes without one of those.
 */
import { HAVE_ENOUGH_DATA } from '../../core/media-api.js';
import { Subscriptions } from '../event-bus.js';
import type { Controller, EngineContext } from '../engine-context.js';
import type { MountedFile } from '../mounted-file.js';

export class DownloadScheduler implements Controller {
  #mounted: readonly MountedFile[] = [];
  readonly #subscriptions: Subscriptions;

  constructor(private readonly context: EngineContext) {
    this.#subscriptions = new Subscriptions(context.bus)
      .on('mounts-changed', ({ mounted }) => {
        this.#mounted = mounted;
        this.admit();
      })
      .on('media-event', ({ type }) => {
        if (type === 'canplaythrough') this.admit();
      })
      .on('file-failed', () => this.admit());
  }

  /** Starts downloads: every active file, then preloading ones in timeline order up to the cap. */
  admit(): void {
    let downloading = 0;
    let queued = false;
    for (const { slot } of this.#mounted) {
      if (slot.state === 'active') slot.startDownload();
      if (slot.downloadStarted && !slot.failed && slot.element.readyState < HAVE_ENOUGH_DATA) downloading += 1;
      else if (!slot.downloadStarted) queued = true;
    }
    const cap = this.context.settings.maxConcurrentLoads;
    if (!queued || downloading >= cap) return;
    for (const { slot } of this.#mounted) {
      if (slot.downloadStarted || slot.state !== 'preloading') continue;
      slot.startDownload();
      if (++downloading >= cap) return;
    }
  }

  destroy(): void {
    this.#subscriptions.removeAll();
    this.#mounted = [];
  }
}
