#!/usr/bin/env node
/**
 * Generates the small, deterministic media files that the tests, benchmarks and demo use.
 *
 *   node scripts/make-media.mjs            # everything
 *   node scripts/make-media.mjs fixtures   # test/fixtures/ only
 *   node scripts/make-media.mjs demo       # demo/media/ + demo/sample-recording.json only
 *
 * Needs ffmpeg + ffprobe (with libx264, libmp3lame, drawtext/libfreetype) on PATH, or set
 * FFMPEG / FFPROBE to their paths. The drawn text uses DejaVuSansMono (MAKE_MEDIA_FONT overrides).
 *
 * The frame code
 * --------------
 * Every video frame carries its frame number N (0-based index within that file) in a band at the
 * very top of the picture: y in [0,16), x in [0,320): 16 blocks, each 20 px wide and 16 px tall.
 * Block b (b = 0 leftmost) is white (luma 255) if bit (15 - b) of N is 1, black (luma 0) otherwise,
 * i.e. most significant bit leftmost. Read it by sampling the centre of each block (x = 20b + 10,
 * y = 8) and thresholding at 128. It is made by an ffmpeg geq source on a 320x16 canvas:
 *   geq=lum='255*mod(floor(N/pow(2\,15-floor(X/20)))\,2)':cb=128:cr=128
 * overlaid at (0,0). Pictures wider than 320 keep the band 320 px wide at x = 0.
 *
 * Every file written here is decoded again afterwards (every frame's band, the frame count, the
 * durations, the key-frame spacing, the streams) and the script fails loudly if anything is off.
 * Reruns with the same ffmpeg build produce byte-identical files (single-threaded x264, bitexact
 * muxing, no metadata).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES_DIR = path.join(ROOT, 'test', 'fixtures');
const DEMO_DIR = path.join(ROOT, 'demo');
const DEMO_MEDIA_DIR = path.join(DEMO_DIR, 'media');

const FFMPEG = process.env.FFMPEG || 'ffmpeg';
const FFPROBE = process.env.FFPROBE || 'ffprobe';
const FONT = process.env.MAKE_MEDIA_FONT || '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

/** Geometry of the frame code; also written into test/fixtures/fixtures.json. */
const FRAME_CODE = Object.freeze({
  x: 0,
  y: 0,
  width: 320,
  height: 16,
  bits: 16,
  blockWidth: 20,
  blockHeight: 16,
  msbFirst: true,
  /** Sample the block centre (x = 20b + 10, y = 8); luma above this is a 1. */
  threshold: 128,
});

const AUDIO_RATE = 48000;

// ---------------------------------------------------------------------------------------------
// Tooling

class MediaError extends Error {}

function fail(message) {
  throw new MediaError(message);
}

function requireTools() {
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

/** `-fps_mode` replaced `-vsync` in ffmpeg 5.1. */
function passthroughArgs() {
  const first = (spawnSync(FFMPEG, ['-version'], { encoding: 'utf8' }).stdout || '').split('\n')[0];
  const m = /version n?(\d+)\.(\d+)/.exec(first);
  if (m && (Number(m[1]) < 5 || (Number(m[1]) === 5 && Number(m[2]) < 1))) return ['-vsync', '0'];
  return ['-fps_mode', 'passthrough'];
}
let PASSTHROUGH;

function ffmpeg(args, what) {
  const r = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
    maxBuffer: 1 << 30,
  });
  if (r.error || r.status !== 0) {
    fail(`make-media: ffmpeg failed (${what}):\n  ${FFMPEG} ${args.join(' ')}\n${r.stderr ? r.stderr.toString() : r.error}`);
  }
  return r.stdout;
}

