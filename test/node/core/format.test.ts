// Times and tile facts as the player, the review page and the command line all show them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formatClock, formatClockMs, formatClockTenths, formatSpanMs, ownerOfSubstream, tileFacts, tileRole } from '../../../src/core/format/index.js';
import { VideoType } from '../../../src/core/recording/recording.js';

/** `h:mm:ss` or `m:ss` back to whole seconds. */
function secondsOf(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

describe('formatClock', () => {
  test('m:ss under an hour, h:mm:ss from an hour on', () => {
    const table: Array<[number, string]> = [
      [0, '0:00'],
      [0.999, '0:00'],
      [5, '0:05'],
      [75.3, '1:15'],
      [599.9, '9:59'],
      [3599.99, '59:59'],
      [3600, '1:00:00'],
      [3725, '1:02:05'],
      [36000 + 61, '10:01:01'],
    ];
    for (const [seconds, shown] of table) assert.equal(formatClock(seconds), shown, String(seconds));
  });

  test('negative, NaN and infinite times show as 0:00', () => {
    for (const seconds of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.equal(formatClock(seconds), '0:00');
    }
  });

  test('a time in ms that is a whole second never shows a second short', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100 * 3600 }), (wholeSeconds) => {
        assert.equal(secondsOf(formatClockMs(wholeSeconds * 1000)), wholeSeconds);
      }),
    );
  });

  test('reads back as the whole seconds it shows, with two-digit minutes and seconds after the first field', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200 * 3600, noNaN: true }), (seconds) => {
        const shown = formatClock(seconds);
        assert.match(shown, /^(\d+:[0-5]\d:[0-5]\d|[0-5]?\d:[0-5]\d)$/);
        assert.ok(Math.abs(secondsOf(shown) - Math.floor(seconds)) <= 1);
        assert.equal(shown.split(':').length === 3, Math.floor(seconds + 1e-6) >= 3600);
      }),
    );
  });

  test('tenths are cut, never rounded up past the clock; spans join two times', () => {
    assert.equal(formatClockTenths(75.34), '1:15.3');
    assert.equal(formatClockTenths(75.99), '1:15.9');
    assert.equal(formatClockTenths(-3), '0:00.0');
    assert.equal(formatSpanMs(5000, 80000), '0:05–1:20');
  });
});

describe('tileFacts', () => {
  test('whose stream it is, from VideoType and UserId', () => {
    assert.deepEqual(tileFacts(VideoType.Whiteboard, ''), { kind: 'whiteboard' });
    assert.deepEqual(tileFacts(VideoType.MixedStream, 'tic_mixstream_1234_grid'), { kind: 'mixed-stream' });
    assert.deepEqual(tileFacts(VideoType.ScreenShare, 'tic_substream_alice'), { kind: 'screen-share', userId: 'alice' });
    assert.deepEqual(tileFacts(VideoType.ScreenShare, 'bob'), { kind: 'screen-share', userId: 'bob' });
    assert.deepEqual(tileFacts(VideoType.AudioOnly, 'carol'), { kind: 'audio', userId: 'carol' });
    assert.deepEqual(tileFacts(VideoType.Camera, ''), { kind: 'camera', userId: '' });
  });

  test('only a leading tic_substream_ is the prefix', () => {
    fc.assert(
      fc.property(fc.string(), (userId) => {
        assert.equal(ownerOfSubstream(`tic_substream_${userId}`), userId);
        if (!userId.startsWith('tic_substream_')) assert.equal(ownerOfSubstream(userId), userId);
      }),
    );
  });

  test('the tile role (CSS part) by VideoType', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((type) => tileRole(type as VideoType)), ['camera', 'screen', 'whiteboard', 'mixed', 'camera']);
  });
});
