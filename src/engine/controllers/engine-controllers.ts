/**
 * The controllers of one engine, assembled in one place (as hls.js's `hls.ts` does): each gets the
 * shared context, none holds another. Destroyed in reverse order of creation.
 */
import type { SyncStrategy } from '../../core/sync/sync-strategy.js';
import type { Controller, EngineContext } from '../engine-context.js';
import { AudioMixer } from './audio-mixer.js';
import { DownloadScheduler } from './download-scheduler.js';
import { MountController, type MountOptions } from './mount-controller.js';
import { SeekController } from './seek-controller.js';
import { StallMonitor } from './stall-monitor.js';
import { StartCoordinator } from './start-coordinator.js';
import { SyncController } from './sync-controller.js';

export interface ControllerOptions extends MountOptions {
  readonly syncStrategy: SyncStrategy;
}

export class EngineControllers implements Controller {
  readonly mounts: MountController;
  readonly downloads: DownloadScheduler;
  readonly audio: AudioMixer;
  readonly stalls: StallMonitor;
  readonly starts: StartCoordinator;
  readonly seeks: SeekController;
  readonly sync: SyncController;
  readonly #all: readonly Controller[];

  constructor(context: EngineContext, options: ControllerOptions) {
    this.mounts = new MountController(context, options);
    this.downloads = new DownloadScheduler(context);
    this.audio = new AudioMixer(context);
    this.stalls = new StallMonitor(context);
    this.starts = new StartCoordinator(context);
    this.seeks = new SeekController(context);
    this.sync = new SyncController(context, options.syncStrategy);
    this.#all = [this.mounts, this.downloads, this.audio, this.stalls, this.starts, this.seeks, this.sync];
  }

  destroy(): void {
    for (const controller of [...this.#all].reverse()) controller.destroy();
  }
}
