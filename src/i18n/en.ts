/** English: the default catalogue, and the wording the tests and the README quote. */
import type { Messages } from './messages.js';

const ALLOWED_URLS = 'only http:, https:, blob: and relative URLs are loaded';

const NOT_FINISHED_BECAUSE: Readonly<Record<string, string>> = {
  PREPARED: 'the recorder is still preparing',
  RECORDING: 'it is still recording',
  PAUSED: 'it is paused',
  STOPPED: 'it has stopped, but its files are still being processed and uploaded',
};

const MEDIA_ERROR_REASONS: Readonly<Record<number, string>> = {
  1: 'loading was aborted',
  2: 'a network error interrupted the download',
  3: 'the file could not be decoded',
  4: 'the file is missing or its format is not supported',
};

const inParentheses = (detail: string | undefined): string => (detail ? ` (${detail})` : '');

export const en: Messages = {
  expectedNonNegativeMs: 'a non-negative integer (ms)',
  expectedPositiveMs: 'a positive integer (ms)',
  expectedVideoType: '0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only)',
  expectedArray: 'an array',
  expectedObject: 'a JSON object',
  expectedNonEmptyString: 'a non-empty string',

  missingValue: (path, expected) => `${path} is missing: it must be ${expected}`,
  invalidValue: (path, expected, shown) => `${path} must be ${expected}, got ${shown}`,
  invalidRecording: (expected, shown) => `The recording must be ${expected}, got ${shown}`,
  invalidJson: (detail) => `The recording is not valid JSON: ${detail}`,
  webPage: (url) =>
    `The server returned a web page${url ? ` from ${url}` : ''}, not a recording: perhaps a login page, or the address is wrong`,
  notARecording: 'The JSON has no VideoInfos: this does not look like a TIC recording result',
  notARecordingCallback: (eventType) =>
    `This is ${/^[aeiou]/i.test(eventType) ? 'an' : 'a'} ${eventType} callback, not a recording result: ` +
    'only OnlineRecordFinished carries files',
  serviceError: (code, detail, requestId) =>
    `The recording service returned an error: ${[code, detail].filter(Boolean).join(': ')}` +
    (requestId ? ` (RequestId: ${requestId})` : ''),
  notFinished: (status) => {
    const because = Object.hasOwn(NOT_FINISHED_BECAUSE, status) ? NOT_FINISHED_BECAUSE[status] : undefined;
    return `The recording is not finished yet (Status: ${status}): ${because ? `${because}; ` : ''}only a FINISHED recording has all its files`;
  },
  recordingFailed: 'The recording failed (FinishReason: EXCEPTION): it has no files to play',
  noFiles: (path, missing) => `The recording has no files to play (${path} ${missing ? 'is missing' : 'is empty'})`,
  onlyFileUnplayable: (path) => `The only file in ${path} cannot be played`,
  noFilePlayable: (count, path) => `None of the ${count} files in ${path} can be played`,
  duplicateFile: (path, shownId, firstPath) => `${path} ${shownId} repeats ${firstPath}: the later file is skipped`,
  unsupportedVideoUrl: (path, shownUrl, reason) => `${path} ${shownUrl} cannot be played: ${reason}`,
  filesGone: (count) =>
    `This recording's files are no longer available (${count === 1 ? 'its file is' : `all ${count} files are`} gone from the server). ` +
    'The recording service deletes recordings 3 days after class, so this one can no longer be played',

  urlRefusal: (refusal) => {
    switch (refusal.kind) {
      case 'empty':
        return 'the URL is empty';
      case 'scheme':
        return `the ${refusal.scheme} scheme is not allowed (${ALLOWED_URLS})`;
      case 'unresolvable':
        return `it cannot be resolved against ${refusal.baseUrl}`;
      case 'invalid':
        return 'it is not a valid URL';
    }
  },

  recordingUrlRefused: (quotedSrc, reason) => `Cannot load the recording from ${quotedSrc}: ${reason}`,
  recordingFetchFailed: (url, reason) => `Could not load the recording from ${url}: ${reason}`,
  recordingLoadFailed: (detail) => `Could not load the recording: ${detail}`,
  reasonNetwork: 'the network request failed (offline, or blocked by CORS)',
  reasonInterrupted: 'the connection broke while reading the response',
  reasonNoSuchFile: 'no such file',
  reasonUnreadable: (detail) => `the file could not be read (${detail})`,
  reasonHttp: (status, statusText) => `HTTP ${`${status} ${statusText}`.trim()}`,

  mediaLoadFailed: (url, reason) => `Could not load ${url}: ${reason}`,
  mediaPlayFailed: (url, reason, detail) => `Could not play ${url}: ${reason}${inParentheses(detail)}`,
  mediaErrorReason: (code) => (code === undefined ? undefined : MEDIA_ERROR_REASONS[code]) ?? 'the file could not be played',
  hlsFailed: (url, details, detail) => `Could not play ${url}: ${details}${inParentheses(detail)}`,
  noSourceAdapter: (url, format) => `No way to play ${url} (format ${format}) in this browser`,
  sourceAdapterFailed: (adapterName, url, error) => `Could not start ${adapterName} for ${url}: ${error}`,

  tileWhiteboard: 'Whiteboard',
  tileScreenShare: (userId) => `Screen share: ${userId}`,
  tileMixedStream: 'Mixed stream',
  tileAudio: (userId) => `Audio: ${userId}`,
  tileCamera: 'Camera',
  moreProblems: (count) => `… and ${count} more (see the element's problems property)`,
  dismissProblems: 'Dismiss messages',
  problemCount: (count) => (count === 1 ? '1 problem' : `${count} problems`),
  pinTile: (tile) => `Show ${tile} in the main area`,
  unpinTile: (tile) => `Unpin ${tile}`,
  muteTile: (tile) => `Mute ${tile}`,
  unmuteTile: (tile) => `Unmute ${tile}`,
  hideTile: (tile) => `Hide ${tile}`,
  showTile: (tile) => `Show ${tile}`,

  playerLabel: 'Class recording player',
  timelineLanes: 'Who has video when',
  timelineLane: (tile, spans) => `${tile}: ${spans.join(', ')}`,
  pausedHere: (time) => `Paused here (${time})`,
  noVideoAt: (tile, time) => `${tile} · no video at ${time}`,
};
