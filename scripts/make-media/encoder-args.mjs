/**
 * The encoder settings every generated file shares: H.264 main without B-frames, a key frame every
 * second, one x264 thread, AAC or MP3 at 48 kHz mono, and bit-exact muxing without metadata.
 */
export const AUDIO_RATE = 48000;

export function videoEncodeArgs(s) {
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

export function audioEncodeArgs(s) {
  if (!s.toneHz) return [];
  return ['-c:a', 'aac', '-b:a', `${s.audioKbps}k`, '-ar', String(AUDIO_RATE), '-ac', '1'];
}

export const BITEXACT = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
