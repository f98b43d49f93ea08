// `tic-replay serve-callback` as the recording service meets it: a real process, real POSTs.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkCallbackSign, expectedSign } from '../../../src/node/callback/callback-sign.js';
import { startMediaServer, type MediaServer } from './helpers/media-server.js';
import { bareRecording, fixtureBytes, FIXTURES, type EntrySpec } from './helpers/recordings.js';
import { startCli, until, type CliProcess } from './helpers/run-cli.js';

const KEY = 'Xz4ZgayTr7rMgWQrH';

let media: MediaServer;
let work: string;
const running: CliProcess[] = [];

before(async () => {
  media = await startMediaServer(FIXTURES);
  work = mkdtempSync(join(tmpdir(), 'tic-callback-'));
});
after(async () => {
  for (const process of running) process.child.kill('SIGKILL');
  await media.close();
  rmSync(work, { recursive: true, force: true });
});

interface Server {
  readonly url: string;
  readonly process: CliProcess;
}

async function startServer(out: string, extra: string[] = ['--allow-private']): Promise<Server> {
  const process = startCli(['serve-callback', '--key', KEY, '--out', out, '--port', '0', '--host', '127.0.0.1', '--retry-delay', '10', ...extra]);
  running.push(process);
  const line = await process.waitForLine(/listening on /);
  return { url: /(http:\/\/\S+)/.exec(line)![1]!, process };
}

async function stop(server: Server): Promise<void> {
  server.process.child.kill('SIGTERM');
  const result = await server.process.exited;
  assert.equal(result.code, 0, result.stderr);
}

function signed(body: Record<string, unknown>, expireTime = Math.floor(Date.now() / 1000) + 600): Record<string, unknown> {
  return { ...body, ExpireTime: expireTime, SdkAppId: 1400000001, Timestamp: expireTime - 600, Sign: createHash('md5').update(`${KEY}${expireTime}`).digest('hex') };
}

function finished(taskId: string, entries: readonly EntrySpec[]): Record<string, unknown> {
  return signed({ EventType: 'OnlineRecordFinished', EventData: { TaskId: taskId, FinishReason: 'USER_CALL', ...bareRecording(media.url, entries) } });
}

async function post(server: Server, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(server.url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.status, json: await response.json() };
}

async function health(server: Server): Promise<Record<string, number>> {
  const response = await fetch(new URL('/healthz', server.url));
  assert.equal(response.status, 200);
  return ((await response.json()) as { jobs: Record<string, number> }).jobs;
}

