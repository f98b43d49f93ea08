// The sync strategy on simulated media (see simulation.ts): what a viewer would see (streams apart,
// pictures jumping) and what it costs (rate writes, seeks), without a browser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CommonModeStrategy } from '../../../src/core/sync/common-mode-strategy.js';
import { DEFAULT_ELEMENT_CORRECTION_TUNING } from '../../../src/core/sync/element-correction-tuning.js';
import { simulate, type SimStreamSpec } from './simulation.js';

/** Chromium's audio output here runs about 0.1 % fast against performance.now(). */
const AUDIO_SKEW = 1.001;
/** A rate written to an element with audio applies once its output buffer plays out: ~90 ms measured in Chromium. */
const camera = (id: string, extra: Partial<SimStreamSpec> = {}): SimStreamSpec => ({ id, hasAudio: true, skew: AUDIO_SKEW, rateLatencyMs: 90, ...extra });
/** A video-only element runs on the wall clock. */
const board = (extra: Partial<SimStreamSpec> = {}): SimStreamSpec => ({ id: 'board', hasAudio: false, skew: 1, ...extra });

const totalWrites = (result: ReturnType<typeof simulate>) => [...result.media.values()].reduce((sum, media) => sum + media.writes.length, 0);
const totalSeeks = (result: ReturnType<typeof simulate>) => [...result.media.values()].reduce((sum, media) => sum + media.seeks.length, 0);

describe('common-mode error: the clock follows the streams', () => {
  test('a lag shared by every stream moves the clock, not the elements', () => {
    const result = simulate({ streams: [camera('a', { startErrorMs: -30 }), camera('b', { startErrorMs: -30 }), camera('c', { startErrorMs: -30 })], durationMs: 8000 });
    assert.equal(totalWrites(result), 0, 'no element rate was written');
    assert.equal(totalSeeks(result), 0, 'no element was seeked');
    const last = result.samples.at(-1)!;
    for (const errorMs of Object.values(last.errorsMs)) assert.ok(Math.abs(errorMs) < 1, `the clock reached the streams (error ${errorMs} ms)`);
  });

  test('the clock slews to the streams: it never jumps, and overshoots by under 2 ms', () => {
    const result = simulate({ streams: [camera('a', { startErrorMs: -40 }), camera('b', { startErrorMs: -40 })], durationMs: 10000 });
    let previous = -40;
    for (const sample of result.samples) {
      const errorMs = sample.errorsMs.a!;
      assert.ok(Math.abs(errorMs - previous) < 1.5, `the clock moved by ${errorMs - previous} ms in one frame`);
      assert.ok(errorMs <= 2, `the clock overshot the streams by ${-errorMs} ms`);
      previous = errorMs;
    }
  });

  test('the clock learns the audio clock’s rate, so streams at rate 1 have nothing to correct', () => {
    const result = simulate({ streams: [camera('a'), camera('b'), camera('c')], durationMs: 60000 });
    assert.equal(totalWrites(result), 0);
    const factor = result.samples.at(-1)!.clockRateFactor;
    assert.ok(Math.abs(factor - AUDIO_SKEW) < 0.0001, `the clock runs at ${factor} of the user's rate, the media at ${AUDIO_SKEW}`);
  });

  test('every stream far off the clock (a background tab) moves the clock at once, no element', () => {
    const result = simulate({ streams: [camera('a', { startErrorMs: -900 }), camera('b', { startErrorMs: -900 })], durationMs: 3000 });
    assert.equal(totalWrites(result) + totalSeeks(result), 0);
    assert.ok(result.decisions.some((decision) => decision.clockAdjustMs));
    assert.ok(Math.abs(result.samples.at(-1)!.errorsMs.a!) < 1);
  });
});

