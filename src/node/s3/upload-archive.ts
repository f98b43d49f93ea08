/**
 * Uploads an archive folder to S3-compatible storage. The SDK is an optional peer dependency: it
 * is imported only here, only when `--to s3://` is used, and its absence is one clear sentence.
 *
 * Objects carry their SHA-256 as metadata, so uploading the same archive again skips what the
 * store already holds. Request and response checksums are sent only when an operation requires
 * them: the SDK's newer default (CRC32 trailers on every upload) is refused by many S3-compatible
 * stores.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_NAME, RECORDING_NAME, type Manifest, type ManifestPart } from '../archive/manifest.js';
import { Limiter } from '../limiter.js';
import { keyOf, regionFor, type S3Connection, type S3Target } from './s3-target.js';

export const S3_SDK_MISSING =
  'Uploading to s3:// needs the AWS SDK, which is not installed: run `npm install @aws-sdk/client-s3 @aws-sdk/lib-storage`.';

export class S3SdkMissingError extends Error {
  override readonly name = 'S3SdkMissingError';
  constructor() {
    super(S3_SDK_MISSING);
  }
}

type ClientModule = typeof import('@aws-sdk/client-s3');
type StorageModule = typeof import('@aws-sdk/lib-storage');

/**
 * Asked before hours of downloads when `--to` is given: the one-line install hint when the SDK is
 * missing, else undefined (other failures throw).
 */
export async function s3SdkMissingMessage(): Promise<string | undefined> {
  try {
    await loadSdk();
    return undefined;
  } catch (error) {
    if (error instanceof S3SdkMissingError) return error.message;
    throw error;
  }
}

async function loadSdk(): Promise<{ s3: ClientModule; storage: StorageModule }> {
  try {
    const [s3, storage] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]);
    return { s3, storage };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') throw new S3SdkMissingError();
    throw error;
  }
}

export interface UploadOptions extends S3Connection {
  readonly env: NodeJS.ProcessEnv;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly onObject?: (key: string, bytes: number, skipped: boolean) => void;
}

export interface UploadReport {
  readonly uploaded: number;
  readonly skipped: number;
  readonly bytes: number;
}

const PART_SIZE_BYTES = 8 * 1024 * 1024;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.json': 'application/json',
};

/** Uploads every file the manifest lists, then `recording.json` and the manifest itself. */
export async function uploadArchive(outDir: string, target: S3Target, options: UploadOptions): Promise<UploadReport> {
  const { s3, storage } = await loadSdk();
  const client = new s3.S3Client({
    region: regionFor(options, options.env),
    forcePathStyle: options.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  try {
    const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as Manifest;
    const media: ManifestPart[] = manifest.files.flatMap((file) => [file, ...(file.parts ?? [])]);
    const limiter = new Limiter(options.concurrency);
    let uploaded = 0;
    let skipped = 0;
    let bytes = 0;

    const put = async (localPath: string, sha256: string | undefined, size: number) => {
      const key = keyOf(target, localPath);
      if (sha256 && (await storedSha256(client, s3, target.bucket, key, size)) === sha256) {
        skipped++;
        options.onObject?.(key, size, true);
        return;
      }
      const upload = new storage.Upload({
        client,
        partSize: PART_SIZE_BYTES,
        queueSize: 2,
        params: {
          Bucket: target.bucket,
          Key: key,
          Body: createReadStream(join(outDir, localPath)),
          ContentType: CONTENT_TYPES[/\.[a-z0-9]+$/i.exec(localPath)?.[0]?.toLowerCase() ?? ''] ?? 'application/octet-stream',
          ...(sha256 ? { Metadata: { sha256 } } : {}),
        },
      });
      const abort = () => void upload.abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      try {
        await upload.done();
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
      uploaded++;
      bytes += size;
      options.onObject?.(key, size, false);
    };

    await Promise.all(media.map((part) => limiter.run(() => put(part.localPath, part.sha256, part.bytes))));
    // The index files last: a reader who finds recording.json finds every file it names.
    for (const name of [RECORDING_NAME, MANIFEST_NAME]) {
      const size = (await readFile(join(outDir, name))).length;
      await put(name, undefined, size);
    }
    return { uploaded, skipped, bytes };
  } finally {
    client.destroy();
  }
}

/** The SHA-256 recorded on an object of the expected size, if there is one. */
async function storedSha256(
  client: InstanceType<ClientModule['S3Client']>,
  s3: ClientModule,
  bucket: string,
  key: string,
  size: number,
): Promise<string | undefined> {
  try {
    const head = await client.send(new s3.HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength === size ? head.Metadata?.['sha256'] : undefined;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound') return undefined;
    throw error;
  }
}
