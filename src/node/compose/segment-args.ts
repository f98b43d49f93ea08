/**
 * The ffmpeg arguments that render one job: each file it shows or voices read from the right media
 * time (`-ss`/`-t` on the input), pictures fitted whole into their tiles (`scale` keeping the
 * aspect ratio inside the tile, then `pad`), laid over a calm background, labelled; sound mixed at
 * its offset without normalising (`amix=normalize=0`) and kept from clipping by a limiter.
 *
 * Video goes to an H.264 mp4 (joined later without re-encoding); sound to PCM WAV, exactly as many
 * samples as the job's frames last, so joined pieces line up to the sample and the whole soundtrack
 * is encoded to AAC once (AAC priming and padding at every join would otherwise shift the sound).
 */
import type { ComposePlan, ComposeSource, ComposeTile } from '../../core/compose/plan.js';
import { tileLabel } from '../../view/labels.js';
import { FFMPEG_QUIET_WITH_PROGRESS } from './concat-args.js';
import { ffmpegInputOf, networkInputArgs } from './media-input.js';
import type { ProbeResult } from './probe.js';
import { AUDIO_SAMPLE_RATE, sampleAtFrame, type RenderJob } from './render-jobs.js';

export interface VideoEncoding {
  /** x264 preset: the speed/size trade (see the README's figures). */
  readonly preset: string;
  readonly crf: number;
  /** x264 threads per job; 0 lets x264 choose. */
  readonly threads: number;
}

export const DEFAULT_ENCODING: VideoEncoding = { preset: 'veryfast', crf: 23, threads: 0 };

export interface SegmentArgsContext {
  readonly plan: ComposePlan;
  readonly fps: number;
  readonly sources: ReadonlyMap<string, ComposeSource>;
  readonly probes: ReadonlyMap<string, ProbeResult>;
  /** undefined: no labels. */
  readonly fontPath: string | undefined;
  /** Used for labels with CJK characters, when there is one. */
  readonly cjkFontPath?: string | undefined;
  readonly encoding: VideoEncoding;
  readonly videoOutPath: string;
  readonly audioOutPath: string;
}

/** The calm background where nothing is shown, and the tiles' own (the player's defaults). */
export const BACKGROUND_COLOR = '0x111111';
const TILE_COLOR = 'black';

/**
 * Escapes text for a filter option inside a filter graph: first for the option parser (`\ ' :`),
 * then for the graph parser (`\ ' [ ] , ;`).
 */
