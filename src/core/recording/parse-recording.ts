/**
 * Reads a TIC/TIW real-time recording result (any of its three envelopes) into a `Recording`.
 *
 * What cannot be played at all throws a `RecordingError`; a bad `VideoInfos` entry is skipped and
 * reported in `problems`, so one broken file does not cost the user the rest of the lesson.
 * Every message names the JSON path it is about, in the document's own envelope
 * (`Response.VideoInfos[3].VideoUrl`), in the words of the catalogue passed in (English by default).
 */
import { en } from '../../i18n/en.js';
import type { Messages } from '../../i18n/messages.js';
import { resolveMediaUrl } from './media-url.js';
import {
  RecordingError,
  VideoType,
  type MediaFormat,
  type OmittedDuration,
  type ParsedRecording,
  type Recording,
  type RecordingFile,
  type RecordingProblem,
  type RecordingShape,
} from './recording.js';

export interface ParseOptions {
  /** What relative `VideoUrl`s resolve against: the URL the JSON was loaded from. */
  readonly baseUrl: string;
  /** The words of every problem message; English when not given. */
  readonly messages?: Messages;
}

type JsonObject = Record<string, unknown>;

const SHOWN_VALUE_MAX = 40;

export function parseRecording(input: unknown, options: ParseOptions): ParsedRecording {
  const m = options.messages ?? en;
  const document = requireObject(typeof input === 'string' ? parseJson(input, m) : input, '$', m);

  const { shape, body, prefix } = unwrap(document, m);
  const problems: RecordingProblem[] = [];

  const videoInfosPath = `${prefix}VideoInfos`;
  const rawVideoInfos = present(body['VideoInfos']);
  if (rawVideoInfos !== undefined && !Array.isArray(rawVideoInfos)) {
    const message = mustBe(m, videoInfosPath, m.expectedArray, rawVideoInfos);
    fail({ code: 'invalid-value', path: videoInfosPath, message });
  }
  const videoInfos: readonly unknown[] = rawVideoInfos ?? [];
  if (videoInfos.length === 0) {
    if (body['FinishReason'] === 'EXCEPTION') {
      fail({ code: 'recording-failed', path: `${prefix}FinishReason`, message: m.recordingFailed });
    }
    fail({ code: 'empty', path: videoInfosPath, message: m.noFiles(videoInfosPath, rawVideoInfos === undefined) });
  }

  const totalTimeMs = readTotalTime(body, prefix, problems, m);
  const files = readFiles(videoInfos, videoInfosPath, options.baseUrl, problems, m);
  if (files.length === 0) {
    const message =
      videoInfos.length === 1 ? m.onlyFileUnplayable(videoInfosPath) : m.noFilePlayable(videoInfos.length, videoInfosPath);
    throw new RecordingError({ code: 'empty', path: videoInfosPath, message }, problems);
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

function parseJson(text: string, m: Messages): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail({ code: 'invalid-json', path: '$', message: m.invalidJson(detail) });
  }
}

/** Finds the result inside its envelope, refusing envelopes that carry no playable result. */
function unwrap(document: JsonObject, m: Messages): { shape: RecordingShape; body: JsonObject; prefix: string } {
  if (present(document['Response']) !== undefined) {
    const response = requireObject(document['Response'], 'Response', m);
    checkServiceError(response, 'Response', response['RequestId'], m);
    checkStatus(response['Status'], m);
    return { shape: 'describe-online-record', body: response, prefix: 'Response.' };
  }

  if (present(document['EventType']) !== undefined) {
    const eventType = document['EventType'];
    if (eventType !== 'OnlineRecordFinished') {
      const name = typeof eventType === 'string' ? eventType : show(eventType);
      fail({ code: 'not-a-recording', path: 'EventType', message: m.notARecordingCallback(name) });
    }
    const eventData = requireObject(document['EventData'], 'EventData', m);
    checkServiceError(eventData, 'EventData', undefined, m);
    return { shape: 'online-record-finished', body: eventData, prefix: 'EventData.' };
  }

  if (present(document['VideoInfos']) === undefined) {
    fail({ code: 'not-a-recording', path: '$', message: m.notARecording });
  }
  return { shape: 'result', body: document, prefix: '' };
}

function checkServiceError(body: JsonObject, path: string, requestId: unknown, m: Messages): void {
  const error = present(body['Error']);
  if (error === undefined) return;
  const code = isObject(error) ? present(error['Code']) : undefined;
  const detail = isObject(error) ? present(error['Message']) : error;
  // An error object with neither code nor message reports nothing: treat it as no error.
  if (isObject(error) && isBlank(code) && isBlank(detail)) return;

  const shownOrNothing = (part: unknown) => (isBlank(part) ? undefined : text(part));
  const request = typeof requestId === 'string' && requestId !== '' ? requestId : undefined;
  fail({
    code: 'service-error',
    path: `${path}.Error`,
    message: m.serviceError(shownOrNothing(code), shownOrNothing(detail), request),
  });
}

