/** `tic-replay validate <result> [--json]`: what the player will make of a result, before a class depends on it. */
import { RecordingError, type RecordingProblem } from '../../core/recording/recording.js';
import { readRecordingArg } from '../../node/read-result.js';
import { formatMs, summarizeRecording, type RecordingSummary } from '../../node/recording-summary.js';
import { formatBytes } from '../../node/progress-display.js';
import { EXIT, type Command, type CommandIo } from '../command.js';
import { problemsOfError, wordProblem } from '../problem-words.js';

const HELP = `Usage: tic-replay validate <result> [--json]

Checks a TIC/TIW real-time recording result the way the player reads it, and summarizes it.
<result> is a file path, an http(s) URL, or - for standard input, in any of the three shapes
(the bare result, a DescribeOnlineRecord answer, an OnlineRecordFinished callback body).

Prints each problem with its JSON path, then: tracks and files per track, stretches where
nothing plays, pause cuts, total time, files per type and format, and the sum of VideoSize.

Options:
  --json   print everything as one JSON object instead
  -h, --help

Exit codes: 0 every entry plays; 1 some entries cannot play but the rest does;
2 nothing plays (or the result could not be read); 64 wrong usage.
`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a recording result and summarize its tracks, gaps, pauses and files',
  help: HELP,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      io.stderr.write('tic-replay validate: give exactly one <result> (a path, a URL or -).\n');
      return EXIT.usage;
    }
    const source = positionals[0]!;
    const asJson = values['json'] === true;
    try {
      const parsed = await readRecordingArg(source, { stdin: io.stdin, signal: io.signal });
      const summary = summarizeRecording(parsed.recording);
      const exitCode = parsed.problems.length === 0 ? EXIT.ok : EXIT.partial;
      if (asJson) writeJson(io, { source: parsed.label, playable: true, exitCode, problems: parsed.problems.map(problemJson), summary });
      else writeText(io, parsed.label, parsed.problems, summary);
      return exitCode;
    } catch (error) {
      if (!(error instanceof RecordingError)) throw error;
      const problems = problemsOfError(error);
      if (asJson) writeJson(io, { source, playable: false, exitCode: EXIT.failed, problems: problems.map(problemJson) });
      else {
        io.stdout.write(`${source}: nothing in it can be played.\n`);
        for (const problem of problems) io.stdout.write(`  ${wordProblem(problem)}\n`);
      }
      return EXIT.failed;
    }
  },
};

function problemJson(problem: RecordingProblem): RecordingProblem & { text: string } {
  return { ...problem, text: wordProblem(problem) };
}

function writeJson(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function writeText(io: CommandIo, label: string, problems: readonly RecordingProblem[], summary: RecordingSummary): void {
  const out: string[] = [];
  if (problems.length === 0) out.push(`${label}: every entry plays.`);
  else {
    out.push(`${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; the rest plays.`);
    for (const problem of problems) out.push(`  ${wordProblem(problem)}`);
  }
  const declared = summary.declaredTotalTimeMs === undefined ? 'no TotalTime' : `TotalTime ${formatMs(summary.declaredTotalTimeMs)}`;
  out.push('', `Replay: ${formatMs(summary.totalTimeMs)} (${declared}), ${summary.fileCount} files in ${summary.tracks.length} tracks`);
  out.push('Tracks:');
  const width = Math.max(...summary.tracks.map((track) => `${track.kind} ${track.userId}`.trim().length));
  for (const track of summary.tracks) {
    const name = `${track.kind} ${track.userId}`.trim().padEnd(width);
    const gaps = track.gaps.length === 0 ? '' : `, no file ${track.gaps.map(span).join(', ')}`;
    out.push(`  ${name}  ${track.fileCount} file${track.fileCount === 1 ? '' : 's'}${gaps}`);
  }
  out.push(`Nothing plays: ${summary.gaps.length === 0 ? 'never' : summary.gaps.map(span).join(', ')}`);
  const cuts = summary.pauseCuts.map((cut) => (cut.pausedMs === undefined ? formatMs(cut.atMs) : `${formatMs(cut.atMs)} (paused ${formatMs(cut.pausedMs)})`));
  out.push(`Pause cuts: ${cuts.length === 0 ? 'none' : cuts.join(', ')}`);
  out.push(`Files per type: ${counts(summary.filesPerType)}`);
  out.push(`Files per format: ${counts(summary.filesPerFormat)}`);
  const unknownSizes = summary.filesWithoutSize === 0 ? '' : ` (${summary.filesWithoutSize} files state no size)`;
  out.push(`Sum of VideoSize: ${formatBytes(summary.declaredBytes)}${unknownSizes}`);
  if (summary.supersededVideoIds.length > 0) out.push(`Never shown (replaced by a file starting at the same moment): ${summary.supersededVideoIds.join(', ')}`);
  io.stdout.write(`${out.join('\n')}\n`);
}

function span({ fromMs, toMs }: { fromMs: number; toMs: number }): string {
  return `${formatMs(fromMs)}–${formatMs(toMs)}`;
}

function counts(record: Readonly<Record<string, number>>): string {
  return Object.entries(record)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}
