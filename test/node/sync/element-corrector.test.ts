// One element's corrector, alone: what a steady step costs it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ElementCorrector } from '../../../src/core/sync/element-corrector.js';

describe('ElementCorrector', () => {
  test('a steady element within its band does not ask for the reference’s noise (a median over every element) once it has settled', () => {
    const corrector = new ElementCorrector(true);
    let noiseReads = 0;
    const reference = {
      slope: 0,
      drift: 0,
      get noise() {
        noiseReads += 1;
        return 0.05;
      },
    };
    let readsWhileSettled = 0;
    for (let atMs = 0; atMs <= 3000; atMs += 16) {
      corrector.observe(atMs, 0.2);
      if (atMs === 1200) readsWhileSettled = noiseReads;
      assert.equal(corrector.decide(atMs, 0.2, reference, 1).kind, 'none');
    }
    assert.equal(noiseReads, readsWhileSettled, `read ${noiseReads - readsWhileSettled} times after it settled`);
  });

  test('it asks to be read every step while new, settling or correcting, and not once steady', () => {
    const corrector = new ElementCorrector(true);
    const reference = { slope: 0, drift: 0, noise: 0.05 };
    assert.equal(corrector.attending(0), true, 'no readings yet');
    let atMs = 0;
    for (; atMs <= 3500; atMs += 16) {
      corrector.observe(atMs, 0.2);
      corrector.decide(atMs, 0.2, reference, 1);
    }
    assert.equal(corrector.attending(atMs), false, 'steady, settled');
    // Off by 6 ms: above its band, then correcting until closed.
    let sawCorrection = false;
    for (let errorMs = 6.2; atMs <= 6000; atMs += 16) {
      corrector.observe(atMs, errorMs);
      const action = corrector.decide(atMs, errorMs - 0.2, reference, 1);
      if (action.kind === 'rate' && action.playbackRate !== 1) sawCorrection = true;
      if (sawCorrection && errorMs > 0.2) {
        // Well short of closed: still correcting.
        if (errorMs > 2) assert.equal(corrector.attending(atMs), true, `correcting, ${errorMs.toFixed(2)} ms off`);
        errorMs = Math.max(0.2, errorMs - 16 * 0.01);
      }
    }
    assert.ok(sawCorrection);
    assert.equal(corrector.attending(atMs), false, 'closed and steady again');
  });
});
