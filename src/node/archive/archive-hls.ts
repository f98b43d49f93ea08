/**
 * Archives one HLS file: its playlist (and a master playlist's variants) rewritten to name local
 * files, and every segment, key and init section beside it. The playlist is written last, so a
 * folder whose playlist exists holds everything the playlist names.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArchiveContext } from './archive-context.js';
import { extensionOf, rewritePlaylist } from './hls-playlist.js';
import { writeFileAtomic, sha256OfFile, type ManifestFile, type ManifestPart } from './manifest.js';
import { NameAllocator } from './safe-name.js';

const PLAYLIST_NAME = 'index.m3u8';
/** A master playlist names media playlists; nothing deeper is valid HLS. */
const MAX_PLAYLIST_DEPTH = 1;

export interface ArchivedFile {
  readonly entry: ManifestFile;
  readonly skipped: boolean;
}

export async function archiveHlsFile(
  context: ArchiveContext,
  videoId: string,
  url: string,
  folder: string,
  previous: ManifestFile | undefined,
): Promise<ArchivedFile> {
  const playlistPath = `${folder}/${PLAYLIST_NAME}`;
  if (previous?.localPath === playlistPath && previous.parts) {
    const checks = await Promise.all([previous, ...previous.parts].map((part) => context.verified(part.localPath, part)));
    if (checks.every(Boolean)) return { entry: previous, skipped: true };
  }
  const names = new NameAllocator();
  names.allocate('index', '.m3u8');
  const parts: ManifestPart[] = [];
  const playlist = await archivePlaylist(context, { url, folder, name: PLAYLIST_NAME, prefix: '', depth: 0, videoId }, names, parts);
  parts.sort((a, b) => (a.localPath < b.localPath ? -1 : 1));
  return { entry: { videoId, format: 'hls', ...playlist, parts }, skipped: false };
}

interface PlaylistJob {
  readonly url: string;
  readonly folder: string;
  readonly name: string;
  /** Keeps the segments of different variants apart: `v0-`, `v1-`. */
  readonly prefix: string;
  readonly depth: number;
  readonly videoId: string;
}

async function archivePlaylist(context: ArchiveContext, job: PlaylistJob, names: NameAllocator, parts: ManifestPart[]): Promise<ManifestPart> {
  const fetched = await context.fetchText(job.url);
  let segmentCount = 0;
  let variantCount = 0;
  const rewritten = rewritePlaylist(fetched.text, fetched.url, (resourceUrl, isPlaylist) =>
    isPlaylist
      ? names.allocate(`${job.prefix}v${variantCount++}`, '.m3u8')
      : names.allocate(`${job.prefix}part-${String(segmentCount++).padStart(5, '0')}`, extensionOf(resourceUrl, false)),
  );

  let variantIndex = 0;
  const settled = await Promise.allSettled(
    rewritten.references.map(async (reference) => {
      if (reference.isPlaylist) {
        if (job.depth >= MAX_PLAYLIST_DEPTH) throw new Error(`${reference.url}: playlists nested deeper than a master playlist`);
        const prefix = `${job.prefix}v${variantIndex++}-`;
        return archivePlaylist(context, { ...job, url: reference.url, name: reference.localName, prefix, depth: job.depth + 1 }, names, parts);
      }
      const localPath = `${job.folder}/${reference.localName}`;
      const done = await context.verified(localPath);
      return done ? { ...done, sourceUrl: reference.url } : context.download(reference.url, localPath, `${job.videoId} ${reference.localName}`);
    }),
  );
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  for (const result of settled) if (result.status === 'fulfilled') parts.push(result.value);

  const localPath = `${job.folder}/${job.name}`;
  const path = context.pathOf(localPath);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, rewritten.text);
  return { sourceUrl: job.url, localPath, bytes: Buffer.byteLength(rewritten.text), sha256: await sha256OfFile(path) };
}
