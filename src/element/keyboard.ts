/**
 * Keyboard shortcuts while the player has focus (the keys of the major web players):
 * Space/K play-pause · J/L −10/+10 s · ←/→ −5/+5 s · ↑/↓ volume · M mute · F fullscreen ·
 * `<`/`>` slower/faster · 0–9 jump to 0 %–90 %. Keys meant for a focused control (a button, the
 * progress slider, a menu) are left to that control.
 */
import { PLAYBACK_RATES } from '../core/playback/playback-rates.js';

export interface KeyboardTarget {
  readonly paused: boolean;
  readonly duration: number;
  currentTime: number;
  volume: number;
  muted: boolean;
  playbackRate: number;
  play(): Promise<void>;
  pause(): void;
  toggleFullscreen(): void;
}

const SEEK_SMALL_S = 5;
const SEEK_LARGE_S = 10;
const VOLUME_STEP = 0.1;

/** Whether the key belongs to a focused control instead of the player. */
function isForControl(event: KeyboardEvent): boolean {
  const origin = event.composedPath()[0];
  if (!(origin instanceof HTMLElement)) return false;
  const role = origin.getAttribute('role');
  const tag = origin.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || origin.isContentEditable) return true;
  if (role === 'slider') return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key) || /^[0-9]$/.test(event.key);
  if (tag === 'BUTTON' || role === 'button' || role === 'menuitem' || role === 'menuitemradio' || role === 'menuitemcheckbox') {
    return event.key === ' ' || event.key === 'Enter' || (role?.startsWith('menuitem') === true && event.key.startsWith('Arrow'));
  }
  return false;
}

/** Applies the shortcut for `event`; returns whether it was one (the caller then prevents the default). */
export function applyShortcut(event: KeyboardEvent, target: KeyboardTarget): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || isForControl(event)) return false;
  const duration = Number.isFinite(target.duration) ? target.duration : 0;
  const seekBy = (seconds: number) => {
    target.currentTime = Math.min(Math.max(target.currentTime + seconds, 0), duration);
  };
  const key = event.key;
  switch (key) {
    case ' ':
    case 'k':
    case 'K':
      if (target.paused) target.play().catch(() => undefined);
      else target.pause();
      return true;
    case 'j':
    case 'J':
      seekBy(-SEEK_LARGE_S);
      return true;
    case 'l':
    case 'L':
      seekBy(SEEK_LARGE_S);
      return true;
    case 'ArrowLeft':
      seekBy(-SEEK_SMALL_S);
      return true;
    case 'ArrowRight':
      seekBy(SEEK_SMALL_S);
      return true;
    case 'ArrowUp':
      target.volume = Math.min(1, Math.round((target.volume + VOLUME_STEP) * 10) / 10);
      if (target.muted) target.muted = false;
      return true;
    case 'ArrowDown':
      target.volume = Math.max(0, Math.round((target.volume - VOLUME_STEP) * 10) / 10);
      return true;
    case 'm':
    case 'M':
      target.muted = !target.muted;
      return true;
    case 'f':
    case 'F':
      target.toggleFullscreen();
      return true;
    case '<':
    case '>': {
      const rates = PLAYBACK_RATES as readonly number[];
      const index = rates.indexOf(target.playbackRate);
      const current = index === -1 ? rates.indexOf(1) : index;
      const next = Math.min(Math.max(current + (key === '>' ? 1 : -1), 0), rates.length - 1);
      target.playbackRate = rates[next]!;
      return true;
    }
    default:
      if (/^[0-9]$/.test(key) && duration > 0) {
        target.currentTime = (duration * Number(key)) / 10;
        return true;
      }
      return false;
  }
}
