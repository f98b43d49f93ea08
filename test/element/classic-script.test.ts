// The classic-script build (dist/tic-replay.iife.js, built before the tests) in a page of its own.
import { expect } from '@esm-bundle/chai';

async function pageWithClassicScript(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:500px;border:0';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write('<!doctype html><html><body><script src="/dist/tic-replay.iife.js"></script></body></html>');
  doc.close();
  await new Promise<void>((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (frame.contentWindow?.customElements.get('tic-replay')) resolve();
      else if (performance.now() - started > 10000) reject(new Error('the classic script did not define <tic-replay>'));
      else setTimeout(check, 20);
    };
    check();
  });
  return frame;
}

describe('dist/tic-replay.iife.js (classic script)', () => {
  it('defines <tic-replay>, exposes window.TicReplay, and loads hls.js from beside itself for an HLS file', async () => {
    const frame = await pageWithClassicScript();
    try {
      const win = frame.contentWindow as Window & { TicReplay?: Record<string, unknown> };
      expect(typeof win.TicReplay?.registerReplayTech).to.equal('function');
      const player = win.document.createElement('tic-replay') as HTMLElement & { result: unknown; readyState: number; play(): Promise<void>; currentTime: number };
      win.document.body.append(player);
      player.result = {
        TotalTime: 6000,
        VideoInfos: [{ VideoPlayTime: 0, VideoDuration: 6000, VideoUrl: '/test/fixtures/hls/cam-h.m3u8?iife=1', VideoId: 'h', VideoType: 0, UserId: 'h', VideoFormat: 'm3u8' }],
      };
      const started = performance.now();
      while (player.readyState < 3) {
        if (performance.now() - started > 15000) throw new Error('the HLS file did not load');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const loadedHls = win.performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/dist/tic-replay-hls.mjs'));
      expect(loadedHls, 'hls.js came from dist/tic-replay-hls.mjs').to.equal(true);
      await player.play();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(player.currentTime > 0.2, 'it plays').to.equal(true);
    } finally {
      frame.remove();
    }
  });
});