function ffprobe(args) {
  const r = spawnSync(FFPROBE, ['-v', 'error', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) fail(`make-media: ffprobe failed:\n  ${FFPROBE} ${args.join(' ')}\n${r.stderr || r.error}`);
  return r.stdout;
}

/**
 * Quotes an option value for a filtergraph string: backslash-escapes what the option parser
 * treats specially (\ and :), then single-quotes the lot so the graph parser leaves , ; [ ] alone.
 */
function q(value) {
  const s = String(value);
  if (s.includes("'")) fail(`make-media: internal: quote in filter value ${s}`);
  return `'${s.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}'`;
}

function rel(p) {
  return path.relative(ROOT, p);
}

// ---------------------------------------------------------------------------------------------
// Picture building blocks

/** The frame-code band, as a filtergraph chain ending in [label]. */
function bandChain(fps, durS, label) {
  return (
    `color=c=black:s=${FRAME_CODE.width}x${FRAME_CODE.height}:r=${fps}:d=${durS},format=yuv420p,` +
    `geq=lum=${q('255*mod(floor(N/pow(2,15-floor(X/20))),2)')}:cb=128:cr=128[${label}]`
  );
}

/** drawtext text that shows replay-timeline time m:ss.cc for offsetMs + n / fps. */
function clockText(offsetMs, fps) {
  if (offsetMs % 10 !== 0 || 100 % fps !== 0) fail('make-media: internal: clock needs whole centiseconds');
  const c = `(${offsetMs / 10}+n*${100 / fps})`; // centiseconds, exact in doubles
  return `%{eif:floor(${c}/6000):d}:%{eif:mod(floor(${c}/100),60):d:2}.%{eif:mod(${c},100):d:2}`;
}

function drawtext({ text, x, y, size, color, border = 0, borderColor = 'black', box = null }) {
  let f = `drawtext=fontfile=${q(FONT)}:text=${q(text)}:x=${x}:y=${y}:fontsize=${size}:fontcolor=${color}`;
  if (border) f += `:borderw=${border}:bordercolor=${borderColor}`;
  if (box) f += `:box=1:boxcolor=${box}:boxborderw=3`;
  return f;
}

/** Small deterministic PRNG (mulberry32) so board strokes differ per file but never per run. */
function prng(seedText) {
  let a = 0;
  for (const ch of seedText) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Camera-like picture: solid per-stream colour, a moving testsrc2 inset, a dot sweeping along
 * the bottom, and the label / replay clock / frame number drawn on the left.
 */
function cameraGraph(s) {
  const { width: W, height: H, fps, durS } = s;
  const k = W / 320;
  const insetW = 128 * k;
  const insetH = 96 * k;
  const dot = 10 * k;
  return [
    `color=c=${s.color}:s=${W}x${H}:r=${fps}:d=${durS}[bg]`,
    // testsrc2 draws its own (file-local) clock in its top-left corner; render it taller and crop
    // that away so the only clock on screen is the replay-timeline one
    `testsrc2=s=${insetW}x${Math.round(insetH * 1.4)}:r=${fps}:d=${durS},crop=${insetW}:${insetH}:0:${Math.round(insetH * 1.4) - insetH},hue=h=${s.hue ?? 0}[ts]`,
    `color=c=white:s=${dot}x${dot}:r=${fps}:d=${durS}[dot]`,
    bandChain(fps, durS, 'band'),
    `[bg][ts]overlay=x=${W - insetW - 8 * k}:y=${q(`${26 * k}+${10 * k}*sin(2*PI*n/${fps * 3})`)}:shortest=1[a]`,
    `[a][dot]overlay=x=${q(`mod(n*${Math.round((2 * k * 50) / fps)},W-w)`)}:y=${H - dot - 6 * k}:shortest=1,` +
      [
        drawtext({ text: s.label, x: 8 * k, y: 22 * k, size: 28 * k, color: 'white', border: 2, borderColor: 'black@0.6' }),
        drawtext({ text: 'replay time', x: 8 * k, y: 58 * k, size: 11 * k, color: 'white@0.85' }),
        drawtext({ text: clockText(s.offsetMs, fps), x: 8 * k, y: 70 * k, size: 32 * k, color: 'white', border: 2, borderColor: 'black@0.6' }),
        drawtext({ text: `frame %{eif:n:d}`, x: 8 * k, y: 110 * k, size: 18 * k, color: 'white', border: 2, borderColor: 'black@0.6' }),
      ].join(',') +
      `[b]`,
    `[b][band]overlay=x=0:y=0:shortest=1,format=yuv420p[v]`,
  ];
}

/**
 * Whiteboard-like picture: light background with a faint grid, "handwriting" strokes that appear
 * one after another, a slow red cursor, and the label / replay clock / frame number in dark ink.
 */
function boardGraph(s) {
  const { width: W, height: H, fps, durS } = s;
  const k = W / 320;
  const rnd = prng(s.label);
  const ink = ['0x1a237e', '0x263238', '0xb71c1c', '0x1b5e20'];
  const strokes = [];
  const lines = 6;
  const step = durS / (lines + 2);
  for (let i = 0; i < lines; i++) {
    const x = 12 * k;
    const y = (96 + i * 13) * k;
    const w = Math.round((90 + rnd() * 200) * k);
    const at = Math.round((1 + i) * step * fps);
    strokes.push(`drawbox=x=${x}:y=${y}:w=${w}:h=${3 * k}:color=${ink[i % ink.length]}:t=fill:enable=${q(`gte(n,${at})`)}`);
  }
  // a framed "figure" on the right, and an underline, appearing later
  const figAt = Math.round(step * 0.5 * fps);
  strokes.push(`drawbox=x=${190 * k}:y=${24 * k}:w=${118 * k}:h=${62 * k}:color=${ink[0]}:t=${2 * k}:enable=${q(`gte(n,${figAt})`)}`);
  strokes.push(
    `drawbox=x=${(200 + Math.round(rnd() * 20)) * k}:y=${(40 + Math.round(rnd() * 20)) * k}:w=${(40 + Math.round(rnd() * 40)) * k}:h=${20 * k}:color=${ink[2]}:t=fill:enable=${q(`gte(n,${Math.round(step * 3.5 * fps)})`)}`,
  );
  const dot = 6 * k;
  const sweep = fps * 6; // cursor crosses the board every 6 s
  return [
    `color=c=${s.color}:s=${W}x${H}:r=${fps}:d=${durS},drawgrid=w=${20 * k}:h=${20 * k}:t=1:c=0xdcd8cc[bg]`,
    `color=c=0xe53935:s=${dot}x${dot}:r=${fps}:d=${durS}[dot]`,
    bandChain(fps, durS, 'band'),
    `[bg]${strokes.join(',')}[st]`,
    `[st][dot]overlay=x=${q(`${12 * k}+mod(n,${sweep})*${(W - 24 * k - dot) / sweep}`)}:y=${88 * k}:shortest=1,` +
      [
        drawtext({ text: s.label, x: 8 * k, y: 22 * k, size: 20 * k, color: '0x37474f' }),
        drawtext({ text: clockText(s.offsetMs, fps), x: 8 * k, y: 44 * k, size: 24 * k, color: '0x212121' }),
        drawtext({ text: `frame %{eif:n:d}`, x: 8 * k, y: 72 * k, size: 13 * k, color: '0x455a64' }),
      ].join(',') +
      `[b]`,
    `[b][band]overlay=x=0:y=0:shortest=1,format=yuv420p[v]`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Encoding

function videoEncodeArgs(s) {
  const kb = s.videoKbps;
  return [
    '-c:v', 'libx264',
    '-profile:v', 'main',
    '-preset', 'medium',
    '-pix_fmt', 'yuv420p',
    '-bf', '0',
    '-g', String(s.fps),
    '-keyint_min', String(s.fps),
    '-sc_threshold', '0',
    '-b:v', `${kb}k`,
    '-maxrate', `${Math.round(kb * 1.5)}k`,
    '-bufsize', `${kb * 2}k`,
    '-threads', '1', // x264 output depends on its thread count; one thread = same bytes everywhere
    '-frames:v', String(s.frames),
  ];
}

function audioEncodeArgs(s) {
  if (!s.toneHz) return [];
  return ['-c:a', 'aac', '-b:a', `${s.audioKbps}k`, '-ar', String(AUDIO_RATE), '-ac', '1'];
}

const BITEXACT = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

function graphFor(s) {
  const chains = s.kind === 'board' ? boardGraph(s) : cameraGraph(s);
  if (s.toneHz) chains.push(`sine=frequency=${s.toneHz}:sample_rate=${AUDIO_RATE}:duration=${s.durS}[aout]`);
  return chains.join(';');
}

function mapArgs(s) {
  return ['-map', '[v]', ...(s.toneHz ? ['-map', '[aout]'] : [])];
}

/** Encodes one progressive mp4 described by `s` and verifies it. */
function makeMp4(s) {
  fs.mkdirSync(path.dirname(s.out), { recursive: true });
  ffmpeg(
    ['-filter_complex', graphFor(s), ...mapArgs(s), ...videoEncodeArgs(s), ...audioEncodeArgs(s), ...BITEXACT, '-movflags', '+faststart', '-f', 'mp4', s.out],
    rel(s.out),
  );
  return verifyVideo(s, s.out);
}

/** Encodes an HLS VOD rendition (playlist + .ts segments) and verifies it. */
function makeHls(s) {
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

function makeMp3(s) {
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

// ---------------------------------------------------------------------------------------------
// Verification

/** Decodes every frame's band and returns the numbers (plus the weakest block contrast seen). */
function decodeFrameCodes(input) {
  const { width: bw, height: bh } = FRAME_CODE;
  const raw = ffmpeg(
    ['-i', input, '-map', '0:v:0', '-an', '-vf', `crop=${bw}:${bh}:0:0,format=gray`, ...PASSTHROUGH, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    `decode ${rel(input)}`,
  );
  const frameBytes = bw * bh;
  if (raw.length % frameBytes !== 0) fail(`make-media: ${rel(input)}: decoded ${raw.length} bytes, not a whole number of ${bw}x${bh} bands`);
  const codes = [];
  let weakest = 255;
  for (let off = 0; off < raw.length; off += frameBytes) {
    let n = 0;
    for (let b = 0; b < FRAME_CODE.bits; b++) {
      // mean of the 8x8 square around the block centre
      const cx = b * FRAME_CODE.blockWidth + FRAME_CODE.blockWidth / 2;
      const cy = FRAME_CODE.blockHeight / 2;
      let sum = 0;
      for (let y = cy - 4; y < cy + 4; y++) for (let x = cx - 4; x < cx + 4; x++) sum += raw[off + y * bw + x];
      const v = sum / 64;
      weakest = Math.min(weakest, Math.abs(v - FRAME_CODE.threshold));
      n = n * 2 + (v >= FRAME_CODE.threshold ? 1 : 0);
    }
    codes.push(n);
  }
  return { codes, weakest };
}

function verifyVideo(s, file) {
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

function fmtBytes(n) {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

// ---------------------------------------------------------------------------------------------
// Set 1: test fixtures

function makeFixtures() {
  console.log(`fixtures -> ${rel(FIXTURES_DIR)}/`);
  const fps = 50;
  const common = { fps, width: 320, height: 180, offsetMs: 0, videoKbps: 200, audioKbps: 48 };
  const videos = [
    { name: 'cam-a.mp4', kind: 'camera', label: 'cam-a', durS: 12, toneHz: 440, color: '0x1f4e79', hue: 0 },
    { name: 'cam-b.mp4', kind: 'camera', label: 'cam-b', durS: 12, toneHz: 660, color: '0x2e6b30', hue: 120 },
    { name: 'board.mp4', kind: 'board', label: 'board', durS: 12, toneHz: null, color: '0xf4f1e8', videoKbps: 80 },
    { name: 'short.mp4', kind: 'camera', label: 'short', durS: 4, toneHz: 550, color: '0x6a1b5a', hue: 240 },
    { name: 'hls/cam-h.m3u8', kind: 'camera', label: 'cam-h', durS: 12, toneHz: 880, color: '0x8a4b08', hue: 60, hls: true, segmentS: 2 },
    // Real camera files always carry audio: the benchmark's all-audio scenarios use a third camera
    // and the three cameras again at 640x360 (decoding cost closer to real recordings).
    { name: 'cam-c.mp4', kind: 'camera', label: 'cam-c', durS: 12, toneHz: 770, color: '0x5b2c83', hue: 300 },
    { name: 'cam-a-360.mp4', kind: 'camera', label: 'cam-a', durS: 12, toneHz: 440, color: '0x1f4e79', hue: 0, width: 640, height: 360, videoKbps: 500 },
    { name: 'cam-b-360.mp4', kind: 'camera', label: 'cam-b', durS: 12, toneHz: 660, color: '0x2e6b30', hue: 120, width: 640, height: 360, videoKbps: 500 },
    { name: 'cam-c-360.mp4', kind: 'camera', label: 'cam-c', durS: 12, toneHz: 770, color: '0x5b2c83', hue: 300, width: 640, height: 360, videoKbps: 500 },
  ];
  const manifest = {
    description: 'Generated by scripts/make-media.mjs; do not edit. Every video frame carries its 0-based index in the frame code.',
    frameCode: { ...FRAME_CODE },
    files: [],
  };
  for (const f of videos) {
    const s = { ...common, ...f, frames: f.durS * fps, out: path.join(FIXTURES_DIR, f.name) };
    const r = s.hls ? makeHls(s) : makeMp4(s);
    manifest.files.push({
      name: f.name,
      format: s.hls ? 'hls' : 'mp4',
      label: s.label,
      durationMs: s.durS * 1000,
      probedDurationMs: r.probedMs,
      fps,
      frames: s.frames,
      width: s.width,
      height: s.height,
      hasAudio: Boolean(s.toneHz),
      toneHz: s.toneHz,
      keyframeIntervalFrames: fps,
      bytes: r.bytes,
      ...(r.segments ? { segments: r.segments.map((x) => ({ name: `hls/${x.uri}`, durationMs: Math.round(x.durationS * 1000) })) } : {}),
    });
  }
  const mp3 = { name: 'audio-a.mp3', durS: 12, toneHz: 440, audioKbps: 64, out: path.join(FIXTURES_DIR, 'audio-a.mp3') };
  const r = makeMp3(mp3);
  manifest.files.push({
    name: mp3.name,
    format: 'mp3',
    label: 'audio-a',
    durationMs: mp3.durS * 1000,
    probedDurationMs: r.probedMs,
    fps: null,
    frames: null,
    width: null,
    height: null,
    hasAudio: true,
    toneHz: mp3.toneHz,
    bytes: r.bytes,
  });
  const out = path.join(FIXTURES_DIR, 'fixtures.json');
  fs.writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`  ok  ${rel(out)}`);
}

// ---------------------------------------------------------------------------------------------
// Set 2: the demo recording

function makeDemo() {
  console.log(`demo -> ${rel(DEMO_MEDIA_DIR)}/ + ${rel(path.join(DEMO_DIR, 'sample-recording.json'))}`);
  const fps = 25;
  const roomId = 100241;
  const recordStartTime = 1704790800; // 2024-01-09 09:00:00 UTC
  const totalTimeMs = 80000;
  const pauseS = 60; // the recording was paused for a minute at replay time 45 s
  const users = {
    teacher: { kind: 'camera', videoType: 0, userId: 'teacher', color: '0x1f5fa8', hue: 0, toneHz: 330, width: 320, height: 180, videoKbps: 100, audioKbps: 32 },
    student: { kind: 'camera', videoType: 0, userId: 'student', color: '0x8e2456', hue: 200, toneHz: 523, width: 320, height: 180, videoKbps: 100, audioKbps: 32 },
    whiteboard: { kind: 'board', videoType: 2, userId: '', color: '0xf4f1e8', toneHz: null, width: 640, height: 360, videoKbps: 48 },
  };
  // [who, index, startMs, endMs]
  const pieces = [
    ['teacher', 1, 0, 45000],
    ['whiteboard', 1, 4000, 45000],
    ['student', 1, 12000, 45000],
    ['teacher', 2, 45000, 70000],
    ['whiteboard', 2, 45000, 80000],
    ['student', 2, 45000, 58000],
  ];
  const videoInfos = [];
  pieces.forEach(([who, idx, startMs, endMs], i) => {
    const u = users[who];
    const name = `${who}-${idx}.mp4`;
    const durS = (endMs - startMs) / 1000;
    const s = { ...u, fps, durS, frames: durS * fps, offsetMs: startMs, label: `${who}-${idx}`, out: path.join(DEMO_MEDIA_DIR, name) };
    const r = makeMp4(s);
    videoInfos.push({
      VideoPlayTime: startMs,
      VideoSize: r.bytes,
      VideoFormat: 'mp4',
      VideoType: u.videoType,
      VideoUrl: `media/${name}`,
      VideoId: String(5285890781020000 + (i + 1) * 1001),
      UserId: u.userId,
      VideoDuration: r.probedMs,
      Width: u.width,
      Height: u.height,
    });
  });
  const result = {
    RoomId: roomId,
    GroupId: String(roomId),
    RecordUserId: `tic_record_user_${roomId}_1`,
    RecordStartTime: recordStartTime,
    RecordStopTime: recordStartTime + totalTimeMs / 1000 + pauseS,
    TotalTime: totalTimeMs,
    VideoInfos: videoInfos,
  };
  const out = path.join(DEMO_DIR, 'sample-recording.json');
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  ok  ${rel(out)}`);
}

// ---------------------------------------------------------------------------------------------

function main() {
  const arg = process.argv[2];
  const sets = { fixtures: makeFixtures, demo: makeDemo };
  if (process.argv.length > 3 || (arg && !(arg in sets))) {
    console.error('usage: node scripts/make-media.mjs [fixtures|demo]');
    process.exit(2);
  }
  try {
    requireTools();
    PASSTHROUGH = passthroughArgs();
    const t0 = Date.now();
    for (const [name, make] of Object.entries(sets)) if (!arg || arg === name) make();
    console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (e instanceof MediaError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

main();
