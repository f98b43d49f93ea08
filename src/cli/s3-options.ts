/** The `--to s3://…` options shared by `archive` and `serve-callback`. */
import type { ParseArgsConfig } from 'node:util';
import { parseS3Target, type S3Connection, type S3Target } from '../node/s3/s3-target.js';
import { optionalString, UsageError } from './option-values.js';

export const S3_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  to: { type: 'string' },
  endpoint: { type: 'string' },
  'force-path-style': { type: 'boolean' },
  region: { type: 'string' },
};

export const S3_HELP = `  --to s3://bucket/prefix   also upload the archive to S3-compatible storage (AWS S3, Tencent COS,
                            MinIO); credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and
                            the rest of the standard AWS environment). Needs the optional packages:
                            npm install @aws-sdk/client-s3 @aws-sdk/lib-storage
  --endpoint URL            the store's endpoint, e.g. https://cos.ap-guangzhou.myqcloud.com
  --force-path-style        bucket in the path (MinIO, most self-hosted stores); COS needs it off
  --region NAME             default: AWS_REGION, the region in a COS endpoint, or us-east-1
`;

export interface S3Choice {
  readonly target: S3Target;
  readonly connection: S3Connection;
}

export function readS3Options(values: Record<string, unknown>): S3Choice | undefined {
  const to = optionalString(values, 'to');
  if (to === undefined) {
    for (const name of ['endpoint', 'force-path-style', 'region']) {
      if (values[name] !== undefined) throw new UsageError(`--${name} only makes sense with --to s3://…`);
    }
    return undefined;
  }
  let target: S3Target;
  try {
    target = parseS3Target(to);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const endpoint = optionalString(values, 'endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]/i.test(endpoint)) throw new UsageError(`--endpoint must be an http(s) URL, not ${JSON.stringify(endpoint)}`);
  const region = optionalString(values, 'region');
  return {
    target,
    connection: {
      forcePathStyle: values['force-path-style'] === true,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(region === undefined ? {} : { region }),
    },
  };
}
