/**
 * Values from a callback body shown in a log line: control characters (a newline in a TaskId) would
 * forge extra log lines, so they are shown escaped, and a very long value is cut short.
 */
const MAX_SHOWN = 120;

export function logText(value: string, maxShown = MAX_SHOWN): string {
  const escaped = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > maxShown ? `${escaped.slice(0, maxShown - 1)}…` : escaped;
}
