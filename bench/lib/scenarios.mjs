// What the benchmark runs, for which players, with which settings, and how each result becomes rows
// of the table (with the project's targets for <tic-replay>). The measuring itself is in bench/page/.

export const PLAYERS = ['tic-replay', 'timingsrc', 'paella-style', 'plain'];
const SYNC_PLAYERS = ['tic-replay', 'timingsrc', 'paella-style'];

/**
 * The starved network: the three streams need about 72 KB/s together (cam-a and cam-b 31 KB/s
 * each, the audio-less board 10 KB/s); 45 KiB/s is about 64 % of that.
 */
export const STARVED_KIB_PER_S = 45;
const STARVED_LATENCY_MS = 40;

/** Settings of a full run and of a `--quick` smoke run. */
export function settingsFor(quick) {
  return quick
    ? { syncUntilMs: 2000, starvedUntilMs: 2000, starvedCapMs: 4000, seeks: 3, seekTimeoutMs: 1000, joinsAtMs: [2000], joinTimeoutMs: 1500, startupTrials: 2, tickMs: 1000, timelineRuns: 5, cycles: 100, warmupSeeks: 3 }
    : { syncUntilMs: 10000, starvedUntilMs: 8000, starvedCapMs: 20000, seeks: 12, seekTimeoutMs: 2000, joinsAtMs: [3000, 5000, 7000], joinTimeoutMs: 2500, startupTrials: 5, tickMs: 3000, timelineRuns: 11, cycles: 1000, warmupSeeks: 10 };
}

// ---- formatting ----------------------------------------------------------------------------------

/** Milliseconds as the table shows them: one decimal below 10, whole above. */
export function ms(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Math.abs(value) < 10 ? value.toFixed(1) : String(Math.round(value));
}

