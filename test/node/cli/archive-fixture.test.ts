// `test/fixtures/archive/` is an archive made by `tic-replay archive`; the browser test
// (test/element/archive-copy.test.ts) plays it in <tic-replay>. Browser tests run before the Node
// tests and cannot start the command, so the archive is committed, and this test proves it is
// exactly what the command makes today. `UPDATE_ARCHIVE_FIXTURE=1` rewrites it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { startMediaServer, type MediaServer } from './helpers/media-server.js';
import { bareRecording, FIXTURES } from './helpers/recordings.js';
import { runCli } from './helpers/run-cli.js';

const COMMITTED = join(FIXTURES, 'archive');
/** Stands in for the test server's address in the committed manifest. */
const SOURCE_HOST = 'https://media.example.com';

let server: MediaServer;
let work: string;
before(async () => {
  server = await startMediaServer(FIXTURES);
  work = mkdtempSync(join(tmpdir(), 'tic-fixture-'));
});
after(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The manifest without what differs from run to run (the server's port, the time). */
function stableManifest(text: string, host: string): unknown {
  const manifest = JSON.parse(text.replaceAll(host, SOURCE_HOST)) as Record<string, unknown>;
  return { ...manifest, updatedAt: '', source: '' };
}

test('the committed archive is what `tic-replay archive` makes of the fixtures', async () => {
  const source = join(work, 'source.json');
  writeFileSync(
    source,
    JSON.stringify(
      bareRecording(server.url, [
        { id: 'whiteboard', path: '/board.mp4', type: 2, user: '' },
        { id: 'teacher-camera', path: '/cam-a.mp4', user: 'teacher' },
        { id: 'teacher-audio', path: '/audio-a.mp3', type: 4, user: 'teacher' },
        { id: 'student-hls', path: '/hls/cam-h.m3u8', user: 'student', start: 2000, duration: 10000 },
      ]),
    ),
  );
  const out = join(work, 'archive');
  const result = await runCli(['archive', source, '--out', out]);
  assert.equal(result.code, 0, result.stderr);

  if (process.env['UPDATE_ARCHIVE_FIXTURE']) {
    rmSync(COMMITTED, { recursive: true, force: true });
    cpSync(out, COMMITTED, { recursive: true });
    const manifestPath = join(COMMITTED, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8').replaceAll(server.url, SOURCE_HOST)) as Record<string, unknown>;
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, source: 'source.json' }, null, 2)}\n`);
  }

  assert.deepEqual(listFiles(out), listFiles(COMMITTED));
  for (const file of listFiles(out)) {
    if (file === 'manifest.json') continue;
    assert.ok(readFileSync(join(out, file)).equals(readFileSync(join(COMMITTED, file))), `${file} is unchanged`);
  }
  assert.deepEqual(
    stableManifest(readFileSync(join(out, 'manifest.json'), 'utf8'), server.url),
    stableManifest(readFileSync(join(COMMITTED, 'manifest.json'), 'utf8'), server.url),
  );
});
