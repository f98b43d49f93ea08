/**
 * The tools: finding ffmpeg, ffprobe and the font (with a clear message when one is missing),
 * running them, quoting filtergraph values, and the error every step fails with.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const FFMPEG = process.env.FFMPEG || 'ffmpeg';
export const FFPROBE = process.env.FFPROBE || 'ffprobe';
export const FONT = process.env.MAKE_MEDIA_FONT || '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

/** What make-media fails with: the entry prints its message and exits 1, without a stack. */
export class MediaError extends Error {}

export function fail(message) {
  throw new MediaError(message);
}

export function requireTools() {
  for (const [tool, envName] of [
    [FFMPEG, 'FFMPEG'],
    [FFPROBE, 'FFPROBE'],
  ]) {
    const r = spawnSync(tool, ['-version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      fail(
        `make-media: cannot run "${tool}" (${r.error ? r.error.code || r.error.message : `exit ${r.status}`}).\n` +
          `  This script needs ffmpeg and ffprobe (with libx264, libmp3lame and drawtext) on PATH,\n` +
          `  e.g. "apt-get install ffmpeg" or "brew install ffmpeg", or set ${envName}=/path/to/${envName.toLowerCase()}.`,
      );
    }
  }
  if (!fs.existsSync(FONT)) {
    fail(
      `make-media: font not found: ${FONT}\n` +
        `  Install DejaVu fonts (e.g. "apt-get install fonts-dejavu-core") or set MAKE_MEDIA_FONT=/path/to/a/monospace.ttf.`,
    );
  }
  const encoders = spawnSync(FFMPEG, ['-hide_banner', '-encoders'], { encoding: 'utf8' }).stdout || '';
  for (const enc of ['libx264', 'libmp3lame', 'aac']) {
    if (!new RegExp(`\\s${enc}\\s`).test(encoders)) fail(`make-media: this ffmpeg has no "${enc}" encoder.`);
  }
  const filters = spawnSync(FFMPEG, ['-hide_banner', '-filters'], { encoding: 'utf8' }).stdout || '';
  for (const f of ['drawtext', 'geq', 'testsrc2', 'drawgrid']) {
    if (!new RegExp(`\\s${f}\\s`).test(filters)) fail(`make-media: this ffmpeg has no "${f}" filter.`);
  }
}

let passthrough;

/** `-fps_mode` replaced `-vsync` in ffmpeg 5.1; the installed ffmpeg is asked once. */
export function passthroughArgs() {
  if (passthrough) return passthrough;
  const first = (spawnSync(FFMPEG, ['-version'], { encoding: 'utf8' }).stdout || '').split('\n')[0];
  const m = /version n?(\d+)\.(\d+)/.exec(first);
  passthrough = m && (Number(m[1]) < 5 || (Number(m[1]) === 5 && Number(m[2]) < 1)) ? ['-vsync', '0'] : ['-fps_mode', 'passthrough'];
  return passthrough;
}

export function ffmpeg(args, what) {
  const r = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
    maxBuffer: 1 << 30,
  });
  if (r.error || r.status !== 0) {
    fail(`make-media: ffmpeg failed (${what}):\n  ${FFMPEG} ${args.join(' ')}\n${r.stderr ? r.stderr.toString() : r.error}`);
  }
  return r.stdout;
}

export function ffprobe(args) {
  const r = spawnSync(FFPROBE, ['-v', 'error', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) fail(`make-media: ffprobe failed:\n  ${FFPROBE} ${args.join(' ')}\n${r.stderr || r.error}`);
  return r.stdout;
}

/**
 * Quotes an option value for a filtergraph string: backslash-escapes what the option parser
 * treats specially (\ and :), then single-quotes the lot so the graph parser leaves , ; [ ] alone.
 */
export function q(value) {
  const s = String(value);
  if (s.includes("'")) fail(`make-media: internal: quote in filter value ${s}`);
  return `'${s.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}'`;
}
