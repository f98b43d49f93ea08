// `--to s3://…` against a real S3-protocol server (s3rver, started here), not a mock of the SDK.
import assert from 'node:assert/strict';
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { startMediaServer, type MediaServer } from './helpers/media-server.js';
import { bareRecording, fixtureBytes, sha256 } from './helpers/recordings.js';
import { runCli, startCli } from './helpers/run-cli.js';

const BUCKET = 'tic-archive';
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };

let work: string;
let s3rver: S3rver;
let endpoint: string;
let client: S3Client;
let media: MediaServer;
/** Larger than one multipart part (8 MiB), so the upload is multipart. */
let large: Buffer;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tic-s3-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', directory: join(work, 's3'), silent: true, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3rver.run();
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const served = join(work, 'served');
  mkdirSync(served);
  large = randomBytes(9 * 1024 * 1024 + 123);
  writeFileSync(join(served, 'large.mp4'), large);
  copyFileSync(join('test/fixtures', 'audio-a.mp3'), join(served, 'audio-a.mp3'));
  media = await startMediaServer(served);
});
after(async () => {
  client.destroy();
  await media.close();
  await s3rver.close();
  rmSync(work, { recursive: true, force: true });
});

async function objectBytes(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

async function keysUnder(prefix: string): Promise<string[]> {
  const listing = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (listing.Contents ?? []).map((object) => object.Key!).sort();
}

describe('tic-replay archive --to s3://', () => {
  test('uploads the archive (multipart for a large file) and skips what the store already holds', async () => {
    const source = join(work, 'recording.json');
    writeFileSync(source, JSON.stringify(bareRecording(media.url, [{ id: 'big', path: '/large.mp4' }, { id: 'audio', path: '/audio-a.mp3', type: 4 }])));
    const args = ['archive', source, '--out', join(work, 'out'), '--to', `s3://${BUCKET}/classes/2026`, '--endpoint', endpoint, '--force-path-style'];
    const first = await runCli(args, { env: CREDENTIALS });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /Uploaded to s3:\/\/tic-archive\/classes\/2026: 4 objects/);

    assert.deepEqual(await keysUnder('classes/2026/'), [
      'classes/2026/manifest.json',
      'classes/2026/media/audio.mp3',
      'classes/2026/media/big.mp4',
      'classes/2026/recording.json',
    ]);
    assert.ok((await objectBytes('classes/2026/media/big.mp4')).equals(large));
    assert.ok((await objectBytes('classes/2026/media/audio.mp3')).equals(fixtureBytes('audio-a.mp3')));
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'classes/2026/media/big.mp4' }));
    assert.equal(head.Metadata?.['sha256'], sha256(large));
    const recording = JSON.parse((await objectBytes('classes/2026/recording.json')).toString('utf8')) as { VideoInfos: Array<{ VideoUrl: string }> };
    assert.deepEqual(recording.VideoInfos.map((entry) => entry.VideoUrl), ['media/big.mp4', 'media/audio.mp3']);

    const again = await runCli(args, { env: CREDENTIALS });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /: 2 objects \(.*\), 2 already there/, 'only recording.json and manifest.json go again');
  });

  test('serve-callback uploads each finished recording under <prefix>/<TaskId>/', async () => {
    const key = 'callback-key';
    const server = startCli(
      ['serve-callback', '--key', key, '--out', join(work, 'callbacks'), '--port', '0', '--host', '127.0.0.1', '--allow-private',
        '--to', `s3://${BUCKET}/live`, '--endpoint', endpoint, '--force-path-style'],
      { env: CREDENTIALS },
    );
    try {
      const url = /(http:\/\/\S+)/.exec(await server.waitForLine(/listening on /))![1]!;
      const expireTime = Math.floor(Date.now() / 1000) + 600;
      const body = {
        EventType: 'OnlineRecordFinished',
        EventData: { TaskId: 'task-s3', ...bareRecording(media.url, [{ id: 'audio', path: '/audio-a.mp3', type: 4 }]) },
        ExpireTime: expireTime,
        Sign: createHash('md5').update(`${key}${expireTime}`).digest('hex'),
      };
      const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
      assert.equal(response.status, 200);
      await server.waitForLine(/job task-s3 done: .*uploaded to s3:\/\/tic-archive\/live\/task-s3\//);
      assert.deepEqual(await keysUnder('live/'), ['live/task-s3/manifest.json', 'live/task-s3/media/audio.mp3', 'live/task-s3/recording.json']);
      assert.ok((await objectBytes('live/task-s3/media/audio.mp3')).equals(fixtureBytes('audio-a.mp3')));
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  test('without the optional SDK installed, one line says what to install', async () => {
    const source = join(work, 'sdk-missing.json');
    writeFileSync(source, JSON.stringify(bareRecording(media.url, [{ id: 'audio', path: '/audio-a.mp3', type: 4 }])));
    const requestsBefore = media.requests.length;
    const result = await runCli(['archive', source, '--out', join(work, 'sdk-missing'), '--to', `s3://${BUCKET}/x`, '--endpoint', endpoint, '--force-path-style'], {
      env: CREDENTIALS,
      preload: ['./test/node/cli/helpers/without-aws-sdk.mjs'],
    });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^.*npm install @aws-sdk\/client-s3 @aws-sdk\/lib-storage.*$/m);
    assert.doesNotMatch(result.stderr, /at .*\(|ERR_MODULE_NOT_FOUND/, 'no stack trace');
    assert.equal(media.requests.length, requestsBefore, 'nothing downloaded before saying so');
  });
});
