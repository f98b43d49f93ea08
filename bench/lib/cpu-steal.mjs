// How much CPU time the hypervisor took from this machine while the benchmark ran ("steal": time a
// virtual CPU wanted to run and was not given). A virtual machine's timings move with it, for every
// player alike (measured here: 11 % on average, up to 33 % in 10 s, made every player's figures
// worse), so the record says how disturbed its machine was. Linux only (/proc/stat); elsewhere, not
// measured.
import { readFileSync } from 'node:fs';

/** How often /proc/stat is read (ms): the worst window the record names is about this long. */
export const STEAL_SAMPLE_MS = 5000;

/** The `cpu` line of /proc/stat as { steal, total } (clock ticks since boot), or undefined if it cannot be read. */
export function parseCpuLine(procStat) {
  const line = procStat.split('\n').find((text) => text.startsWith('cpu '));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal guest guest_nice: guest time is counted in user
  // and nice already, so the total is the first eight.
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 8 || ticks.some((value) => !Number.isFinite(value))) return undefined;
  return { steal: ticks[7], total: ticks.reduce((sum, value) => sum + value, 0) };
}

/**
 * Steal between readings: its share of all CPU time over the span (%), and in the worst window
 * between consecutive readings at least `minWindowMs` apart (%; the span's share if none is: a
 * window of a few ticks says nothing). Undefined without two readings apart in CPU time.
 * @param {Array<{ atMs: number, steal: number, total: number }>} readings in time order
 */
export function stealOver(readings, minWindowMs) {
  if (readings.length < 2) return undefined;
  const share = (from, to) => (100 * (to.steal - from.steal)) / (to.total - from.total);
  const first = readings[0];
  const last = readings.at(-1);
  if (last.total <= first.total) return undefined;
  const meanPercent = share(first, last);
  let worstPercent;
  for (let i = 1, from = first; i < readings.length; i++) {
    const to = readings[i];
    if (to.atMs - from.atMs < minWindowMs || to.total <= from.total) continue;
    worstPercent = Math.max(worstPercent ?? 0, share(from, to));
    from = to;
  }
  return { meanPercent, worstPercent: worstPercent ?? meanPercent };
}

/**
 * Reads /proc/stat every `everyMs` while the benchmark runs. `mark()` starts a span (a scenario);
 * `since(mark)` summarizes it; `overall()` the whole run; windows of at least half `everyMs` count
 * for the worst. Every figure is undefined where /proc/stat cannot be read.
 */
export function startStealSampler({ everyMs = STEAL_SAMPLE_MS, read = () => readFileSync('/proc/stat', 'utf8'), now = () => performance.now() } = {}) {
  const readings = [];
  const sample = () => {
    try {
      const reading = parseCpuLine(read());
      if (reading) readings.push({ atMs: now(), ...reading });
    } catch {
      // Not Linux: nothing to read.
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    mark() {
      sample();
      return readings.length - 1;
    },
    since(mark) {
      sample();
      return mark < 0 ? undefined : stealOver(readings.slice(mark), everyMs / 2);
    },
    overall() {
      sample();
      return stealOver(readings, everyMs / 2);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** "0.4 % (2.1 % in the worst ~5 s)", or "not measured". */
export function describeSteal(steal) {
  if (!steal) return 'not measured';
  return `${steal.meanPercent.toFixed(1)} % (${steal.worstPercent.toFixed(1)} % in the worst ~${STEAL_SAMPLE_MS / 1000} s)`;
}
