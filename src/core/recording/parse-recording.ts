/**
 * Reads a TIC/TIW real-time recording result (any of its three envelopes) into a `Recording`.
 *
 * What cannot be played at all throws a `RecordingError`; a bad `VideoInfos` entry is skipped and
 * reported in `problems`, so one broken file does not cost the user the rest of the lesson.
 * Problems are data (see `problems.ts`): each names the JSON path it is about, in the document's own
 * envelope (`Response.VideoInfos[3].VideoUrl`), and `describeProblem` in `i18n/` words it.
 */
import { unwrapEnvelope } from './envelope.js';
import {
  finiteNumber,
  isNonNegativeInteger,
  isObject,
  nonNegativeInteger,
  optional,
  present,
  show,
  string,
} from './json-values.js';
import { resolveMediaUrl } from './media-url.js';
import { RecordingError, type ExpectedKind, type RecordingProblem } from './problems.js';
import {
  VideoType,
  type MediaFormat,
  type OmittedDuration,
  type ParsedRecording,
  type Recording,
  type RecordingFile,
} from './recording.js';

export interface ParseOptions {
  /** What relative `VideoUrl`s resolve against: the URL the JSON was loaded from. */
  readonly baseUrl: string;
}

export function parseRecording(input: unknown, options: ParseOptions): ParsedRecording {
  const { shape, body, prefix } = unwrapEnvelope(typeof input === 'string' ? parseJson(input) : input);
  const problems: RecordingProblem[] = [];

  const videoInfosPath = `${prefix}VideoInfos`;
  const rawVideoInfos = present(body['VideoInfos']);
  if (rawVideoInfos !== undefined && !Array.isArray(rawVideoInfos)) {
    fail({ code: 'invalid-value', path: videoInfosPath, expected: 'array', shown: show(rawVideoInfos) });
  }
  const videoInfos: readonly unknown[] = rawVideoInfos ?? [];
  if (videoInfos.length === 0) {
    if (body['FinishReason'] === 'EXCEPTION') fail({ code: 'recording-failed', path: `${prefix}FinishReason` });
    fail({ code: 'empty', path: videoInfosPath, entryCount: 0, missing: rawVideoInfos === undefined, causes: [] });
  }

  const totalTimeMs = readTotalTime(body, prefix, problems);
  const files = readFiles(videoInfos, videoInfosPath, options.baseUrl, problems);
  if (files.length === 0) {
    // Every entry was refused: the fatal problem keeps each one's own reason.
    const empty: RecordingProblem = { code: 'empty', path: videoInfosPath, entryCount: videoInfos.length, missing: false, causes: problems };
    throw new RecordingError(empty, problems);
  }

  const recording: Recording = {
    shape,
    ...optional('roomId', finiteNumber(body['RoomId'])),
    ...optional('groupId', string(body['GroupId'])),
    ...optional('taskId', string(body['TaskId'])),
    ...optional('recordStartTime', finiteNumber(body['RecordStartTime'])),
    ...optional('recordStopTime', finiteNumber(body['RecordStopTime'])),
    ...optional('totalTimeMs', totalTimeMs),
    ...optional('finishReason', string(body['FinishReason'])),
    files,
    omittedDurations: readOmittedDurations(body['OmittedDurations']),
  };
  return { recording, problems };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // A login or error page where the JSON should be: say what it is, not where JSON.parse tripped.
    if (looksLikeHtml(text)) return fail({ code: 'web-page', path: '$' });
    const detail = error instanceof Error ? error.message : String(error);
    return fail({ code: 'invalid-json', path: '$', detail });
  }
}

/** Whether text that is not JSON starts like an HTML document (`<!DOCTYPE html>`, `<html>`, `<head>`, a comment...). */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(?:!doctype\s+html|html|head|body|meta|title|script|!--|div|p\b)/i.test(text);
}

function readTotalTime(body: Record<string, unknown>, prefix: string, problems: RecordingProblem[]): number | undefined {
  const value = present(body['TotalTime']);
  if (value === undefined) return undefined;
  if (isNonNegativeInteger(value)) return value + 0;
  problems.push(invalidValue(`${prefix}TotalTime`, 'non-negative-ms', value));
  return undefined;
}

function readFiles(
  videoInfos: readonly unknown[],
  videoInfosPath: string,
  baseUrl: string,
  problems: RecordingProblem[],
): RecordingFile[] {
  const files: RecordingFile[] = [];
  const indexById = new Map<string, number>();
  videoInfos.forEach((entry, index) => {
    const path = `${videoInfosPath}[${index}]`;
    const result = readFile(entry, index, path, baseUrl);
    if ('problem' in result) {
      problems.push(result.problem);
      return;
    }
    const { file } = result;
    const firstIndex = indexById.get(file.videoId);
    if (firstIndex !== undefined) {
      const first = `${videoInfosPath}[${firstIndex}]`;
      problems.push({ code: 'duplicate-file', path: `${path}.VideoId`, videoId: file.videoId, firstPath: first });
      return;
    }
    indexById.set(file.videoId, index);
    files.push(file);
  });
  return files;
}

