/** Reading option values that `util.parseArgs` leaves as strings: whole numbers, required options. */

/** A wrong option value: the command prints it and exits 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function wholeNumberOption(values: Record<string, unknown>, name: string, fallback: number, min = 0): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not ${JSON.stringify(raw)}`);
  return value;
}

export function requiredString(values: Record<string, unknown>, name: string): string {
  const raw = values[name];
  if (typeof raw !== 'string' || raw === '') throw new UsageError(`--${name} is required`);
  return raw;
}

export function optionalString(values: Record<string, unknown>, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}
