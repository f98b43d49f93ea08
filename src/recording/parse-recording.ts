/**
 * Reads a TIC/TIW real-time recording result (any of its three envelopes) into a `Recording`.
 *
 * What cannot be played at all throws a `RecordingError`; a bad `VideoInfos` entry is skipped and
 * reported in `problems`, so one broken file does not cost the user the rest of the lesson.
 * Every message names the JSON path it is about, in the document's own envelope
 * (`Response.VideoInfos[3].VideoUrl`).
 */
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
}

type JsonObject = Record<string, unknown>;

const MS_INTEGER = 'a non-negative integer (ms)';
const MS_POSITIVE = 'a positive integer (ms)';
const VIDEO_TYPES = '0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only)';
const SHOWN_VALUE_MAX = 40;

export function parseRecording(input: unknown, options: ParseOptions): ParsedRecording {
  const document = requireObject(typeof input === 'string' ? parseJson(input) : input, '$');

  const { shape, body, prefix } = unwrap(document);
  const problems: RecordingProblem[] = [];

  const videoInfosPath = `${prefix}VideoInfos`;
  const rawVideoInfos = present(body['VideoInfos']);
  if (rawVideoInfos !== undefined && !Array.isArray(rawVideoInfos)) {
    fail({ code: 'invalid-value', path: videoInfosPath, message: mustBe(videoInfosPath, 'an array', rawVideoInfos) });
  }
  const videoInfos: readonly unknown[] = rawVideoInfos ?? [];
  if (videoInfos.length === 0) {
    if (body['FinishReason'] === 'EXCEPTION') {
      fail({
        code: 'recording-failed',
        path: `${prefix}FinishReason`,
        message: 'The recording failed (FinishReason: EXCEPTION): it has no files to play',
      });
    }
    const why = rawVideoInfos === undefined ? 'is missing' : 'is empty';
    const message = `The recording has no files to play (${videoInfosPath} ${why})`;
    fail({ code: 'empty', path: videoInfosPath, message });
  }

  const totalTimeMs = readTotalTime(body, prefix, problems);
  const files = readFiles(videoInfos, videoInfosPath, options.baseUrl, problems);
  if (files.length === 0) {
    const message =
      videoInfos.length === 1
        ? `The only file in ${videoInfosPath} cannot be played`
        : `None of the ${videoInfos.length} files in ${videoInfosPath} can be played`;
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail({ code: 'invalid-json', path: '$', message: `The recording is not valid JSON: ${detail}` });
  }
}

/** Finds the result inside its envelope, refusing envelopes that carry no playable result. */
function unwrap(document: JsonObject): { shape: RecordingShape; body: JsonObject; prefix: string } {
  if (present(document['Response']) !== undefined) {
    const response = requireObject(document['Response'], 'Response');
    checkServiceError(response, 'Response', response['RequestId']);
    checkStatus(response['Status']);
    return { shape: 'describe-online-record', body: response, prefix: 'Response.' };
  }

  if (present(document['EventType']) !== undefined) {
    const eventType = document['EventType'];
    if (eventType !== 'OnlineRecordFinished') {
      const name = typeof eventType === 'string' ? eventType : show(eventType);
      const article = /^[aeiou]/i.test(name) ? 'an' : 'a';
      fail({
        code: 'not-a-recording',
        path: 'EventType',
        message: `This is ${article} ${name} callback, not a recording result: only OnlineRecordFinished carries files`,
      });
    }
    const eventData = requireObject(document['EventData'], 'EventData');
    checkServiceError(eventData, 'EventData', undefined);
    return { shape: 'online-record-finished', body: eventData, prefix: 'EventData.' };
  }

  if (present(document['VideoInfos']) === undefined) {
    fail({
      code: 'not-a-recording',
      path: '$',
      message: 'The JSON has no VideoInfos: this does not look like a TIC recording result',
    });
  }
  return { shape: 'result', body: document, prefix: '' };
}

