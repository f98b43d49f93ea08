// The progress display: one line rewritten on a terminal, a line every tenth in logs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ComposeProgress, formatDuration } from '../../../src/node/compose/progress.js';

function fakeStream(isTTY: boolean) {
  let text = '';
  return { isTTY, write: (chunk: string) => (text += chunk), text: () => text };
}

describe('compose progress', () => {
  it('says percent, speed and time left', () => {
    let nowMs = 0;
    const stream = fakeStream(false);
    const progress = new ComposeProgress(stream, 100, () => nowMs);
    nowMs = 10_000;
    progress.update(40);
    assert.equal(progress.line(), 'Composing  40% · 4.0× real time · 0:15 left');
  });

  it('writes a plain line every tenth when not on a terminal', () => {
    let nowMs = 0;
    const stream = fakeStream(false);
    const progress = new ComposeProgress(stream, 100, () => nowMs);
    for (let s = 0; s <= 100; s += 1) {
      nowMs += 100;
      progress.update(s);
    }
    const lines = stream.text().trim().split('\n');
    assert.equal(lines.length, 10);
    assert.ok(lines.every((line) => !line.includes('\r')));
  });

  it('rewrites one line on a terminal, and clears it at the end', () => {
    let nowMs = 0;
    const stream = fakeStream(true);
    const progress = new ComposeProgress(stream, 100, () => nowMs);
    for (let s = 0; s <= 100; s += 10) {
      nowMs += 1000;
      progress.update(s);
    }
    progress.finish();
    assert.ok(!stream.text().includes('\n'));
    assert.ok(stream.text().endsWith('\r\x1b[2K'));
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    assert.equal(formatDuration(65), '1:05');
    assert.equal(formatDuration(3725), '1:02:05');
  });
});
