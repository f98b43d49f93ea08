/** Small readers of untyped JSON values, shared by the envelope and the parser. */

export type JsonObject = Record<string, unknown>;

const SHOWN_VALUE_MAX = 40;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON `null` means "not given" as much as a missing key does. */
export function present<T>(value: T): Exclude<T, null> | undefined {
  return value === null ? undefined : (value as Exclude<T, null>);
}

/** `0` and `""` count as blank: the service fills absent error parts with them. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0;
}

export function isNonNegativeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function nonNegativeInteger(value: unknown): number | undefined {
  return isNonNegativeInteger(value) ? value + 0 : undefined;
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `{ key: value }` when there is a value, `{}` otherwise: optional fields stay absent, not `undefined`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A string as it is, anything else as (shortened) JSON. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}

/** A value as JSON, cut short: problems quote what was there without echoing a whole document. */
export function show(value: unknown): string {
  let shown: string;
  if (typeof value === 'number' || typeof value === 'bigint') shown = String(value);
  else {
    try {
      shown = JSON.stringify(value) ?? String(value);
    } catch {
      shown = Object.prototype.toString.call(value);
    }
  }
  return shown.length > SHOWN_VALUE_MAX ? `${shown.slice(0, SHOWN_VALUE_MAX - 1)}…` : shown;
}
