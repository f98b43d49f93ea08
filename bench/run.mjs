#!/usr/bin/env node
// The benchmark: <tic-replay> against timingsrc, a paella-style player and plain videos, on their
// own copies of the same fixture files, in headless Chromium. Prints one Markdown table to stdout
// (progress goes to stderr). See BENCHMARKS.md for the method and what each figure means.
//
//   node bench/run.mjs [--quick] [--only a,seeks,tic-replay,...] [--record]
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildBenchPage } from './lib/build.mjs';
import { launchBrowser, newBenchContext, withBenchPage } from './lib/browser.mjs';
import { machineInfo, recordSection, renderMachine, renderTable, sourceVersion } from './lib/report.mjs';
import { selectByOnly, settingsFor } from './lib/scenarios.mjs';
import { startServer } from './lib/server.mjs';

const USAGE = `Usage: node bench/run.mjs [options]

  --quick          shorter scenarios: a smoke run (about a minute and a half)
  --only <names>   comma-separated scenarios (a–j or steady, rate, eight, starved, seeks, join,
                   startup, tick, timeline, cycles) and/or players (tic-replay, timingsrc,
                   paella-style, plain)
  --record         also write the table and the machine it ran on into BENCHMARKS.md
  --help           this text`;

const root = new URL('..', import.meta.url);
const log = (message) => process.stderr.write(`${message}\n`);

function options() {
  try {
    const { values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        record: { type: 'boolean', default: false },
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
  const started = Date.now();
  // Taken before the run: src/ may change while it runs (and what was built is what is measured).
  const source = sourceVersion(new URL('.', root).pathname);
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > os.cpus().length / 2) {
    log(`Note: the machine is busy (load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores): timings will be noisy.`);
  }

  log('Bundling the benchmark page...');
  await buildBenchPage(root);
  const server = await startServer(root);
  const browser = await launchBrowser();
  const browserVersion = browser.version();
  const context = await newBenchContext(browser);
  const outcomes = [];
  let failures = 0;
  try {
    for (const scenario of selection.scenarios) {
      const results = {};
      for (const player of scenario.players.filter((p) => selection.players.includes(p))) {
        const t0 = Date.now();
        process.stderr.write(`${scenario.title} — ${player} ... `);
        try {
          // Every player runs alone in a page of its own: no CPU, decoder or download shared with another.
          results[player] = await withBenchPage(context, server.origin, async (page) => {
            const result = await scenario.run(page, player, settings);
            for (const problem of page.problems) log(`\n  (${problem})`);
            return result;
          });
          log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
        } catch (error) {
          failures += 1;
          results[player] = { error: error.message };
          log(`FAILED: ${error.message}`);
        }
      }
      outcomes.push({ scenario, results });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }

  const wallMs = Date.now() - started;
  const table = renderTable(outcomes, selection.players, settings);
  console.log(table);
  log(`Done in ${(wallMs / 1000).toFixed(0)} s${failures ? `, ${failures} run(s) failed` : ''}.`);
  if (args.record) {
    const machine = { ...machineInfo(browserVersion), loadAtStart, source };
    recordSection(new URL('BENCHMARKS.md', root), `${renderMachine(machine, { quick: args.quick, only: args.only, wallMs })}\n\n${table}`);
    log('Recorded in BENCHMARKS.md.');
  }
  return failures ? 1 : 0;
}

process.exitCode = await main();
