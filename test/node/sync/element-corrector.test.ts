// One element's corrector, alone: what a steady step costs it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ElementCorrector } from '../../../src/core/sync/element-corrector.js';

describe('ElementCorrector', () => {
  test('a steady element within its band does not ask for the reference’s noise (a median over every element) once it has settled', () => {
    const corrector = new ElementCorrector(true);
    let noiseReads = 0;
    const reference = {
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
});