function checkStatus(status: unknown, m: Messages): void {
  if (present(status) === undefined || status === 'FINISHED') return;
  const shown = typeof status === 'string' ? status : show(status);
  fail({ code: 'not-finished', path: 'Response.Status', message: m.notFinished(shown) });
}

function readTotalTime(body: JsonObject, prefix: string, problems: RecordingProblem[], m: Messages): number | undefined {
  const value = present(body['TotalTime']);
  if (value === undefined) return undefined;
  if (isNonNegativeInteger(value)) return value + 0;
  const path = `${prefix}TotalTime`;
  problems.push({ code: 'invalid-value', path, message: mustBe(m, path, m.expectedNonNegativeMs, value) });
  return undefined;
}

function readFiles(
  videoInfos: readonly unknown[],
  videoInfosPath: string,
  baseUrl: string,
  problems: RecordingProblem[],
  m: Messages,
): RecordingFile[] {
  const files: RecordingFile[] = [];
  const indexById = new Map<string, number>();
  videoInfos.forEach((entry, index) => {
    const path = `${videoInfosPath}[${index}]`;
    const result = readFile(entry, index, path, baseUrl, m);
    if ('problem' in result) {
      problems.push(result.problem);
      return;
    }
    const { file } = result;
    const firstIndex = indexById.get(file.videoId);
    if (firstIndex !== undefined) {
      const first = `${videoInfosPath}[${firstIndex}]`;
      problems.push({
        code: 'duplicate-file',
        path: `${path}.VideoId`,
        videoId: file.videoId,
        message: m.duplicateFile(`${path}.VideoId`, show(file.videoId), first),
      });
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
  m: Messages,
): { file: RecordingFile } | { problem: RecordingProblem } {
  if (!isObject(entry)) {
    return { problem: { code: 'invalid-value', path, message: mustBe(m, path, m.expectedObject, entry) } };
  }
  const sourceId = readVideoId(entry['VideoId']);
  const known = sourceId === undefined ? {} : { videoId: sourceId };
  const invalid = (field: string, expected: string): { problem: RecordingProblem } => {
    const fieldPath = `${path}.${field}`;
    const message = mustBe(m, fieldPath, expected, entry[field]);
    return { problem: { code: 'invalid-value', path: fieldPath, ...known, message } };
  };

  const startMs = entry['VideoPlayTime'];
  if (!isNonNegativeInteger(startMs)) return invalid('VideoPlayTime', m.expectedNonNegativeMs);
  const durationMs = entry['VideoDuration'];
  if (!isNonNegativeInteger(durationMs) || durationMs === 0) return invalid('VideoDuration', m.expectedPositiveMs);

  const rawUrl = entry['VideoUrl'];
  if (typeof rawUrl !== 'string' || rawUrl.trim() === '') return invalid('VideoUrl', m.expectedNonEmptyString);
  const resolved = resolveMediaUrl(rawUrl, baseUrl, m);
  if (!resolved.ok) {
    const urlPath = `${path}.VideoUrl`;
    return {
      problem: {
        code: 'unsupported-url',
        path: urlPath,
        ...known,
        url: rawUrl.trim(),
        message: m.unsupportedVideoUrl(urlPath, show(rawUrl.trim()), resolved.reason),
      },
    };
  }

  const videoType = entry['VideoType'];
  if (!isVideoType(videoType)) return invalid('VideoType', m.expectedVideoType);

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

function requireObject(value: unknown, path: string, m: Messages): JsonObject {
  if (isObject(value)) return value;
  // The document itself is never "missing": it is whatever was passed in.
  const message =
    path === '$' ? m.invalidValue(path, m.expectedObject, show(value)) : mustBe(m, path, m.expectedObject, value);
  return fail({ code: 'invalid-value', path, message });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON `null` means "not given" as much as a missing key does. */
function present<T>(value: T): Exclude<T, null> | undefined {
  return value === null ? undefined : (value as Exclude<T, null>);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0;
}

function isNonNegativeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function nonNegativeInteger(value: unknown): number | undefined {
  return isNonNegativeInteger(value) ? value + 0 : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `{ key: value }` when there is a value, `{}` otherwise: optional fields stay absent, not `undefined`. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function mustBe(m: Messages, path: string, expected: string, value: unknown): string {
  return value === undefined ? m.missingValue(path, expected) : m.invalidValue(path, expected, show(value));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}

/** A value as JSON, cut short: messages quote what was there without echoing a whole document. */
function show(value: unknown): string {
  let shown: string;
  if (typeof value === 'number' || typeof value === 'bigint') shown = String(value);
  else {
    try {
      shown = JSON.stringify(value) ?? String(value);
    } catch {
      shown = Object.prototype.toString.call(value);
    }
  }
  return shown.length > SHOWN_VALUE_MAX ? `${shown.slice(0, SHOWN_VALUE_MAX - 1)}…` : shown;
}
