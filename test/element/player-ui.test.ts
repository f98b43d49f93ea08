import { expect } from '@esm-bundle/chai';
import type { TicReplayElement } from '../../src/element/tic-replay.component.js';
import { sendMouse } from '@web/test-runner-commands';
import { registerReplayTech, RECORDING_MIME_TYPE } from '../../src/player/replay-tech.js';
import { FIXTURES, createPlayer, delay, loaded, mediaElements, nextEvent, recording, seekTo, until } from '../helpers/element.js';

const CLASS = recording(
  [
    { id: 'alice', user: 'alice', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 12000 },
    { id: 'bob', user: 'bob', url: `${FIXTURES}/cam-b.mp4`, start: 0, duration: 12000 },
    { id: 'board', user: '', type: 2, url: `${FIXTURES}/board.mp4`, start: 0, duration: 6000 },
    { id: 'board2', user: '', type: 2, url: `${FIXTURES}/board.mp4?part=2`, start: 6000, duration: 6000 },
  ],
  16000,
);

async function classPlayer(attributes: Record<string, string | boolean> = {}): Promise<TicReplayElement> {
  const player = createPlayer({ controls: true, ...attributes });
  player.result = CLASS;
  await loaded(player);
  await player.updateComplete;
  return player;
}

const shadow = (player: TicReplayElement) => player.shadowRoot!;
const mainTile = (player: TicReplayElement) => shadow(player).querySelector<HTMLElement>('.main [part~="tile"]');
const stripTracks = (player: TicReplayElement) =>
  [...shadow(player).querySelectorAll<HTMLElement>('.strip [part~="tile"][part~="active"]')].map((tile) => tile.dataset.trackId);

function key(player: TicReplayElement, keyName: string): void {
  player.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, composed: true }));
}

describe('<tic-replay> layouts', () => {
  it('presentation: whiteboard in the main area, cameras in the strip in a stable order', async () => {
    const player = await classPlayer();
    expect(mainTile(player)!.dataset.trackId).to.equal('2:');
    expect(stripTracks(player)).to.deep.equal(['0:alice', '0:bob']);
    await seekTo(player, 7); // the whiteboard's second file: same tile, same place
    expect(mainTile(player)!.dataset.trackId).to.equal('2:');
    expect(stripTracks(player)).to.deep.equal(['0:alice', '0:bob']);
  });

  it('clicking a camera tile pins it to the main area and swaps the whiteboard into the strip, and back', async () => {
    const player = await classPlayer();
    shadow(player).querySelector<HTMLButtonElement>('[data-track-id="0:bob"] .pin-target')!.click();
    await delay(0);
    expect(mainTile(player)!.dataset.trackId).to.equal('0:bob');
    expect(stripTracks(player)).to.deep.equal(['2:', '0:alice']);
    shadow(player).querySelector<HTMLButtonElement>('.main .pin-target')!.click();
    await delay(0);
    expect(mainTile(player)!.dataset.trackId).to.equal('2:');
  });

  it('grid puts every stream in equal tiles; focus keeps one big with the others small; switchable from the control bar', async () => {
    const player = await classPlayer({ layout: 'grid' });
    expect(mainTile(player)).to.equal(null);
    expect(stripTracks(player)).to.deep.equal(['2:', '0:alice', '0:bob']);
    const sizes = [...shadow(player).querySelectorAll<HTMLElement>('.strip [part~="tile"]')].map((tile) => Math.round(tile.getBoundingClientRect().width));
    expect(new Set(sizes).size).to.equal(1);

    player.layout = 'focus';
    await player.updateComplete;
    const main = mainTile(player)!.getBoundingClientRect();
    const small = shadow(player).querySelector<HTMLElement>('.strip [part~="tile"]')!.getBoundingClientRect();
    expect(main.width).to.be.above(player.getBoundingClientRect().width * 0.9);
    expect(small.width).to.be.below(main.width / 3);

    const items = [...shadow(player).querySelectorAll<HTMLElement>('.vjs-tic-layout-button .vjs-menu-item')];
    expect(items.map((item) => item.querySelector('.vjs-menu-item-text')!.textContent)).to.deep.equal(['Presentation', 'Grid', 'Focus']);
    items[1]!.click();
    await player.updateComplete;
    expect(player.layout).to.equal('grid');
    expect(player.getAttribute('layout')).to.equal('grid');
  });

  it('hides and mutes one track from its tile, and brings it back', async () => {
    const player = await classPlayer();
    const alice = () => mediaElements(player).find((element) => element.dataset.videoId === 'alice')!;
    const tools = () => shadow(player).querySelector<HTMLElement>('[data-track-id="0:alice"] .tile-tools')!;
    tools().querySelector<HTMLButtonElement>('button[aria-label="Mute alice"]')!.click();
    await delay(0);
    expect(alice().muted).to.equal(true);
    expect(mediaElements(player).find((element) => element.dataset.videoId === 'bob')!.muted).to.equal(false);
    tools().querySelector<HTMLButtonElement>('button[aria-label="Hide alice"]')!.click();
    await delay(0);
    expect(stripTracks(player)).to.deep.equal(['0:bob']);
    expect(alice().isConnected, 'a hidden track keeps its element (sound and sync go on)').to.equal(true);
    shadow(player).querySelector<HTMLButtonElement>('[part="restore"] button')!.click();
    await delay(0);
    expect(stripTracks(player)).to.deep.equal(['0:alice', '0:bob']);
  });

  it('stacks the strip under the main area in a narrow portrait player', async () => {
    const player = await classPlayer();
    player.style.width = '360px';
    player.style.setProperty('--tic-aspect-ratio', '9 / 16');
    await delay(50);
    const main = mainTile(player)!.getBoundingClientRect();
    const camera = shadow(player).querySelector<HTMLElement>('.strip [part~="tile"]')!.getBoundingClientRect();
    expect(camera.top).to.be.at.least(main.bottom - 1);
  });
});

