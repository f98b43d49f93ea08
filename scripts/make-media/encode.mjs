/**
 * Writes one file (progressive mp4, HLS VOD rendition or mp3) from its description and checks it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AUDIO_RATE, audioEncodeArgs, BITEXACT, videoEncodeArgs } from './encoder-args.mjs';
import { fail, ffmpeg, ffprobe } from './ffmpeg.mjs';
import { fmtBytes, rel } from './paths.mjs';
import { boardGraph, cameraGraph } from './pictures.mjs';
import { verifyVideo } from './verify.mjs';

function graphFor(s) {
  const chains = s.kind === 'board' ? boardGraph(s) : cameraGraph(s);
  if (s.toneHz) chains.push(`sine=frequency=${s.toneHz}:sample_rate=${AUDIO_RATE}:duration=${s.durS}[aout]`);
  return chains.join(';');
}

function mapArgs(s) {
  return ['-map', '[v]', ...(s.toneHz ? ['-map', '[aout]'] : [])];
}

/** Encodes one progressive mp4 described by `s` and verifies it. */
export function makeMp4(s) {
  fs.mkdirSync(path.dirname(s.out), { recursive: true });
  ffmpeg(
    ['-filter_complex', graphFor(s), ...mapArgs(s), ...videoEncodeArgs(s), ...audioEncodeArgs(s), ...BITEXACT, '-movflags', '+faststart', '-f', 'mp4', s.out],
    rel(s.out),
  );
  return verifyVideo(s, s.out);
}

/** Encodes an HLS VOD rendition (playlist + .ts segments) and verifies it. */
export function makeHls(s) {
  const dir = path.dirname(s.out);
  const base = path.basename(s.out, '.m3u8');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) {
    if (f === `${base}.m3u8` || (f.startsWith(`${base}-`) && f.endsWith('.ts'))) fs.rmSync(path.join(dir, f));
  }
  ffmpeg(
    [
      '-filter_complex', graphFor(s), ...mapArgs(s), ...videoEncodeArgs(s), ...audioEncodeArgs(s), ...BITEXACT,
      '-f', 'hls',
      '-hls_time', String(s.segmentS),
      '-hls_playlist_type', 'vod',
      '-hls_segment_type', 'mpegts',
      '-start_number', '0',
      '-hls_segment_filename', path.join(dir, `${base}-%03d.ts`),
      s.out,
    ],
    rel(s.out),
  );
  return verifyVideo(s, s.out);
}

export function makeMp3(s) {
  fs.mkdirSync(path.dirname(s.out), { recursive: true });
  ffmpeg(
    [
      '-f', 'lavfi', '-i', `sine=frequency=${s.toneHz}:sample_rate=${AUDIO_RATE}:duration=${s.durS}`,
      '-c:a', 'libmp3lame', '-b:a', `${s.audioKbps}k`, '-ar', String(AUDIO_RATE), '-ac', '1',
      ...BITEXACT, '-id3v2_version', '0', '-write_id3v1', '0', '-f', 'mp3', s.out,
    ],
    rel(s.out),
  );
  const info = JSON.parse(ffprobe(['-print_format', 'json', '-show_format', '-show_streams', s.out]));
  const a = info.streams.filter((x) => x.codec_type === 'audio');
  if (a.length !== 1 || a[0].codec_name !== 'mp3' || Number(a[0].channels) !== 1 || Number(a[0].sample_rate) !== AUDIO_RATE) {
    fail(`make-media: ${rel(s.out)}: expected one mono ${AUDIO_RATE} Hz mp3 stream, got ${JSON.stringify(a)}`);
  }
  if (info.streams.some((x) => x.codec_type === 'video')) fail(`make-media: ${rel(s.out)}: unexpected video stream`);
  const probedMs = Math.round(Number(info.format.duration) * 1000);
  // mp3 frames are 1152 samples: the container reports whole frames (encoder delay/padding included)
  if (Math.abs(probedMs - s.durS * 1000) > 60) fail(`make-media: ${rel(s.out)}: duration ${probedMs} ms, expected ~${s.durS * 1000}`);
  const bytes = fs.statSync(s.out).size;
  console.log(`  ok  ${rel(s.out).padEnd(36)} ${fmtBytes(bytes).padStart(9)}  audio ${s.toneHz} Hz, ${probedMs} ms (probed)`);
  return { bytes, probedMs };
}