describe('differential error: each element corrected for its own deviation', () => {
  test('one stream 40 ms behind is brought back within 1 s with at most 2 rate writes', () => {
    const result = simulate({ streams: [camera('a'), camera('b'), camera('late', { startErrorMs: -40 })], durationMs: 5000 });
    const backAt = result.samples.find((sample) => sample.spreadMs <= 3)?.atMs;
    assert.ok(backAt !== undefined && backAt <= 1000, `within 3 ms of the others after ${backAt} ms`);
    assert.ok(result.maxSpreadAfter(1000) <= 3, `stays there (max spread ${result.maxSpreadAfter(1000)} ms)`);
    assert.ok(result.media.get("late")!.writes.length <= 2, `${result.media.get('late')!.writes.length} writes`);
    assert.equal(result.media.get('a')!.writes.length + result.media.get('b')!.writes.length, 0, 'the others are left alone');
    assert.equal(result.media.get('late')!.rate, 1, 'back at rate 1 once closed');
  });

  test('an element with audio one AAC frame off at rate 1 lands within 1 ms of the others, with one correction', () => {
    // Measured in Chromium: a camera starts 21.3 ms (1024 samples at 48 kHz) off the others in about
    // one start of 6–10, ahead or behind.
    for (const startErrorMs of [-21.3, 21.3, -42.7, 4]) {
      const result = simulate({ streams: [camera('a'), camera('b'), camera('off', { startErrorMs })], durationMs: 5000 });
      assert.equal(result.media.get('off')!.writes.length, 2, `from ${startErrorMs} ms: one start, one end`);
      const deviations = result.samples.filter((sample) => sample.atMs >= 2000).map((sample) => Math.abs(sample.errorsMs.off! - sample.errorsMs.a!));
      assert.ok(Math.max(...deviations) <= 1, `from ${startErrorMs} ms: up to ${Math.max(...deviations).toFixed(2)} ms off after 2 s`);
    }
  });

  test('an element with audio at rate 1: within the band, left alone, except while it settles after its start (to within the fine band); above it, corrected once it stays there', () => {
    const { upperBandMs, confirmMs, fineBandMs, settleMs } = DEFAULT_ELEMENT_CORRECTION_TUNING;
    const tiny = simulate({ streams: [camera('a'), camera('b'), camera('c', { startErrorMs: -0.8 * fineBandMs })], durationMs: 5000 });
    assert.equal(tiny.media.get('c')!.writes.length, 0, 'under the fine band: nothing');
    // Started 2 ms off (under the upper band): one correction while settling, to within the fine band; none later.
    const settling = simulate({ streams: [camera('a'), camera('b'), camera('c', { startErrorMs: -0.8 * upperBandMs, hiccups: [[5000, 0.8 * upperBandMs]] })], durationMs: 12000 });
    const writes = settling.media.get('c')!.writes;
    assert.equal(writes.length, 2, `${writes.length} writes`);
    assert.ok(writes[0]!.atMs < settleMs, `corrected while settling (${writes[0]!.atMs} ms)`);
    const offsets = settling.samples.filter((sample) => sample.atMs >= 1500 && sample.atMs < 5000).map((sample) => Math.abs(sample.errorsMs.c! - sample.errorsMs.a!));
    assert.ok(Math.max(...offsets) <= fineBandMs, `within ${Math.max(...offsets).toFixed(2)} ms of the others after 1.5 s`);
    assert.equal(settling.writesAfter('c', 2000), 0, 'the same offset later (a hiccup) is left alone');
    const small = simulate({ streams: [camera('a'), camera('b'), camera('c', { startErrorMs: -2 * upperBandMs })], durationMs: 3000 });
    const firstMs = small.media.get('c')!.writes[0]?.atMs;
    assert.ok(firstMs !== undefined && firstMs >= confirmMs && firstMs <= confirmMs + 200, `first write at ${firstMs} ms`);
  });

  test('an element with audio where a start left it (one AAC frame off) is closed at least 50 ms sooner than the same offset later, a hiccup', () => {
    const { freshMs } = DEFAULT_ELEMENT_CORRECTION_TUNING;
    const closedAfter = (result: ReturnType<typeof simulate>, fromMs: number) =>
      result.samples.find((sample) => sample.atMs > fromMs + 50 && Math.abs(sample.errorsMs.off! - sample.errorsMs.a!) <= 3)!.atMs - fromMs;
    const atStart = simulate({ streams: [camera('a'), camera('b'), camera('off', { startErrorMs: -21.3 })], durationMs: 3000 });
    const later = simulate({ streams: [camera('a'), camera('b'), camera('off', { hiccups: [[4000, 21.3]] })], durationMs: 7000 });
    const startMs = closedAfter(atStart, 0);
    const hiccupMs = closedAfter(later, 4000);
    assert.ok(4000 > freshMs && startMs + 50 <= hiccupMs, `closed in ${startMs} ms at its start, ${hiccupMs} ms as a hiccup`);
    assert.ok(atStart.media.get('off')!.writes.length <= 4, `${atStart.media.get('off')!.writes.length} writes`);
  });

  test('while settling, a correction that lands off (its write took effect sooner than guessed) is followed by a gentle one that lands within the fine band', () => {
    const { fineBandMs, settleMs } = DEFAULT_ELEMENT_CORRECTION_TUNING;
    // Measured in Chromium: cameras started 16 ms apart landed up to 0.9 ms apart after one correction.
    for (const startErrorMs of [-21.3, 16, 42.7]) {
      const result = simulate({ streams: [camera('a'), camera('b'), camera('off', { startErrorMs, rateLatencyMs: 55 })], durationMs: 8000 });
      const writes = result.media.get('off')!.writes;
      assert.ok(writes.length <= 4, `from ${startErrorMs} ms: ${writes.length} writes`);
      assert.ok(writes.every((write) => write.atMs < settleMs), `from ${startErrorMs} ms: all while settling`);
      const apart = result.samples.filter((sample) => sample.atMs >= settleMs).map((sample) => Math.abs(sample.errorsMs.off! - sample.errorsMs.a!));
      assert.ok(Math.max(...apart) <= fineBandMs, `from ${startErrorMs} ms: ${Math.max(...apart).toFixed(2)} ms apart after settling`);
    }
  });

  test('a video-only element that keeps pace with the others is brought within the fine band while it settles; one that drifts is not (its drift is learned first)', () => {
    const { fineBandMs, upperBandMs, settleMs } = DEFAULT_ELEMENT_CORRECTION_TUNING;
    const paced = simulate({ streams: [camera('a'), camera('b'), board({ skew: AUDIO_SKEW, startErrorMs: 0.9 * upperBandMs })], durationMs: 8000 });
    assert.ok(paced.media.get('board')!.writes.length <= 2, `${paced.media.get('board')!.writes.length} writes`);
    const apart = paced.samples.filter((sample) => sample.atMs >= settleMs).map((sample) => Math.abs(sample.errorsMs.board! - sample.errorsMs.a!));
    assert.ok(Math.max(...apart) <= fineBandMs, `${Math.max(...apart).toFixed(2)} ms apart after settling`);
    const drifting = simulate({ streams: [camera('a'), camera('b'), board({ startErrorMs: 0.5 })], durationMs: 2500 });
    assert.equal(drifting.media.get('board')!.writes.length, 0, 'drifting 1 ms a second: no fine correction before its drift is learned');
  });

  test('…and so is one whose start left every stream behind the clock: the clock slewing to them does not hide the element’s offset', () => {
    // Measured in Chromium: the cameras started 9 ms behind the clock and were read from 50 ms after
    // the whiteboard, which was 1.6 ms ahead of them; the clock took ~2 s to reach them, and the
    // whiteboard stayed 1.6 ms ahead for good.
    const { fineBandMs, settleMs } = DEFAULT_ELEMENT_CORRECTION_TUNING;
    const result = simulate({ streams: [camera('a', { startErrorMs: -9.4, readFromMs: 50 }), camera('b', { startErrorMs: -9.4, readFromMs: 50 }), board({ skew: AUDIO_SKEW, startErrorMs: -7.8 })], durationMs: 8000 });
    assert.ok(result.media.get('board')!.writes.length <= 2, `${result.media.get('board')!.writes.length} writes`);
    const apart = result.samples.filter((sample) => sample.atMs >= settleMs).map((sample) => Math.abs(sample.errorsMs.board! - sample.errorsMs.a!));
    assert.ok(Math.max(...apart) <= fineBandMs, `${Math.max(...apart).toFixed(2)} ms apart after settling`);
  });

  test('two elements with audio apart: only the one off the clock is moved, onto the other', () => {
    const result = simulate({ streams: [camera('a'), camera('b', { startErrorMs: -14 }), board()], durationMs: 5000 });
    assert.equal(result.media.get('a')!.writes.length, 0, 'the one on the clock is left alone');
    assert.ok(result.media.get('b')!.writes.length >= 1);
    const apart = result.samples.filter((sample) => sample.atMs >= 1000).map((sample) => Math.abs(sample.errorsMs.b! - sample.errorsMs.a!));
    assert.ok(Math.max(...apart) <= 1, `b within ${Math.max(...apart).toFixed(2)} ms of a after 1 s`);
  });

  test('elements with audio are changed least: a video-only stream off the others yields', () => {
    // Two cameras agree; the board is 12 ms behind: the board moves, the cameras do not.
    const result = simulate({ streams: [camera('a'), camera('b'), board({ startErrorMs: -12, skew: AUDIO_SKEW })], durationMs: 4000 });
    assert.equal(result.media.get('a')!.writes.length + result.media.get('b')!.writes.length, 0);
    assert.ok(result.media.get('board')!.writes.length >= 1);
    assert.ok(result.maxSpreadAfter(2000) <= 3);
  });

  test('cameras that fall behind together (their audio output stalled) are followed by the video-only element with one correction, which lands within the lower band', () => {
    // Measured in Chromium on a disturbed machine: every camera drops 16–50 ms at once, the
    // whiteboard (on the wall clock) does not; a rate written to it shows within a few ms.
    const stall = [[5000, 24]] as const;
    const result = simulate({ streams: [camera('a', { hiccups: stall }), camera('b', { hiccups: stall }), board({ skew: AUDIO_SKEW, rateLatencyMs: 4 })], durationMs: 8000 });
    assert.equal(result.writesAfter('a', 4900) + result.writesAfter('b', 4900), 0, 'the cameras are left alone');
    assert.equal(result.writesAfter('board', 4900), 2, 'one correction: a rate, then back');
    const off = result.samples.filter((sample) => sample.atMs >= 6500).map((sample) => Math.abs(sample.errorsMs.board! - (sample.errorsMs.a! + sample.errorsMs.b!) / 2));
    assert.ok(Math.max(...off) <= DEFAULT_ELEMENT_CORRECTION_TUNING.lowerBandMs + 0.3, `the board ${Math.max(...off).toFixed(2)} ms off the cameras after it`);
  });

  test('a video-only element a frame or more off at its start is moved by one seek at once, if its seeks are quick; later, by a rate', () => {
    for (const startErrorMs of [-80, -30, 30, 80]) {
      const result = simulate({ streams: [camera('a'), camera('b'), board({ startErrorMs, skew: AUDIO_SKEW })], durationMs: 5000 });
      const seeks = result.media.get('board')!.seeks;
      assert.equal(seeks.length, 1, `from ${startErrorMs} ms: ${seeks.length} seeks`);
      assert.ok(seeks[0]! <= 50, `from ${startErrorMs} ms: seek at ${seeks[0]} ms`);
      // Landed within half a frame at once (the seek lands on a display frame); closed after that by a rate.
      assert.ok(result.maxSpreadAfter(200) <= 10, `from ${startErrorMs} ms: max spread ${result.maxSpreadAfter(200)} ms after 200 ms`);
      assert.ok(result.maxSpreadAfter(1500) <= 3, `from ${startErrorMs} ms: max spread ${result.maxSpreadAfter(1500)} ms after 1.5 s`);
      assert.equal(result.media.get('a')!.seeks.length + result.media.get('b')!.seeks.length, 0, 'the cameras are left alone');
    }
    const slow = simulate({ streams: [camera('a'), camera('b'), board({ startErrorMs: -40, skew: AUDIO_SKEW, lastSeekMs: 400 })], durationMs: 5000 });
    assert.equal(slow.media.get('board')!.seeks.length, 0, 'its last seek took 400 ms: a rate instead');
    assert.ok(slow.maxSpreadAfter(2000) <= 3);
    const late = simulate({ streams: [camera('a'), camera('b'), board({ skew: AUDIO_SKEW, hiccups: [[3000, 40]] })], durationMs: 6000 });
    assert.equal(late.media.get('board')!.seeks.length, 0, 'a hiccup later is closed by a rate');
    assert.ok(late.maxSpreadAfter(4500) <= 3);
  });

  test('a video-only element a start left under a frame off the cameras is closed within 250 ms, by one correction', () => {
    // Measured in Chromium: after a wait for data, the cameras' start latency varies by about ±12 ms
    // from start to start, so the whiteboard, timed by their average, starts 10–18 ms off them.
    for (const startErrorMs of [-18, -11, 11, 18]) {
      const result = simulate({ streams: [camera('a'), camera('b'), board({ startErrorMs, skew: AUDIO_SKEW })], durationMs: 3000 });
      const writes = result.media.get('board')!.writes;
      assert.equal(result.media.get('board')!.seeks.length, 0, `from ${startErrorMs} ms: no seek`);
      assert.ok(writes.length <= 4, `from ${startErrorMs} ms: ${writes.length} writes`);
      assert.ok(result.maxSpreadAfter(250) <= 3, `from ${startErrorMs} ms: max spread ${result.maxSpreadAfter(250).toFixed(1)} ms after 250 ms`);
    }
  });

  test('a corrective seek is aimed ahead by how long corrective seeks take, or before the first one, by how long the element’s own last seek took', () => {
    const readings = (boardLastSeekMs: number | undefined) => [
      { streamId: 'a', mediaTimeS: 10, targetS: 10, playbackRate: 1, hasAudio: true },
      { streamId: 'b', mediaTimeS: 10, targetS: 10, playbackRate: 1, hasAudio: true },
      { streamId: 'board', mediaTimeS: 9.96, targetS: 10, playbackRate: 1, hasAudio: false, lastSeekMs: boardLastSeekMs },
    ];
    const seekTo = (seekLatencyS: number | undefined, lastSeekMs: number | undefined) => {
      const correction = new CommonModeStrategy().decide(readings(lastSeekMs), { nowMs: 0, clockRate: 1, seekLatencyS }).corrections.get('board');
      assert.equal(correction?.kind, 'seek');
      return correction.kind === 'seek' ? correction.toMediaTimeS : Number.NaN;
    };
    assert.ok(Math.abs(seekTo(undefined, 80) - 10.08) < 1e-9, 'its own last seek: 80 ms');
    assert.ok(Math.abs(seekTo(0.03, 80) - 10.03) < 1e-9, 'corrective seeks measured: 30 ms');
    assert.ok(Math.abs(seekTo(undefined, undefined) - 10) < 1e-9, 'nothing measured: onto the others');
  });

  test('correcting rates are gentle: at most 8 % off for elements with audio, 25 % without once started', () => {
    const result = simulate({ streams: [camera('a'), camera('b', { startErrorMs: -250 }), board({ hiccups: [[2000, 250]] })], durationMs: 6000 });
    for (const write of result.media.get('b')!.writes) assert.ok(Math.abs(write.rate - 1) <= 0.08 + 1e-9, `camera at ${write.rate}`);
    for (const write of result.media.get('board')!.writes) assert.ok(Math.abs(write.rate - 1) <= 0.25 + 1e-9, `board at ${write.rate}`);
  });

  test('a seek only for large errors', () => {
    const small = simulate({ streams: [camera('a'), camera('b'), camera('c', { startErrorMs: -200 })], durationMs: 6000 });
    assert.equal(totalSeeks(small), 0, '200 ms is closed with a rate');
    const large = simulate({ streams: [camera('a'), camera('b'), camera('c', { startErrorMs: -600 })], durationMs: 6000 });
    assert.equal(large.media.get('c')!.seeks.length, 1, '600 ms is one seek');
    assert.ok(large.maxSpreadAfter(2000) <= 3);
  });

  test('no oscillation: a correction never overshoots past the band, and never reverses within 2 s', () => {
    for (const startErrorMs of [-150, -40, -8, 8, 40, 150]) {
      const result = simulate({ streams: [camera('a'), camera('b'), camera('c', { startErrorMs, rateLatencyMs: 60 })], durationMs: 8000 });
      const deviation = result.samples.map((sample) => sample.errorsMs.c! - sample.errorsMs.a!);
      const startSign = Math.sign(deviation[0]!);
      const crossedAt = deviation.findIndex((value) => Math.sign(value) !== startSign);
      if (crossedAt !== -1) {
        const overshoot = Math.max(...deviation.slice(crossedAt).map((value) => -startSign * value));
        assert.ok(overshoot <= DEFAULT_ELEMENT_CORRECTION_TUNING.upperBandMs, `from ${startErrorMs} ms it overshot by ${overshoot} ms`);
      }
      const writes = result.media.get('c')!.writes;
      const corrections = writes.filter((write) => write.rate !== 1);
      for (let i = 1; i < corrections.length; i++) {
        const reversed = Math.sign(corrections[i]!.rate - 1) !== Math.sign(corrections[i - 1]!.rate - 1);
        assert.ok(!reversed || corrections[i]!.atMs - corrections[i - 1]!.atMs > 2000, `from ${startErrorMs} ms: corrections reversed within 2 s`);
      }
      assert.ok(writes.length <= 4, `from ${startErrorMs} ms: ${writes.length} writes`);
    }
  });
});