function checkServiceError(body: JsonObject, path: string, requestId: unknown): void {
  const error = present(body['Error']);
  if (error === undefined) return;
  const code = isObject(error) ? present(error['Code']) : undefined;
  const detail = isObject(error) ? present(error['Message']) : error;
  // An error object with neither code nor message reports nothing: treat it as no error.
  if (isObject(error) && isBlank(code) && isBlank(detail)) return;

  const parts = [code, detail].filter((part) => !isBlank(part)).map(text);
  const request = typeof requestId === 'string' && requestId !== '' ? ` (RequestId: ${requestId})` : '';
  fail({
    code: 'service-error',
    path: `${path}.Error`,
    message: `The recording service returned an error: ${parts.join(': ')}${request}`,
  });
}

function checkStatus(status: unknown): void {
  if (present(status) === undefined || status === 'FINISHED') return;
  const shown = typeof status === 'string' ? status : show(status);
  const state: Record<string, string> = {
    PREPARED: 'the recorder is still preparing',
    RECORDING: 'it is still recording',
    PAUSED: 'it is paused',
    STOPPED: 'it has stopped, but its files are still being processed and uploaded',
  };
  const now = typeof status === 'string' ? state[status] : undefined;
  fail({
    code: 'not-finished',
    path: 'Response.Status',
    message:
      `The recording is not finished yet (Status: ${shown}): ` +
      (now === undefined ? '' : `${now}; `) +
      'only a FINISHED recording has all its files',
  });
}

function readTotalTime(body: JsonObject, prefix: string, problems: RecordingProblem[]): number | undefined {
  const value = present(body['TotalTime']);
  if (value === undefined) return undefined;
  if (isNonNegativeInteger(value)) return value + 0;
  const path = `${prefix}TotalTime`;
  problems.push({ code: 'invalid-value', path, message: mustBe(path, MS_INTEGER, value) });
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
      problems.push({
        code: 'duplicate-file',
        path: `${path}.VideoId`,
        videoId: file.videoId,
        message: `${path}.VideoId ${show(file.videoId)} repeats ${first}: the later file is skipped`,
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
): { file: RecordingFile } | { problem: RecordingProblem } {
  if (!isObject(entry)) {
    return { problem: { code: 'invalid-value', path, message: mustBe(path, 'a JSON object', entry) } };
  }
  const sourceId = readVideoId(entry['VideoId']);
  const known = sourceId === undefined ? {} : { videoId: sourceId };
  const invalid = (field: string, expected: string): { problem: RecordingProblem } => {
    const fieldPath = `${path}.${field}`;
    const message = mustBe(fieldPath, expected, entry[field]);
    return { problem: { code: 'invalid-value', path: fieldPath, ...known, message } };
  };

  const startMs = entry['VideoPlayTime'];
  if (!isNonNegativeInteger(startMs)) return invalid('VideoPlayTime', MS_INTEGER);
  const durationMs = entry['VideoDuration'];
  if (!isNonNegativeInteger(durationMs) || durationMs === 0) return invalid('VideoDuration', MS_POSITIVE);

  const rawUrl = entry['VideoUrl'];
  if (typeof rawUrl !== 'string' || rawUrl.trim() === '') return invalid('VideoUrl', 'a non-empty string');
  const resolved = resolveMediaUrl(rawUrl, baseUrl);
  if (!resolved.ok) {
    const urlPath = `${path}.VideoUrl`;
    return {
      problem: {
        code: 'unsupported-url',
        path: urlPath,
        ...known,
        url: rawUrl.trim(),
        message: `${urlPath} ${show(rawUrl.trim())} cannot be played: ${resolved.reason}`,
      },
    };
  }

  const videoType = entry['VideoType'];
  if (!isVideoType(videoType)) return invalid('VideoType', VIDEO_TYPES);

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

function requireObject(value: unknown, path: string): JsonObject {
  if (isObject(value)) return value;
  // The document itself is never "missing": it is whatever was passed in.
  const message = path === '$' ? `$ must be a JSON object, got ${show(value)}` : mustBe(path, 'a JSON object', value);
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

function mustBe(path: string, expected: string, value: unknown): string {
  if (value === undefined) return `${path} is missing: it must be ${expected}`;
  return `${path} must be ${expected}, got ${show(value)}`;
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