const trio = (p) => (p && p.n > 0 ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}` : '–');
const count = (n) => n.toLocaleString('en-US');
const seconds = (millis) => `${(millis / 1000).toFixed(1)} s`;
const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function cells(results, format) {
  return Object.fromEntries(Object.entries(results).map(([player, result]) => [player, result.error ? 'error' : format(result)]));
}

/** A target check; undefined (shown as "?") when a figure it needs is missing (not run, or failed). */
function check(condition) {
  try {
    const ok = condition();
    return typeof ok === 'boolean' ? ok : undefined;
  } catch {
    return undefined;
  }
}

// ---- the scenarios -----------------------------------------------------------------------------------

function syncScenario(id, title, streams, rate) {
  return {
    id,
    title,
    players: SYNC_PLAYERS,
    run: (page, player, settings) =>
      page.run('sync', { player, streams, rate, untilMs: settings.syncUntilMs, wallCapMs: settings.syncUntilMs / rate + 8000 }),
    rows: (results) => {
      const tic = results['tic-replay'];
      const timingsrc = results.timingsrc;
      return [
        {
          metric: 'spread p50 / p95 / max (ms)',
          cells: cells(results, (r) => trio(r.spread)),
          target: 'p95 ≤ 5 and ≤ timingsrc',
          ok: check(() => tic.spread.p95 <= 5 && tic.spread.p95 <= timingsrc.spread.p95),
        },
        {
          metric: 'from 1 s after start: spread p95, frame gap p95 (ms)',
          cells: cells(results, (r) => `${ms(r.settledSpread.p95)}, ${ms(r.settledFrameGap.p95)}`),
        },
        {
          metric: 'frame gap p50 / p95 / max (ms)',
          cells: cells(results, (r) => trio(r.frameGap)),
          target: 'p95 ≤ 10',
          ok: check(() => tic.frameGap.p95 <= 10),
        },
        {
          // A check of the measurement rather than of a player (see BENCHMARKS.md): no target.
          metric: 'frame code ≠ currentTime (> 2 frames)',
          cells: cells(results, (r) => `${count(r.mismatches)} of ${count(r.framesRead)}`),
        },
      ];
    },
  };
}

export const SCENARIOS = [
  syncScenario('steady', 'a. steady, 3 streams', 3, 1),
  syncScenario('rate', 'b. rate 1.5, 3 streams', 3, 1.5),
  syncScenario('eight', 'c. 8 streams', 8, 1),
  {
    id: 'starved',
    title: `d. starved network (${STARVED_KIB_PER_S} KiB/s for ~72 KB/s of media)`,
    players: SYNC_PLAYERS,
    run: async (page, player, settings) => {
      await page.throttle(STARVED_KIB_PER_S, STARVED_LATENCY_MS);
      return page.run('sync', { player, streams: 3, rate: 1, untilMs: settings.starvedUntilMs, wallCapMs: settings.starvedCapMs });
    },
    rows: (results) => {
      const tic = results['tic-replay'];
      return [
        {
          metric: 'spread p50 / p95 / max while claiming to play (ms)',
          cells: cells(results, (r) => trio(r.spread)),
          target: 'p95 ≤ 20',
          ok: check(() => tic.spread.p95 <= 20),
        },
        { metric: 'frame gap p50 / p95 / max (ms)', cells: cells(results, (r) => trio(r.frameGap)) },
        {
          metric: 'stalls (a picture frozen > 100 ms): count, total',
          cells: cells(results, (r) => `${r.stalls}, ${seconds(r.stalledMs)}`),
        },
        {
          metric: 'timeline played in wall time (claiming to play)',
          cells: cells(results, (r) => `${seconds(r.reachedMs)} in ${seconds(r.wallMs)} (${Math.round(r.claimedFraction * 100)} %)`),
        },
      ];
    },
  },
  {
    id: 'seeks',
    title: 'e. seeks during playback',
    players: PLAYERS,
    run: (page, player, settings) => page.run('seeks', { player, seeks: settings.seeks, seed: 42, timeoutMs: settings.seekTimeoutMs }),
    rows: (results, settings) => {
      const tic = results['tic-replay'];
      const floor = results.plain;
      const near = (value, floorValue) => value <= Math.max(1.2 * floorValue, floorValue + 40);
      return [
        {
          metric: 'settled on the right frames, playing: p50 / p95 / max (ms)',
          cells: cells(results, (r) => trio(r.settle)),
          target: '≤ 1.2× plain or plain + 40 ms',
          ok: check(() => tic.timeouts === 0 && near(tic.settle.p50, floor.settle.p50) && near(tic.settle.p95, floor.settle.p95)),
        },
        {
          metric: `seeks not settled within ${seconds(settings.seekTimeoutMs)}`,
          cells: cells(results, (r) => `${r.timeouts} of ${r.timeouts + r.settle.n}`),
          target: '0',
          ok: check(() => tic.timeouts === 0),
        },
      ];
    },
  },
  {
    id: 'join',
    title: 'f. a file joining mid-play',
    players: SYNC_PLAYERS,
    run: (page, player, settings) => page.run('join', { player, joinsAtMs: settings.joinsAtMs, timeoutMs: settings.joinTimeoutMs }),
    rows: (results) => {
      const tic = results['tic-replay'];
      return [
        {
          metric: 'first 10 frames late by: median / max of joins (ms)',
          cells: cells(results, (r) => (r.late.n ? `${ms(r.late.p50)} / ${ms(r.late.max)}` : '–')),
          target: '≤ 20',
          ok: check(() => tic.late.n === tic.lateMs.length && tic.late.max <= 20),
        },
        {
          metric: 'within one frame of the clock after: median / max of joins (ms)',
          cells: cells(results, (r) =>
            r.inSyncAfter.n === r.inSyncAfterMs.length ? `${ms(r.inSyncAfter.p50)} / ${ms(r.inSyncAfter.max)}` : `${r.inSyncAfterMs.length - r.inSyncAfter.n} of ${r.inSyncAfterMs.length} never`,
          ),
        },
      ];
    },
  },
  {
    id: 'startup',
    title: 'g. start-up (plain: one `<video>`)',
    players: [...SYNC_PLAYERS, 'plain'],
    // The plain column is the browser's own start-up: one <video> with one file.
    run: (page, player, settings) => page.run('startup', { player: player === 'plain' ? 'single' : player, trials: settings.startupTrials }),
    rows: (results) => {
      const tic = results['tic-replay'];
      return [
        {
          metric: 'play() to every stream advancing: median (ms)',
          cells: cells(results, (r) => `${ms(r.medianMs)} (${r.trialsMs.map(ms).join(', ')})`),
          target: '≤ 1.2× one `<video>`',
          ok: check(() => tic.medianMs <= 1.2 * results.plain.medianMs),
        },
      ];
    },
  },
  {
    id: 'tick',
    title: 'h. sync tick, 32 tracks',
    players: ['tic-replay'],
    run: (page, _player, settings) => page.run('tick', { streams: 32, measureMs: settings.tickMs }),
    rows: (results) => [
      {
        metric: 'per-frame engine work: mean / p95 / max (ms)',
        cells: cells(results, (r) => `${r.tick.mean.toFixed(2)} / ${r.tick.p95.toFixed(2)} / ${r.tick.max.toFixed(2)} (${r.tick.n} ticks)`),
        target: 'mean ≤ 0.2',
        ok: check(() => results['tic-replay'].tick.mean <= 0.2),
      },
    ],
  },
  {
    id: 'timeline',
    title: 'i. timeline, 10,000 files',
    players: ['tic-replay'],
    run: (page, _player, settings) => page.run('timeline', { files: 10000, runs: settings.timelineRuns }),
    rows: (results) => [
      {
        metric: 'buildTimeline: median (first run) (ms)',
        cells: cells(results, (r) => `${ms(r.medianMs)} (${ms(r.firstMs)})`),
        target: '≤ 50',
        ok: check(() => results['tic-replay'].medianMs <= 50),
      },
    ],
  },
  {
    id: 'cycles',
    title: 'j. mount/unmount cycles',
    players: ['tic-replay'],
    run: async (page, _player, settings) => {
      await page.run('cyclesSetup', { warmupSeeks: settings.warmupSeeks });
      await page.collectGarbage();
      const before = await page.run('cyclesSnapshot', {});
      const { wallMs } = await page.run('cyclesRun', { count: settings.cycles });
      await page.collectGarbage();
      const after = await page.run('cyclesSnapshot', {});
      await page.run('cyclesTeardown', {});
      return { before, after, wallMs, cycles: settings.cycles };
    },
    rows: (results, settings) => {
      const r = results['tic-replay'];
      const grows = (key) => check(() => r.after[key] <= r.before[key]);
      const span = (format) => cells(results, (x) => `${format(x.before)} → ${format(x.after)}`);
      return [
        {
          metric: `media elements before → after ${count(settings.cycles)} seeks`,
          cells: span((s) => String(s.mediaElements)),
          target: 'no growth',
          ok: grows('mediaElements'),
        },
        { metric: 'hls.js instances before → after', cells: span((s) => String(s.hlsInstances)), target: 'no growth', ok: grows('hlsInstances') },
        { metric: 'JS heap after GC before → after', cells: span((s) => megabytes(s.heapBytes)) },
      ];
    },
  },
];

/** Scenario ids, their letters (a–j) and player names accepted by `--only`. */
export function selectByOnly(only) {
  if (!only) return { scenarios: SCENARIOS, players: PLAYERS };
  const names = only.split(',').map((name) => name.trim()).filter(Boolean);
  const known = new Set([...SCENARIOS.flatMap((s) => [s.id, s.title[0]]), ...PLAYERS]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`--only: unknown ${unknown.join(', ')} (scenarios: ${SCENARIOS.map((s) => `${s.title[0]}/${s.id}`).join(' ')}; players: ${PLAYERS.join(' ')})`);
  const scenarioNames = names.filter((name) => !PLAYERS.includes(name));
  const playerNames = names.filter((name) => PLAYERS.includes(name));
  return {
    scenarios: scenarioNames.length ? SCENARIOS.filter((s) => scenarioNames.includes(s.id) || scenarioNames.includes(s.title[0])) : SCENARIOS,
    players: playerNames.length ? playerNames : PLAYERS,
  };
}
