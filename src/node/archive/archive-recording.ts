/**
 * Archives a recording into a folder: every file downloaded (HLS with its segments), then
 * `recording.json` (the bare result with relative URLs) and `manifest.json` (source, local path,
 * bytes and SHA-256 of each file). Files already there and verified are skipped, so running the
 * same archive again finishes what an earlier run left; one failed file never stops the others.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Recording, RecordingFile } from '../../core/recording/recording.js';
import { HttpGetError } from '../net/http-get.js';
import { ArchiveContext, type ArchiveOptions } from './archive-context.js';
import { archiveHlsFile, type ArchivedFile } from './archive-hls.js';
import { bareResultWithLocalUrls } from './bare-result.js';
import {
  MANIFEST_NAME,
  RECORDING_NAME,
  readManifest,
  writeJsonAtomic,
  type Manifest,
  type ManifestFailure,
  type ManifestFile,
} from './manifest.js';
import { NameAllocator } from './safe-name.js';

export type { ArchiveOptions } from './archive-context.js';

/** Every archived file lives under this folder of the archive. */
export const MEDIA_FOLDER = 'media';

export interface ArchiveSource {
  /** The result as parsed JSON, in any of its shapes: `recording.json` keeps all of it. */
  readonly document: unknown;
  readonly recording: Recording;
  /** Where it came from, for the manifest: a path, a URL, a TaskId. */
  readonly label: string;
}

export interface ArchiveReport {
  readonly files: readonly ManifestFile[];
  readonly failures: readonly ManifestFailure[];
  /** Files found complete and verified from an earlier run. */
  readonly skippedCount: number;
  readonly totalBytes: number;
}

export async function archiveRecording(source: ArchiveSource, options: ArchiveOptions): Promise<ArchiveReport> {
  const context = new ArchiveContext(options);
  await mkdir(context.pathOf(MEDIA_FOLDER), { recursive: true });
  const manifestPath = join(options.outDir, MANIFEST_NAME);
  const previous = new Map((await readManifest(manifestPath))?.files.map((file) => [file.videoId, file]) ?? []);

  const plan = planLocalPaths(source.recording.files);
  const done = new Map<string, ManifestFile>();
  const failures: ManifestFailure[] = [];
  let skippedCount = 0;

  // The manifest is rewritten after each file, one write at a time, so a killed run still
  // leaves the checksums of what it finished.
  let manifestWrite = Promise.resolve();
  const saveManifest = () => {
    const manifest = manifestOf(source, plan, done, failures);
    manifestWrite = manifestWrite.then(() => writeJsonAtomic(manifestPath, manifest));
    return manifestWrite;
  };

  options.events?.planned?.(plan.length);
  await Promise.all(
    plan.map(async ({ file, localPath }) => {
      options.events?.fileStarted?.(file.videoId, file.url);
      try {
        const result = await archiveFile(context, file, localPath, previous.get(file.videoId));
        done.set(file.videoId, result.entry);
        if (result.skipped) skippedCount++;
        options.events?.fileDone?.(file.videoId, result.entry.localPath, totalBytesOf(result.entry), result.skipped);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const failure = failureOf(file, error);
        failures.push(failure);
        options.events?.fileFailed?.(file.videoId, failure.sourceUrl, failure.reason);
      }
      await saveManifest();
    }),
  );

  const localUrlByIndex = new Map([...done.values()].map((entry) => [indexOf(plan, entry.videoId), entry.localPath]));
  await writeJsonAtomic(join(options.outDir, RECORDING_NAME), bareResultWithLocalUrls(source.document, localUrlByIndex));
  await saveManifest();

  const files = plan.flatMap(({ file }) => done.get(file.videoId) ?? []);
  return { files, failures, skippedCount, totalBytes: files.reduce((sum, file) => sum + totalBytesOf(file), 0) };
}

interface PlannedFile {
  readonly file: RecordingFile;
  /** For HLS the playlist's folder; otherwise the file. */
  readonly localPath: string;
}

/** Local names from the VideoIds, made safe and unique, in source order (so every run agrees). */
function planLocalPaths(files: readonly RecordingFile[]): PlannedFile[] {
  const names = new NameAllocator();
  return [...files]
    .sort((a, b) => a.sourceIndex - b.sourceIndex)
    .map((file) => ({ file, localPath: `${MEDIA_FOLDER}/${names.allocate(file.videoId, file.format === 'hls' ? '' : `.${file.format}`)}` }));
}

async function archiveFile(context: ArchiveContext, file: RecordingFile, localPath: string, previous: ManifestFile | undefined): Promise<ArchivedFile> {
  if (file.format === 'hls') return archiveHlsFile(context, file.videoId, file.url, localPath, previous);
  const usable = previous?.localPath === localPath ? previous : undefined;
  const existing = await context.verified(localPath, usable);
  if (existing) return { entry: { videoId: file.videoId, format: file.format, ...existing, sourceUrl: file.url }, skipped: true };
  const part = await context.download(file.url, localPath, file.videoId);
  return { entry: { videoId: file.videoId, format: file.format, ...part }, skipped: false };
}

function failureOf(file: RecordingFile, error: unknown): ManifestFailure {
  if (error instanceof HttpGetError) {
    return { videoId: file.videoId, sourceUrl: error.url, ...(error.status === undefined ? {} : { status: error.status }), reason: error.reason };
  }
  return { videoId: file.videoId, sourceUrl: file.url, reason: (error as Error).message ?? String(error) };
}

function manifestOf(source: ArchiveSource, plan: readonly PlannedFile[], done: ReadonlyMap<string, ManifestFile>, failures: readonly ManifestFailure[]): Manifest {
  const order = new Map(plan.map(({ file }, index) => [file.videoId, index]));
  const rank = (videoId: string) => order.get(videoId) ?? 0;
  return {
    version: 1,
    source: source.label,
    updatedAt: new Date().toISOString(),
    files: [...done.values()].sort((a, b) => rank(a.videoId) - rank(b.videoId)),
    failures: [...failures].sort((a, b) => rank(a.videoId) - rank(b.videoId)),
  };
}

function indexOf(plan: readonly PlannedFile[], videoId: string): number {
  return plan.find(({ file }) => file.videoId === videoId)?.file.sourceIndex ?? -1;
}

export function totalBytesOf(file: ManifestFile): number {
  return file.bytes + (file.parts ?? []).reduce((sum, part) => sum + part.bytes, 0);
}
