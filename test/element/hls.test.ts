import { expect } from '@esm-bundle/chai';
import { liveHlsInstances } from '../../src/media/hls-source.js';
import { FIXTURES, FRAME_MS, createPlayer, delay, loaded, mediaElements, recording, seekTo, until } from '../helpers/element.js';
import { readFrameNumber } from '../helpers/frame-code.js';

const hlsRequested = () => performance.getEntriesByType('resource').some((entry) => /hls\.light/.test(entry.name));

describe('<tic-replay> with HLS files', () => {
  it('does not download hls.js for a recording without HLS files', async () => {
    const player = createPlayer();
    player.result = recording([{ id: 'a', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 5000 }]);
    await loaded(player);
    expect(hlsRequested()).to.equal(false);
  });

  it('plays an m3u8 file through hls.js in sync with an mp4 file', async () => {
    const player = createPlayer();
    player.result = recording([
      { id: 'hls', url: `${FIXTURES}/hls/cam-h.m3u8`, start: 0, duration: 12000 },
      { id: 'mp4', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 12000 },
    ]);
    await loaded(player);
    expect(hlsRequested()).to.equal(true);
    expect(liveHlsInstances()).to.equal(1);

    for (const seconds of [3.3, 7.71, 1.05]) {
      await seekTo(player, seconds);
      const expected = Math.floor((player.currentTime * 1000) / FRAME_MS);
      for (const video of mediaElements(player, 'active') as HTMLVideoElement[]) {
        expect(Math.abs(readFrameNumber(video) - expected), `${video.dataset.videoId} at ${seconds} s`).to.be.at.most(1);
      }
    }

    await player.play();
    await delay(1500);
    const clockS = player.currentTime;
    for (const element of mediaElements(player, 'active')) {
      expect(Math.abs(element.currentTime - clockS), element.dataset.videoId).to.be.below((3 * FRAME_MS) / 1000);
    }
    player.remove();
    await until(() => liveHlsInstances() === 0, 'hls.js is destroyed with the player');
  });
});
