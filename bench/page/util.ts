/** Small async helpers for the benchmark page. */

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Polls `condition` once per animation frame; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await nextFrame();
  }
}

/** Resolves with the next `type` event of `target`, or after `timeoutMs` with undefined. */
export function nextEvent(target: EventTarget, type: string, timeoutMs: number): Promise<Event | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, onEvent);
      resolve(undefined);
    }, timeoutMs);
    const onEvent = (event: Event) => {
      clearTimeout(timer);
      target.removeEventListener(type, onEvent);
      resolve(event);
    };
    target.addEventListener(type, onEvent);
  });
}

export interface Percentiles {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles of `values` (NaN everywhere when empty). */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { n: 0, p50: Number.NaN, p95: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  let sum = 0;
  for (const value of sorted) sum += value;
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]!, mean: sum / sorted.length };
}

export function median(values: readonly number[]): number {
  return percentiles(values).p50;
}
