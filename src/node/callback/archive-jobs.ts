/**
 * Runs the archive jobs of `serve-callback` one after another in the background: each callback's
 * recording into `<out>/<TaskId>/` (the layout of `tic-replay archive`), then optionally to S3.
 * A job stopped by shutdown stays `running` in the journal and is run again after a restart.
 */
import { join } from 'node:path';
import { parseRecording } from '../../core/recording/parse-recording.js';
import { causesOf, RecordingError } from '../../core/recording/problems.js';
import { describeProblem } from '../../i18n/describe-problem.js';
import { en } from '../../i18n/en.js';
import { archiveRecording } from '../archive/archive-recording.js';
import { formatBytes } from '../progress-display.js';
import { keyOf, type S3Connection, type S3Target } from '../s3/s3-target.js';
import { uploadArchive } from '../s3/upload-archive.js';
import type { JobJournal, JobRecord } from './job-journal.js';
import { logText } from './log-text.js';

export interface ArchiveJobsOptions {
  readonly outDir: string;
  readonly concurrency: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly allowPrivate: boolean;
  readonly s3?: { readonly target: S3Target; readonly connection: S3Connection };
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

/**
 * Relative `VideoUrl`s mean nothing in a callback (there is no document to be relative to):
 * against this base they are refused by the parser, and only absolute http(s) URLs remain.
 */
const NO_BASE_URL = 'about:blank';

export class ArchiveJobs {
  readonly #queue: string[] = [];
  #running: Promise<void> | undefined;

  constructor(
    private readonly journal: JobJournal,
    private readonly options: ArchiveJobsOptions,
  ) {}

  /** Queues every job a previous run accepted but did not finish. */
  resumeUnfinished(): number {
    const unfinished = this.journal.all().filter((job) => job.state === 'queued' || job.state === 'running');
    unfinished.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1));
    for (const job of unfinished) this.enqueue(job.taskId);
    return unfinished.length;
  }

  enqueue(taskId: string): void {
    this.#queue.push(taskId);
    this.#running ??= this.#drain().finally(() => (this.#running = undefined));
  }

  /** Resolves when the queue is empty (or shutdown stopped it). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    for (let taskId = this.#queue.shift(); taskId !== undefined && !this.options.signal.aborted; taskId = this.#queue.shift()) {
      const job = this.journal.get(taskId);
      if (!job) continue;
      try {
        await this.#run(job);
      } catch (error) {
        if (this.options.signal.aborted) break;
        this.options.log(`job ${logText(taskId)} failed: ${(error as Error).message}`);
        await this.journal.update(taskId, { state: 'failed', error: (error as Error).message }).catch(() => undefined);
      }
    }
  }

  async #run(queued: JobRecord): Promise<void> {
    const { taskId } = queued;
    const shownId = logText(taskId);
    const job = await this.journal.update(taskId, { state: 'running', attempts: queued.attempts + 1 });
    const startedAtMs = Date.now();
    this.options.log(`job ${shownId} started (attempt ${job.attempts}) → ${job.folder}/`);

    let parsed: ReturnType<typeof parseRecording>;
    try {
      parsed = parseRecording(job.callback, { baseUrl: NO_BASE_URL });
    } catch (error) {
      if (!(error instanceof RecordingError)) throw error;
      const reasons = [...causesOf(error.problem), error.problem].map((problem) => describeProblem(problem, en)).join('; ');
      this.options.log(`job ${shownId} failed: nothing to archive: ${logText(reasons, Infinity)}`);
      await this.journal.update(taskId, { state: 'failed', error: reasons });
      return;
    }

    const outDir = join(this.options.outDir, job.folder);
    const report = await archiveRecording(
      { document: job.callback, recording: parsed.recording, label: `TaskId ${taskId}` },
      { ...this.options, outDir },
    );
    const failures = [
      ...parsed.problems.map((problem) => describeProblem(problem, en)),
      ...report.failures.map((failure) => `${failure.videoId}: ${failure.sourceUrl}: ${failure.reason}`),
    ];

    let uploadNote = '';
    if (this.options.s3 && report.files.length > 0) {
      const target = { ...this.options.s3.target, prefix: keyOf(this.options.s3.target, job.folder) };
      try {
        const upload = await uploadArchive(outDir, target, {
          ...this.options.s3.connection,
          env: this.options.env,
          concurrency: this.options.concurrency,
          signal: this.options.signal,
        });
        uploadNote = `, uploaded to s3://${target.bucket}/${target.prefix}/ (${upload.uploaded} objects, ${upload.skipped} already there)`;
      } catch (error) {
        if (this.options.signal.aborted) throw error;
        failures.push(`upload to s3://${target.bucket}/${target.prefix}/: ${(error as Error).message}`);
      }
    }

    const state = report.files.length === 0 ? 'failed' : failures.length > 0 ? 'partial' : 'done';
    await this.journal.update(taskId, { state, result: { files: report.files.length, bytes: report.totalBytes, failures } });
    const seconds = ((Date.now() - startedAtMs) / 1000).toFixed(1);
    const problems = failures.length === 0 ? '' : `; ${failures.length} problem${failures.length === 1 ? '' : 's'}: ${failures.join('; ')}`;
    this.options.log(`job ${shownId} ${state}: ${report.files.length} files, ${formatBytes(report.totalBytes)} in ${seconds} s${uploadNote}${logText(problems, Infinity)}`);
  }
}
