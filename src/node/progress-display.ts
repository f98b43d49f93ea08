/**
 * Shows an archive run: on a terminal, a few lines redrawn in place (each transfer's bytes, the
 * total and the speed); anywhere else (a log, a pipe, systemd's journal) one plain line per file.
 */
import type { ArchiveEvents } from './archive/archive-events.js';

export interface ProgressDisplay extends ArchiveEvents {
  /** Stops redrawing and clears the live lines. */
  finish(): void;
}

export type TextStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function createProgressDisplay(stream: TextStream): ProgressDisplay {
  return stream.isTTY ? new TerminalDisplay(stream) : new PlainLines(stream);
}

class PlainLines implements ProgressDisplay {
  #fileCount = 0;
  #finished = 0;
  constructor(private readonly stream: TextStream) {}

  planned(fileCount: number): void {
    this.#fileCount = fileCount;
  }
  retry(url: string, attempt: number, reason: string): void {
    this.stream.write(`retry ${attempt} ${url}: ${reason}\n`);
  }
  fileDone(videoId: string, localPath: string, bytes: number, skipped: boolean): void {
    this.#finished++;
    const verb = skipped ? 'verified' : 'archived';
    this.stream.write(`[${this.#finished}/${this.#fileCount}] ${verb} ${videoId} → ${localPath} (${formatBytes(bytes)})\n`);
  }
  fileFailed(videoId: string, url: string, reason: string): void {
    this.#finished++;
    this.stream.write(`[${this.#finished}/${this.#fileCount}] FAILED ${videoId} ${url}: ${reason}\n`);
  }
  finish(): void {}
}

interface Transfer {
  label: string;
  receivedBytes: number;
  totalBytes: number | undefined;
}

const REDRAW_MS = 200;

class TerminalDisplay implements ProgressDisplay {
  readonly #transfers = new Map<string, Transfer>();
  /** Bytes of finished transfers, plus what the live ones hold now. */
  #finishedBytes = 0;
  #fileCount = 0;
  #filesDone = 0;
  #drawnLines = 0;
  readonly #startedAtMs = Date.now();
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly stream: TextStream) {
    this.#timer = setInterval(() => this.#draw(), REDRAW_MS);
    this.#timer.unref();
  }

  planned(fileCount: number): void {
    this.#fileCount = fileCount;
  }
  bytes(key: string, label: string, receivedBytes: number, totalBytes: number | undefined): void {
    const transfer = this.#transfers.get(key);
    if (transfer) Object.assign(transfer, { receivedBytes, totalBytes });
    else this.#transfers.set(key, { label, receivedBytes, totalBytes });
  }
  transferEnded(key: string): void {
    this.#finishedBytes += this.#transfers.get(key)?.receivedBytes ?? 0;
    this.#transfers.delete(key);
  }
  retry(url: string, attempt: number, reason: string): void {
    this.#print(`retry ${attempt} ${url}: ${reason}`);
  }
  fileDone(videoId: string, localPath: string, bytes: number, skipped: boolean): void {
    this.#filesDone++;
    this.#print(`${skipped ? 'verified' : 'archived'} ${videoId} → ${localPath} (${formatBytes(bytes)})`);
  }
  fileFailed(videoId: string, url: string, reason: string): void {
    this.#filesDone++;
    this.#print(`FAILED ${videoId} ${url}: ${reason}`);
  }
  finish(): void {
    clearInterval(this.#timer);
    this.#clear();
  }

  /** A permanent line above the live ones. */
  #print(line: string): void {
    this.#clear();
    this.stream.write(`${line}\n`);
    this.#draw();
  }

  #clear(): void {
    if (this.#drawnLines > 0) this.stream.write(`\x1b[${this.#drawnLines}A\x1b[J`);
    this.#drawnLines = 0;
  }

  #draw(): void {
    this.#clear();
    const width = Math.max(40, (this.stream.columns ?? 80) - 1);
    const live = [...this.#transfers.values()].slice(0, 8);
    const lines = live.map(({ label, receivedBytes, totalBytes }) => {
      const amount = totalBytes ? `${formatBytes(receivedBytes)} / ${formatBytes(totalBytes)}` : formatBytes(receivedBytes);
      return `  ${label}  ${amount}`.slice(0, width);
    });
    const bytes = this.#finishedBytes + live.reduce((sum, transfer) => sum + transfer.receivedBytes, 0);
    const seconds = Math.max(0.001, (Date.now() - this.#startedAtMs) / 1000);
    lines.push(`${this.#filesDone}/${this.#fileCount} files, ${formatBytes(bytes)} at ${formatBytes(bytes / seconds)}/s`.slice(0, width));
    this.stream.write(`${lines.join('\n')}\n`);
    this.#drawnLines = lines.length;
  }
}
