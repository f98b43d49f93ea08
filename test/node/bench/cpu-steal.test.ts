// The benchmark's steal sampler: what /proc/stat's cpu line means, and how spans are summarized.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain ES module of the benchmark, without types
import { parseCpuLine, startStealSampler, stealOver } from '../../../bench/lib/cpu-steal.mjs';

const procStat = (steal: number, idle: number, guest = 0) =>
  `cpu  100 0 50 ${idle} 0 0 0 ${steal} ${guest} 0\ncpu0 50 0 25 ${idle / 2} 0 0 0 ${steal / 2} 0 0\nintr 12345\n`;

describe('the benchmark’s steal sampler', () => {
  it('reads steal and the total from the cpu line, leaving guest time out (it is counted in user already)', () => {
    assert.deepEqual(parseCpuLine(procStat(30, 820, 500)), { steal: 30, total: 1000 });
    assert.equal(parseCpuLine('intr 1 2 3\n'), undefined);
    assert.equal(parseCpuLine('cpu  1 2 x 4 5 6 7 8\n'), undefined);
  });

  it('gives the span’s share and its worst window, ignoring windows too short to tell', () => {
    const readings = [
      { atMs: 0, steal: 0, total: 0 },
      { atMs: 5000, steal: 10, total: 1000 }, // 1 %
      { atMs: 5100, steal: 19, total: 1010 }, // 90 % over 10 ticks: too short alone
      { atMs: 10000, steal: 110, total: 2000 }, // 10 % from the last counted reading
    ];
    const steal = stealOver(readings, 2500);
    assert.equal(steal.meanPercent, 5.5);
    assert.equal(steal.worstPercent, 10);
    assert.equal(stealOver(readings.slice(0, 1), 2500), undefined);
    // No window long enough: the span's share stands for the worst.
    assert.deepEqual(stealOver([readings[1], readings[2]], 2500), { meanPercent: 90, worstPercent: 90 });
  });

  it('summarizes a span from its mark, and says nothing where /proc/stat cannot be read', () => {
    let at = 0;
    let stat = procStat(0, 850);
    const sampler = startStealSampler({ everyMs: 1000, read: () => stat, now: () => at });
    at = 1000;
    stat = procStat(0, 1850);
    const mark = sampler.mark();
    at = 2000;
    stat = procStat(100, 2750);
    assert.deepEqual(sampler.since(mark), { meanPercent: 10, worstPercent: 10 });
    assert.equal(sampler.overall().meanPercent, 5);
    sampler.stop();
    const nowhere = startStealSampler({ read: () => { throw new Error('ENOENT'); } });
    assert.equal(nowhere.since(nowhere.mark()), undefined);
    assert.equal(nowhere.overall(), undefined);
    nowhere.stop();
  });
});
