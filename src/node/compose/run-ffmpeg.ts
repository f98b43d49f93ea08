/**
 * Runs one ffmpeg process with arguments we built: reports its progress (`-progress pipe:1`), keeps
 * the end of its error output for the message, and stops it when the signal aborts.
 */
import { spawn } from 'node:child_process';

export class FfmpegFailedError extends Error {
  override readonly name = 'FfmpegFailedError';
}

const STDERR_KEPT_CHARS = 4000;

/** Resolves when ffmpeg exits with 0; `onProgressS` receives the seconds of output written so far. */
export function runFfmpeg(
  ffmpegPath: string,
  args: readonly string[],
  options: { signal: AbortSignal; onProgressS?: (outputS: number) => void; what: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    options.signal.throwIfAborted();
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line);
        if (match && options.onProgressS) options.onProgressS(Number(match[1]) / 1e6);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS);
    });
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      child.kill('SIGTERM');
      // ffmpeg stops within a moment on SIGTERM; one stuck in a network read gets SIGKILL.
      killTimer = setTimeout(() => child.kill('SIGKILL'), 2000);
    };
    options.signal.addEventListener('abort', stop, { once: true });
    child.on('error', (error) => {
      options.signal.removeEventListener('abort', stop);
      reject(new FfmpegFailedError(`Could not start ffmpeg (${ffmpegPath}) for ${options.what}: ${error.message}`));
    });
    child.on('close', (code, signalName) => {
      options.signal.removeEventListener('abort', stop);
      if (killTimer) clearTimeout(killTimer);
      if (options.signal.aborted) return reject(options.signal.reason);
      if (code === 0) return resolve();
      const detail = stderr.trim().split('\n').slice(-6).join('\n');
      reject(new FfmpegFailedError(`ffmpeg failed on ${options.what} (${signalName ?? `exit code ${code}`}):\n${detail}`));
    });
  });
}
