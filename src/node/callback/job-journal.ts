/**
 * The durable list of archive jobs of `serve-callback`: one JSON file per TaskId under
 * `<out>/.jobs/`, written atomically and synced before the callback is answered, so a job the
 * service was told "received" survives a crash, and a restart finds what is left to do.
 */
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from '../archive/manifest.js';
import { NameAllocator } from '../archive/safe-name.js';

export type JobState = 'queued' | 'running' | 'done' | 'partial' | 'failed';

export interface JobRecord {
  readonly taskId: string;
  /** The archive's folder name under `<out>`: the TaskId made safe. */
  readonly folder: string;
  readonly state: JobState;
  readonly receivedAt: string;
  readonly updatedAt: string;
  /** The callback body as received (signature included), so the job can run again after a restart. */
  readonly callback: unknown;
  readonly attempts: number;
  readonly result?: { readonly files: number; readonly bytes: number; readonly failures: readonly string[] };
  readonly error?: string;
}

export const JOURNAL_FOLDER = '.jobs';

/** A TaskId's safe folder name, the same every time for the same TaskId. */
export function folderForTaskId(taskId: string): string {
  return new NameAllocator().allocate(taskId);
}

export class JobJournal {
  readonly #dir: string;
  readonly #jobs = new Map<string, JobRecord>();

  constructor(outDir: string) {
    this.#dir = join(outDir, JOURNAL_FOLDER);
  }

  /** Reads every job of earlier runs. */
  async load(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    for (const name of await readdir(this.#dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const job = JSON.parse(await readFile(join(this.#dir, name), 'utf8')) as JobRecord;
        if (typeof job.taskId === 'string') this.#jobs.set(job.taskId, job);
      } catch {
        // A torn temporary file cannot be here (writes are atomic); anything else is not ours.
      }
    }
  }

  get(taskId: string): JobRecord | undefined {
    return this.#jobs.get(taskId);
  }

  all(): JobRecord[] {
    return [...this.#jobs.values()];
  }

  /** Records a new job durably; returns undefined if the TaskId is already known. */
  async add(taskId: string, callback: unknown): Promise<JobRecord | undefined> {
    if (this.#jobs.has(taskId)) return undefined;
    const now = new Date().toISOString();
    const job: JobRecord = { taskId, folder: folderForTaskId(taskId), state: 'queued', receivedAt: now, updatedAt: now, callback, attempts: 0 };
    this.#jobs.set(taskId, job);
    await this.#write(job);
    return job;
  }

  async update(taskId: string, change: Partial<Omit<JobRecord, 'taskId' | 'folder' | 'callback' | 'receivedAt'>>): Promise<JobRecord> {
    const job = this.#jobs.get(taskId);
    if (!job) throw new Error(`no job for TaskId ${JSON.stringify(taskId)}`);
    const updated: JobRecord = { ...job, ...change, updatedAt: new Date().toISOString() };
    this.#jobs.set(taskId, updated);
    await this.#write(updated);
    return updated;
  }

  counts(): Record<JobState, number> {
    const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, partial: 0, failed: 0 };
    for (const job of this.#jobs.values()) counts[job.state]++;
    return counts;
  }

  async #write(job: JobRecord): Promise<void> {
    await writeJsonAtomic(join(this.#dir, `${job.folder}.json`), job);
    // The rename is durable only once the folder itself is synced.
    const dir = await open(this.#dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
