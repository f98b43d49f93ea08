/**
 * The pictures: filtergraphs for a camera-like and a whiteboard-like video, each with its label,
 * the replay-timeline clock, the frame number and the frame-code band.
 */
import { fail, FONT, q } from './ffmpeg.mjs';
import { bandChain } from './frame-code.mjs';

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
export function cameraGraph(s) {
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
export function boardGraph(s) {
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
