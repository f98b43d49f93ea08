/** What the steps of one archive run share: where to write, how to download, whom to tell. */
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Limiter } from '../limiter.js';
import { downloadToFile } from '../net/download-file.js';
import { fetchText, type FetchedText } from '../net/fetch-text.js';
import type { ArchiveEvents } from './archive-events.js';
import { sha256OfFile, type ManifestPart } from './manifest.js';
import { pathInside } from './safe-name.js';

export interface ArchiveOptions {
  readonly outDir: string;
  /** Transfers at once (files and HLS segments together). */
  readonly concurrency: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly allowPrivate: boolean;
  readonly idleTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly events?: ArchiveEvents;
}

export class ArchiveContext {
  readonly limiter: Limiter;

  constructor(readonly options: ArchiveOptions) {
    this.limiter = new Limiter(options.concurrency);
  }

  get events(): ArchiveEvents {
    return this.options.events ?? {};
  }

  /** The absolute path of an archive-relative path; refuses anything outside the folder. */
  pathOf(localPath: string): string {
    return pathInside(this.options.outDir, localPath);
  }

  /** Downloads `url` to `localPath` (resuming a `.part`) and describes the complete file. */
  async download(url: string, localPath: string, label: string): Promise<ManifestPart> {
    const path = this.pathOf(localPath);
    await mkdir(dirname(path), { recursive: true });
    const { bytes, sha256 } = await this.limiter.run(() =>
      downloadToFile(url, path, {
        ...this.#getOptions(),
        onBytes: (received, total) => this.events.bytes?.(localPath, label, received, total),
        onRetry: (attempt, reason) => this.events.retry?.(url, attempt, reason),
      }).finally(() => this.events.transferEnded?.(localPath)),
    );
    return { sourceUrl: url, localPath, bytes, sha256: sha256 ?? (await sha256OfFile(path)) };
  }

  fetchText(url: string): Promise<FetchedText> {
    return this.limiter.run(() =>
      fetchText(url, { ...this.#getOptions(), onRetry: (attempt: number, reason: string) => this.events.retry?.(url, attempt, reason) }),
    );
  }

  /**
   * Whether `localPath` is already a complete copy. A final name only ever holds a complete,
   * length-checked file; with a SHA-256 from an earlier manifest, its content must match too.
   */
  async verified(localPath: string, expected?: Pick<ManifestPart, 'bytes' | 'sha256'>): Promise<ManifestPart | undefined> {
    const path = this.pathOf(localPath);
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) return undefined;
      size = info.size;
    } catch {
      return undefined;
    }
    const sha256 = await sha256OfFile(path);
    if (expected && (expected.bytes !== size || expected.sha256 !== sha256)) {
      await rm(path, { force: true });
      return undefined;
    }
    return { sourceUrl: '', localPath, bytes: size, sha256 };
  }

  #getOptions() {
    const { retries, retryDelayMs, allowPrivate, idleTimeoutMs, signal } = this.options;
    return {
      retries,
      retryDelayMs,
      allowPrivate,
      ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
      ...(signal ? { signal } : {}),
    };
  }
}
