/**
 * The `tic-replay` command: dispatches to a subcommand, parses its options with Node's
 * `util.parseArgs`, and turns Ctrl-C into an abort signal the command honours.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout.write(topic ? topic.help : overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`tic-replay: unknown command ${JSON.stringify(name)}. Run \`tic-replay --help\` for the list.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  let args: { values: Record<string, unknown>; positionals: string[] };
  try {
    args = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`tic-replay ${command.name}: ${(error as Error).message}\nRun \`tic-replay ${command.name} --help\`.\n`);
    return EXIT.usage;
  }
  return command.run(args, io);
}

function overview(): string {
  const width = Math.max(0, ...COMMANDS.map((command: Command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'tic-replay: keep, check and compose Tencent Cloud TIC/TIW real-time recordings.',
    '',
    'Usage: tic-replay <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `tic-replay <command> --help` for a command\'s options. Exit codes: 0 done, 1 done in part,',
    '2 nothing could be done, 64 wrong usage.',
    '',
  ].join('\n');
}

/** The package's version: package.json is two folders up from src/cli, three from dist/node/cli. */
function version(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'tic-replay') return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}

/** Runs as a process: wires the real streams and signals, and sets the exit code. */
export async function runProcess(): Promise<void> {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error('Interrupted'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const io: CommandIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    process.stderr.write(`tic-replay: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
