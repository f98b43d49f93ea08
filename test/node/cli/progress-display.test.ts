// The archive's display: redrawn lines on a terminal, plain lines in a log.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createProgressDisplay, formatBytes } from '../../../src/node/progress-display.js';

function capture(isTTY: boolean): { stream: Writable & { isTTY: boolean; columns: number }; text: () => string } {
  let written = '';
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    { isTTY, columns: 100 },
  );
  return { stream, text: () => written };
}

test('on a terminal: each transfer with its bytes, then the total and speed, redrawn in place', async () => {
  const { stream, text } = capture(true);
  const display = createProgressDisplay(stream);
  display.planned?.(2);
  display.bytes?.('media/a.mp4', 'a', 512 * 1024, 1024 * 1024);
  await new Promise((resolve) => setTimeout(resolve, 250));
  assert.match(text(), /a {2}512 KiB \/ 1\.0 MiB/);
  assert.match(text(), /0\/2 files, 512 KiB at .*\/s/);
  display.transferEnded?.('media/a.mp4');
  display.fileDone?.('a', 'media/a.mp4', 1024 * 1024, false);
  display.finish();
  assert.match(text(), /\x1b\[\d+A\x1b\[J/, 'earlier lines are cleared, not repeated');
  assert.match(text(), /archived a → media\/a\.mp4 \(1\.0 MiB\)\n/);
});

test('in a log: one plain line per file, no control characters', () => {
  const { stream, text } = capture(false);
  const display = createProgressDisplay(stream);
  display.planned?.(2);
  display.bytes?.('media/a.mp4', 'a', 100, 200);
  display.fileDone?.('a', 'media/a.mp4', 200, true);
  display.fileFailed?.('b', 'https://cdn.test/b.mp4', 'HTTP 404 Not Found');
  display.finish();
  assert.equal(text(), '[1/2] verified a → media/a.mp4 (200 B)\n[2/2] FAILED b https://cdn.test/b.mp4: HTTP 404 Not Found\n');
  assert.equal(formatBytes(381 * 1024 * 1024), '381 MiB');
});