describe('<tic-replay> timeline lanes', () => {
  it('draws one lane per track with its files, marks the pause cut, and seeks where a lane is clicked', async () => {
    const player = await classPlayer();
    const lanes = [...shadow(player).querySelectorAll<HTMLElement>('.vjs-tic-lane')];
    expect(lanes.map((lane) => lane.dataset.trackId)).to.deep.equal(['2:', '0:alice', '0:bob']);
    expect(lanes[0]!.querySelectorAll('.vjs-tic-lane-segment')).to.have.length(2);
    expect(lanes[0]!.getAttribute('aria-label')).to.equal('Whiteboard: 0:00–0:06, 0:06–0:12');
    const cuts = shadow(player).querySelectorAll<HTMLElement>('.vjs-tic-lane-cut');
    expect([...cuts].map((cut) => cut.style.left)).to.deep.equal(['37.5%']); // 6 s of 16 s

    // A real click, as a person would: hover the player so the control bar shows, then click the lane.
    const box = player.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.bottom - 10)] });
    await delay(100);
    const lane = lanes[1]!.getBoundingClientRect();
    const seeked = nextEvent(player, 'seeked');
    await sendMouse({ type: 'click', position: [Math.round(lane.left + lane.width * 0.25), Math.round(lane.top + lane.height / 2)] });
    await seeked;
    expect(player.currentTime).to.be.closeTo(4, 0.3);
  });
});

describe('<tic-replay> keyboard', () => {
  it('is reachable with Tab and focus(), and answers the usual player keys', async () => {
    const player = await classPlayer();
    expect(player.tabIndex).to.equal(0);
    player.focus();
    expect(document.activeElement).to.equal(player);

    const playing = nextEvent(player, 'playing');
    key(player, ' ');
    await playing;
    key(player, 'k');
    expect(player.paused).to.equal(true);

    await seekTo(player, 5);
    key(player, 'ArrowRight');
    expect(player.currentTime).to.equal(10);
    key(player, 'j');
    expect(player.currentTime).to.equal(0);
    key(player, 'l');
    expect(player.currentTime).to.equal(10);
    key(player, '5');
    expect(player.currentTime).to.equal(8);
    key(player, 'ArrowDown');
    expect(player.volume).to.equal(0.9);
    key(player, 'ArrowUp');
    expect(player.volume).to.equal(1);
    key(player, 'm');
    expect(player.muted).to.equal(true);
    key(player, '>');
    expect(player.playbackRate).to.equal(1.25);
    key(player, '<');
    key(player, '<');
    expect(player.playbackRate).to.equal(0.75);
  });

  it('leaves keys to a focused control', async () => {
    const player = await classPlayer();
    const slider = shadow(player).querySelector<HTMLElement>('.vjs-progress-holder')!;
    slider.focus();
    await seekTo(player, 2);
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await delay(50);
    // video.js's slider takes its own 5 s step; the player's shortcut must not add another.
    expect(player.currentTime).to.equal(7);
  });
});

