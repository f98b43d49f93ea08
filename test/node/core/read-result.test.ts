// The command line's reader words every problem in English through describeProblem, and says what
// it got when a URL answers with a web page instead of a recording.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readRecordingArg } from '../../../src/node/read-result.js';
import { RecordingError } from '../../../src/core/recording/recording.js';

const BODIES: Record<string, { type: string; body: string }> = {
  '/login': { type: 'text/html; charset=utf-8', body: '<!DOCTYPE html><html><body>Sign in</body></html>' },
  '/result.json': {
    type: 'application/json',
    body: JSON.stringify({ VideoInfos: [{ VideoPlayTime: -5, VideoDuration: 1, VideoUrl: 'a.mp4', VideoType: 0, VideoId: 'a' }, { VideoPlayTime: 0, VideoDuration: 1, VideoUrl: 'b.mp4', VideoType: 0 }] }),
  },
  '/json-as-html': { type: 'text/html', body: JSON.stringify({ VideoInfos: [{ VideoPlayTime: 0, VideoDuration: 1, VideoUrl: 'b.mp4', VideoType: 0 }] }) },
};

/** A small server for these bodies; it answers `Range` with 206, as every server of the project does. */
function serve(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const entry = BODIES[new URL(request.url ?? '/', 'http://x').pathname];
    if (!entry) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const bytes = Buffer.from(entry.body);
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
      response.writeHead(206, { 'Content-Type': entry.type, 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Accept-Ranges': 'bytes' });
      response.end(bytes.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, { 'Content-Type': entry.type, 'Accept-Ranges': 'bytes' }).end(bytes);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

async function rejection(promise: Promise<unknown>): Promise<RecordingError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RecordingError, String(error));
    return error;
  }
  return assert.fail('expected a RecordingError');
}

describe('readRecordingArg', () => {
  let server: Server;
  let base = '';
  let folder = '';
  before(async () => {
    ({ server, base } = await serve());
    folder = await mkdtemp(join(tmpdir(), 'tic-read-result-'));
  });
  after(async () => {
    server.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('the test server answers Range with 206', async () => {
    const response = await fetch(`${base}/result.json`, { headers: { Range: 'bytes=0-0' } });
    assert.equal(response.status, 206);
    assert.equal(await response.text(), '{');
  });

  test('skipped entries come with their data and English words', async () => {
    const { recording, problems } = await readRecordingArg(`${base}/result.json`);
    assert.equal(recording.files.length, 1);
    assert.deepEqual(problems, [
      {
        code: 'invalid-value',
        path: 'VideoInfos[0].VideoPlayTime',
        videoId: 'a',
        expected: 'non-negative-ms',
        shown: '-5',
        message: 'VideoInfos[0].VideoPlayTime must be a non-negative integer (ms), got -5',
      },
    ]);
  });

  test('a URL that answers a web page: web-page, naming the URL, not the JSON parser\'s complaint', async () => {
    const error = await rejection(readRecordingArg(`${base}/login`));
    assert.deepEqual(error.problem, {
      code: 'web-page',
      path: '$',
      url: `${base}/login`,
      message: `The server returned a web page from ${base}/login, not a recording: perhaps a login page, or the address is wrong`,
    });
    assert.equal(error.message, error.problem.message);
  });

  test('JSON served as text/html is still read as JSON', async () => {
    assert.equal((await readRecordingArg(`${base}/json-as-html`)).recording.files.length, 1);
  });

  test('HTTP errors, missing files and bad JSON say what and where, in English', async () => {
    const missing = await rejection(readRecordingArg(`${base}/nothing.json`));
    assert.equal(missing.message, `Could not load the recording from ${base}/nothing.json: HTTP 404 Not Found`);
    assert.deepEqual(missing.problem, {
      code: 'fetch-failed',
      url: `${base}/nothing.json`,
      status: 404,
      failure: { kind: 'http', status: 404, statusText: 'Not Found' },
      message: missing.message,
    });
    const noFile = await rejection(readRecordingArg(join(folder, 'absent.json')));
    assert.equal(noFile.message, `Could not load the recording from ${join(folder, 'absent.json')}: no such file`);
    const path = join(folder, 'broken.json');
    await writeFile(path, '{"VideoInfos": [');
    const broken = await rejection(readRecordingArg(path));
    assert.equal(broken.problem.code, 'invalid-json');
    assert.match(broken.message, /^The recording is not valid JSON: /);
  });

  test('a fatal problem keeps the reasons behind it, each worded', async () => {
    const path = join(folder, 'all-bad.json');
    await writeFile(path, JSON.stringify({ VideoInfos: [{ VideoPlayTime: -1 }, 'junk'] }));
    const error = await rejection(readRecordingArg(path));
    assert.equal(error.message, 'None of the 2 files in VideoInfos can be played');
    assert.deepEqual(error.problems.map((problem) => problem.message), [
      'VideoInfos[0].VideoPlayTime must be a non-negative integer (ms), got -1',
      'VideoInfos[1] must be a JSON object, got "junk"',
    ]);
    assert.ok(error.problem.code === 'empty');
    assert.deepEqual(error.problem.causes, error.problems);
  });
});
