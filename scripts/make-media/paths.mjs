/**
 * Where make-media writes (fixed, relative to the project root) and how it names files and sizes
 * in its log.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES_DIR = path.join(ROOT, 'test', 'fixtures');
export const DEMO_DIR = path.join(ROOT, 'demo');
export const DEMO_MEDIA_DIR = path.join(DEMO_DIR, 'media');

export function rel(p) {
  return path.relative(ROOT, p);
}

export function fmtBytes(n) {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}