export function escapeFilterValue(text: string): string {
  const optionLevel = text.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

const seconds = (s: number) => s.toFixed(6);

/** Inputs are read from this much before the media time a job needs, so the frame showing at that time is there. */
const PREROLL_S = 0.2;
/** Below this, inputs are read from their start rather than sought (see `jobInput`). */
const SEEK_FROM_S = 0.5;

interface JobInput {
  readonly source: ComposeSource;
  readonly args: string[];
  /** Subtracted from the input's timestamps so the job's first moment is 0 (frames before it are negative). */
  readonly shiftS: number;
  /** The job starts after the media's own end: only its last frame is shown, held. */
  readonly pastEnd: boolean;
  readonly hasAudio: boolean;
}

/**
 * Where to read a file for a job. Media time is counted from the file's first video frame, as the
 * player aims its frames (an HLS file's audio priming starts its stream earlier). Inputs are sought
 * a little early and shifted, since ffmpeg drops the frames before a seek point, including the one
 * still showing at it. Near a file's start it is read from the beginning instead: ffmpeg 5.1 seeking
 * an HLS file to before its first video frame lands on the next key frame, a second late.
 */
function jobInput(source: ComposeSource, probe: ProbeResult | undefined, fromS: number, durationS: number): JobInput {
  const mediaStartS = fromS - source.startMs / 1000;
  const info = probe?.ok ? probe : undefined;
  const network = networkInputArgs(source.url);
  const input = ffmpegInputOf(source.url);
  const mediaDurationS = info?.mediaDurationS;
  // A file shorter than its VideoDuration holds its last frame: read its end and keep that frame.
  if (mediaDurationS !== undefined && mediaStartS >= mediaDurationS - 0.02) {
    return { source, args: [...network, '-ss', seconds(Math.max(0, mediaDurationS - 0.5)), '-i', input], shiftS: 0, pastEnd: true, hasAudio: false };
  }
  const readFromS = mediaStartS - PREROLL_S < SEEK_FROM_S ? 0 : mediaStartS - PREROLL_S;
  const shiftS = mediaStartS - readFromS + (info?.videoStartS ?? 0);
  const args = [...network, ...(readFromS > 0 ? ['-ss', seconds(readFromS)] : []), '-t', seconds(shiftS + durationS + 0.1), '-i', input];
  return { source, args, shiftS, pastEnd: false, hasAudio: info ? info.hasAudio : true };
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** The label cut with an ellipsis where it would overflow its tile (as the player's CSS does). */
function fittedLabel(text: string, fontSize: number, availablePx: number): string {
  // Average advance of a sans-serif glyph; CJK glyphs are square.
  const widthOf = (char: string) => (CJK.test(char) ? fontSize : 0.6 * fontSize);
  const chars = [...text];
  if (chars.reduce((sum, char) => sum + widthOf(char), 0) <= availablePx) return text;
  let used = widthOf('…');
  const kept: string[] = [];
  for (const char of chars) {
    if (used + widthOf(char) > availablePx) break;
    used += widthOf(char);
    kept.push(char);
  }
  return `${kept.join('')}…`;
}

function labelFilter(tile: ComposeTile, context: SegmentArgsContext, fontPath: string): string | undefined {
  const scale = context.plan.heightPx / 720;
  const fontSize = Math.max(10, Math.round(16 * scale));
  const margin = Math.max(4, Math.round(8 * scale));
  const border = Math.max(2, Math.round(4 * scale));
  const text = fittedLabel(tileLabel(tile.videoType, tile.userId), fontSize, tile.width - 2 * (margin + border));
  if (text === '…' || tile.height < fontSize + 2 * (margin + border)) return undefined;
  const font = CJK.test(text) && context.cjkFontPath ? context.cjkFontPath : fontPath;
  return [
    `drawtext=fontfile=${escapeFilterValue(font)}`,
    'expansion=none',
    `text=${escapeFilterValue(text)}`,
    `fontsize=${fontSize}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.6',
    `boxborderw=${border}`,
    `x=${tile.x + margin + border}`,
    `y=${tile.y + tile.height - margin - border}-th`,
  ].join(':');
}

/** The complete argument list (without the ffmpeg path) for one job. */
export function segmentArgs(job: RenderJob, context: SegmentArgsContext): string[] {
  const { plan, fps, encoding } = context;
  const frames = job.toFrame - job.fromFrame;
  const fromS = job.fromFrame / fps;
  const durationS = frames / fps;
  const samples = sampleAtFrame(job.toFrame, fps) - sampleAtFrame(job.fromFrame, fps);

  const inputs: JobInput[] = [];
  const inputIndex = new Map<string, number>();
  const use = (videoId: string): number => {
    let index = inputIndex.get(videoId);
    if (index === undefined) {
      const source = context.sources.get(videoId);
      if (!source) throw new Error(`The plan names a file that is not among its sources: ${videoId}`);
      index = inputs.length;
      inputs.push(jobInput(source, context.probes.get(videoId), fromS, durationS));
      inputIndex.set(videoId, index);
    }
    return index;
  };

  const graph: string[] = [`color=c=${BACKGROUND_COLOR}:s=${plan.widthPx}x${plan.heightPx}:r=${fps}:d=${seconds(durationS)},format=yuv420p[base0]`];
  let base = 'base0';
  const tiles = job.segment.tiles.filter((tile) => {
    const probe = context.probes.get(tile.videoId);
    return !probe || (probe.ok && probe.hasVideo);
  });
  tiles.forEach((tile, i) => {
    const index = use(tile.videoId);
    const input = inputs[index]!;
    const timing = input.pastEnd ? 'reverse,trim=end_frame=1,setpts=PTS-STARTPTS,' : `setpts=PTS-${seconds(input.shiftS)}/TB,`;
    graph.push(
      `[${index}:v:0]${timing}` +
        `scale=${tile.width}:${tile.height}:force_original_aspect_ratio=decrease:force_divisible_by=2,` +
        `pad=${tile.width}:${tile.height}:(ow-iw)/2:(oh-ih)/2:color=${TILE_COLOR},setsar=1,` +
        `tpad=stop_mode=clone:stop_duration=${seconds(durationS)}[tile${i}]`,
    );
    graph.push(`[${base}][tile${i}]overlay=x=${tile.x}:y=${tile.y}:eof_action=repeat[base${i + 1}]`);
    base = `base${i + 1}`;
  });
  const fontPath = context.fontPath;
  const labels = fontPath ? tiles.flatMap((tile) => labelFilter(tile, context, fontPath) ?? []) : [];
  graph.push(`[${base}]${[...labels, 'format=yuv420p'].join(',')}[vout]`);

  // Silence as long as the job is the mix's first input, so gaps are silent and the length exact.
  graph.push(`anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo,atrim=end_sample=${samples}[silence]`);
  const voices = job.segment.audible.filter((videoId) => {
    const probe = context.probes.get(videoId);
    return probe?.ok === true && probe.hasAudio;
  });
  const voiceLabels: string[] = [];
  for (const videoId of voices) {
    const index = use(videoId);
    const input = inputs[index]!;
    if (!input.hasAudio) continue;
    // Shifted like the pictures; what falls before the job is cut, a late start is filled with silence.
    graph.push(
      `[${index}:a:0]asetpts=PTS-${seconds(input.shiftS)}/TB,atrim=start=0,aresample=${AUDIO_SAMPLE_RATE}:async=1:first_pts=0,` +
        `aformat=sample_fmts=fltp:channel_layouts=stereo[voice${voiceLabels.length}]`,
    );
    voiceLabels.push(`[voice${voiceLabels.length}]`);
  }
  const trimToJob = `apad,atrim=end_sample=${samples},asetpts=N/SR/TB`;
  if (voiceLabels.length === 0) {
    graph.push(`[silence]asetpts=N/SR/TB[aout]`);
  } else {
    graph.push(
      `[silence]${voiceLabels.join('')}amix=inputs=${voiceLabels.length + 1}:normalize=0:duration=first,` +
        `alimiter=limit=0.9:level=0:latency=1,${trimToJob}[aout]`,
    );
  }

  return [
    ...FFMPEG_QUIET_WITH_PROGRESS,
    ...inputs.flatMap((input) => input.args),
    '-filter_complex',
    graph.join(';'),
    '-map',
    '[vout]',
    '-c:v',
    'libx264',
    '-preset',
    encoding.preset,
    '-crf',
    String(encoding.crf),
    '-threads',
    String(encoding.threads),
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(2 * fps),
    '-r',
    String(fps),
    '-frames:v',
    String(frames),
    '-f',
    'mp4',
    context.videoOutPath,
    '-map',
    '[aout]',
    '-c:a',
    'pcm_s16le',
    '-f',
    'wav',
    context.audioOutPath,
  ];
}
