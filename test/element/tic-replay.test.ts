import { expect } from '@esm-bundle/chai';
import type { TicReplayElement } from '../../src/element/tic-replay.component.js';
import { readFrameNumber, readFrameNumbers } from '../helpers/frame-code.js';
import {
  FIXTURES, FRAME_MS, activeIds, createPlayer, delay, loaded, mediaElements, nextEvent, recording, seekTo, until,
} from '../helpers/element.js';

/**
 * A class shaped like the service's output, on 50 fps frame-coded fixtures (ms):
 *   a1  cam-a   [0, 6000)       a2 cam-a again [6000, 12000)   (a pause split at 6000)
 *   s   short   [1000, 9000)    media is only 4 s: holds its last frame from 5000
 *   wb  board   [2000, 14000)   whiteboard (type 2), main area
 *   b   cam-b   [4000, 16000)   late joiner
 *   nothing active in [16000, 20000)
 */
const CLASS = recording(
  [
    { id: 'a1', user: 'alice', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 6000 },
    { id: 'a2', user: 'alice', url: `${FIXTURES}/cam-a.mp4?part=2`, start: 6000, duration: 6000 },
    { id: 's', user: 'sam', url: `${FIXTURES}/short.mp4`, start: 1000, duration: 8000 },
    { id: 'wb', user: '', type: 2, url: `${FIXTURES}/board.mp4`, start: 2000, duration: 12000 },
    { id: 'b', user: 'bob', url: `${FIXTURES}/cam-b.mp4`, start: 4000, duration: 12000 },
  ],
  20000,
);
const STARTS: Record<string, number> = { a1: 0, a2: 6000, s: 1000, wb: 2000, b: 4000 };
const MEDIA_FRAMES: Record<string, number> = { a1: 600, a2: 600, s: 200, wb: 600, b: 600 };

async function classPlayer(attributes: Record<string, string | boolean> = {}): Promise<TicReplayElement> {
  const player = createPlayer(attributes);
  player.result = CLASS;
  await loaded(player);
  return player;
}

/** The frame each active video should show with the clock at `clockMs`. */
function expectedFrame(videoId: string, clockMs: number): number {
  return Math.min(Math.floor((clockMs - STARTS[videoId]!) / FRAME_MS), MEDIA_FRAMES[videoId]! - 1);
}

/**
 * The frame `video` shows, read from its pixels, and the clock at that moment: read again on the
 * next animation frames (up to five) while its picture cannot be read (a video just started on a
 * busy page can be without one for a moment; reading that as frame 0 failed a full run here).
 */
