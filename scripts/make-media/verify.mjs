/**
 * Checks a generated video against its description: streams, sizes, durations, key-frame spacing,
 * faststart, and the frame code of every decoded frame.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AUDIO_RATE } from './encoder-args.mjs';
import { fail, ffprobe } from './ffmpeg.mjs';
import { decodeFrameCodes } from './frame-code.mjs';
import { fmtBytes, rel } from './paths.mjs';

export function verifyVideo(s, file) {
  const where = rel(file);
  const info = JSON.parse(ffprobe(['-print_format', 'json', '-show_format', '-show_streams', file]));
  const vs = info.streams.filter((x) => x.codec_type === 'video');
  const as = info.streams.filter((x) => x.codec_type === 'audio');
  if (vs.length !== 1) fail(`make-media: ${where}: expected 1 video stream, got ${vs.length}`);
  const v = vs[0];
  const want = (cond, msg) => cond || fail(`make-media: ${where}: ${msg}`);
  want(v.codec_name === 'h264', `video codec ${v.codec_name}`);
  want(/^(Main|Baseline|Constrained Baseline)$/.test(v.profile), `profile ${v.profile}`);
  want(v.pix_fmt === 'yuv420p', `pix_fmt ${v.pix_fmt}`);
  want(Number(v.has_b_frames) === 0, `has_b_frames ${v.has_b_frames}`);
  want(v.width === s.width && v.height === s.height, `size ${v.width}x${v.height}, expected ${s.width}x${s.height}`);
  want(v.r_frame_rate === `${s.fps}/1`, `frame rate ${v.r_frame_rate}`);
  if (s.toneHz) {
    want(as.length === 1, `expected 1 audio stream, got ${as.length}`);
    const a = as[0];
    want(a.codec_name === 'aac' && Number(a.sample_rate) === AUDIO_RATE && Number(a.channels) === 1, `audio ${a.codec_name} ${a.sample_rate} Hz ${a.channels} ch`);
  } else {
    want(as.length === 0, `expected no audio, got ${as.length} audio streams`);
  }

  // duration: for mp4, the container's; for HLS, the playlist's EXTINF sum
  let probedMs;
  let segments;
  if (file.endsWith('.m3u8')) {
    const text = fs.readFileSync(file, 'utf8');
    want(/#EXT-X-PLAYLIST-TYPE:VOD/.test(text) && /#EXT-X-ENDLIST/.test(text), 'not a VOD playlist');
    segments = [...text.matchAll(/#EXTINF:([\d.]+),\s*\n([^\n#]+)/g)].map((m) => ({ uri: m[2].trim(), durationS: Number(m[1]) }));
    want(segments.length > 0, 'playlist has no segments');
    for (const seg of segments) want(fs.existsSync(path.join(path.dirname(file), seg.uri)), `missing segment ${seg.uri}`);
    probedMs = Math.round(segments.reduce((t, x) => t + x.durationS, 0) * 1000);
  } else {
    probedMs = Math.round(Number(info.format.duration) * 1000);
    want(Number(v.nb_frames) === s.frames, `${v.nb_frames} video frames in the container, expected ${s.frames}`);
    want(Math.round(Number(v.duration) * 1000) === s.durS * 1000, `video stream lasts ${v.duration} s`);
    want(isFaststart(file), 'moov atom is not before mdat (no +faststart?)');
  }
  want(probedMs === s.durS * 1000, `duration ${probedMs} ms, expected ${s.durS * 1000}`);

  // key frames exactly every second (fast seeks), and nowhere else
  const flags = ffprobe(['-select_streams', 'v:0', '-show_entries', 'packet=flags', '-of', 'csv=p=0', file])
    .split('\n')
    .filter(Boolean);
  want(flags.length === s.frames, `${flags.length} video packets, expected ${s.frames}`);
  flags.forEach((f, i) => want(f.startsWith('K') === (i % s.fps === 0), `packet ${i} key flag "${f}" (GOP should be ${s.fps})`));

  // the frame code: every decoded frame must carry its own index
  const { codes, weakest } = decodeFrameCodes(file);
  want(codes.length === s.frames, `decoded ${codes.length} frames, expected ${s.frames}`);
  const mid = Math.floor(s.frames / 2);
  const last = s.frames - 1;
  for (const i of [0, 1, mid, last]) want(codes[i] === i, `frame ${i} carries code ${codes[i]}`);
  const bad = codes.findIndex((c, i) => c !== i);
  want(bad < 0, `frame ${bad} carries code ${codes[bad]}`);
  want(weakest >= 48, `frame-code blocks too close to the threshold (margin ${weakest.toFixed(1)})`);

  const bytes = segments
    ? segments.reduce((t, x) => t + fs.statSync(path.join(path.dirname(file), x.uri)).size, fs.statSync(file).size)
    : fs.statSync(file).size;
  console.log(
    `  ok  ${where.padEnd(36)} ${fmtBytes(bytes).padStart(9)}  ${s.width}x${s.height}@${s.fps} ${s.frames} frames ${probedMs} ms` +
      `${s.toneHz ? `, ${s.toneHz} Hz` : ', no audio'}; codes 0..${last} ok (checked 0,1,${mid},${last} + all; margin ${Math.round(weakest)})` +
      (segments ? `; ${segments.length} segments` : ''),
  );
  return { bytes, probedMs, segments };
}

/** True if the top-level 'moov' box comes before 'mdat'. */
function isFaststart(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(16);
    let pos = 0;
    while (pos + 8 <= size) {
      fs.readSync(fd, head, 0, 16, pos);
      let len = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      if (type === 'moov') return true;
      if (type === 'mdat') return false;
      if (len === 1) len = Number(head.readBigUInt64BE(8));
      if (len < 8) return false;
      pos += len;
    }
    return false;
  } finally {
    fs.closeSync(fd);
  }
}
