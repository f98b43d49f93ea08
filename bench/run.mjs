#!/usr/bin/env node
// The benchmark: <tic-replay> against timingsrc, a paella-style player and plain videos, on their
// own copies of the same fixture files, in headless Chromium. Prints one Markdown table to stdout
// (progress goes to stderr). See BENCHMARKS.md for the method and what each figure means.
//
//   node bench/run.mjs [--quick] [--only a,seeks,tic-replay,...] [--repeats N] [--record]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildBenchPage } from './lib/build.mjs';
import { describeSteal, startStealSampler } from './lib/cpu-steal.mjs';
import { launchBrowser, newBenchContext, withBenchPage } from './lib/browser.mjs';
import { renderSyncChart } from './lib/chart.mjs';
import { machineInfo, recordSection, renderMachine, renderTable, sourceVersion } from './lib/report.mjs';
import { selectByOnly, settingsFor } from './lib/scenarios.mjs';
import { startServer } from './lib/server.mjs';

const USAGE = `Usage: node bench/run.mjs [options]

  --quick          shorter scenarios, one run each: a smoke run (about two minutes)
  --only <names>   comma-separated scenarios (a–p or steady, cameras, cameras360, rate, eight,
                   cameras8, cameras8-360, busy, starved, seeks, join, startup, tick, timeline,
                   cycles, minute) and/or players (tic-replay, timingsrc, paella-style, plain)
  --repeats <n>    fresh-page runs per player of each sync scenario and of e (default 5; --quick: 1)
  --chart <name>   the sync scenario whose first runs are charted (default: cameras, i.e. k)
  --record         also write the table, the chart and the machine it ran on into BENCHMARKS.md
  --help           this text`;

const root = new URL('..', import.meta.url);
/** A scenario's letter, as the table and `--only` name it ("a" for "a. steady, ..."). */
const letterOf = (scenario) => scenario.title.split('.')[0];
const CHART_PATH = 'bench/results/sync-error-over-time.svg';
const log = (message) => process.stderr.write(`${message}\n`);

function options() {
  try {
    const { values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        record: { type: 'boolean', default: false },
        repeats: { type: 'string' },
        chart: { type: 'string', default: 'cameras' },
        help: { type: 'boolean', default: false },
      },
    });
    return values;
  } catch (error) {
    log(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** timingsrc and timing-object are only needed here; say how to get them rather than fail in rollup. */
function requireComparedLibraries() {
  const require = createRequire(import.meta.url);
  const missing = ['timingsrc', 'timing-object'].filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) {
    log(`The benchmark compares against ${missing.join(' and ')}, which are not installed: run \`npm install\` (they are devDependencies).`);
    process.exit(1);
  }
}

async function main() {
  const args = options();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let selection;
  try {
    selection = selectByOnly(args.only);
  } catch (error) {
    log(error.message);
    return 2;
  }
  requireComparedLibraries();
  const settings = settingsFor(args.quick);
  if (args.repeats !== undefined) {
    const repeats = Number(args.repeats);
    if (!Number.isInteger(repeats) || repeats < 1) {
      log(`--repeats: expected a whole number ≥ 1, got ${args.repeats}`);
      return 2;
    }
    settings.repeats = repeats;
  }
  const traced = (scenario) => scenario.repeated && (scenario.id === args.chart || letterOf(scenario) === args.chart);
  const started = Date.now();
  // Taken before the run: src/ may change while it runs (and what was built is what is measured).
  const source = sourceVersion(new URL('.', root).pathname);
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > os.cpus().length / 2) {
    log(`Note: the machine is busy (load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores): timings will be noisy.`);
  }

  const steal = startStealSampler();
  log('Bundling the benchmark page...');
  await buildBenchPage(root);
  const server = await startServer(root);
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  const context = await newBenchContext(browser);
  const outcomes = [];
  let chart;
  let failures = 0;
  try {
    for (const scenario of selection.scenarios) {
      const players = scenario.players.filter((p) => selection.players.includes(p));
      const repeats = scenario.repeated ? settings.repeats : 1;
      const results = Object.fromEntries(players.map((player) => [player, scenario.repeated ? { runs: [] } : undefined]));
      const busy = scenario.busy ? keepACoreBusy() : undefined;
      const stealMark = steal.mark();
      try {
        // Runs interleave the players, so that a noisy moment of the machine is shared out fairly.
        for (let run = 0; run < repeats; run++) {
          for (const player of players) {
            const t0 = Date.now();
            process.stderr.write(`${scenario.title} — ${player}${repeats > 1 ? ` (run ${run + 1} of ${repeats})` : ''} ... `);
            let result;
            try {
              // Every player runs alone in a page of its own: no CPU, decoder or download shared with another.
              result = await withBenchPage(context, server.origin, async (page) => {
                const value = await scenario.run(page, player, settings, { traced: traced(scenario) && run === 0 });
                for (const problem of page.problems) log(`\n  (${problem})`);
                return value;
              });
              log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
            } catch (error) {
              failures += 1;
              result = { error: error.message };
              log(`FAILED: ${error.message}`);
            }
            if (scenario.repeated) results[player].runs.push(result);
            else results[player] = result;
          }
        }
      } finally {
        busy?.stop();
      }
      const scenarioSteal = steal.since(stealMark);
      if (scenarioSteal) log(`  hypervisor steal during ${letterOf(scenario)}: ${describeSteal(scenarioSteal)}`);
      if (traced(scenario)) {
        const traces = Object.fromEntries(players.map((player) => [player, results[player].runs[0]?.trace]).filter(([, trace]) => trace));
        chart = renderSyncChart(scenario.title, traces);
        // The raw traces too, for a closer look than the chart gives.
        writeFileSync(new URL('.bench-build/sync-traces.json', root), JSON.stringify({ scenario: scenario.title, traces }));
        for (const player of players) for (const run of results[player].runs) delete run.trace;
      }
      outcomes.push({ scenario, results, steal: scenarioSteal });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    steal.stop();
  }

  const wallMs = Date.now() - started;
  const table = renderTable(outcomes, selection.players, settings);
  console.log(table);
  log(`Done in ${(wallMs / 1000).toFixed(0)} s${failures ? `, ${failures} run(s) failed` : ''}.`);
  if (chart) {
    const chartFile = new URL(args.record ? CHART_PATH : '.bench-build/sync-error-over-time.svg', root);
    mkdirSync(new URL('.', chartFile), { recursive: true });
    writeFileSync(chartFile, chart);
    log(`Chart: ${chartFile.pathname}`);
  }
  if (args.record) {
    const machine = { ...machineInfo(browserVersion), loadAtStart, source, steal: steal.overall(), stealByScenario: outcomes.map(({ scenario, steal }) => ({ id: letterOf(scenario), steal })) };
    const chartLine = chart ? `\n\n![Each stream's position minus the median of all streams, over time, per player](${CHART_PATH})` : '';
    recordSection(
      new URL('BENCHMARKS.md', root),
      `${renderMachine(machine, { quick: args.quick, only: args.only, repeats: settings.repeats, wallMs })}\n\n${table}${chartLine}`,
    );
    log('Recorded in BENCHMARKS.md.');
  }
  return failures ? 1 : 0;
}

/**
 * The busy-machine scenario's load: one more process spinning on a core, as a browser tab, a build
 * or a video call would, started before its runs and ended after them.
 */
function keepACoreBusy() {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return {
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

process.exitCode = await main();
