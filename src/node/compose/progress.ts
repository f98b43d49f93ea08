/**
 * Progress of a composition: percent of the replay composed, speed as a multiple of real time, and
 * time left. On a terminal one line rewritten in place; otherwise (logs, CI) a plain line every
 * tenth of the way, so logs stay short.
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

export class ComposeProgress {
  readonly #stream: ProgressStream;
  readonly #totalS: number;
  readonly #startedAtMs: number;
  readonly #now: () => number;
  #lastDrawnMs = -Infinity;
  #lastTenth = -1;
  #doneS = 0;

  constructor(stream: ProgressStream, totalS: number, now: () => number = () => performance.now()) {
    this.#stream = stream;
    this.#totalS = totalS;
    this.#now = now;
    this.#startedAtMs = now();
  }

  /** Seconds of the replay composed so far (whole jobs and the running parts of others). */
  update(doneS: number): void {
    this.#doneS = Math.min(this.#totalS, Math.max(this.#doneS, doneS));
    const nowMs = this.#now();
    if (this.#stream.isTTY) {
      if (nowMs - this.#lastDrawnMs < 250) return;
      this.#lastDrawnMs = nowMs;
      this.#stream.write(`\r\x1b[2K${this.line()}`);
      return;
    }
    const tenth = Math.floor((10 * this.#doneS) / (this.#totalS || 1));
    if (tenth > this.#lastTenth && tenth < 10) {
      this.#lastTenth = tenth;
      this.#stream.write(`${this.line()}\n`);
    }
  }

  /** `Composing  42% · 3.1× real time · 0:12 left` */
  line(): string {
    const elapsedS = (this.#now() - this.#startedAtMs) / 1000;
    const percent = Math.floor((100 * this.#doneS) / (this.#totalS || 1));
    const speed = elapsedS > 0 ? this.#doneS / elapsedS : 0;
    // The first seconds (ffmpeg starting, files opening) say little about the pace.
    const left = speed > 0 && elapsedS >= 2 ? `${formatDuration((this.#totalS - this.#doneS) / speed)} left` : 'time left unknown';
    return `Composing ${String(percent).padStart(3)}% · ${speed.toFixed(1)}× real time · ${left}`;
  }

  /** Ends the display: the terminal line is cleared so the summary starts on a clean line. */
  finish(): void {
    if (this.#stream.isTTY) this.#stream.write('\r\x1b[2K');
  }
}