describe('steady state', () => {
  test('no writes in steady state: the video-only stream learns its own rate once', () => {
    const result = simulate({ streams: [camera('a'), camera('b'), board()], durationMs: 120000 });
    assert.equal(result.media.get('a')!.writes.length + result.media.get('b')!.writes.length, 0);
    const boardMedia = result.media.get('board')!;
    assert.ok(boardMedia.writes.length <= 2, `the board was written ${boardMedia.writes.length} times`);
    assert.equal(result.writesAfter('board', 10000), 0, 'nothing after the first correction');
    assert.ok(Math.abs(boardMedia.rate - AUDIO_SKEW) < 0.0002, `the board runs at ${boardMedia.rate} to keep up with the audio clock`);
    assert.ok(result.maxSpreadAfter(10000) <= 3);
  });

  test('a hiccup is corrected on that element only, and teaches it no wrong rate', () => {
    const result = simulate({
      streams: [camera('a', { hiccups: [[5000, 30], [20000, 70]] }), camera('b'), camera('c')],
      durationMs: 60000,
    });
    assert.equal(result.media.get('b')!.writes.length + result.media.get('c')!.writes.length, 0);
    assert.ok(result.media.get('a')!.writes.length <= 4, `${result.media.get('a')!.writes.length} writes for two hiccups`);
    assert.equal(result.media.get('a')!.rate, 1);
    assert.equal(result.writesAfter('a', 25000), 0);
  });

  test('a hiccup at rate 1 is corrected as soon as it is confirmed: the step does not read as noise', () => {
    const { confirmMs } = DEFAULT_ELEMENT_CORRECTION_TUNING;
    for (const dropMs of [10, 24, 40]) {
      const result = simulate({ streams: [camera('a', { hiccups: [[5000, dropMs]] }), camera('b'), board()], durationMs: 7000 });
      const firstWrite = result.media.get('a')!.writes.find((write) => write.atMs >= 5000);
      assert.ok(firstWrite && firstWrite.atMs - 5000 <= confirmMs + 20, `a ${dropMs} ms drop corrected from ${firstWrite && firstWrite.atMs - 5000} ms after it`);
    }
  });

  test('noisy readings (an element with audio at rate 1.5 reads in a sawtooth) are not chased', () => {
    const result = simulate({ userRate: 1.5, readNoiseMs: 5, streams: [camera('a'), camera('b'), camera('c')], durationMs: 30000 });
    assert.equal(totalWrites(result), 0);
  });

  test('a smooth video-only element does not chase the sawtooth of the elements with audio at rate 1.5; a real offset is still closed', () => {
    const audioSawtooth = { amplitudeMs: 8, periodMs: 170 };
    const quiet = simulate({ userRate: 1.5, audioSawtooth, streams: [camera('a'), camera('b'), board({ skew: AUDIO_SKEW })], durationMs: 30000 });
    assert.equal(totalWrites(quiet), 0);
    const off = simulate({ userRate: 1.5, audioSawtooth, streams: [camera('a'), camera('b'), board({ skew: AUDIO_SKEW, hiccups: [[5000, 40]] })], durationMs: 15000 });
    const writes = off.media.get('board')!.writes;
    assert.ok(writes.length >= 1 && writes.length <= 2, `${writes.length} writes`);
    const deviation = off.samples.filter((sample) => sample.atMs >= 8000).map((sample) => Math.abs(sample.errorsMs.board! - sample.errorsMs.a!));
    assert.ok(Math.max(...deviation) <= 16, `the board within 16 ms of the cameras' positions after 8 s (their sawtooth is ±8): ${Math.max(...deviation)}`);
  });

  test('property: any mix of streams, skews, start errors, rates and hiccups settles with few writes', () => {
    const streamArbitrary = fc.record({
      hasAudio: fc.boolean(),
      startErrorMs: fc.double({ min: -60, max: 60, noNaN: true }),
      ownSkew: fc.double({ min: -0.0002, max: 0.0002, noNaN: true }),
      rateLatencyMs: fc.integer({ min: 10, max: 80 }),
      hiccup: fc.option(fc.tuple(fc.integer({ min: 2000, max: 20000 }), fc.integer({ min: 10, max: 80 })), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(streamArbitrary, { minLength: 2, maxLength: 8 }),
        fc.double({ min: 0.998, max: 1.002, noNaN: true }),
        fc.constantFrom(0.5, 1, 1.25, 1.5, 2),
        fc.integer({ min: 1, max: 1000 }),
        (streams, audioSkew, userRate, seed) => {
          const specs: SimStreamSpec[] = streams.map((stream, i) => ({
            id: `s${i}`,
            hasAudio: stream.hasAudio,
            startErrorMs: stream.startErrorMs,
            // Every element with audio is paced by the one audio output: they share its skew. A
            // video-only element runs on the wall clock, with its own small error.
            skew: stream.hasAudio ? audioSkew : 1 + stream.ownSkew,
            rateLatencyMs: stream.rateLatencyMs,
            hiccups: stream.hiccup ? [stream.hiccup] : [],
          }));
          const result = simulate({ streams: specs, userRate, seed, readNoiseMs: 0.3, durationMs: 60000, strategy: new CommonModeStrategy() });
          // Settled: after the last hiccup and its correction, every stream within a few ms of the
          // others, in 95 % of frames.
          const spreads = result.samples.filter((sample) => sample.atMs >= 30000).map((sample) => sample.spreadMs).sort((a, b) => a - b);
          const settledSpread = spreads[Math.floor(spreads.length * 0.95)]!;
          assert.ok(settledSpread <= 2 * DEFAULT_ELEMENT_CORRECTION_TUNING.upperBandMs + 1.5, `spread p95 ${settledSpread} ms after 30 s`);
          // And quiet: at most one correction (two writes) per stream over the last 30 s.
          for (const spec of specs) {
            const writes = result.writesAfter(spec.id, 30000);
            assert.ok(writes <= 2, `${spec.id} written ${writes} times in the last 30 s`);
          }
          // No seek for errors under 300 ms, but one of a video-only element off by a frame at its start.
          for (const media of result.media.values()) {
            assert.ok(media.seeks.length <= (media.spec.hasAudio ? 0 : 1), `${media.spec.id}: ${media.seeks.length} seeks`);
            for (const atMs of media.seeks) assert.ok(atMs <= DEFAULT_ELEMENT_CORRECTION_TUNING.freshMs, `${media.spec.id} seeked at ${atMs} ms`);
          }
        },
      ),
      { numRuns: 40, seed: 20261130 },
    );
  });
});
