// tic-replay/core is the part of the package that Node shares with the browser: it must load with no
// DOM and no side effect, and give the parser, the timeline and the clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the core imports in Node with no DOM globals', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const core = await import('../../src/core/index.js');
  assert.equal(typeof core.parseRecording, 'function');
  assert.equal(typeof core.buildTimeline, 'function');
  assert.equal(typeof core.MasterClock, 'function');
  assert.equal(typeof (globalThis as { customElements?: unknown }).customElements, 'undefined');
});

test('the core parses and places a recording in Node', async () => {
  const { parseRecording, buildTimeline, filesActiveAt } = await import('../../src/core/index.js');
  const { recording } = parseRecording(
    {
      TotalTime: 20000,
      VideoInfos: [
        { VideoId: 'a', UserId: 'teacher', VideoType: 0, VideoPlayTime: 0, VideoDuration: 10000, VideoUrl: 'https://x.test/a.mp4' },
        { VideoId: 'b', UserId: '', VideoType: 2, VideoPlayTime: 5000, VideoDuration: 15000, VideoUrl: 'https://x.test/b.mp4' },
      ],
    },
    { baseUrl: 'https://x.test/' },
  );
  const timeline = buildTimeline(recording);
  assert.equal(timeline.durationMs, 20000);
  assert.deepEqual(filesActiveAt(timeline, 7000).map((file) => file.file.videoId).sort(), ['a', 'b']);
  assert.deepEqual(filesActiveAt(timeline, 12000).map((file) => file.file.videoId), ['b']);
});
