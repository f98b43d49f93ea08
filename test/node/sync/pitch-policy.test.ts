// Which rates keep their pitch (time-stretched) and which are resampled, with the replay's pace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PICTURE_PACE } from '../../../src/core/sync/picture-pace.js';
import { keepsPitchAt, smoothReadings } from '../../../src/core/sync/pitch-policy.js';
import { PLAYBACK_RATES } from '../../../src/core/playback/playback-rates.js';

test('1× with or without the pace is resampled; every other speed in the menu keeps its pitch, with or without it', () => {
  assert.equal(keepsPitchAt(1), false);
  assert.equal(keepsPitchAt(PICTURE_PACE), false);
  for (const rate of PLAYBACK_RATES.filter((rate) => rate !== 1)) {
    assert.equal(keepsPitchAt(rate), true, `${rate}`);
    assert.equal(keepsPitchAt(rate * PICTURE_PACE), true, `${rate} × pace`);
  }
});

test('the sync reads an element with audio as smooth at 1× with the pace (resampled), not at 1.5× with it (time-stretched: a sawtooth); one without audio always', () => {
  assert.equal(smoothReadings(true, PICTURE_PACE), true);
  assert.equal(smoothReadings(true, 1.5 * PICTURE_PACE), false);
  for (const rate of [PICTURE_PACE, 1.5 * PICTURE_PACE, 2]) assert.equal(smoothReadings(false, rate), true, `${rate}`);
});
