// `tic-replay compose` as a command: what it refuses before ffmpeg starts, and Ctrl-C.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/main.js';
import { EXIT } from '../../../src/cli/command.js';
import { captureIo } from './cli-io.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
let work: string;
let recordingPath: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'tic-compose-cli-'));
  recordingPath = join(work, 'recording.json');
  const url = (name: string) => relative(work, join(FIXTURES, name)).split('\\').join('/');
  await writeFile(
    recordingPath,
    JSON.stringify({
      TotalTime: 12000,
      VideoInfos: [
        { VideoId: 'board', UserId: '', VideoType: 2, VideoPlayTime: 0, VideoDuration: 12000, VideoUrl: url('board.mp4') },
        { VideoId: 'cam', UserId: 'teacher', VideoType: 0, VideoPlayTime: 0, VideoDuration: 12000, VideoUrl: url('cam-a.mp4') },
      ],
    }),
  );
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('compose: the command', () => {
  it('says how to install ffmpeg when it is missing', async () => {
    const io = captureIo({ env: { ...process.env, FFMPEG_PATH: join(work, 'no-ffmpeg-here') } });
    assert.equal(await main(['compose', recordingPath, '-o', join(work, 'x.mp4')], io), EXIT.failed);
    assert.match(io.err(), /FFMPEG_PATH=.*no-ffmpeg-here.*install ffmpeg/);
    assert.equal(io.err().trim().split('\n').length, 1, 'one line');
  });

  it('refuses an unfinished recording before looking for ffmpeg', async () => {
    const io = captureIo({ env: { ...process.env, FFMPEG_PATH: join(work, 'no-ffmpeg-here') } });
    const code = await main(['compose', join(FIXTURES, 'recordings', 'not-finished.json'), '-o', join(work, 'x.mp4')], io);
    assert.equal(code, EXIT.failed);
    assert.match(io.err(), /not finished/);
    assert.doesNotMatch(io.err(), /ffmpeg/);
  });

  it('composes nothing when no file can be read', async () => {
    const unreadable = join(work, 'unreadable.json');
    await writeFile(unreadable, JSON.stringify({ VideoInfos: [{ VideoId: 'x', UserId: 'a', VideoType: 0, VideoPlayTime: 0, VideoDuration: 1000, VideoUrl: 'gone.mp4' }] }));
    const io = captureIo();
    assert.equal(await main(['compose', unreadable, '-o', join(work, 'none', 'x.mp4')], io), EXIT.failed);
    assert.match(io.err(), /gone\.mp4.*no such file/);
    assert.match(io.err(), /None of the recording's 1 files could be read/);
  });

  it('refuses bad options with the usage exit code', async () => {
    for (const args of [['--size', '1281x720'], ['--fps', '0'], ['--layout', 'focus'], []]) {
      const io = captureIo();
      const output = args.length === 0 ? [] : ['-o', join(work, 'x.mp4')];
      assert.equal(await main(['compose', recordingPath, ...output, ...args], io), EXIT.usage, args.join(' '));
    }
  });

  it('writes only the plan with --plan and no -o', async () => {
    const io = captureIo();
    const planPath = join(work, 'only-plan.json');
    assert.equal(await main(['compose', recordingPath, '--plan', planPath, '--layout', 'grid'], io), EXIT.ok, io.err());
    const { readFile } = await import('node:fs/promises');
    const plan = JSON.parse(await readFile(planPath, 'utf8')) as { layout: string; segments: { tiles: { role: string }[] }[] };
    assert.equal(plan.layout, 'grid');
    assert.deepEqual(plan.segments[0]!.tiles.map((tile) => tile.role), ['grid', 'grid']);
  });

  it('stops ffmpeg on Ctrl-C and leaves nothing half-written', async () => {
    const outputDir = join(work, 'interrupted');
    const controller = new AbortController();
    const io = captureIo({
      signal: controller.signal,
      // Interrupt as soon as composing has started.
      onStderr: (text) => {
        if (text.includes('Composing')) controller.abort(new Error('Interrupted'));
      },
    });
    const code = await main(['compose', recordingPath, '-o', join(outputDir, 'class.mp4')], io);
    assert.equal(code, 130, io.err());
    assert.match(io.err(), /Interrupted/);
    assert.deepEqual(await readdir(outputDir), []);
  });
});
