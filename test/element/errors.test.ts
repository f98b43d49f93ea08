import { expect } from '@esm-bundle/chai';
import type { TicReplayError } from '../../src/engine/replay-error.js';
import { FIXTURES, FRAME_MS, createPlayer, delay, loaded, mediaElements, nextEvent, recording, until } from '../helpers/element.js';
import { readFrameNumbers } from '../helpers/frame-code.js';

function collectErrors(target: EventTarget): TicReplayError[] {
  const errors: TicReplayError[] = [];
  target.addEventListener('error', (event) => errors.push((event as CustomEvent<TicReplayError>).detail));
  return errors;
}

describe('<tic-replay> with bad input', () => {
  it('skips an invalid entry and a missing file, says why, and plays the rest', async () => {
    const player = createPlayer();
    const errors = collectErrors(player);
    player.result = recording([
      { id: 'good', user: 'alice', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 12000 },
      { id: 'negative', user: 'bob', url: `${FIXTURES}/cam-b.mp4`, start: -5, duration: 12000 },
      { id: 'gone', user: 'carol', url: `${FIXTURES}/missing.mp4`, start: 0, duration: 12000 },
    ]);
    await until(() => errors.length === 2, 'both problems are reported');
    const [invalid, missing] = errors;
    expect(invalid!.fatal).to.equal(false);
    expect(invalid!.path).to.equal('VideoInfos[1].VideoPlayTime');
    expect(invalid!.message).to.equal('VideoInfos[1].VideoPlayTime must be a non-negative integer (ms), got -5');
    expect(missing!.fatal).to.equal(false);
    expect(missing!.status).to.equal(404);
    expect(missing!.videoId).to.equal('gone');
    expect(missing!.url).to.equal(new URL(`${FIXTURES}/missing.mp4`, location.href).href);
    expect(missing!.message).to.contain('HTTP 404');
    expect(player.error).to.equal(missing);
    expect(player.problems).to.deep.equal([invalid, missing]);

    // The rest plays, in sync.
    await loaded(player);
    await player.play();
    await delay(600);
    player.pause();
    await until(() => !player.seeking, 'settled');
    const good = mediaElements(player, 'active').find((element) => element.dataset.videoId === 'good') as HTMLVideoElement;
    expect(player.currentTime).to.be.above(0.4);
    expect(Math.abs(good.currentTime - player.currentTime)).to.be.below(0.1);

    // Both are shown to people, as text.
    const shadow = player.shadowRoot!;
    expect(shadow.querySelector('[part~="tile-error"]')!.textContent).to.contain('HTTP 404');
    // The banner shows the newest in one line and opens to the list.
    shadow.querySelector<HTMLButtonElement>('[part="problems"] .problems-toggle')!.click();
    await delay(0);
    const listed = shadow.querySelector('[part="problems"]')!.textContent!;
    expect(listed).to.contain('VideoInfos[1].VideoPlayTime');
    expect(listed).to.contain('missing.mp4');
  });

  it('a result URL that answers 404 is a fatal error naming the URL and status', async () => {
    const player = createPlayer();
    const errors = collectErrors(player);
    player.src = '/test/fixtures/recordings/no-such-recording.json';
    await until(() => errors.length === 1, 'the error');
    const [error] = errors;
    expect(error!.fatal).to.equal(true);
    expect(error!.status).to.equal(404);
    expect(error!.message).to.contain(new URL('/test/fixtures/recordings/no-such-recording.json', location.href).href);
    expect(error!.code).to.equal(2); // MEDIA_ERR_NETWORK
    expect(player.error).to.equal(error);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('HTTP 404');
    let rejected: unknown;
    await player.play().catch((reason: unknown) => (rejected = reason));
    expect(rejected).to.be.instanceOf(DOMException);
  });

  it('a recording that is not finished yet says so', async () => {
    const player = createPlayer();
    const failed = nextEvent(player, 'error');
    player.src = '/test/fixtures/recordings/not-finished.json';
    const error = ((await failed) as CustomEvent<TicReplayError>).detail;
    expect(error.fatal).to.equal(true);
    expect(error.message).to.match(/not finished yet/);
  });

  it('malformed JSON is a fatal error that says so', async () => {
    const player = createPlayer();
    const failed = nextEvent(player, 'error');
    player.result = '{"VideoInfos": [';
    const error = ((await failed) as CustomEvent<TicReplayError>).detail;
    expect(error.fatal).to.equal(true);
    expect(error.path).to.equal('$');
    expect(error.message).to.match(/not valid JSON/);
  });

  it('an empty recording says there is nothing to play', async () => {
    const player = createPlayer();
    const failed = nextEvent(player, 'error');
    player.result = { TotalTime: 1000, VideoInfos: [] };
    const error = ((await failed) as CustomEvent<TicReplayError>).detail;
    expect(error.fatal).to.equal(true);
    expect(error.message).to.match(/no files to play/);
  });

  it('never turns input into HTML: names and messages are text', async () => {
    const player = createPlayer();
    const hostile = '<img src=x onerror="window.__hostile = 1">';
    const errors = collectErrors(player);
    player.result = recording([
      { id: 'a', user: hostile, url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 5000 },
      { id: 'b', user: 'b', url: 'javascript:alert(1)//<b>bold</b>', start: 0, duration: 5000 },
    ]);
    await loaded(player);
    await until(() => errors.length === 1, 'the refused URL is reported');
    expect(errors[0]!.message).to.contain('javascript:');
    const shadow = player.shadowRoot!;
    expect(shadow.querySelector('img')).to.equal(null);
    expect(shadow.querySelector('b')).to.equal(null);
    expect([...shadow.querySelectorAll('[part="label"]')].map((label) => label.textContent)).to.include(hostile);
    expect((window as { __hostile?: number }).__hostile).to.equal(undefined);
  });
});

