/**
 * Joins the rendered jobs into the output: the H.264 pieces copied as they are (same encoder
 * settings, size and frame rate, each starting on a key frame), the PCM pieces joined to the sample
 * and encoded to AAC once; `+faststart` so a browser can start playing before the file is loaded.
 */

/** One line of a concat demuxer list: single quotes closed, escaped and reopened. */
export function concatListEntry(path: string, durationS?: number): string {
  const line = `file '${path.replace(/'/g, "'\\''")}'`;
  return durationS === undefined ? line : `${line}\nduration ${durationS.toFixed(6)}`;
}

/** What every ffmpeg run of ours starts with: quiet, no keyboard, progress as key=value lines on stdout. */
export const FFMPEG_QUIET_WITH_PROGRESS: readonly string[] = [
  '-hide_banner',
  '-nostdin',
  '-loglevel',
  'error',
  '-progress',
  'pipe:1',
  '-nostats',
  '-y',
];

export function concatArgs(videoListPath: string, audioListPath: string, outputPath: string): string[] {
  return [
    ...FFMPEG_QUIET_WITH_PROGRESS,
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    videoListPath,
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    audioListPath,
    '-map',
    '0:v:0',
    '-map',
    '1:a:0',
    '-c:v',
    'copy',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    outputPath,
  ];
}
