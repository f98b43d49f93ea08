/** A `CommandIo` that keeps what a command writes, for running commands in-process in tests. */
import { PassThrough, Writable } from 'node:stream';
import type { CommandIo } from '../../../src/cli/command.js';

export interface CapturedIo extends CommandIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function captureIo(options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; onStderr?: (text: string) => void } = {}): CapturedIo {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  return {
    stdout: sink((text) => (out += text)),
    stderr: sink((text) => {
      err += text;
      options.onStderr?.(text);
    }),
    stdin: new PassThrough(),
    env: options.env ?? process.env,
    signal: options.signal ?? new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}
