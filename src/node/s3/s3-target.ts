/** `s3://bucket/prefix` on the command line, and how to reach the store (AWS S3, Tencent COS, MinIO). */

export interface S3Target {
  readonly bucket: string;
  /** Key prefix without leading or trailing `/`; empty for the bucket's root. */
  readonly prefix: string;
}

export interface S3Connection {
  /** e.g. `https://cos.ap-guangzhou.myqcloud.com`; AWS when absent. */
  readonly endpoint?: string;
  /** MinIO and test servers want `bucket` in the path; COS accepts only virtual-hosted (`bucket.host`). */
  readonly forcePathStyle: boolean;
  readonly region?: string;
}

export function parseS3Target(text: string): S3Target {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(text);
  if (!match) throw new Error(`--to must look like s3://bucket/prefix, not ${JSON.stringify(text)}`);
  const bucket = match[1]!;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(`${JSON.stringify(bucket)} is not a valid bucket name (3–63 lower-case letters, digits, dots, hyphens)`);
  }
  const prefix = match[2]!.replace(/^\/+|\/+$/g, '');
  if (prefix.split('/').some((part) => part === '..' || part === '.')) throw new Error(`the prefix ${JSON.stringify(prefix)} must not hold . or .. parts`);
  return { bucket, prefix };
}

/** The key of an archive-relative path under the target's prefix. */
export function keyOf(target: S3Target, ...parts: string[]): string {
  return [target.prefix, ...parts].filter((part) => part !== '').join('/');
}

/**
 * The region: `--region`, else `AWS_REGION`/`AWS_DEFAULT_REGION`, else the one in a COS endpoint
 * (`cos.<region>.myqcloud.com`), else `us-east-1` (what S3-compatible stores accept).
 */
export function regionFor(connection: Pick<S3Connection, 'endpoint' | 'region'>, env: NodeJS.ProcessEnv): string {
  if (connection.region) return connection.region;
  const fromEnv = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (fromEnv) return fromEnv;
  const cos = connection.endpoint ? /(?:^|\.)cos\.([a-z0-9-]+)\.myqcloud\.com$/i.exec(new URL(connection.endpoint).hostname) : null;
  return cos?.[1] ?? 'us-east-1';
}
