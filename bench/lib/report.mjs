// The benchmark's output: one Markdown table (players side by side, the target beside the figures)
// and, with --record, the same table plus the machine it ran on, written into BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { describeSteal, STEAL_SAMPLE_MS } from './cpu-steal.mjs';
import { PLAYERS } from './scenarios.mjs';

const HEADINGS = { 'tic-replay': 'tic-replay', timingsrc: 'timingsrc', 'paella-style': 'paella-style', plain: 'plain videos' };
export const START_MARK = '<!-- bench:start -->';
export const END_MARK = '<!-- bench:end -->';

const escapeCell = (text) => String(text).replaceAll('|', '\\|');

/**
 * @param {Array<{ scenario: object, results: Record<string, object> }>} outcomes
 * @param {string[]} players the columns
 */
export function renderTable(outcomes, players, settings) {
  const columns = PLAYERS.filter((player) => players.includes(player));
  const lines = [
    `| scenario | metric | ${columns.map((player) => HEADINGS[player]).join(' | ')} | target (tic-replay) | met |`,
    `| --- | --- | ${columns.map(() => '---:').join(' | ')} | --- | :---: |`,
  ];
  for (const { scenario, results } of outcomes) {
    const ticFailed = Boolean(results['tic-replay']?.error);
    scenario.rows(results, settings).forEach((row, i) => {
      const ok = row.ok === undefined && ticFailed ? false : row.ok;
      const mark = row.target === undefined ? '' : ok === true ? '✓' : ok === false ? '✗' : '?';
      const figures = columns.map((player) => escapeCell(row.cells[player] ?? '—'));
      lines.push(`| ${i === 0 ? escapeCell(scenario.title) : ''} | ${escapeCell(row.metric)} | ${figures.join(' | ')} | ${escapeCell(row.target ?? '')} | ${mark} |`);
    });
  }
  return lines.join('\n');
}

/** The commit measured, and whether src/ differed from it (other work in progress is measured too). */
export function sourceVersion(root) {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'src') ? `${commit} with uncommitted changes in src/` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function machineInfo(browserVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    chromium: browserVersion,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

export function renderMachine(machine, { quick, only, repeats, wallMs }) {
  const run = `node bench/run.mjs${quick ? ' --quick' : ''}${only ? ` --only ${only}` : ''}${repeats !== (quick ? 1 : 5) ? ` --repeats ${repeats}` : ''}`;
  return (
    `Measured ${machine.date} at ${machine.source} with \`${run}\` (${(wallMs / 60000).toFixed(1)} min): ${machine.cpu}, ${machine.cores} cores, ` +
    `${machine.memoryGiB} GiB, ${machine.os} (load average ${machine.loadAtStart.toFixed(1)} at start); headless Chromium ${machine.chromium}; ` +
    `Node ${machine.node}. CPU time taken by the hypervisor (steal; every player's timings suffer alike): ${describeSteal(machine.steal)} over the run` +
    (machine.steal
      ? `; by scenario, mean / worst ~${STEAL_SAMPLE_MS / 1000} s (%): ${machine.stealByScenario.map(({ id, steal }) => `${id} ${steal ? `${steal.meanPercent.toFixed(1)} / ${steal.worstPercent.toFixed(1)}` : '?'}`).join(', ')}.`
      : '.')
  );
}

/** Replaces the section between the markers of BENCHMARKS.md (creating the file or the markers if missing). */
export function recordSection(path, section) {
  const block = `${START_MARK}\n${section}\n${END_MARK}`;
  if (!existsSync(path)) {
    writeFileSync(path, `# Benchmarks\n\n${block}\n`);
    return;
  }
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START_MARK);
  const end = text.indexOf(END_MARK);
  const next = start !== -1 && end > start ? text.slice(0, start) + block + text.slice(end + END_MARK.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}
