/**
 * The three envelopes a result arrives in (see TIC-FORMAT.md): the bare result, the
 * `DescribeOnlineRecord` answer (`{"Response": {...}}`) and the `OnlineRecordFinished` callback
 * (`{EventType, EventData}`). Unwrapping finds the result inside and refuses, as a `RecordingError`,
 * every envelope that carries no playable result: a service error, an unfinished recording (in any
 * shape), another callback.
 */
import { isBlank, isObject, present, show, text, type JsonObject } from './json-values.js';
import { RecordingError, type RecordingProblem } from './problems.js';
import type { RecordingShape } from './recording.js';

export interface Envelope {
  readonly shape: RecordingShape;
  /** The result itself: the document, `Response` or `EventData`. */
  readonly body: JsonObject;
  /** What JSON paths inside `body` start with: `''`, `'Response.'` or `'EventData.'`. */
  readonly prefix: string;
}

/** What JSON paths into the result start with, for a recording read from `shape`. */
export function pathPrefixOf(shape: RecordingShape): string {
  return shape === 'describe-online-record' ? 'Response.' : shape === 'online-record-finished' ? 'EventData.' : '';
}

/** The only `Status` whose recording has all its files. */
const FINISHED = 'FINISHED';

/** Finds the result inside `document` (already parsed JSON). Throws a `RecordingError` when there is none to play. */
export function unwrapEnvelope(document: unknown): Envelope {
  if (!isObject(document)) fail({ code: 'invalid-value', path: '$', expected: 'object', shown: show(document) });

  if (present(document['Response']) !== undefined) {
    const response = requireObject(document['Response'], 'Response');
    checkServiceError(response, 'Response', response['RequestId']);
    checkStatus(response, 'Response.');
    return { shape: 'describe-online-record', body: response, prefix: 'Response.' };
  }

  if (present(document['EventType']) !== undefined) {
    const eventType = document['EventType'];
    if (eventType !== 'OnlineRecordFinished') fail({ code: 'not-a-recording', path: 'EventType', eventType: text(eventType) });
    const eventData = requireObject(document['EventData'], 'EventData');
    checkServiceError(eventData, 'EventData', undefined);
    checkStatus(eventData, 'EventData.');
    return { shape: 'online-record-finished', body: eventData, prefix: 'EventData.' };
  }

  // The bare result as the SDKs return it carries `Status` too; a document with neither field is not a result.
  if (present(document['VideoInfos']) === undefined && present(document['Status']) === undefined) {
    fail({ code: 'not-a-recording', path: '$' });
  }
  checkStatus(document, '');
  return { shape: 'result', body: document, prefix: '' };
}

function checkServiceError(body: JsonObject, path: string, requestId: unknown): void {
  const error = present(body['Error']);
  if (error === undefined) return;
  const code = isObject(error) ? present(error['Code']) : undefined;
  const message = isObject(error) ? present(error['Message']) : error;
  // An error object with neither code nor message reports nothing: treat it as no error.
  if (isObject(error) && isBlank(code) && isBlank(message)) return;
  fail({
    code: 'service-error',
    path: `${path}.Error`,
    ...(isBlank(code) ? {} : { serviceCode: text(code) }),
    ...(isBlank(message) ? {} : { serviceMessage: text(message) }),
    ...(typeof requestId === 'string' && requestId !== '' ? { requestId } : {}),
  });
}

function checkStatus(body: JsonObject, prefix: string): void {
  const status = present(body['Status']);
  if (status === undefined || status === FINISHED) return;
  fail({ code: 'not-finished', path: `${prefix}Status`, recordingStatus: text(status) });
}

function requireObject(value: unknown, path: string): JsonObject {
  if (isObject(value)) return value;
  return fail({ code: 'invalid-value', path, expected: 'object', ...(value === undefined ? {} : { shown: show(value) }) });
}

function fail(problem: RecordingProblem): never {
  throw new RecordingError(problem);
}
