/**
 * Runs the `tic-replay` command as a real process. It starts from the sources
 * (`node --import tsx src/cli/bin.ts`, the same `main` that `bin/tic-replay.js` runs from the
 * build), so `npm run test:node` needs no build first.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTRY = ['--import', 'tsx', 'src/cli/bin.ts'];

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: { stdout: string; stderr: string };
  /** Resolves with the first stdout line matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<CliResult>;
}

export interface CliOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  /** Modules to `--import` before the command (e.g. one that hides a package). */
  readonly preload?: readonly string[];
}

export function startCli(args: readonly string[], options: CliOptions = {}): CliProcess {
  const preload = (options.preload ?? []).flatMap((path) => ['--import', path]);
  const child = spawn(process.execPath, [...preload, ...ENTRY, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: 'pipe',
  });
  const output = { stdout: '', stderr: '' };
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    output.stdout += text;
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output.stderr += text));
  if (options.input !== undefined) child.stdin.end(options.input);
  else child.stdin.end();
  const exited = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => {
      for (const wake of waiters.splice(0)) wake();
      resolve({ code, signal, ...output });
    }),
  );
  const waitForLine = async (pattern: RegExp, timeoutMs = 20_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = output.stdout.split('\n').find((candidate) => pattern.test(candidate));
      if (line) return line;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no line matching ${pattern} (exit ${child.exitCode}); stdout:\n${output.stdout}\nstderr:\n${output.stderr}`);
      }
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { child, output, waitForLine, exited };
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).exited;
}

/** Polls `condition` until it holds. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