describe('<tic-replay> when nothing can play', () => {
  it('every entry invalid: one fatal error that keeps each entry\'s reason, in problems and on screen', async () => {
    const player = createPlayer();
    const errors = collectErrors(player);
    const good = { VideoPlayTime: 0, VideoDuration: 5000, VideoUrl: `${FIXTURES}/cam-a.mp4`, VideoType: 0, UserId: 'u' };
    player.result = {
      TotalTime: 5000,
      VideoInfos: [
        { ...good, VideoId: 'a', VideoPlayTime: -5 },
        { ...good, VideoId: 'b', VideoDuration: 0 },
        { ...good, VideoId: 'c', VideoType: 9 },
        { ...good, VideoId: 'd', VideoUrl: '' },
        { ...good, VideoId: 'e', VideoUrl: 'ftp://files.example.com/e.mp4' },
        'junk',
      ],
    };
    await until(() => errors.length === 1, 'the fatal error');
    await delay(100);
    expect(errors).to.have.length(1);
    const [fatal] = errors;
    expect(fatal!.fatal).to.equal(true);
    expect(fatal!.problem.code).to.equal('empty');
    expect(fatal!.message).to.equal('None of the 6 files in VideoInfos can be played');
    const paths = ['VideoInfos[0].VideoPlayTime', 'VideoInfos[1].VideoDuration', 'VideoInfos[2].VideoType', 'VideoInfos[3].VideoUrl', 'VideoInfos[4].VideoUrl', 'VideoInfos[5]'];
    expect(fatal!.problems.map((reason) => reason.path)).to.deep.equal(paths);
    expect(fatal!.problems.every((reason) => !reason.fatal)).to.equal(true);
    expect(fatal!.problems[4]!.message).to.equal(
      'VideoInfos[4].VideoUrl "ftp://files.example.com/e.mp4" cannot be played: the ftp: scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)',
    );
    expect(fatal!.problems[4]!.videoId).to.equal('e');
    expect(player.error).to.equal(fatal);
    expect(player.problems).to.deep.equal([...fatal!.problems, fatal]);

    await player.updateComplete;
    const shown = player.shadowRoot!.querySelector('[part="error"]')!;
    expect(shown.textContent).to.contain('None of the 6 files in VideoInfos can be played');
    const items = [...shown.querySelectorAll('li')].map((item) => item.textContent!.trim());
    expect(items).to.deep.equal([
      'VideoInfos[0].VideoPlayTime must be a non-negative integer (ms), got -5',
      'VideoInfos[1].VideoDuration must be a positive integer (ms), got 0',
      'VideoInfos[2].VideoType must be 0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only), got 9',
      "… and 3 more (see the element's problems property)",
    ]);
  });

  it('every file gone (HTTP 404): says once, up front, that recordings are deleted 3 days after class', async () => {
    const player = createPlayer();
    const errors = collectErrors(player);
    player.result = recording([
      { id: 'cam', user: 'teacher', url: `${FIXTURES}/deleted-cam.mp4`, start: 0, duration: 5000 },
      { id: 'board', type: 2, user: '', url: `${FIXTURES}/deleted-board.mp4`, start: 0, duration: 5000 },
      { id: 'late', user: 'student', url: `${FIXTURES}/deleted-late.mp4`, start: 3000, duration: 2000 },
    ]);
    await until(() => errors.length === 1, 'the fatal error');
    await delay(500);
    expect(errors, 'said once').to.have.length(1);
    const [gone] = errors;
    expect(gone!.fatal).to.equal(true);
    expect(gone!.problem.code).to.equal('files-gone');
    expect(gone!.code).to.equal(2); // MEDIA_ERR_NETWORK
    expect(gone!.message).to.equal(
      "This recording's files are no longer available (all 3 files are gone from the server). " +
        'The recording service deletes recordings 3 days after class, so this one can no longer be played',
    );
    expect(gone!.problems.map((file) => [file.videoId, file.status, file.path])).to.deep.equal([
      ['cam', 404, 'VideoInfos[0].VideoUrl'],
      ['board', 404, 'VideoInfos[1].VideoUrl'],
      ['late', 404, 'VideoInfos[2].VideoUrl'],
    ]);
    expect(gone!.problems[0]!.message).to.equal(`Could not load ${new URL(`${FIXTURES}/deleted-cam.mp4`, location.href).href}: HTTP 404 Not Found`);
    expect(mediaElements(player), 'no file is mounted').to.have.length(0);
    await player.updateComplete;
    const shown = player.shadowRoot!.querySelector('[part="error"]')!.textContent!;
    expect(shown).to.contain('3 days after class');
    expect(shown).to.contain('deleted-cam.mp4');
    expect(player.shadowRoot!.querySelectorAll('[part~="tile-error"]')).to.have.length(0);
  });

  it('every file gone, in Chinese', async () => {
    const player = createPlayer({ lang: 'zh-CN' });
    const failed = nextEvent(player, 'error');
    player.result = recording([{ id: 'cam', url: `${FIXTURES}/deleted-cam.mp4`, start: 0, duration: 5000 }]);
    const error = ((await failed) as CustomEvent<TicReplayError>).detail;
    expect(error.problem.code).to.equal('files-gone');
    expect(error.message).to.contain('课后 3 天');
    expect(error.problems[0]!.message).to.match(/^无法加载 .*deleted-cam\.mp4：HTTP 404/);
  });

  it('one file gone of two: no fatal error, the other plays and the missing one says why on its tile', async () => {
    const player = createPlayer();
    const errors = collectErrors(player);
    player.result = recording([
      { id: 'gone', url: `${FIXTURES}/deleted-cam.mp4?one-of-two`, start: 0, duration: 5000 },
      { id: 'here', url: `${FIXTURES}/cam-a.mp4?one-of-two`, start: 0, duration: 5000 },
    ]);
    await loaded(player);
    await until(() => errors.length === 1, 'the missing file is reported');
    expect(errors[0]!.fatal).to.equal(false);
    expect(errors[0]!.status).to.equal(404);
    expect(mediaElements(player).map((element) => element.dataset.videoId).sort()).to.deep.equal(['gone', 'here']);
    await player.play();
    await delay(300);
    expect(player.currentTime).to.be.above(0.1);
    player.pause();
  });

  it('a bare result with "Status": "RECORDING" (as the SDK returns it) is not played as if finished', async () => {
    const player = createPlayer();
    const failed = nextEvent(player, 'error');
    player.result = { ...recording([{ id: 'cam', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 5000 }]), Status: 'RECORDING' };
    const error = ((await failed) as CustomEvent<TicReplayError>).detail;
    expect(error.fatal).to.equal(true);
    expect(error.path).to.equal('Status');
    expect(error.message).to.equal(
      'The recording is not finished yet (Status: RECORDING): it is still recording; only a FINISHED recording has all its files',
    );
    expect(mediaElements(player)).to.have.length(0);
  });

  it('a result URL that answers a web page (a login page) says so', async () => {
    const player = createPlayer();
    const failed = nextEvent(player, 'error');
    player.src = '/test/fixtures/recordings/login.html';
    const error = ((await failed) as CustomEvent<TicReplayError>).detail;
    expect(error.fatal).to.equal(true);
    expect(error.path).to.equal('$');
    expect(error.message).to.match(/^The server returned a web page from .*login\.html, not a recording: perhaps a login page/);
    await player.updateComplete;
    const shown = player.shadowRoot!.querySelector('[part="error"]')!.textContent!;
    expect(shown).to.not.contain('Unexpected token');
    expect(shown).to.not.contain('$');
  });
});

