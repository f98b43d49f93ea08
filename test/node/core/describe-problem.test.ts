// describeProblem words every kind of problem in both catalogues, keeping the facts a developer
// searches for (paths, URLs, statuses, ids) character for character.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProblemCode, RecordingProblem } from '../../../src/core/recording/problems.js';
import { describeProblem, withWords } from '../../../src/i18n/describe-problem.js';
import { en } from '../../../src/i18n/en.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';

const URL_SAMPLE = 'https://cdn.example.com/room/42/cam-a.mp4';
const gone = {
  code: 'file-unavailable',
  path: 'Response.VideoInfos[2].VideoUrl',
  url: URL_SAMPLE,
  videoId: 'v2',
  status: 410,
  statusText: 'Gone',
} as const;

/** One problem of every code, with what English must say (and the facts both languages keep). */
const SAMPLES: Record<ProblemCode, Array<{ problem: RecordingProblem; english: string; facts: string[] }>> = {
  'invalid-value': [
    {
      problem: { code: 'invalid-value', path: 'VideoInfos[3].VideoType', expected: 'video-type', shown: '7' },
      english: 'VideoInfos[3].VideoType must be 0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only), got 7',
      facts: ['VideoInfos[3].VideoType', '7'],
    },
    {
      problem: { code: 'invalid-value', path: 'EventData', expected: 'object' },
      english: 'EventData is missing: it must be a JSON object',
      facts: ['EventData'],
    },
    {
      problem: { code: 'invalid-value', path: '$', expected: 'object', shown: '[1,2]' },
      english: 'The recording must be a JSON object, got [1,2]',
      facts: ['[1,2]'],
    },
  ],
  'invalid-json': [
    { problem: { code: 'invalid-json', path: '$', detail: 'Unexpected end of JSON input' }, english: 'The recording is not valid JSON: Unexpected end of JSON input', facts: ['Unexpected end of JSON input'] },
  ],
  'web-page': [
    {
      problem: { code: 'web-page', path: '$', url: 'https://lms.example.com/login' },
      english: 'The server returned a web page from https://lms.example.com/login, not a recording: perhaps a login page, or the address is wrong',
      facts: ['https://lms.example.com/login'],
    },
  ],
  'unsupported-url': [
    {
      problem: { code: 'unsupported-url', path: 'VideoInfos[4].VideoUrl', url: 'ftp://x/a.mp4', refusal: { kind: 'scheme', scheme: 'ftp:' }, videoId: 'e' },
      english: 'VideoInfos[4].VideoUrl "ftp://x/a.mp4" cannot be played: the ftp: scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)',
      facts: ['VideoInfos[4].VideoUrl', '"ftp://x/a.mp4"', 'ftp:'],
    },
    {
      problem: { code: 'unsupported-url', url: '  javascript:alert(1) ', refusal: { kind: 'scheme', scheme: 'javascript:' } },
      english: 'Cannot load the recording from "javascript:alert(1)": the javascript: scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)',
      facts: ['"javascript:alert(1)"'],
    },
  ],
  'duplicate-file': [
    {
      problem: { code: 'duplicate-file', path: 'VideoInfos[2].VideoId', videoId: 'same', firstPath: 'VideoInfos[0]' },
      english: 'VideoInfos[2].VideoId "same" repeats VideoInfos[0]: the later file is skipped',
      facts: ['VideoInfos[2].VideoId', '"same"', 'VideoInfos[0]'],
    },
  ],
  'service-error': [
    {
      problem: { code: 'service-error', path: 'Response.Error', serviceCode: 'InternalError', serviceMessage: 'oops', requestId: 'req-7' },
      english: 'The recording service returned an error: InternalError: oops (RequestId: req-7)',
      facts: ['InternalError', 'oops', 'req-7'],
    },
  ],
  'not-finished': [
    {
      problem: { code: 'not-finished', path: 'Status', recordingStatus: 'PAUSED' },
      english: 'The recording is not finished yet (Status: PAUSED): it is paused; only a FINISHED recording has all its files',
      facts: ['PAUSED', 'FINISHED'],
    },
  ],
  'not-a-recording': [
    { problem: { code: 'not-a-recording', path: '$' }, english: 'The JSON has no VideoInfos: this does not look like a TIC recording result', facts: ['VideoInfos'] },
    {
      problem: { code: 'not-a-recording', path: 'EventType', eventType: 'OnlineRecordStopped' },
      english: 'This is an OnlineRecordStopped callback, not a recording result: only OnlineRecordFinished carries files',
      facts: ['OnlineRecordStopped', 'OnlineRecordFinished'],
    },
  ],
  'recording-failed': [
    { problem: { code: 'recording-failed', path: 'EventData.FinishReason' }, english: 'The recording failed (FinishReason: EXCEPTION): it has no files to play', facts: ['EXCEPTION'] },
  ],
  empty: [
    {
      problem: { code: 'empty', path: 'Response.VideoInfos', entryCount: 0, missing: true, causes: [] },
      english: 'The recording has no files to play (Response.VideoInfos is missing)',
      facts: ['Response.VideoInfos'],
    },
    {
      problem: { code: 'empty', path: 'VideoInfos', entryCount: 1, missing: false, causes: [] },
      english: 'The only file in VideoInfos cannot be played',
      facts: ['VideoInfos'],
    },
    {
      problem: { code: 'empty', path: 'VideoInfos', entryCount: 6, missing: false, causes: [] },
      english: 'None of the 6 files in VideoInfos can be played',
      facts: ['VideoInfos', '6'],
    },
  ],
  'fetch-failed': [
    {
      problem: { code: 'fetch-failed', url: URL_SAMPLE, status: 403, failure: { kind: 'http', status: 403, statusText: 'Forbidden' } },
      english: `Could not load the recording from ${URL_SAMPLE}: HTTP 403 Forbidden`,
      facts: [URL_SAMPLE, 'HTTP 403 Forbidden'],
    },
    {
      problem: { code: 'fetch-failed', url: 'lesson.json', failure: { kind: 'no-such-file' } },
      english: 'Could not load the recording from lesson.json: no such file',
      facts: ['lesson.json'],
    },
    {
      problem: { code: 'fetch-failed', message: 'Could not load the recording: TypeError: boom' },
      english: 'Could not load the recording: TypeError: boom',
      facts: [],
    },
  ],
  'file-unavailable': [
    { problem: gone, english: `Could not load ${URL_SAMPLE}: HTTP 410 Gone`, facts: [URL_SAMPLE, 'HTTP 410 Gone'] },
  ],
  'files-gone': [
    {
      problem: { code: 'files-gone', causes: [gone] },
      english:
        "This recording's files are no longer available (its file is gone from the server). " +
        'The recording service deletes recordings 3 days after class, so this one can no longer be played',
      facts: [],
    },
  ],
  'media-failed': [
    {
      problem: { code: 'media-failed', url: URL_SAMPLE, videoId: 'v1', message: 'Plugin says no' },
      english: 'Plugin says no',
      facts: [],
    },
  ],
};

