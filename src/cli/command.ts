/**
 * What every `tic-replay` subcommand is: a name, its help, its options (Node's `util.parseArgs`
 * configuration) and a `run` that returns the process's exit code. `main.ts` only dispatches.
 *
 * Exit codes mean the same for every command: 0 done; 1 done in part (some files failed, the rest
 * was handled); 2 nothing could be done (bad input, nothing playable); 64 wrong usage.
 */
import type { ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, partial: 1, failed: 2, usage: 64 } as const;

/** Where a command writes and reads: injected so tests can run commands in-process too. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C (SIGINT) and SIGTERM: long commands stop cleanly and leave nothing half-written. */
  readonly signal: AbortSignal;
}

export interface Command {
  readonly name: string;
  /** One line for `tic-replay --help`. */
  readonly summary: string;
  /** The full `tic-replay <name> --help` text. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CommandIo): Promise<number>;
}