async function shownFrameAndClock(player: TicReplayElement, video: HTMLVideoElement): Promise<{ shown: number | undefined; clockMs: number }> {
  for (let attempt = 0; ; attempt++) {
    const shown = readFrameNumbers([video])[0];
    const clockMs = player.currentTime * 1000;
    if (shown !== undefined || attempt === 5) return { shown, clockMs };
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe('<tic-replay> on a recorded class', () => {
  it('reads the recording: duration is TotalTime, metadata events fire in order', async () => {
    const player = createPlayer();
    const events: string[] = [];
    for (const type of ['loadstart', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay']) {
      player.addEventListener(type, () => events.push(type));
    }
    player.result = CLASS;
    await loaded(player);
    expect(player.duration).to.equal(20);
    expect(player.paused).to.equal(true);
    expect(events).to.deep.equal(['loadstart', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay']);
  });

  it('has exactly the files of each moment active (seek there, then look)', async () => {
    const player = await classPlayer();
    const expectations: Array<[number, string[]]> = [
      [0, ['a1']],
      [0.999, ['a1']],
      [1, ['a1', 's']],
      [3, ['a1', 's', 'wb']],
      [4, ['a1', 'b', 's', 'wb']],
      [6, ['a2', 'b', 's', 'wb']],
      [9, ['a2', 'b', 'wb']],
      [12.5, ['b', 'wb']],
      [15, ['b']],
      [17, []],
      [19.99, []],
    ];
    for (const [seconds, ids] of expectations) {
      await seekTo(player, seconds);
      expect(activeIds(player), `active at ${seconds} s`).to.deep.equal(ids);
    }
  });

  it('after a seek, every active video shows the frame for the clock (within one frame, read from pixels)', async () => {
    const player = await classPlayer();
    for (const seconds of [0.5, 4.26, 7.777, 5.5, 2.02, 11.3, 13.99, 8.5]) {
      await seekTo(player, seconds);
      const clockMs = player.currentTime * 1000;
      for (const video of mediaElements(player, 'active') as HTMLVideoElement[]) {
        const id = video.dataset.videoId!;
        const shown = readFrameNumber(video);
        expect(Math.abs(shown - expectedFrame(id, clockMs)), `${id} at ${seconds} s shows frame ${shown}`).to.be.at.most(1);
      }
    }
  });

  it('a seek while playing leaves the videos with audio playing; once playing again every active video shows the frame for the clock', async () => {
    const player = await classPlayer();
    await seekTo(player, 4.2);
    await player.play();
    await delay(300);
    const pausesById = new Map<string, number>();
    for (const element of mediaElements(player)) {
      const id = element.dataset.videoId!;
      pausesById.set(id, 0);
      element.addEventListener('pause', () => pausesById.set(id, pausesById.get(id)! + 1));
    }
    const playing = nextEvent(player, 'playing');
    // From [a1, s, wb, b] to [a1, s, wb]: b goes back to preloading.
    player.currentTime = 2.5;
    await playing;
    expect(player.paused).to.equal(false);
    expect(pausesById.get('a1'), 'a1 (with audio) was paused').to.equal(0);
    expect(pausesById.get('wb'), 'the board (no audio) is paused and started again').to.equal(1);
    expect(mediaElements(player, 'preloading').map((element) => element.dataset.videoId)).to.deep.equal(['b']);
    expect(mediaElements(player, 'preloading')[0]!.paused, 'b, no longer active, is paused').to.equal(true);
    for (const video of mediaElements(player, 'active') as HTMLVideoElement[]) {
      const id = video.dataset.videoId!;
      expect(video.paused, `${id} paused`).to.equal(false);
      const { shown, clockMs } = await shownFrameAndClock(player, video);
      expect(shown, `${id} has a picture to read`).to.not.equal(undefined);
      // Read while playing: a frame of leeway for the time between the clock and the pixels, and
      // one more for the board, whose play() is timed by a measured latency that a busy machine
      // can miss by a frame (seen once in six full runs here); the sync controller closes that.
      expect(Math.abs(shown! - expectedFrame(id, clockMs)), `${id} shows frame ${shown} with the clock at ${clockMs} ms`).to.be.at.most(3);
    }
  });

  it('pause, then play: a camera moves on from the picture it paused on, without stepping back or skipping a frame', async () => {
    const player = await classPlayer();
    // Rounds before and after the short file joins at 1 s (two files with audio playing).
    await seekTo(player, 0.1);
    const camera = mediaElements(player, 'active').find((element) => element.dataset.videoId === 'a1') as HTMLVideoElement;
    // Every frame the camera presents, with Chromium's count of presented frames: a busy page can
    // leave out the callback of a frame it showed, and the count still tells that it was shown.
    const presented: Array<{ frame: number; count: number }> = [];
    let watching = true;
    const watch = (_now: number, metadata: VideoFrameCallbackMetadata) => {
      presented.push({ frame: Math.round((metadata.mediaTime * 1000) / FRAME_MS), count: metadata.presentedFrames });
      if (watching) camera.requestVideoFrameCallback(watch);
    };
    camera.requestVideoFrameCallback(watch);
    const rounds: string[] = [];
    for (let round = 1; round <= 6; round++) {
      await player.play();
      await delay(200);
      player.pause();
      await until(() => camera.paused && !camera.seeking, 'the camera pauses');
      await delay(100);
      const pausedOn = readFrameNumber(camera);
      const countBefore = presented.at(-1)!.count;
      const from = presented.length;
      await player.play();
      await until(() => presented.slice(from).some((entry) => entry.frame > pausedOn), 'the camera moves on');
      const after = presented.slice(from);
      const firstNew = after.findIndex((entry) => entry.frame > pausedOn);
      const countPrior = firstNew > 0 ? after[firstNew - 1]!.count : countBefore;
      // Frames between the paused picture and the first new one that were never shown.
      const skipped = Math.max(0, after[firstNew]!.frame - pausedOn - 1 - (after[firstNew]!.count - countPrior - 1));
      const steppedBack = after.slice(0, firstNew).some((entry) => entry.frame < pausedOn);
      rounds.push(`${steppedBack ? 'stepped back' : 'moved on'}, ${skipped} skipped`);
    }
    watching = false;
    expect(player.currentTime, 'the last rounds ran with the short file playing').to.be.above(1.2);
    expect(rounds, 'after each pause').to.deep.equal(Array(6).fill('moved on, 0 skipped'));
  });

  it('a file whose media is shorter than its VideoDuration holds its last frame', async () => {
    const player = await classPlayer();
    await seekTo(player, 7);
    const short = mediaElements(player, 'active').find((element) => element.dataset.videoId === 's') as HTMLVideoElement;
    expect(short, 'the short file is still on screen').to.exist;
    expect(readFrameNumber(short)).to.be.within(198, 199);
  });

  it('keeps the number of media elements to what is active plus the preload window', async () => {
    const player = await classPlayer();
    // At 0: a1 plays; s (1 s) and wb (2 s) preload; b (4 s) is beyond the 3 s window.
    expect(mediaElements(player).map((element) => element.dataset.videoId).sort()).to.deep.equal(['a1', 's', 'wb']);
    expect(mediaElements(player, 'preloading').map((element) => element.dataset.videoId).sort()).to.deep.equal(['s', 'wb']);
    await seekTo(player, 17);
    expect(mediaElements(player)).to.have.length(0);
    await seekTo(player, 13.5);
    expect(mediaElements(player).map((element) => element.dataset.videoId).sort()).to.deep.equal(['b', 'wb']);
  });

  it('plays through a file boundary: the preloaded file becomes active on time and in step', async () => {
    const player = await classPlayer();
    await seekTo(player, 3.4);
    expect(mediaElements(player, 'preloading').map((element) => element.dataset.videoId)).to.include('b');
    await player.play();
    await until(() => player.currentTime > 4.6, 'the clock passes 4.6 s');
    player.pause();
    await until(() => mediaElements(player, 'active').every((element) => !element.seeking && element.paused), 'all paused');
    const clockMs = player.currentTime * 1000;
    const b = mediaElements(player, 'active').find((element) => element.dataset.videoId === 'b') as HTMLVideoElement;
    expect(b, 'the late joiner is active').to.exist;
    expect(Math.abs(b.currentTime * 1000 - (clockMs - 4000))).to.be.below(60);
  });

  it('the master clock runs through stretches where no file exists, and ends', async () => {
    const player = await classPlayer();
    await seekTo(player, 16.2);
    expect(activeIds(player)).to.deep.equal([]);
    await player.play();
    await delay(500);
    expect(player.currentTime).to.be.above(16.5);
    const ended = nextEvent(player, 'ended', 8000);
    await seekTo(player, 19.6);
    await ended;
    expect(player.ended).to.equal(true);
    expect(player.paused).to.equal(true);
    expect(player.currentTime).to.equal(20);
  });

  it('updates its state before each event, like a media element', async () => {
    const player = await classPlayer();
    const seen: string[] = [];
    player.addEventListener('seeking', () => seen.push(`seeking:${player.seeking}:${player.currentTime}`));
    player.addEventListener('seeked', () => seen.push(`seeked:${player.seeking}`));
    player.addEventListener('play', () => seen.push(`play:${player.paused}`));
    player.addEventListener('playing', () => seen.push(`playing:${player.paused}`));
    player.addEventListener('pause', () => seen.push(`pause:${player.paused}`));
    player.addEventListener('ratechange', () => seen.push(`ratechange:${player.playbackRate}`));
    player.addEventListener('volumechange', () => seen.push(`volumechange:${player.volume}:${player.muted}`));
    await seekTo(player, 2.5);
    await player.play();
    player.playbackRate = 1.5;
    player.volume = 0.5;
    player.muted = true;
    player.pause();
    expect(seen).to.deep.equal([
      'seeking:true:2.5', 'seeked:false', 'play:false', 'playing:false', 'ratechange:1.5',
      'volumechange:0.5:false', 'volumechange:0.5:true', 'pause:true',
    ]);
    expect(() => (player.playbackRate = 3)).to.throw(DOMException);
  });

  it('keeps playing files on the clock while playing (within a few frames) at rate 1.5', async () => {
    const player = await classPlayer();
    await seekTo(player, 4.5);
    player.playbackRate = 1.5;
    await player.play();
    await delay(2500); // through the a1 → a2 boundary at 6 s, and long enough for the join to settle
    const clockMs = player.currentTime * 1000;
    for (const element of mediaElements(player, 'active')) {
      const start = STARTS[element.dataset.videoId!]!;
      if (element.dataset.videoId === 's') continue; // holding its last frame
      expect(Math.abs(start + element.currentTime * 1000 - clockMs), element.dataset.videoId).to.be.below(3 * FRAME_MS);
      expect(element.paused).to.equal(false);
    }
  });

  it('plays files mounted after the rate was set at that rate (attaching a source resets an element\'s rate)', async () => {
    const player = createPlayer();
    player.playbackRate = 1.5;
    player.result = CLASS;
    await loaded(player);
    await player.play();
    await delay(300);
    const playing = mediaElements(player, 'active').filter((element) => !element.paused);
    const before = playing.map((element) => element.currentTime);
    const clockBefore = player.currentTime;
    await delay(1000);
    const elapsedClockS = player.currentTime - clockBefore;
    expect(elapsedClockS).to.be.above(1.3);
    expect(playing.length).to.be.above(0);
    playing.forEach((element, index) => {
      const advancedS = element.currentTime - before[index]!;
      expect(Math.abs(advancedS - elapsedClockS), element.dataset.videoId).to.be.below(0.1);
    });
  });

  it('runs its files at 99.5 % of the chosen rate (every file then shows the same frame), or at exactly that rate with exact-rate', async () => {
    const player = await classPlayer();
    // Read right after each change, before the next sync step could correct any of them.
    const rates = () => mediaElements(player, 'active').map((element) => `${element.dataset.videoId}:${element.playbackRate}`);
    await seekTo(player, 5);
    await player.play();
    await delay(500);
    expect(mediaElements(player, 'active').length).to.be.above(1);
    player.setAttribute('exact-rate', '');
    await player.updateComplete;
    expect(rates().every((entry) => entry.endsWith(':1')), rates().join(' ')).to.equal(true);
    player.removeAttribute('exact-rate');
    await player.updateComplete;
    expect(rates().every((entry) => entry.endsWith(':0.995')), rates().join(' ')).to.equal(true);
    expect(player.playbackRate).to.equal(1);
  });

  it('keeps voices at their pitch at a speed the user chose; at 1× the sync resamples its small corrections instead of time-stretching them', async () => {
    const player = await classPlayer();
    await seekTo(player, 5);
    const pitch = () => mediaElements(player).map((element) => `${element.dataset.videoId}:${element.preservesPitch}`);
    expect(mediaElements(player).length).to.be.above(2);
    expect(pitch().every((entry) => entry.endsWith(':false')), pitch().join(' ')).to.equal(true);
    player.playbackRate = 1.5;
    expect(pitch().every((entry) => entry.endsWith(':true')), pitch().join(' ')).to.equal(true);
    await seekTo(player, 11); // files mounted at 1.5
    expect(pitch().every((entry) => entry.endsWith(':true')), pitch().join(' ')).to.equal(true);
    player.playbackRate = 1;
    expect(pitch().every((entry) => entry.endsWith(':false')), pitch().join(' ')).to.equal(true);
  });

  it('plays a single sound per voice: the mixed stream is silent while single streams play', async () => {
    const player = createPlayer();
    player.result = recording([
      { id: 'cam', user: 'alice', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 12000 },
      { id: 'mix', user: 'tic_mixstream_1234_1', type: 3, url: `${FIXTURES}/cam-b.mp4`, start: 0, duration: 12000 },
      { id: 'mp3', user: 'alice', type: 4, url: `${FIXTURES}/audio-a.mp3`, start: 0, duration: 12000 },
    ]);
    await loaded(player);
    const byId = Object.fromEntries(mediaElements(player).map((element) => [element.dataset.videoId, element]));
    expect(byId.cam!.muted).to.equal(false);
    expect(byId.mix!.muted).to.equal(true);
    expect(byId.mp3!.muted).to.equal(true);
    expect(byId.mp3!.tagName).to.equal('AUDIO');
  });

  it('replaces the whole replay when src or result changes', async () => {
    const player = await classPlayer();
    await seekTo(player, 4.5);
    const before = mediaElements(player);
    expect(before.length).to.be.above(2);
    const reloadEvents: string[] = [];
    for (const type of ['emptied', 'loadstart', 'loadedmetadata', 'loadeddata', 'canplay']) {
      player.addEventListener(type, () => reloadEvents.push(type));
    }
    player.result = recording([{ id: 'only', url: `${FIXTURES}/cam-b.mp4`, start: 0, duration: 5000 }]);
    await until(() => player.duration === 5, 'the new recording is loaded');
    await loaded(player);
    expect(reloadEvents).to.deep.equal(['emptied', 'loadstart', 'loadedmetadata', 'loadeddata', 'canplay']);
    expect(mediaElements(player).map((element) => element.dataset.videoId)).to.deep.equal(['only']);
    for (const element of before) expect(element.isConnected).to.equal(false);
    expect(player.currentTime).to.equal(0);
  });

  it('tears everything down when removed from the page', async () => {
    const player = await classPlayer();
    await seekTo(player, 4.5);
    await player.play();
    const elements = mediaElements(player);
    player.remove();
    await delay(50);
    expect(mediaElements(player)).to.have.length(0);
    for (const element of elements) {
      expect(element.paused).to.equal(true);
      expect(element.getAttribute('src')).to.equal(null);
    }
  });

  it('autoplay and muted attributes work like a video element', async () => {
    const player = createPlayer({ autoplay: true, muted: true });
    const playing = nextEvent(player, 'playing');
    player.result = CLASS;
    await playing;
    expect(player.paused).to.equal(false);
    expect(player.muted).to.equal(true);
    for (const element of mediaElements(player)) expect(element.muted).to.equal(true);
  });
});

describe('<tic-replay> controls', () => {
  it('follows <video controls>: no control bar unless the attribute is there', async () => {
    const player = await classPlayer();
    const videojsRoot = () => player.shadowRoot!.querySelector('.video-js')!;
    expect(videojsRoot().classList.contains('vjs-controls-disabled')).to.equal(true);
    player.controls = true;
    await player.updateComplete;
    expect(videojsRoot().classList.contains('vjs-controls-enabled')).to.equal(true);
  });

  it("drives the master clock from video.js's control bar", async () => {
    const player = await classPlayer({ controls: true });
    const root = player.shadowRoot!;
    const playing = nextEvent(player, 'playing');
    root.querySelector<HTMLButtonElement>('.vjs-play-control')!.click();
    await playing;
    expect(player.paused).to.equal(false);
    const paused = nextEvent(player, 'pause');
    root.querySelector<HTMLButtonElement>('.vjs-play-control')!.click();
    await paused;
    expect(root.querySelector('.vjs-duration-display')!.textContent).to.contain('0:20');
    expect(root.querySelectorAll('.vjs-playback-rate .vjs-menu-item').length).to.equal(6);
    expect(root.querySelector('.vjs-playback-rate')!.classList.contains('vjs-hidden'), 'the rate menu is shown').to.equal(false);
  });
});

describe('<tic-replay> seeking from a loadedmetadata handler', () => {
  it('keeps a position set in loadedmetadata, as <video> does', async () => {
    const player = createPlayer();
    player.addEventListener('loadedmetadata', () => (player.currentTime = 7.25), { once: true });
    player.result = CLASS;
    await loaded(player);
    expect(player.currentTime).to.equal(7.25);
  });
});