describe('<tic-replay> start position', () => {
  it('starts at the start attribute', async () => {
    const player = createPlayer({ start: '7.5' });
    player.result = CLASS;
    await loaded(player);
    expect(player.currentTime).to.equal(7.5);
  });

  it('remembers the position per recording when asked to', async () => {
    localStorage.clear();
    const first = await classPlayer({ 'remember-position': true });
    await seekTo(first, 9.25);
    first.pause();
    first.dispatchEvent(new Event('pause'));
    await first.play();
    first.pause();
    const remembered = first.currentTime;
    first.remove();
    const second = createPlayer({ 'remember-position': true });
    second.result = CLASS;
    await loaded(second);
    expect(second.currentTime).to.be.closeTo(remembered, 0.05);
    const third = createPlayer();
    third.result = CLASS;
    await loaded(third);
    expect(third.currentTime, 'only when asked').to.equal(0);
  });
});

describe('the TicReplay Tech in a page that already uses video.js', () => {
  it('plays a recording in the page\'s own video.js player', async () => {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/video.js/dist/video.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('video.js did not load'));
      document.head.append(script);
    });
    const pageVideojs = (window as unknown as { videojs: Parameters<typeof registerReplayTech>[0] & ((el: Element, options: object) => { play(): Promise<void>; currentTime(): number; duration(): number; dispose(): void; ready(fn: () => void): void }) }).videojs;
    registerReplayTech(pageVideojs);
    const element = document.createElement('video-js');
    element.style.cssText = 'display:block;width:480px;height:270px';
    document.body.append(element);
    const player = pageVideojs(element, {
      techOrder: ['TicReplay'],
      controls: true,
      sources: [{ src: '/test/fixtures/recordings/relative-urls.json', type: RECORDING_MIME_TYPE }],
    });
    try {
      await until(() => player.duration() > 0, 'the recording is loaded');
      await until(() => element.querySelectorAll('video[data-state="active"]').length > 0, 'files are mounted in the page');
      await player.play();
      await delay(500);
      expect(player.currentTime()).to.be.above(0.2);
    } finally {
      player.dispose();
    }
  });
});

describe('<tic-replay> languages', () => {
  it('speaks Simplified Chinese when its lang (or the page\'s) says so, and switches live', async () => {
    const player = createPlayer({ controls: true, lang: 'zh-CN' });
    const errors: string[] = [];
    player.addEventListener('error', (event) => errors.push((event as CustomEvent<{ message: string }>).detail.message));
    player.result = recording([
      ...(CLASS.VideoInfos as Array<Record<string, unknown>>).map((info) => ({
        id: info.VideoId as string,
        user: info.UserId as string,
        type: info.VideoType as number,
        url: info.VideoUrl as string,
        start: info.VideoPlayTime as number,
        duration: info.VideoDuration as number,
      })),
      { id: 'bad', url: `${FIXTURES}/cam-a.mp4`, start: -1, duration: 1000 },
    ]);
    await loaded(player);
    await player.updateComplete;
    const labels = () => [...shadow(player).querySelectorAll('[part="label"]')].map((label) => label.textContent);
    expect(labels()).to.include('白板');
    expect(errors[0]).to.contain('VideoInfos[4].VideoPlayTime');
    expect(errors[0]).to.match(/[\u4e00-\u9fff]/);
    expect(player.getAttribute('aria-label')).to.equal('课堂录制回放');
    expect(shadow(player).querySelector('.vjs-play-control .vjs-control-text')!.textContent).to.equal('播放');

    player.lang = 'en';
    await delay(20);
    expect(labels()).to.include('Whiteboard');
    expect(shadow(player).querySelector('.vjs-play-control .vjs-control-text')!.textContent).to.equal('Play');
  });
});