describe('tic-replay serve-callback', () => {
  test('signs as documented: md5(CallbackKey + ExpireTime) in lower-case hex', () => {
    assert.equal(expectedSign('Xz4ZgayTr7rMgWQrH', 1588040109), 'a2dabb362a9b811c0e26953a6276a41c');
    const body = { ExpireTime: 1588040109, Sign: 'a2dabb362a9b811c0e26953a6276a41c' };
    assert.deepEqual(checkCallbackSign(body, KEY, 1588040000), { ok: true });
    assert.equal(checkCallbackSign({ ...body, Sign: body.Sign.toUpperCase() }, KEY, 1588040000).ok, false);
    assert.equal(checkCallbackSign(body, KEY, 1588040110).ok, false, 'expired one second later');
  });

  test('a valid callback is answered at once and archived in the background; a duplicate is archived once', async () => {
    const out = join(work, 'valid');
    const server = await startServer(out);
    const body = finished('task-valid', [
      { id: 'cam', path: '/cam-a.mp4' },
      { id: 'hls', path: '/hls/cam-h.m3u8', user: 'student' },
    ]);
    assert.deepEqual(await post(server, body), { status: 200, json: { error_code: 0 } });
    assert.deepEqual(await post(server, body), { status: 200, json: { error_code: 0 } });
    await server.process.waitForLine(/job task-valid done: 2 files/);
    assert.ok(readFileSync(join(out, 'task-valid/media/cam.mp4')).equals(fixtureBytes('cam-a.mp4')));
    assert.ok(existsSync(join(out, 'task-valid/media/hls/index.m3u8')));
    const recording = JSON.parse(readFileSync(join(out, 'task-valid/recording.json'), 'utf8')) as { TaskId: string; EventData?: unknown };
    assert.equal(recording.TaskId, 'task-valid');
    assert.equal(recording.EventData, undefined);
    assert.deepEqual(await health(server), { queued: 0, running: 0, done: 1, partial: 0, failed: 0 });
    assert.equal(media.requests.filter((request) => request.path === '/cam-a.mp4').length, 1, 'the duplicate fetched nothing');
    assert.match(server.process.output.stdout, /TaskId=task-valid: duplicate/);
    await stop(server);
  });

  test('a hostile TaskId archives inside <out> all the same', async () => {
    const parent = join(work, 'hostile');
    const out = join(parent, 'out');
    const server = await startServer(out);
    assert.equal((await post(server, finished('../../escaped', [{ id: 'a', path: '/short.mp4' }]))).status, 200);
    await server.process.waitForLine(/job \.\.\/\.\.\/escaped done: 1 files/);
    assert.deepEqual(readdirSync(parent), ['out']);
    const folders = readdirSync(out).filter((name) => name !== '.jobs');
    assert.equal(folders.length, 1);
    assert.match(folders[0]!, /^escaped-[0-9a-f]{10}$/);
    assert.ok(readFileSync(join(out, folders[0]!, 'media/a.mp4')).equals(fixtureBytes('short.mp4')));
    await stop(server);
  });

  test('forged, expired, malformed, oversized and other posts are refused or only logged', async () => {
    const out = join(work, 'refused');
    const server = await startServer(out);
    const body = finished('task-refused', [{ id: 'cam', path: '/cam-a.mp4' }]);

    const forged = await post(server, { ...body, Sign: createHash('md5').update(`wrong-key${body['ExpireTime']}`).digest('hex') });
    assert.equal(forged.status, 403);
    assert.match(JSON.stringify(forged.json), /Sign does not match/);
    const expired = await post(server, signed({ EventType: 'OnlineRecordFinished', EventData: body['EventData'] }, 1588040109));
    assert.equal(expired.status, 403);
    assert.match(JSON.stringify(expired.json), /expired/);
    assert.equal((await post(server, '{"EventType": "OnlineRecordFinished",')).status, 400);
    assert.equal((await post(server, '[1, 2]')).status, 400);
    const oversized = { ...body, Padding: 'x'.repeat(1024 * 1024 + 1) };
    assert.equal((await post(server, oversized)).status, 413);
    const started = await post(server, signed({ EventType: 'OnlineRecordStarted', EventData: { TaskId: 'task-refused\n2026-01-01T00:00:00.000Z forged line' } }));
    assert.deepEqual(started, { status: 200, json: { error_code: 0 } });

    assert.deepEqual(await health(server), { queued: 0, running: 0, done: 0, partial: 0, failed: 0 });
    assert.ok(!existsSync(join(out, 'task-refused')));
    assert.deepEqual(readdirSync(join(out, '.jobs')), []);
    const log = server.process.output.stdout;
    for (const expected of [/callback 403 .*Sign does not match/, /callback 403 .*expired/, /callback 400 /, /callback 413 /, /callback 200 OnlineRecordStarted/]) {
      assert.match(log, expected);
    }
    assert.doesNotMatch(log, /^2026-01-01T00:00:00\.000Z forged line/m, 'a newline in a TaskId cannot forge a log line');
    await stop(server);
  });

  test('loopback and private addresses are refused unless --allow-private', async () => {
    const out = join(work, 'private');
    const server = await startServer(out, []);
    const localhostUrl = media.url.replace('127.0.0.1', 'localhost');
    const body = signed({
      EventType: 'OnlineRecordFinished',
      EventData: {
        TaskId: 'task-private',
        TotalTime: 12000,
        VideoInfos: [
          { VideoId: 'ip', VideoUrl: `${media.url}/cam-a.mp4`, VideoType: 0, UserId: 'a', VideoPlayTime: 0, VideoDuration: 12000 },
          { VideoId: 'name', VideoUrl: `${localhostUrl}/board.mp4`, VideoType: 2, UserId: '', VideoPlayTime: 0, VideoDuration: 12000 },
          { VideoId: 'metadata', VideoUrl: 'http://169.254.169.254/latest/meta-data.mp4', VideoType: 0, UserId: 'b', VideoPlayTime: 0, VideoDuration: 12000 },
        ],
      },
    });
    const before = media.requests.length;
    assert.equal((await post(server, body)).status, 200);
    const line = await server.process.waitForLine(/job task-private (done|partial|failed)/);
    assert.match(line, /job task-private failed: 0 files/);
    assert.match(line, /ip: .*127\.0\.0\.1 is a loopback or private address/);
    assert.match(line, /name: .*localhost resolves to (127\.0\.0\.1|::1), a loopback or private address/);
    assert.match(line, /metadata: .*169\.254\.169\.254 is a loopback or private address/);
    assert.equal(media.requests.length, before, 'no request reached the internal server');
    await stop(server);
  });

  test('a restart resumes a job that was cut off half way', async () => {
    const out = join(work, 'restart');
    const first = await startServer(out);
    const body = finished('task-restart', [
      { id: 'board', path: '/board.mp4', type: 2, user: '' },
      { id: 'slow', path: '/slow/cam-b.mp4' },
    ]);
    assert.equal((await post(first, body)).status, 200);
    const part = join(out, 'task-restart/media/slow.mp4.part');
    await until(() => existsSync(part) && existsSync(join(out, 'task-restart/media/board.mp4')), 'the job is half done');
    first.process.child.kill('SIGKILL');
    await first.process.exited;
    const journal = JSON.parse(readFileSync(join(out, '.jobs/task-restart.json'), 'utf8')) as { state: string };
    assert.equal(journal.state, 'running');

    const second = await startServer(out);
    await second.process.waitForLine(/resuming 1 unfinished job/);
    await second.process.waitForLine(/job task-restart done: 2 files/);
    assert.ok(readFileSync(join(out, 'task-restart/media/slow.mp4')).equals(fixtureBytes('cam-b.mp4')));
    const slowRequests = media.requests.filter((request) => request.path === '/slow/cam-b.mp4');
    assert.match(slowRequests.at(-1)?.range ?? '', /^bytes=[1-9]\d*-$/, 'the second run continued the partial file');
    assert.equal(media.requests.filter((request) => request.path === '/board.mp4').length, 1, 'the finished file was not fetched again');
    assert.deepEqual(await health(second), { queued: 0, running: 0, done: 1, partial: 0, failed: 0 });
    await stop(second);
  });
});
