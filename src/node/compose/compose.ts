/**
 * Composes a recording into one MP4: reads every file's streams first (naming those that cannot be
 * read), plans the edit, renders the jobs in parallel (up to the core count) into a work folder
 * beside the output, joins them, and renames the result into place. Whatever happens (an error,
 * Ctrl-C) the work folder and any half-written output are removed.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { buildComposePlan, sourcesById, type ComposeLayout, type ComposePlan } from '../../core/compose/plan.js';
import type { Timeline } from '../../core/timeline/timeline.js';
import { concatArgs, concatListEntry } from './concat-args.js';
import { probeSources, type ProbeResult } from './probe.js';
import { ComposeProgress, type ProgressStream } from './progress.js';
import { frameAtMs, maxJobFramesFor, renderJobs, type RenderJob } from './render-jobs.js';
import { runFfmpeg } from './run-ffmpeg.js';
import { DEFAULT_ENCODING, segmentArgs, type VideoEncoding } from './segment-args.js';
import type { ComposeTools } from './tools.js';

export interface ComposeRequest {
  readonly timeline: Timeline;
  readonly layout: ComposeLayout;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly fps: number;
  readonly tools: ComposeTools;
  readonly signal: AbortSignal;
  /** Where the MP4 goes; without it only the plan is made. */
  readonly outputPath?: string;
  /** Where the plan's JSON goes, if anywhere. */
  readonly planPath?: string;
  /** Messages for the user (files that cannot be read, ...), one line each. */
  readonly log: (line: string) => void;
  readonly progress?: ProgressStream;
  /** ffmpeg processes at once; default: the core count. */
  readonly workers?: number;
  readonly encoding?: VideoEncoding;
}

export interface UnreadableFile {
  readonly videoId: string;
  readonly userId: string;
  readonly url: string;
  readonly reason: string;
  readonly status?: number;
}

export interface ComposeOutcome {
  readonly plan: ComposePlan;
  readonly unreadable: readonly UnreadableFile[];
  readonly outputPath?: string;
}

export async function compose(request: ComposeRequest): Promise<ComposeOutcome> {
  const { timeline, signal } = request;
  const options = { layout: request.layout, widthPx: request.widthPx, heightPx: request.heightPx };
  const everything = buildComposePlan(timeline, options);
  const probes = await probeSources(request.tools.ffprobePath, everything.sources, signal);
  const unreadable: UnreadableFile[] = [];
  for (const source of everything.sources) {
    const probe = probes.get(source.videoId);
    if (probe && !probe.ok) {
      unreadable.push({ videoId: source.videoId, userId: source.userId, url: source.url, reason: probe.reason, ...(probe.status === undefined ? {} : { status: probe.status }) });
      request.log(`Could not read ${source.url} (VideoId ${source.videoId}): ${probe.reason}. The rest is composed without it.`);
    }
  }
  if (unreadable.length > 0 && unreadable.length === everything.sources.length) {
    throw new Error(`None of the recording's ${unreadable.length} files could be read: nothing to compose.`);
  }
  const plan = buildComposePlan(timeline, { ...options, unavailableVideoIds: new Set(unreadable.map((file) => file.videoId)) });
  if (request.planPath) await writeAtomically(resolve(request.planPath), `${JSON.stringify(plan, null, 2)}\n`);
  if (!request.outputPath) return { plan, unreadable };

  const outputPath = resolve(request.outputPath);
  await render(plan, probes, outputPath, request);
  return { plan, unreadable, outputPath };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function render(plan: ComposePlan, probes: Map<string, ProbeResult>, outputPath: string, request: ComposeRequest): Promise<void> {
  const { fps, signal } = request;
  const outputDir = dirname(outputPath);
  await mkdir(outputDir, { recursive: true });
  // The work folder and the half-written output live beside the output: nothing is written
  // elsewhere, and the final rename stays on one file system.
  const workDir = await mkdtemp(join(outputDir, `.${basename(outputPath)}.compose-`));
  const partialPath = join(outputDir, `.${basename(outputPath)}.${process.pid}.part.mp4`);
  // One failing job stops the others.
  const stopAll = new AbortController();
  const stopOnRequest = () => stopAll.abort(signal.reason);
  signal.addEventListener('abort', stopOnRequest, { once: true });
  let progress: ComposeProgress | undefined;
  try {
    const totalFrames = frameAtMs(plan.durationMs, fps);
    const workers = Math.max(1, request.workers ?? availableParallelism());
    const jobs = renderJobs(plan, fps, maxJobFramesFor(totalFrames, workers, fps));
    progress = request.progress ? new ComposeProgress(request.progress, totalFrames / fps) : undefined;
    const doneS = new Float64Array(jobs.length);
    const report = () => progress?.update(doneS.reduce((sum, s) => sum + s, 0));
    const context = {
      plan,
      fps,
      sources: sourcesById(plan),
      probes,
      fontPath: request.tools.fontPath,
      cjkFontPath: request.tools.cjkFontPath,
      encoding: request.encoding ?? DEFAULT_ENCODING,
    };
    const pathsOf = (job: RenderJob) => ({
      videoOutPath: join(workDir, `job-${String(job.index).padStart(5, '0')}.mp4`),
      audioOutPath: join(workDir, `job-${String(job.index).padStart(5, '0')}.wav`),
    });

    const queue = [...jobs];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const jobDurationS = (job.toFrame - job.fromFrame) / fps;
        const args = segmentArgs(job, { ...context, ...pathsOf(job) });
        await runFfmpeg(request.tools.ffmpegPath, args, {
          signal: stopAll.signal,
          what: `replay ${(job.fromFrame / fps).toFixed(2)}–${(job.toFrame / fps).toFixed(2)} s`,
          onProgressS: (s) => {
            doneS[job.index] = Math.min(s, jobDurationS);
            report();
          },
        });
        doneS[job.index] = jobDurationS;
        report();
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(workers, jobs.length) }, () =>
        worker().catch((error: unknown) => {
          stopAll.abort(error);
          throw error;
        }),
      ),
    ).catch((error: unknown) => {
      throw stopAll.signal.aborted && signal.aborted ? signal.reason : error;
    });
    progress?.finish();
    progress = undefined;

    const videoList = join(workDir, 'video.txt');
    const audioList = join(workDir, 'audio.txt');
    await writeFile(videoList, `${jobs.map((job) => concatListEntry(pathsOf(job).videoOutPath, (job.toFrame - job.fromFrame) / fps)).join('\n')}\n`);
    await writeFile(audioList, `${jobs.map((job) => concatListEntry(pathsOf(job).audioOutPath)).join('\n')}\n`);
    await runFfmpeg(request.tools.ffmpegPath, concatArgs(videoList, audioList, partialPath), { signal: stopAll.signal, what: 'joining the pieces' });
    await rename(partialPath, outputPath);
  } finally {
    // Whatever ends the run, the next message starts on a clean line.
    progress?.finish();
    signal.removeEventListener('abort', stopOnRequest);
    await rm(workDir, { recursive: true, force: true });
    await rm(partialPath, { force: true });
  }
}
