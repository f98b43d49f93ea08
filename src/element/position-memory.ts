/**
 * Remembered positions per recording (the `remember-position` attribute), in localStorage, keyed by
 * room and start time so the same class is recognised whatever URL it is served from. Storage can
 * be unavailable (private modes, sandboxed frames): then nothing is remembered and nothing breaks.
 */
import type { Recording } from '../core/recording/recording.js';

const PREFIX = 'tic-replay:position:';

export function positionKey(recording: Recording, fallback: string): string {
  if (recording.roomId !== undefined && recording.recordStartTime !== undefined) {
    return `${PREFIX}${recording.roomId}:${recording.recordStartTime}`;
  }
  return `${PREFIX}${recording.taskId ?? fallback}`;
}

export function readPosition(key: string): number | undefined {
  try {
    const value = Number(localStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writePosition(key: string, seconds: number): void {
  try {
    localStorage.setItem(key, seconds.toFixed(1));
  } catch {
    // Storage full or unavailable: the position is simply not remembered.
  }
}

export function forgetPosition(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}