test('every problem code, in English as the README and tests quote it', () => {
  for (const samples of Object.values(SAMPLES)) {
    for (const { problem, english } of samples) assert.equal(describeProblem(problem, en), english);
  }
});

test('every problem code in Chinese: Chinese words, the same facts verbatim', () => {
  for (const samples of Object.values(SAMPLES)) {
    for (const { problem, facts } of samples) {
      const chinese = describeProblem(problem, zhCN);
      if (problem.code !== 'media-failed' && !('message' in problem)) assert.match(chinese, /[\u4e00-\u9fff]/, chinese);
      for (const fact of facts) assert.ok(chinese.includes(fact), `${chinese} keeps ${fact}`);
    }
  }
});

test('withWords words a problem and the causes behind it, and changes nothing else', () => {
  const fatal: RecordingProblem = { code: 'files-gone', causes: [gone, { ...gone, videoId: 'v3', status: 404, statusText: 'Not Found' }] };
  const worded = withWords(fatal, zhCN);
  assert.ok(worded.code === 'files-gone');
  assert.equal(worded.message, describeProblem(fatal, zhCN));
  assert.match(worded.message!, /课后 3 天/);
  assert.deepEqual(
    worded.causes.map(({ message, ...data }) => [data, message]),
    fatal.causes.map((cause) => [cause, describeProblem(cause, zhCN)]),
  );
});
