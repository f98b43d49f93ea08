/**
 * Reads each file's streams and length with ffprobe before composing, so a file that cannot be
 * read is named (with its URL and, for HTTP, the status) and left out, and the rest is composed.
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ComposeSource } from '../../core/compose/plan.js';
import { ffmpegInputOf, isRemote, networkInputArgs } from './media-input.js';

export interface MediaInfo {
  readonly ok: true;
  readonly hasVideo: boolean;
  readonly hasAudio: boolean;
  /** The media's own length (may be shorter than its VideoDuration: the last frame is then held). */
  readonly mediaDurationS: number | undefined;
  /** How long after the file's start its first video frame comes (HLS: the audio priming), 0 without video. */
  readonly videoStartS: number;
}

export interface UnreadableMedia {
  readonly ok: false;
  /** e.g. `HTTP 404 Not Found`, `no such file`, or ffprobe's own words. */
  readonly reason: string;
  readonly status?: number;
}

export type ProbeResult = MediaInfo | UnreadableMedia;

interface FfprobeOutput {
  streams?: { codec_type?: string; start_time?: string }[];
  format?: { duration?: string; start_time?: string };
}

/** Probes every source, a few at a time; the map is keyed by VideoId. */
export async function probeSources(
  ffprobePath: string,
  sources: readonly ComposeSource[],
  signal: AbortSignal,
  concurrency = 4,
): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  const queue = [...sources];
  const worker = async () => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      results.set(source.videoId, await probeOne(ffprobePath, source.url, signal));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sources.length) }, worker));
  return results;
}

export async function probeOne(ffprobePath: string, url: string, signal: AbortSignal): Promise<ProbeResult> {
  const args = ['-v', 'error', ...networkInputArgs(url), '-print_format', 'json', '-show_format', '-show_streams', ffmpegInputOf(url)];
  const { code, stdout, stderr } = await run(ffprobePath, args, signal);
  signal.throwIfAborted();
  if (code === 0) {
    try {
      const info = JSON.parse(stdout) as FfprobeOutput;
      const types = new Set((info.streams ?? []).map((stream) => stream.codec_type));
      const durationS = Number(info.format?.duration);
      const formatStartS = Number(info.format?.start_time);
      const videoStreamStartS = Number(info.streams?.find((stream) => stream.codec_type === 'video')?.start_time);
      const videoStartS = Number.isFinite(formatStartS) && Number.isFinite(videoStreamStartS) ? Math.max(0, videoStreamStartS - formatStartS) : 0;
      if (types.has('video') || types.has('audio')) {
        return {
          ok: true,
          hasVideo: types.has('video'),
          hasAudio: types.has('audio'),
          mediaDurationS: Number.isFinite(durationS) ? durationS : undefined,
          videoStartS,
        };
      }
      return { ok: false, reason: 'it has neither video nor audio' };
    } catch {
      return { ok: false, reason: 'ffprobe gave no readable answer' };
    }
  }
  return (await whyUnreadable(url, signal)) ?? { ok: false, reason: lastLine(stderr) || `ffprobe exited with code ${code}` };
}

/** The status behind a failed read, when the server or the file system gives one. */
async function whyUnreadable(url: string, signal: AbortSignal): Promise<UnreadableMedia | undefined> {
  if (url.startsWith('file:')) {
    try {
      await stat(fileURLToPath(url));
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ENOENT' ? 'no such file' : `cannot read it (${code})` };
    }
  }
  if (!isRemote(url)) return undefined;
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, signal });
    await response.body?.cancel();
    if (!response.ok) return { ok: false, reason: `HTTP ${`${response.status} ${response.statusText}`.trim()}`, status: response.status };
    return undefined;
  } catch {
    signal.throwIfAborted();
    return { ok: false, reason: 'the network request failed' };
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}

function run(command: string, args: string[], signal: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => (signal.aborted ? resolve({ code: -1, stdout, stderr }) : reject(error)));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