function readFile(
  entry: unknown,
  index: number,
  path: string,
  baseUrl: string,
): { file: RecordingFile } | { problem: RecordingProblem } {
  if (!isObject(entry)) return { problem: invalidValue(path, 'object', entry) };
  const sourceId = readVideoId(entry['VideoId']);
  const known = sourceId === undefined ? {} : { videoId: sourceId };
  const invalid = (field: string, expected: ExpectedKind): { problem: RecordingProblem } => ({
    problem: { ...invalidValue(`${path}.${field}`, expected, entry[field]), ...known },
  });

  const startMs = entry['VideoPlayTime'];
  if (!isNonNegativeInteger(startMs)) return invalid('VideoPlayTime', 'non-negative-ms');
  const durationMs = entry['VideoDuration'];
  if (!isNonNegativeInteger(durationMs) || durationMs === 0) return invalid('VideoDuration', 'positive-ms');

  const rawUrl = entry['VideoUrl'];
  if (typeof rawUrl !== 'string' || rawUrl.trim() === '') return invalid('VideoUrl', 'non-empty-string');
  const resolved = resolveMediaUrl(rawUrl, baseUrl);
  if (!resolved.ok) {
    return {
      problem: { code: 'unsupported-url', path: `${path}.VideoUrl`, ...known, url: rawUrl.trim(), refusal: resolved.refusal },
    };
  }

  const videoType = entry['VideoType'];
  if (!isVideoType(videoType)) return invalid('VideoType', 'video-type');

  const file: RecordingFile = {
    videoId: sourceId ?? `VideoInfos[${index}]`,
    userId: readUserId(entry['UserId']),
    videoType,
    url: resolved.url,
    format: readFormat(entry['VideoFormat'], resolved.url, videoType),
    startMs: startMs + 0,
    durationMs,
    ...optional('sizeBytes', nonNegativeInteger(entry['VideoSize'])),
    ...optional('width', nonNegativeInteger(entry['Width'])),
    ...optional('height', nonNegativeInteger(entry['Height'])),
    sourceIndex: index,
  };
  return { file };
}

function readVideoId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  // Numeric ids above 2^53 have already lost digits in JSON.parse; the string is still unique
  // enough to tell files apart, and there is nothing better to recover.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function readUserId(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function isVideoType(value: unknown): value is VideoType {
  return Number.isInteger(value) && (value as number) >= VideoType.Camera && (value as number) <= VideoType.AudioOnly;
}

/** `VideoFormat` when it names a format we play; otherwise the URL's extension decides. */
function readFormat(videoFormat: unknown, url: string, videoType: VideoType): MediaFormat {
  const declared = typeof videoFormat === 'string' ? videoFormat.trim().toLowerCase() : '';
  if (declared === 'mp4' || declared === 'mp3') return declared;
  if (declared === 'm3u8' || declared === 'hls') return 'hls';

  const extension = /\.([a-z0-9]+)$/i.exec(pathOf(url))?.[1]?.toLowerCase();
  if (extension === 'm3u8') return 'hls';
  if (extension === 'mp3') return 'mp3';
  if (extension === 'mp4') return 'mp4';
  return videoType === VideoType.AudioOnly ? 'mp3' : 'mp4';
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function readOmittedDurations(value: unknown): OmittedDuration[] {
  if (!Array.isArray(value)) return [];
  const durations: OmittedDuration[] = [];
  for (const item of value) {
    if (!isObject(item) || !isNonNegativeInteger(item['VideoTime'])) continue;
    durations.push({
      atMs: item['VideoTime'] + 0,
      ...optional('pauseTime', finiteNumber(item['PauseTime'])),
      ...optional('resumeTime', finiteNumber(item['ResumeTime'])),
    });
  }
  return durations.sort((a, b) => a.atMs - b.atMs);
}

// --- small helpers ---------------------------------------------------------------------------

function fail(problem: RecordingProblem): never {
  throw new RecordingError(problem);
}

/** `value` is not what `path` needs; `undefined` means it is missing. */
function invalidValue(path: string, expected: ExpectedKind, value: unknown): RecordingProblem {
  return { code: 'invalid-value', path, expected, ...(value === undefined ? {} : { shown: show(value) }) };
}
