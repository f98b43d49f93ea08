import { expect } from '@esm-bundle/chai';
import { FIXTURES, FRAME_MS, createPlayer, delay, loaded, mediaElements, seekTo, until } from '../helpers/element.js';
import { readFrameNumber } from '../helpers/frame-code.js';

// test/fixtures/archive/ was written by `tic-replay archive` (kept identical to the command's
// output by test/node/cli/archive-fixture.test.ts): recording.json with relative URLs, mp4, mp3 and
// an HLS folder. The copy must play from the archive folder alone.
const ARCHIVE = `${FIXTURES}/archive`;

describe('<tic-replay> playing an archived copy', () => {
  it('loads recording.json from the archive and plays every file from beside it, in sync', async () => {
    const player = createPlayer({ src: `${ARCHIVE}/recording.json` });
    await loaded(player);
    const archiveUrl = new URL(`${ARCHIVE}/media/`, location.href).href;
    await seekTo(player, 4.5);
    await until(() => mediaElements(player, 'active').length === 4, 'all four archived files are on the stage');
    for (const element of mediaElements(player, 'active')) {
      const source = element.currentSrc || element.src;
      // hls.js plays through a blob: MediaSource URL; the playlist it loaded is checked below.
      if (!source.startsWith('blob:')) expect(source, element.dataset.videoId).to.match(new RegExp(`^${archiveUrl}`));
    }
    const playlistLoads = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/archive/media/student-hls/'));
    expect(playlistLoads.map((entry) => new URL(entry.name).pathname)).to.include(`${ARCHIVE}/media/student-hls/index.m3u8`);

    for (const seconds of [4.5, 9.31, 2.7]) {
      await seekTo(player, seconds);
      for (const video of mediaElements(player, 'active').filter((element): element is HTMLVideoElement => element instanceof HTMLVideoElement)) {
        // The HLS file starts 2 s into the replay, so its frame is 2 s behind the clock.
        const offsetMs = video.dataset.videoId === 'student-hls' ? 2000 : 0;
        const expected = Math.floor((player.currentTime * 1000 - offsetMs) / FRAME_MS);
        expect(Math.abs(readFrameNumber(video) - expected), `${video.dataset.videoId} at ${seconds} s`).to.be.at.most(1);
      }
    }

    await player.play();
    await delay(1000);
    expect(player.paused).to.equal(false);
    expect(player.currentTime).to.be.above(3.2);
  });
});
