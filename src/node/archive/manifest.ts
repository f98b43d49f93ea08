/**
 * `manifest.json` of an archive: what was fetched from where, where it lies, and its bytes and
 * SHA-256, so a later run (or anyone) can check the copy without the source.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { MediaFormat } from '../../core/recording/recording.js';

export const MANIFEST_NAME = 'manifest.json';
export const RECORDING_NAME = 'recording.json';

export interface ManifestPart {
  readonly sourceUrl: string;
  /** Relative to the archive folder, `/`-separated. */
  readonly localPath: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** One `VideoInfos` file. For HLS the playlist, with its segments (and variant playlists) in `parts`. */
export interface ManifestFile extends ManifestPart {
  readonly videoId: string;
  readonly format: MediaFormat;
  readonly parts?: readonly ManifestPart[];
}

export interface ManifestFailure {
  readonly videoId: string;
  readonly sourceUrl: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  readonly reason: string;
}

export interface Manifest {
  readonly version: 1;
  /** Where the result came from (path, URL, or the callback's TaskId). */
  readonly source: string;
  readonly updatedAt: string;
  readonly files: readonly ManifestFile[];
  readonly failures: readonly ManifestFailure[];
}

export async function readManifest(path: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
    return manifest.version === 1 && Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Writes JSON so that the file is either the old or the new one, never half of one, even after a crash. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
