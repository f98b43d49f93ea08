// `tic-replay archive` as a user runs it: a real process against a real HTTP server, real files.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseRecording } from '../../../src/core/recording/parse-recording.js';
import { startMediaServer, type MediaServer } from './helpers/media-server.js';
import { bareRecording, fixtureBytes, FIXTURES, HLS_SEGMENTS, sha256 } from './helpers/recordings.js';
import { runCli, startCli, until } from './helpers/run-cli.js';

let server: MediaServer;
let work: string;

before(async () => {
  server = await startMediaServer(FIXTURES);
  work = mkdtempSync(join(tmpdir(), 'tic-archive-'));
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function writeResult(name: string, result: unknown): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(result));
  return path;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

interface ManifestJson {
  files: Array<{ videoId: string; sourceUrl: string; localPath: string; bytes: number; sha256: string; parts?: Array<{ localPath: string; bytes: number; sha256: string }> }>;
  failures: Array<{ videoId: string; sourceUrl: string; status?: number; reason: string }>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('tic-replay archive', () => {
  test('copies mp4, mp3 and HLS byte for byte, with relative URLs the parser resolves to the copies', async () => {
    const source = writeResult('mixed.json', {
      Response: {
        ...bareRecording(server.url, [
          { id: 'cam', path: '/cam-a.mp4' },
          { id: 'board', path: '/board.mp4', type: 2, user: '' },
          { id: 'audio', path: '/audio-a.mp3', type: 4, user: 'cam' },
          { id: 'hls', path: '/hls/cam-h.m3u8', user: 'student' },
        ]),
        Status: 'FINISHED',
        TaskId: 'task-1',
        RequestId: 'req-1',
      },
    });
    const out = join(work, 'mixed');
    const result = await runCli(['archive', source, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Archived 4 files/);

    const recording = readJson<Record<string, unknown> & { VideoInfos: Array<Record<string, unknown>> }>(join(out, 'recording.json'));
    assert.equal(recording['Response'], undefined, 'the bare shape');
    assert.equal(recording['TaskId'], 'task-1', 'everything else kept');
    const urls = recording.VideoInfos.map((entry) => entry['VideoUrl'] as string);
    for (const url of urls) assert.doesNotMatch(url, /^[a-z]+:|^\//i, `${url} is relative`);

    const parsed = parseRecording(recording, { baseUrl: pathToFileURL(join(out, 'recording.json')).href });
    assert.deepEqual(parsed.problems, []);
    const expected: Record<string, string> = { cam: 'cam-a.mp4', board: 'board.mp4', audio: 'audio-a.mp3' };
    for (const file of parsed.recording.files) {
      const local = new URL(file.url).pathname;
      assert.ok(local.startsWith(`${out}${sep}`), `${file.videoId} is inside the archive`);
      if (file.videoId === 'hls') {
        const playlist = readFileSync(local, 'utf8');
        assert.doesNotMatch(playlist, /https?:|^\//m, 'the playlist names local files');
        const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
        assert.equal(segments.length, HLS_SEGMENTS.length);
        segments.forEach((segment, index) =>
          assert.ok(readFileSync(resolve(local, '..', segment)).equals(fixtureBytes(HLS_SEGMENTS[index]!)), segment),
        );
      } else {
        assert.ok(readFileSync(local).equals(fixtureBytes(expected[file.videoId]!)), `${file.videoId} is byte-identical`);
      }
    }

    const manifest = readJson<ManifestJson>(join(out, 'manifest.json'));
    assert.deepEqual(manifest.failures, []);
    assert.deepEqual(manifest.files.map((file) => file.videoId), ['cam', 'board', 'audio', 'hls']);
    for (const file of manifest.files) {
      for (const part of [file, ...(file.parts ?? [])]) {
        const bytes = readFileSync(join(out, part.localPath));
        assert.equal(part.bytes, bytes.length, part.localPath);
        assert.equal(part.sha256, sha256(bytes), part.localPath);
      }
    }
    assert.equal(manifest.files[0]!.sourceUrl, `${server.url}/cam-a.mp4`);
    assert.ok(!filesUnder(out).some((path) => path.endsWith('.part')), 'no partial files left');

    const again = await runCli(['archive', source, '--out', out]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 downloaded, 4 already there and verified/);
  });

  test('a connection reset mid-file is resumed with Range and the file completes', async () => {
    const source = writeResult('reset.json', bareRecording(server.url, [{ id: 'cam', path: '/reset/cam-b.mp4' }]));
    const out = join(work, 'reset');
    const result = await runCli(['archive', source, '--out', out, '--retry-delay', '10']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /retry 1 .*reset\/cam-b\.mp4: the connection was reset/);
    assert.ok(readFileSync(join(out, 'media/cam.mp4')).equals(fixtureBytes('cam-b.mp4')));
    const ranges = server.requests.filter((request) => request.path === '/reset/cam-b.mp4').map((request) => request.range);
    assert.equal(ranges.length, 2);
    assert.equal(ranges[0], undefined);
    assert.match(ranges[1] ?? '', /^bytes=[1-9]\d*-$/, 'the second request continues where the first broke off');
  });

  test('a missing file is named with its URL and status, the others are archived, and the exit code says so', async () => {
    const source = writeResult('missing.json', bareRecording(server.url, [
      { id: 'cam', path: '/cam-a.mp4' },
      { id: 'gone', path: '/missing/cam-x.mp4', user: 'x' },
    ]));
    const out = join(work, 'missing');
    const result = await runCli(['archive', source, '--out', out]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`gone: ${server.url}/missing/cam-x\\.mp4: HTTP 404 Not Found`));
    assert.ok(readFileSync(join(out, 'media/cam.mp4')).equals(fixtureBytes('cam-a.mp4')));
    const manifest = readJson<ManifestJson>(join(out, 'manifest.json'));
    assert.deepEqual(manifest.failures, [{ videoId: 'gone', sourceUrl: `${server.url}/missing/cam-x.mp4`, status: 404, reason: 'HTTP 404 Not Found' }]);
    const recording = readJson<{ VideoInfos: Array<{ VideoUrl: string }> }>(join(out, 'recording.json'));
    assert.deepEqual(recording.VideoInfos.map((entry) => entry.VideoUrl), ['media/cam.mp4', `${server.url}/missing/cam-x.mp4`]);

    const allGone = writeResult('all-missing.json', bareRecording(server.url, [{ id: 'gone', path: '/missing/a.mp4' }]));
    assert.equal((await runCli(['archive', allGone, '--out', join(work, 'all-missing')])).code, 2);
  });

  test('killed mid-download, it leaves only a .part; run again, it resumes and verifies', async () => {
    const source = writeResult('slow.json', bareRecording(server.url, [
      { id: 'slow-cam', path: '/slow/cam-a.mp4' },
      { id: 'board', path: '/board.mp4', type: 2, user: '' },
    ]));
    const out = join(work, 'killed');
    const first = startCli(['archive', source, '--out', out]);
    const part = join(out, 'media/slow-cam.mp4.part');
    await until(() => existsSync(part) && statSync(part).size > 64 * 1024, 'part of the slow file is on disk');
    first.child.kill('SIGKILL');
    await first.exited;

    assert.ok(!existsSync(join(out, 'media/slow-cam.mp4')), 'an incomplete file never has its final name');
    const keptBytes = statSync(part).size;
    assert.ok(keptBytes < fixtureBytes('cam-a.mp4').length);

    const second = await runCli(['archive', source, '--out', out]);
    assert.equal(second.code, 0, second.stderr);
    assert.ok(readFileSync(join(out, 'media/slow-cam.mp4')).equals(fixtureBytes('cam-a.mp4')));
    assert.ok(!existsSync(part));
    const resumed = server.requests.filter((request) => request.path === '/slow/cam-a.mp4').at(-1);
    assert.ok(resumed?.range && Number(/bytes=(\d+)-/.exec(resumed.range)?.[1]) >= keptBytes, `resumed with ${resumed?.range}`);
    const manifest = readJson<ManifestJson>(join(out, 'manifest.json'));
    assert.equal(manifest.files.find((file) => file.videoId === 'slow-cam')?.sha256, sha256(fixtureBytes('cam-a.mp4')));
  });

  test('a file changed on disk after archiving fails verification and is fetched again', async () => {
    const source = writeResult('verify.json', bareRecording(server.url, [{ id: 'cam', path: '/short.mp4' }]));
    const out = join(work, 'verify');
    assert.equal((await runCli(['archive', source, '--out', out])).code, 0);
    const copy = join(out, 'media/cam.mp4');
    const damaged = readFileSync(copy);
    damaged[1000] = damaged[1000]! ^ 0xff;
    writeFileSync(copy, damaged);
    const again = await runCli(['archive', source, '--out', out]);
    assert.match(again.stdout, /1 downloaded, 0 already there/);
    assert.ok(readFileSync(copy).equals(fixtureBytes('short.mp4')));
  });

  test('hostile VideoIds never write outside the archive folder', async () => {
    const hostile = ['../../escaped', '/tmp/absolute', 'a'.repeat(5000), 'nul\u0000byte', '..', '.', 'CON', 'same', 'SAME', 'with/slash\\back'];
    const source = writeResult('hostile.json', bareRecording(server.url, hostile.map((id, index) => ({ id, path: '/short.mp4', user: `u${index}` }))));
    const parent = join(work, 'hostile-parent');
    const out = join(parent, 'archive');
    const result = await runCli(['archive', source, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const written = filesUnder(parent);
    for (const path of written) {
      const inside = relative(out, path);
      assert.ok(!inside.startsWith('..') && !inside.startsWith(sep), `${path} is inside ${out}`);
      for (const segment of inside.split(sep)) assert.ok(segment.length <= 100, `${segment.slice(0, 20)}… is short`);
    }
    assert.equal(written.filter((path) => path.endsWith('.mp4')).length, hostile.length, 'every file kept apart');
    assert.ok(!existsSync(join(work, 'escaped.mp4')) && !existsSync('/tmp/absolute.mp4'));
  });
});
