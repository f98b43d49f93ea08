/**
 * Reading a composed video back with ffmpeg, for the tests: its duration, chosen frames as raw gray
 * pixels (then the frame number each tile's band carries), and the loudness of stretches of sound.
 */
import { spawnSync } from 'node:child_process';
import type { Rect } from '../../../src/core/compose/geometry.js';

const FFMPEG = process.env.FFMPEG_PATH || 'ffmpeg';
const FFPROBE = process.env.FFPROBE_PATH || 'ffprobe';

/** The frame code burned into every fixture frame (scripts/make-media.mjs): 16 blocks of 20×16 px. */
const BAND = { bits: 16, blockWidth: 20, blockHeight: 16, sourceWidth: 320, sourceHeight: 180 };

export function durationS(path: string): number {
  const result = spawnSync(FFPROBE, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ffprobe ${path}: ${result.stderr}`);
  return Number(result.stdout.trim());
}

export function streamsOf(path: string): { codec_type: string; codec_name: string }[] {
  const result = spawnSync(FFPROBE, ['-v', 'error', '-show_streams', '-of', 'json', path], { encoding: 'utf8' });
  return (JSON.parse(result.stdout) as { streams: { codec_type: string; codec_name: string }[] }).streams;
}

export interface GrayFrame {
  readonly width: number;
  readonly pixels: Buffer;
}

/** Output frames `frameNumbers` (0-based, ascending) as 8-bit gray pictures. */
export function grayFrames(path: string, width: number, height: number, frameNumbers: readonly number[]): GrayFrame[] {
  const select = frameNumbers.map((n) => `eq(n\\,${n})`).join('+');
  const result = spawnSync(
    FFMPEG,
    ['-v', 'error', '-i', path, '-vf', `select=${select},format=gray`, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { maxBuffer: 1 << 30 },
  );
  if (result.status !== 0) throw new Error(`ffmpeg frames of ${path}: ${result.stderr.toString()}`);
  const size = width * height;
  const frames: GrayFrame[] = [];
  for (let offset = 0; offset + size <= result.stdout.length; offset += size) frames.push({ width, pixels: result.stdout.subarray(offset, offset + size) });
  if (frames.length !== frameNumbers.length) throw new Error(`asked for ${frameNumbers.length} frames of ${path}, got ${frames.length}`);
  return frames;
}

/** Where a 320×180 fixture picture lands when fitted whole (letterboxed) in `tile`. */
export function pictureRect(tile: Rect): Rect {
  const scale = Math.min(tile.width / BAND.sourceWidth, tile.height / BAND.sourceHeight);
  const width = BAND.sourceWidth * scale;
  const height = BAND.sourceHeight * scale;
  return { x: tile.x + (tile.width - width) / 2, y: tile.y + (tile.height - height) / 2, width, height };
}

/** The frame number shown in `tile` of `frame`: each block's centre, averaged over a small square. */
export function frameNumberIn(frame: GrayFrame, tile: Rect): number {
  const picture = pictureRect(tile);
  const scale = picture.width / BAND.sourceWidth;
  let value = 0;
  for (let bit = 0; bit < BAND.bits; bit++) {
    const cx = Math.round(picture.x + (bit * BAND.blockWidth + BAND.blockWidth / 2) * scale);
    const cy = Math.round(picture.y + (BAND.blockHeight / 2) * scale);
    const reach = Math.max(1, Math.floor(3 * scale));
    let sum = 0;
    let count = 0;
    for (let y = cy - reach; y <= cy + reach; y++) {
      for (let x = cx - reach; x <= cx + reach; x++) {
        sum += frame.pixels[y * frame.width + x]!;
        count++;
      }
    }
    value = value * 2 + (sum / count >= 128 ? 1 : 0);
  }
  return value;
}

/** Mean loudness (dBFS) of [fromS, toS) of the file's sound; silence reads about -91 dB or less. */
export function meanVolumeDb(path: string, fromS: number, toS: number): number {
  const result = spawnSync(
    FFMPEG,
    ['-hide_banner', '-nostats', '-ss', String(fromS), '-t', String(toS - fromS), '-i', path, '-vn', '-af', 'volumedetect', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  const match = /mean_volume: (-?[\d.]+|-inf) dB/.exec(result.stderr);
  if (!match) throw new Error(`no volume for ${path} ${fromS}-${toS}: ${result.stderr.slice(-400)}`);
  return match[1] === '-inf' ? -Infinity : Number(match[1]);
}
