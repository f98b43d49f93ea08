// `tic-replay validate`: the problems in words with their JSON paths, a summary, and exit codes 0/1/2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PROJECT_ROOT, runCli } from './helpers/run-cli.js';

const SEED_CALLBACK = 'test/fixtures/recordings/seed-callback.json';

describe('tic-replay validate', () => {
  test('a sound recording: exit 0 and a summary of tracks, pauses, time, types and sizes', async () => {
    const result = await runCli(['validate', SEED_CALLBACK]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /every entry plays/);
    assert.match(result.stdout, /Replay: 24:00\.000 \(TotalTime 24:00\.000\), 6 files in 3 tracks/);
    assert.match(result.stdout, /whiteboard\s+2 files/);
    assert.match(result.stdout, /camera ios_test1\s+2 files/);
    assert.match(result.stdout, /Pause cuts: 15:00\.000 \(paused 1:00\.000\)/);
    assert.match(result.stdout, /Files per type: camera 4, whiteboard 2/);
    assert.match(result.stdout, /Sum of VideoSize: 35 KiB/);
  });

  test('--json gives the same as one object, with gaps where nothing plays', async () => {
    const result = await runCli(['validate', '-', '--json'], {
      input: JSON.stringify({
        TotalTime: 30000,
        VideoInfos: [
          { VideoId: 'a', UserId: 't', VideoType: 0, VideoPlayTime: 0, VideoDuration: 10000, VideoUrl: 'https://x.test/a.mp4', VideoSize: 100 },
          { VideoId: 'b', UserId: 't', VideoType: 0, VideoPlayTime: 20000, VideoDuration: 5000, VideoUrl: 'https://x.test/b.mp4', VideoSize: 50 },
        ],
      }),
    });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      exitCode: number;
      problems: unknown[];
      summary: { totalTimeMs: number; gaps: unknown[]; tracks: Array<{ fileCount: number; gaps: unknown[] }>; declaredBytes: number; filesPerFormat: unknown };
    };
    assert.equal(report.exitCode, 0);
    assert.deepEqual(report.problems, []);
    assert.equal(report.summary.totalTimeMs, 30000);
    assert.deepEqual(report.summary.gaps, [{ fromMs: 10000, toMs: 20000 }, { fromMs: 25000, toMs: 30000 }]);
    assert.deepEqual(report.summary.tracks[0]?.gaps, [{ fromMs: 10000, toMs: 20000 }]);
    assert.equal(report.summary.declaredBytes, 150);
    assert.deepEqual(report.summary.filesPerFormat, { mp4: 2 });
  });

  test('some entries unplayable: exit 1, each named by its JSON path', async () => {
    const result = await runCli(['validate', 'test/fixtures/recordings/relative-urls.json']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /1 problem; the rest plays/);
    assert.match(result.stdout, /VideoInfos\[4\]\.VideoUrl "javascript:alert\(1\)" cannot be played/);

    const json = await runCli(['validate', 'test/fixtures/recordings/relative-urls.json', '--json']);
    const report = JSON.parse(json.stdout) as { exitCode: number; problems: Array<{ code: string; path: string; text: string }> };
    assert.equal(json.code, 1);
    assert.deepEqual(report.problems.map((problem) => [problem.code, problem.path]), [['unsupported-url', 'VideoInfos[4].VideoUrl']]);
  });

  test('nothing plays: exit 2 with the reason', async () => {
    const malformed = await runCli(['validate', 'test/fixtures/recordings/malformed.json']);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stdout, /not valid JSON/);

    const callback = JSON.parse(readFileSync(SEED_CALLBACK, 'utf8')) as { EventData: Record<string, unknown> };
    callback.EventData = { ...callback.EventData, FinishReason: 'EXCEPTION', RecordStartTime: 0, VideoInfos: [] };
    const failed = await runCli(['validate', '-', '--json'], { input: JSON.stringify(callback) });
    assert.equal(failed.code, 2);
    const report = JSON.parse(failed.stdout) as { playable: boolean; problems: Array<{ code: string; path: string }> };
    assert.equal(report.playable, false);
    assert.deepEqual(report.problems.map((problem) => [problem.code, problem.path]), [['recording-failed', 'EventData.FinishReason']]);

    const missing = await runCli(['validate', 'no/such/file.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /no\/such\/file\.json/);
  });

  test('wrong usage exits 64; every command has --help', async () => {
    assert.equal((await runCli(['validate'])).code, 64);
    assert.equal((await runCli(['archive', SEED_CALLBACK])).code, 64, 'archive without --out');
    assert.equal((await runCli(['archive', SEED_CALLBACK, '--out', '/tmp/x', '--concurrency', '0'])).code, 64);
    assert.equal((await runCli(['serve-callback', '--out', '/tmp/x'])).code, 64, 'serve-callback without --key');
    const overview = await runCli(['--help']);
    for (const name of ['validate', 'archive', 'serve-callback']) {
      assert.match(overview.stdout, new RegExp(`^  ${name} `, 'm'));
      const help = await runCli([name, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: tic-replay ${name}`));
    }
  });

  // `npm test` builds first; `npm run test:node` alone may run before any build.
  const built = existsSync(join(PROJECT_ROOT, 'dist/node/cli/main.js'));
  test('the published entry (bin/tic-replay.js, from dist/node) runs the same command', { skip: !built && 'no build: run npm run build' }, () => {
    const result = spawnSync(process.execPath, ['bin/tic-replay.js', 'validate', SEED_CALLBACK, '--json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { summary: { fileCount: number } }).summary.fileCount, 6);
  });
});