describe('<tic-replay> waiting for data', () => {
  it('holds the clock while an active file has no data, then starts all files together', async () => {
    const player = createPlayer();
    player.result = recording([
      { id: 'fast', url: `${FIXTURES}/cam-a.mp4?w=1`, start: 0, duration: 12000 },
      { id: 'slow', url: `${FIXTURES}/cam-b.mp4?delay=1500`, start: 0, duration: 12000 },
    ]);
    await nextEvent(player, 'loadedmetadata');
    const events: string[] = [];
    for (const type of ['play', 'waiting', 'playing']) player.addEventListener(type, () => events.push(type));
    const waiting = nextEvent(player, 'waiting');
    const playing = player.play();
    await waiting;
    await delay(500);
    expect(player.currentTime, 'the clock holds while waiting').to.equal(0);
    expect(player.paused).to.equal(false);
    await playing;
    expect(events).to.deep.equal(['play', 'waiting', 'playing']);
    await delay(800);
    const clockS = player.currentTime;
    for (const element of mediaElements(player, 'active')) {
      expect(Math.abs(element.currentTime - clockS), element.dataset.videoId).to.be.below((3 * FRAME_MS) / 1000);
    }
    player.pause();
    await until(() => mediaElements(player).every((element) => !element.seeking), 'settled');
    const frames = readFrameNumbers(mediaElements(player, 'active') as HTMLVideoElement[]);
    expect(frames.length).to.equal(2);
    expect(frames.every((frame) => frame !== undefined), `pictures read: ${frames.join(', ')}`).to.equal(true);
    expect(Math.abs(frames[0]! - frames[1]!)).to.be.at.most(2);
  });
});

describe('<tic-replay> with a stream that stalls too long', () => {
  it('goes on without it after stall-timeout, marks it, and takes it back in sync when its data arrives', async () => {
    const player = createPlayer({ 'stall-timeout': '0.5' });
    player.result = recording([
      { id: 'fast', url: `${FIXTURES}/cam-a.mp4?stall=1`, start: 0, duration: 12000 },
      { id: 'slow', url: `${FIXTURES}/cam-b.mp4?delay=2500`, start: 0, duration: 12000 },
    ]);
    await nextEvent(player, 'loadedmetadata');
    const playing = nextEvent(player, 'playing');
    void player.play();
    await playing;
    const slow = () => mediaElements(player).find((element) => element.dataset.videoId === 'slow')!;
    const fast = mediaElements(player).find((element) => element.dataset.videoId === 'fast')!;
    expect(slow().readyState, 'the slow file still has no data').to.be.below(3);
    expect('stalled' in slow().dataset).to.equal(true);
    expect(player.readyState, 'the replay plays on without the file let go').to.be.at.least(3);
    // The clock started with the file that plays, not a start timeout later, behind it.
    expect(Math.abs(fast.currentTime - player.currentTime), 'the clock starts where the playing file is').to.be.below((3 * FRAME_MS) / 1000);
    await delay(400);
    expect(player.currentTime, 'the others go on').to.be.above(0.2);
    await until(() => !('stalled' in slow().dataset) && !slow().paused, 'the slow file rejoins', 15000);
    await delay(1500);
    expect(Math.abs(slow().currentTime - player.currentTime)).to.be.below((3 * FRAME_MS) / 1000);
  });
});

describe('<tic-replay> with many cameras', () => {
  it('downloads at most max-concurrent-loads files at once; active files first', async () => {
    const player = createPlayer({ 'max-concurrent-loads': '3' });
    const cameras = Array.from({ length: 8 }, (_, index) => ({
      id: `cam${index}`,
      url: `${FIXTURES}/${index % 2 ? 'cam-b' : 'cam-a'}.mp4?many=${index}`,
      start: index < 2 ? 0 : 1000 + index * 100,
      duration: 8000,
    }));
    player.result = recording(cameras);
    await nextEvent(player, 'loadedmetadata');
    const withSource = () => mediaElements(player).filter((element) => element.hasAttribute('src')).map((element) => element.dataset.videoId);
    expect(mediaElements(player)).to.have.length(8); // all mounted: they start within the preload window
    expect(withSource().length).to.be.at.most(3);
    expect(withSource()).to.include.members(['cam0', 'cam1']);
    await until(() => withSource().length === 8, 'the others get their turn as downloads finish', 20000);
  });
});
