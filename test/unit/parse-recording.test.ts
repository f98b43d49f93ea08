import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { parseRecording } from '../../src/core/recording/parse-recording.js';
import { withWords } from '../../src/i18n/describe-problem.js';
import { en } from '../../src/i18n/en.js';
import {
  RecordingError,
  type ParsedRecording,
  type RecordingFile,
  type RecordingProblem,
} from '../../src/core/recording/recording.js';

const BASE = 'https://lessons.example.com/room/1234/result.json';

type Json = Record<string, unknown>;

/** The example result of Tencent's documentation (seed/realtime-recording.md), fresh each time. */
function seedResult(): Json {
  const entry = (start: number, size: number, duration: number, path: string, id: string, type: number, user: string) => ({
    VideoPlayTime: start,
    VideoSize: size,
    VideoFormat: 'mp4',
    VideoDuration: duration,
    VideoUrl: `http://1253488539.vod2.myqcloud.com/${path}.mp4`,
    VideoId: id,
    VideoType: type,
    UserId: user,
  });
  return {
    RoomId: 1234,
    GroupId: '1234',
    RecordStartTime: 1558613140,
    RecordStopTime: 1558614640,
    TotalTime: 1440000,
    VideoInfos: [
      entry(0, 13151, 900000, 'oM86K7X3Ig8b', '5285890781570653827', 0, 'ios_test1'),
      entry(300000, 3756, 600000, 'oM86K7X3IsdfA', '5285890781570653828', 0, 'pc_test1'),
      entry(120000, 1241, 780000, '52lk3KA0A562', '5285890781570653830', 2, ''),
      entry(900000, 13151, 300000, 'oM86K7X3Ig63', '5285890781570653841', 0, 'ios_test1'),
      entry(900000, 3756, 210000, 'oM86K7X3Isd15', '5285890781570653842', 0, 'pc_test1'),
      entry(900000, 1241, 540000, '52lk3KA0A512', '5285890781570653843', 2, ''),
    ],
  };
}

const OMITTED = [{ VideoTime: 900000, PauseTime: 1558614040000, ResumeTime: 1558614100000 }];

/** The same result as a DescribeOnlineRecord answer. */
function asDescribe(result: Json, extra: Json = {}): Json {
  return {
    Response: {
      FinishReason: 'USER_CALL',
      TaskId: 'bj0mt2l23osdj300hl30',
      Status: 'FINISHED',
      RecordUserId: 'tic_record_user_1234_1',
      ExceptionCnt: 0,
      OmittedDurations: OMITTED,
      ...result,
      RequestId: 'c9845a99-34e3-4b0f-80f5-f0a2a0ee8896',
      ...extra,
    },
  };
}

/** The same result as an OnlineRecordFinished callback body. */
function asCallback(result: Json, extra: Json = {}): Json {
  return {
    EventType: 'OnlineRecordFinished',
    EventData: {
      TaskId: 'bj0mt2l23osdj300hl30',
      RecordUserId: 'tic_record_user_1234_1',
      FinishReason: 'USER_CALL',
      ExceptionCnt: 0,
      OmittedDurations: OMITTED,
      ...result,
      ...extra,
    },
    ExpireTime: 1558700000,
    SdkAppId: 1400000001,
    Sign: 'a2dabb362a9b811c0e26953a6276a41c',
    Timestamp: 1558614700,
  };
}

/** A valid entry; fields can be replaced or (with `undefined`) removed. */
function entry(overrides: Json = {}, index = 0): Json {
  const base: Json = {
    VideoPlayTime: 1000 * index,
    VideoDuration: 60000,
    VideoFormat: 'mp4',
    VideoUrl: `https://cdn.example.com/file-${index}.mp4`,
    VideoId: `id-${index}`,
    VideoType: 0,
    UserId: `user-${index}`,
  };
  const merged: Json = { ...base, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

/** A bare result with these entries. */
function withEntries(...entries: unknown[]): Json {
  return { RoomId: 1, TotalTime: 600000, VideoInfos: entries };
}

/** Three valid entries, then `bad` at index 3. */
function badFourth(overrides: Json): Json {
  return withEntries(entry({}, 0), entry({}, 1), entry({}, 2), entry(overrides, 3));
}

/** Parses, every problem worded in English by `describeProblem` as the player and the command line show it. */
function parse(input: unknown, baseUrl = BASE): ParsedRecording {
  const { recording, problems } = parseRecording(input, { baseUrl });
  return { recording, problems: problems.map((problem) => withWords(problem, en)) };
}

function fatal(input: unknown): RecordingError {
  try {
    parseRecording(input, { baseUrl: BASE });
  } catch (error) {
    expect(error).to.be.instanceOf(RecordingError);
    const { problem, problems } = error as RecordingError;
    return new RecordingError(withWords(problem, en), problems.map((each) => withWords(each, en)));
  }
  throw new Error('expected parseRecording to throw a RecordingError');
}

/** The one problem of a result with one bad entry. */
function onlyProblem(input: unknown): RecordingProblem {
  const { problems } = parse(input);
  expect(problems).to.have.length(1);
  return problems[0]!;
}

const SEED_FIRST_FILE: RecordingFile = {
  videoId: '5285890781570653827',
  userId: 'ios_test1',
  videoType: 0,
  url: 'http://1253488539.vod2.myqcloud.com/oM86K7X3Ig8b.mp4',
  format: 'mp4',
  startMs: 0,
  durationMs: 900000,
  sizeBytes: 13151,
  sourceIndex: 0,
};

describe('parseRecording', () => {
  describe('the seed example', () => {
    it('reads the bare result: six files on a 1,440,000 ms timeline', () => {
      const { recording, problems } = parse(seedResult());
      expect(problems).to.deep.equal([]);
      expect(recording.shape).to.equal('result');
      expect(recording.roomId).to.equal(1234);
      expect(recording.groupId).to.equal('1234');
      expect(recording.recordStartTime).to.equal(1558613140);
      expect(recording.recordStopTime).to.equal(1558614640);
      expect(recording.totalTimeMs).to.equal(1440000);
      expect(recording.taskId).to.equal(undefined);
      expect(recording.omittedDurations).to.deep.equal([]);
      expect(recording.files).to.have.length(6);
      expect(recording.files[0]).to.deep.equal(SEED_FIRST_FILE);
    });

    it('places the files where the format reference says they are', () => {
      const { recording } = parse(seedResult());
      const spans = recording.files.map((file) => [file.userId || 'board', file.startMs, file.startMs + file.durationMs]);
      expect(spans).to.deep.equal([
        ['ios_test1', 0, 900000],
        ['pc_test1', 300000, 900000],
        ['board', 120000, 900000],
        ['ios_test1', 900000, 1200000],
        ['pc_test1', 900000, 1110000],
        ['board', 900000, 1440000],
      ]);
    });

    it('keeps the source order and records each file\'s VideoInfos index (sorting is the timeline\'s job)', () => {
      const { recording } = parse(seedResult());
      expect(recording.files.map((file) => file.sourceIndex)).to.deep.equal([0, 1, 2, 3, 4, 5]);
      expect(recording.files.map((file) => file.videoType)).to.deep.equal([0, 0, 2, 0, 0, 2]);
    });

    it('reads the DescribeOnlineRecord answer to the same files, plus its task data', () => {
      const { recording, problems } = parse(asDescribe(seedResult()));
      expect(problems).to.deep.equal([]);
      expect(recording.shape).to.equal('describe-online-record');
      expect(recording.files).to.deep.equal(parse(seedResult()).recording.files);
      expect(recording.taskId).to.equal('bj0mt2l23osdj300hl30');
      expect(recording.finishReason).to.equal('USER_CALL');
      expect(recording.totalTimeMs).to.equal(1440000);
      expect(recording.omittedDurations).to.deep.equal([{ atMs: 900000, pauseTime: 1558614040000, resumeTime: 1558614100000 }]);
    });

    it('reads the OnlineRecordFinished callback to the same files', () => {
      const { recording, problems } = parse(asCallback(seedResult()));
      expect(problems).to.deep.equal([]);
      expect(recording.shape).to.equal('online-record-finished');
      expect(recording.files).to.deep.equal(parse(seedResult()).recording.files);
      expect(recording.roomId).to.equal(1234);
      expect(recording.taskId).to.equal('bj0mt2l23osdj300hl30');
      expect(recording.omittedDurations).to.have.length(1);
    });

    it('reads a JSON string exactly as the parsed object', () => {
      for (const shape of [seedResult(), asDescribe(seedResult()), asCallback(seedResult())]) {
        expect(parse(JSON.stringify(shape))).to.deep.equal(parse(shape));
      }
    });
  });

  describe('what cannot be played at all throws a RecordingError', () => {
    it('malformed JSON: invalid-json at $, with the parser\'s message', () => {
      const error = fatal('{"RoomId": 1234, "VideoInfos": [');
      expect(error.problem.code).to.equal('invalid-json');
      expect(error.problem.path).to.equal('$');
      expect(error.problem.message).to.match(/^The recording is not valid JSON: \S/);
      expect(error.message).to.equal(error.problem.message);
      expect(error.name).to.equal('RecordingError');
      expect(error).to.be.instanceOf(Error);
    });

    it('an empty string is malformed JSON too', () => {
      expect(fatal('').problem.code).to.equal('invalid-json');
    });

    it('anything but a JSON object: "The recording must be a JSON object" (path $)', () => {
      const cases: Array<[unknown, string]> = [
        [null, 'null'],
        [[], '[]'],
        [42, '42'],
        [true, 'true'],
        [undefined, 'undefined'],
        ['"a string"', '"a string"'],
        ['[1, 2]', '[1,2]'],
      ];
      for (const [input, shown] of cases) {
        const error = fatal(input);
        const message = `The recording must be a JSON object, got ${shown}`;
        expect(error.problem).to.deep.equal({ code: 'invalid-value', path: '$', expected: 'object', shown, message });
      }
    });

    it('an HTML page where the JSON should be: web-page, not the JSON parser\'s complaint', () => {
      for (const page of ['<!DOCTYPE html><html><body>Sign in</body></html>', '\n  <html lang="zh">', '<!-- login -->\n<div>']) {
        const error = fatal(page);
        expect(error.problem).to.deep.equal({
          code: 'web-page',
          path: '$',
          message: 'The server returned a web page, not a recording: perhaps a login page, or the address is wrong',
        });
      }
      expect(fatal('<VideoInfos>').problem.code).to.equal('invalid-json');
    });

    it('an object with none of VideoInfos, Response or EventType is not a recording', () => {
      const error = fatal({ RoomId: 1234, TotalTime: 1000 });
      expect(error.problem).to.deep.equal({
        code: 'not-a-recording',
        path: '$',
        message: 'The JSON has no VideoInfos: this does not look like a TIC recording result',
      });
    });

    describe('DescribeOnlineRecord answers', () => {
      it('an API error is a service-error with its code, message and RequestId', () => {
        const error = fatal({
          Response: {
            Error: { Code: 'FailedOperation.TaskNotFound', Message: 'The task does not exist.' },
            RequestId: 'req-42',
          },
        });
        expect(error.problem).to.deep.equal({
          code: 'service-error',
          path: 'Response.Error',
          serviceCode: 'FailedOperation.TaskNotFound',
          serviceMessage: 'The task does not exist.',
          requestId: 'req-42',
          message: 'The recording service returned an error: FailedOperation.TaskNotFound: The task does not exist. (RequestId: req-42)',
        });
      });

      it('an API error without RequestId still names code and message', () => {
        const error = fatal({ Response: { Error: { Code: 'AuthFailure.SignatureExpire', Message: 'Signature expired' } } });
        expect(error.problem.message).to.equal(
          'The recording service returned an error: AuthFailure.SignatureExpire: Signature expired',
        );
      });

      it('an Error wins over the files that came with it', () => {
        const answer = asDescribe(seedResult(), { Error: { Code: 'InternalError', Message: 'oops' } });
        expect(fatal(answer).problem.code).to.equal('service-error');
      });

      it('an Error of null, or with neither Code nor Message, is no error', () => {
        expect(parse(asDescribe(seedResult(), { Error: null })).recording.files).to.have.length(6);
        expect(parse(asDescribe(seedResult(), { Error: { Code: '', Message: '' } })).recording.files).to.have.length(6);
      });

      const statuses: Array<[string, string]> = [
        ['PREPARED', 'the recorder is still preparing; '],
        ['RECORDING', 'it is still recording; '],
        ['PAUSED', 'it is paused; '],
        ['STOPPED', 'it has stopped, but its files are still being processed and uploaded; '],
        ['CANCELLED', ''],
      ];
      for (const [status, now] of statuses) {
        it(`Status ${status} is not-finished, saying why`, () => {
          const error = fatal(asDescribe(seedResult(), { Status: status }));
          expect(error.problem).to.deep.equal({
            code: 'not-finished',
            path: 'Response.Status',
            recordingStatus: status,
            message: `The recording is not finished yet (Status: ${status}): ${now}only a FINISHED recording has all its files`,
          });
        });
      }

      it('Status in the bare result (as the SDKs return it) and in a callback is checked too', () => {
        const bare = fatal({ ...seedResult(), Status: 'RECORDING' });
        expect(bare.problem).to.deep.include({ code: 'not-finished', path: 'Status', recordingStatus: 'RECORDING' });
        expect(bare.message).to.equal(
          'The recording is not finished yet (Status: RECORDING): it is still recording; only a FINISHED recording has all its files',
        );
        expect(fatal({ Status: 'PAUSED', VideoInfos: [] }).problem).to.deep.include({ code: 'not-finished', path: 'Status' });
        expect(fatal({ Status: 'STOPPED' }).problem).to.deep.include({ code: 'not-finished', path: 'Status' });
        expect(fatal(asCallback(seedResult(), { Status: 'STOPPED' })).problem).to.deep.include({
          code: 'not-finished',
          path: 'EventData.Status',
          recordingStatus: 'STOPPED',
        });
        expect(fatal({ ...seedResult(), Status: 3 }).problem).to.deep.include({ code: 'not-finished', recordingStatus: '3' });
        expect(parse({ ...seedResult(), Status: 'FINISHED' }).recording.files).to.have.length(6);
        expect(parse(asCallback(seedResult(), { Status: 'FINISHED' })).recording.files).to.have.length(6);
      });

      it('Status FINISHED, or no Status, plays', () => {
        expect(parse(asDescribe(seedResult(), { Status: 'FINISHED' })).recording.files).to.have.length(6);
        expect(parse(asDescribe(seedResult(), { Status: undefined })).recording.files).to.have.length(6);
      });

      it('a Response that is not an object is an invalid value', () => {
        expect(fatal({ Response: 'nope' }).problem).to.deep.equal({
          code: 'invalid-value',
          path: 'Response',
          expected: 'object',
          shown: '"nope"',
          message: 'Response must be a JSON object, got "nope"',
        });
      });

      it('a FINISHED answer without VideoInfos has no files to play', () => {
        const error = fatal({ Response: { Status: 'FINISHED', TaskId: 't', RequestId: 'r' } });
        expect(error.problem).to.deep.equal({
          code: 'empty',
          path: 'Response.VideoInfos',
          entryCount: 0,
          missing: true,
          causes: [],
          message: 'The recording has no files to play (Response.VideoInfos is missing)',
        });
      });
    });

    describe('callbacks', () => {
      for (const eventType of ['OnlineRecordStarted', 'OnlineRecordStopped', 'OnlineRecordLongPauseWarning']) {
        it(`${eventType} carries no files: not-a-recording`, () => {
          const error = fatal({ EventType: eventType, EventData: { TaskId: 't', RoomId: 1253 } });
          expect(error.problem).to.deep.equal({
            code: 'not-a-recording',
            path: 'EventType',
            eventType,
            message: `This is an ${eventType} callback, not a recording result: only OnlineRecordFinished carries files`,
          });
        });
      }

      it('names an unexpected EventType whatever it is', () => {
        expect(fatal({ EventType: 'TranscodeFinished', EventData: {} }).problem.message).to.equal(
          'This is a TranscodeFinished callback, not a recording result: only OnlineRecordFinished carries files',
        );
        expect(fatal({ EventType: 7, EventData: {} }).problem.message).to.contain('This is a 7 callback');
      });

      it('an EventData.Error is a service-error', () => {
        const error = fatal(asCallback(seedResult(), { Error: { Code: 'RecordFailed', Message: 'could not join the room' } }));
        expect(error.problem).to.deep.equal({
          code: 'service-error',
          path: 'EventData.Error',
          serviceCode: 'RecordFailed',
          serviceMessage: 'could not join the room',
          message: 'The recording service returned an error: RecordFailed: could not join the room',
        });
      });

      it('an EventData that is not an object is an invalid value', () => {
        expect(fatal({ EventType: 'OnlineRecordFinished', EventData: [] }).problem).to.deep.equal({
          code: 'invalid-value',
          path: 'EventData',
          expected: 'object',
          shown: '[]',
          message: 'EventData must be a JSON object, got []',
        });
        expect(fatal({ EventType: 'OnlineRecordFinished' }).problem.message).to.equal(
          'EventData is missing: it must be a JSON object',
        );
      });

      it('a failed recording (FinishReason EXCEPTION, no files) is recording-failed', () => {
        const error = fatal(
          asCallback({ RoomId: 1234, FinishReason: 'EXCEPTION', RecordStartTime: 0, RecordStopTime: 0, TotalTime: 0, VideoInfos: [] }),
        );
        expect(error.problem).to.deep.equal({
          code: 'recording-failed',
          path: 'EventData.FinishReason',
          message: 'The recording failed (FinishReason: EXCEPTION): it has no files to play',
        });
      });
    });

    describe('VideoInfos', () => {
      it('must be an array, named by its path in each shape', () => {
        const notArray = { ...seedResult(), VideoInfos: { 0: 'x' } };
        expect(fatal(notArray).problem).to.deep.equal({
          code: 'invalid-value',
          path: 'VideoInfos',
          expected: 'array',
          shown: '{"0":"x"}',
          message: 'VideoInfos must be an array, got {"0":"x"}',
        });
        expect(fatal(asDescribe(notArray)).problem.path).to.equal('Response.VideoInfos');
        expect(fatal(asDescribe(notArray)).problem.message).to.equal('Response.VideoInfos must be an array, got {"0":"x"}');
        expect(fatal(asCallback({ ...seedResult(), VideoInfos: 'none' })).problem.message).to.equal(
          'EventData.VideoInfos must be an array, got "none"',
        );
      });

      it('empty: the recording has no files to play', () => {
        expect(fatal(withEntries()).problem).to.deep.equal({
          code: 'empty',
          path: 'VideoInfos',
          entryCount: 0,
          missing: false,
          causes: [],
          message: 'The recording has no files to play (VideoInfos is empty)',
        });
        expect(fatal(asDescribe(withEntries())).problem.message).to.equal(
          'The recording has no files to play (Response.VideoInfos is empty)',
        );
      });

      it('empty with FinishReason EXCEPTION: the recording failed', () => {
        expect(fatal({ ...withEntries(), FinishReason: 'EXCEPTION' }).problem.code).to.equal('recording-failed');
        expect(fatal(asDescribe(withEntries(), { FinishReason: 'EXCEPTION' })).problem.path).to.equal('Response.FinishReason');
      });

      it('every entry invalid: empty, carrying each entry\'s problem', () => {
        const error = fatal(withEntries(entry({ VideoDuration: 0 }, 0), 'junk', entry({ VideoUrl: 'javascript:alert(1)' }, 2)));
        expect(error.problem).to.deep.include({
          code: 'empty',
          path: 'VideoInfos',
          entryCount: 3,
          missing: false,
          message: 'None of the 3 files in VideoInfos can be played',
        });
        const paths = ['VideoInfos[0].VideoDuration', 'VideoInfos[1]', 'VideoInfos[2].VideoUrl'];
        expect(error.problems.map((problem) => problem.path)).to.deep.equal(paths);
        // The fatal problem itself keeps each entry's precise reason.
        if (error.problem.code !== 'empty') throw new Error('expected empty');
        expect(error.problem.causes).to.deep.equal(error.problems);
        expect(error.problem.causes.map((cause) => cause.message)).to.deep.equal([
          'VideoInfos[0].VideoDuration must be a positive integer (ms), got 0',
          'VideoInfos[1] must be a JSON object, got "junk"',
          'VideoInfos[2].VideoUrl "javascript:alert(1)" cannot be played: the javascript: scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)',
        ]);
      });

      it('a single invalid entry: the only file cannot be played', () => {
        const error = fatal(asDescribe(withEntries(entry({ VideoType: 9 }))));
        expect(error.problem.message).to.equal('The only file in Response.VideoInfos cannot be played');
        expect(error.problems).to.have.length(1);
      });

      it('also carries a TotalTime problem found on the way', () => {
        const error = fatal({ ...withEntries('junk'), TotalTime: 'long' });
        expect(error.problems.map((problem) => problem.path)).to.deep.equal(['TotalTime', 'VideoInfos[0]']);
      });
    });
  });

  describe('a bad VideoInfos entry is skipped with a problem; the rest play', () => {
    it('VideoPlayTime "abc": the exact path, the expectation and the value', () => {
      const { recording, problems } = parse(badFourth({ VideoPlayTime: 'abc' }));
      expect(problems).to.deep.equal([
        {
          code: 'invalid-value',
          path: 'VideoInfos[3].VideoPlayTime',
          videoId: 'id-3',
          expected: 'non-negative-ms',
          shown: '"abc"',
          message: 'VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got "abc"',
        },
      ]);
      expect(recording.files.map((file) => file.videoId)).to.deep.equal(['id-0', 'id-1', 'id-2']);
    });

    it('paths carry the envelope: Response. and EventData.', () => {
      expect(onlyProblem(asDescribe(badFourth({ VideoPlayTime: 'abc' }))).message).to.equal(
        'Response.VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got "abc"',
      );
      const problem = onlyProblem(asCallback(badFourth({ VideoPlayTime: 'abc' })));
      expect(problem.path).to.equal('EventData.VideoInfos[3].VideoPlayTime');
      expect(problem.message).to.equal('EventData.VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got "abc"');
    });

    const invalidValues: Array<[string, Json, string]> = [
      [
        'VideoPlayTime negative',
        { VideoPlayTime: -1 },
        'VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got -1',
      ],
      [
        'VideoPlayTime fractional',
        { VideoPlayTime: 1.5 },
        'VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got 1.5',
      ],
      [
        'VideoPlayTime as a string of digits',
        { VideoPlayTime: '900000' },
        'VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got "900000"',
      ],
      [
        'VideoPlayTime null',
        { VideoPlayTime: null },
        'VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got null',
      ],
      [
        'VideoPlayTime missing',
        { VideoPlayTime: undefined },
        'VideoInfos[3].VideoPlayTime is missing: it must be a non-negative integer (ms)',
      ],
      [
        'VideoPlayTime beyond 2^53',
        { VideoPlayTime: 2 ** 60 },
        `VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got ${2 ** 60}`,
      ],
      ['VideoDuration 0', { VideoDuration: 0 }, 'VideoInfos[3].VideoDuration must be a positive integer (ms), got 0'],
      [
        'VideoDuration negative',
        { VideoDuration: -300 },
        'VideoInfos[3].VideoDuration must be a positive integer (ms), got -300',
      ],
      [
        'VideoDuration missing',
        { VideoDuration: undefined },
        'VideoInfos[3].VideoDuration is missing: it must be a positive integer (ms)',
      ],
      ['VideoUrl missing', { VideoUrl: undefined }, 'VideoInfos[3].VideoUrl is missing: it must be a non-empty string'],
      ['VideoUrl empty', { VideoUrl: '' }, 'VideoInfos[3].VideoUrl must be a non-empty string, got ""'],
      ['VideoUrl blank', { VideoUrl: '  ' }, 'VideoInfos[3].VideoUrl must be a non-empty string, got "  "'],
      ['VideoUrl a number', { VideoUrl: 5 }, 'VideoInfos[3].VideoUrl must be a non-empty string, got 5'],
      [
        'VideoType 7',
        { VideoType: 7 },
        'VideoInfos[3].VideoType must be 0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only), got 7',
      ],
      [
        'VideoType as a string',
        { VideoType: '0' },
        'VideoInfos[3].VideoType must be 0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only), got "0"',
      ],
      [
        'VideoType missing',
        { VideoType: undefined },
        'VideoInfos[3].VideoType is missing: it must be 0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only)',
      ],
    ];
    for (const [name, overrides, message] of invalidValues) {
      it(`${name}: "${message}"`, () => {
        const problem = onlyProblem(badFourth(overrides));
        expect(problem.code).to.equal('invalid-value');
        expect(problem.path).to.equal(message.slice(0, message.indexOf(' ')));
        expect(problem.videoId).to.equal('id-3');
        expect(problem.message).to.equal(message);
      });
    }

    it('an entry that is not an object', () => {
      expect(onlyProblem(withEntries(entry({}, 0), 'oops'))).to.deep.equal({
        code: 'invalid-value',
        path: 'VideoInfos[1]',
        expected: 'object',
        shown: '"oops"',
        message: 'VideoInfos[1] must be a JSON object, got "oops"',
      });
      expect(onlyProblem(withEntries(entry({}, 0), null)).message).to.equal('VideoInfos[1] must be a JSON object, got null');
      expect(onlyProblem(withEntries(entry({}, 0), [1])).message).to.equal('VideoInfos[1] must be a JSON object, got [1]');
    });

    for (const [url, scheme] of [
      ['javascript:alert(document.cookie)', 'javascript:'],
      ['data:video/mp4;base64,AAAAIGZ0eXBpc29t', 'data:'],
      ['file:///C:/lessons/cam.mp4', 'file:'],
    ] as const) {
      it(`a ${scheme} VideoUrl is refused as unsupported-url, with the URL`, () => {
        const problem = onlyProblem(badFourth({ VideoUrl: url }));
        expect(problem.code).to.equal('unsupported-url');
        expect(problem.path).to.equal('VideoInfos[3].VideoUrl');
        expect(problem.url).to.equal(url);
        expect(problem.videoId).to.equal('id-3');
        expect(problem.message).to.match(/^VideoInfos\[3\]\.VideoUrl "/);
        expect(problem.message).to.contain(
          `cannot be played: the ${scheme} scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)`,
        );
      });
    }

    it('an unparsable absolute VideoUrl is refused as unsupported-url', () => {
      const problem = onlyProblem(badFourth({ VideoUrl: 'https://' }));
      expect(problem.code).to.equal('unsupported-url');
      expect(problem.message).to.equal('VideoInfos[3].VideoUrl "https://" cannot be played: it is not a valid URL');
    });

    it('cuts a long value short in the message', () => {
      const long = 'x'.repeat(200);
      const problem = onlyProblem(badFourth({ VideoPlayTime: long }));
      const shown = problem.message!.slice(problem.message!.indexOf('got ') + 4);
      expect(shown.length).to.equal(40);
      expect(shown).to.match(/^"x+…$/);
    });

    it('sets videoId only when the entry has one', () => {
      const problem = onlyProblem(badFourth({ VideoId: undefined, VideoType: -1 }));
      expect(problem).to.not.have.property('videoId');
      expect(onlyProblem(badFourth({ VideoId: 77, VideoType: -1 })).videoId).to.equal('77');
    });

    it('reports the first thing wrong with an entry, in the order PlayTime, Duration, Url, Type', () => {
      const problem = onlyProblem(badFourth({ VideoDuration: 0, VideoUrl: 'javascript:x', VideoType: 9 }));
      expect(problem.path).to.equal('VideoInfos[3].VideoDuration');
    });

    it('keeps every other entry with its source index', () => {
      const { recording, problems } = parse(withEntries(entry({}, 0), entry({ VideoType: 5 }, 1), entry({}, 2), 'x', entry({}, 4)));
      expect(problems.map((problem) => problem.path)).to.deep.equal(['VideoInfos[1].VideoType', 'VideoInfos[3]']);
      expect(recording.files.map((file) => file.sourceIndex)).to.deep.equal([0, 2, 4]);
    });
  });

  describe('duplicate VideoIds', () => {
    it('keep the first file and skip the later one as duplicate-file', () => {
      const { recording, problems } = parse(
        withEntries(entry({ VideoId: 'same' }, 0), entry({}, 1), entry({ VideoId: 'same' }, 2)),
      );
      expect(recording.files.map((file) => file.sourceIndex)).to.deep.equal([0, 1]);
      expect(problems).to.deep.equal([
        {
          code: 'duplicate-file',
          path: 'VideoInfos[2].VideoId',
          videoId: 'same',
          firstPath: 'VideoInfos[0]',
          message: 'VideoInfos[2].VideoId "same" repeats VideoInfos[0]: the later file is skipped',
        },
      ]);
    });

    it('a number and its string are the same id', () => {
      const problem = onlyProblem(asDescribe(withEntries(entry({ VideoId: 42 }, 0), entry({ VideoId: '42' }, 1))));
      expect(problem.code).to.equal('duplicate-file');
      expect(problem.message).to.equal('Response.VideoInfos[1].VideoId "42" repeats Response.VideoInfos[0]: the later file is skipped');
    });

    it('a skipped entry does not claim its id: the next valid file with that id plays', () => {
      const { recording, problems } = parse(withEntries(entry({ VideoId: 'same', VideoDuration: 0 }, 0), entry({ VideoId: 'same' }, 1)));
      expect(problems.map((problem) => problem.code)).to.deep.equal(['invalid-value']);
      expect(recording.files.map((file) => file.sourceIndex)).to.deep.equal([1]);
    });
  });

  describe('reading an entry', () => {
    it('converts a numeric VideoId to a string', () => {
      expect(parse(withEntries(entry({ VideoId: 5285890781 }))).recording.files[0]!.videoId).to.equal('5285890781');
    });

    it('synthesizes "VideoInfos[i]" for a missing VideoId, without a problem', () => {
      const entries = [entry({}, 0), entry({ VideoId: undefined }, 1), entry({ VideoId: '' }, 2)];
      const { recording, problems } = parse(asDescribe(withEntries(...entries)));
      expect(problems).to.deep.equal([]);
      expect(recording.files.map((file) => file.videoId)).to.deep.equal(['id-0', 'VideoInfos[1]', 'VideoInfos[2]']);
    });

    it('reads a missing or non-string UserId as ""', () => {
      const { recording, problems } = parse(withEntries(entry({ UserId: undefined }, 0), entry({ UserId: { a: 1 } }, 1)));
      expect(problems).to.deep.equal([]);
      expect(recording.files.map((file) => file.userId)).to.deep.equal(['', '']);
    });

    it('uses VideoSize, Width and Height when they are non-negative integers', () => {
      const file = parse(withEntries(entry({ VideoSize: 13151, Width: 1280, Height: 720 }))).recording.files[0]!;
      expect(file.sizeBytes).to.equal(13151);
      expect(file.width).to.equal(1280);
      expect(file.height).to.equal(720);
    });

    it('ignores a bad or absent VideoSize, Width or Height without a problem', () => {
      const { recording, problems } = parse(withEntries(entry({ VideoSize: '13151', Width: -1, Height: 720.5 })));
      expect(problems).to.deep.equal([]);
      const file = recording.files[0]!;
      expect(file).to.not.have.property('sizeBytes');
      expect(file).to.not.have.property('width');
      expect(file).to.not.have.property('height');
    });

    it('accepts every VideoType 0–4', () => {
      const entries = [0, 1, 2, 3, 4].map((type, index) => entry({ VideoType: type }, index));
      expect(parse(withEntries(...entries)).recording.files.map((file) => file.videoType)).to.deep.equal([0, 1, 2, 3, 4]);
    });

    it('accepts a file starting at 0 and one starting after TotalTime (the timeline decides what to do with it)', () => {
      const { recording } = parse({ TotalTime: 1000, VideoInfos: [entry({ VideoPlayTime: 0 }, 0), entry({ VideoPlayTime: 5000 }, 1)] });
      expect(recording.files.map((file) => file.startMs)).to.deep.equal([0, 5000]);
    });
  });

  describe('VideoUrl', () => {
    it('resolves a relative URL against the JSON\'s own URL', () => {
      const entries = [
        entry({ VideoUrl: 'cam.mp4' }, 0),
        entry({ VideoUrl: '../media/board.mp4' }, 1),
        entry({ VideoUrl: '/files/a.mp3' }, 2),
        entry({ VideoUrl: '//cdn.example.com/x.mp4' }, 3),
      ];
      const { recording } = parse(withEntries(...entries), 'https://lessons.example.com/room/1234/result.json?sig=1');
      expect(recording.files.map((file) => file.url)).to.deep.equal([
        'https://lessons.example.com/room/1234/cam.mp4',
        'https://lessons.example.com/room/media/board.mp4',
        'https://lessons.example.com/files/a.mp3',
        'https://cdn.example.com/x.mp4',
      ]);
    });

    it('keeps absolute http(s) and blob: URLs, trimmed', () => {
      const blob = 'blob:https://lessons.example.com/0b7a5c1e-0000-4000-8000-000000000000';
      const { recording } = parse(withEntries(entry({ VideoUrl: ' http://a.example.com/x.mp4 ' }, 0), entry({ VideoUrl: blob }, 1)));
      expect(recording.files.map((file) => file.url)).to.deep.equal(['http://a.example.com/x.mp4', blob]);
    });
  });

  describe('format', () => {
    const cases: Array<[string, Json, string]> = [
      ['VideoFormat mp4', { VideoFormat: 'mp4', VideoUrl: 'https://a.example.com/x.m3u8' }, 'mp4'],
      ['VideoFormat MP4, any case', { VideoFormat: 'MP4' }, 'mp4'],
      ['VideoFormat mp3', { VideoFormat: 'mp3', VideoUrl: 'https://a.example.com/x' }, 'mp3'],
      ['VideoFormat m3u8', { VideoFormat: 'm3u8' }, 'hls'],
      ['VideoFormat HLS', { VideoFormat: 'HLS' }, 'hls'],
      ['no VideoFormat, .m3u8 URL', { VideoFormat: undefined, VideoUrl: 'https://a.example.com/v/index.m3u8' }, 'hls'],
      [
        'no VideoFormat, .M3U8 URL with a query',
        { VideoFormat: undefined, VideoUrl: 'https://a.example.com/INDEX.M3U8?t=1' },
        'hls',
      ],
      ['no VideoFormat, .mp3 URL', { VideoFormat: undefined, VideoUrl: 'https://a.example.com/a.mp3' }, 'mp3'],
      ['no VideoFormat, .mp4 URL', { VideoFormat: undefined, VideoUrl: 'https://a.example.com/a.mp4' }, 'mp4'],
      ['no VideoFormat, no extension', { VideoFormat: undefined, VideoUrl: 'https://a.example.com/play?id=5' }, 'mp4'],
      [
        'an extension only in the query does not count',
        { VideoFormat: undefined, VideoUrl: 'https://a.example.com/a.mp4?f=.m3u8' },
        'mp4',
      ],
      ['unknown VideoFormat flv, .mp4 URL', { VideoFormat: 'flv', VideoUrl: 'https://a.example.com/a.mp4' }, 'mp4'],
      ['unknown VideoFormat, .m3u8 URL', { VideoFormat: 42, VideoUrl: 'https://a.example.com/a.m3u8' }, 'hls'],
      [
        'audio only (type 4), no format, no extension',
        { VideoType: 4, VideoFormat: undefined, VideoUrl: 'https://a.example.com/a' },
        'mp3',
      ],
      [
        'audio only (type 4), no format, .mp4 URL',
        { VideoType: 4, VideoFormat: undefined, VideoUrl: 'https://a.example.com/a.mp4' },
        'mp4',
      ],
      ['relative .m3u8', { VideoFormat: undefined, VideoUrl: 'hls/index.m3u8' }, 'hls'],
    ];
    for (const [name, overrides, format] of cases) {
      it(`${name} → ${format}`, () => {
        expect(parse(withEntries(entry(overrides))).recording.files[0]!.format).to.equal(format);
      });
    }
  });

  describe('TotalTime', () => {
    it('is the replay length in ms', () => {
      expect(parse({ ...withEntries(entry()), TotalTime: 0 }).recording.totalTimeMs).to.equal(0);
    });

    it('missing: undefined, no problem', () => {
      const { recording, problems } = parse({ VideoInfos: [entry()] });
      expect(recording).to.not.have.property('totalTimeMs');
      expect(problems).to.deep.equal([]);
    });

    for (const bad of ['1440000', -1, 1.5, true]) {
      it(`${JSON.stringify(bad)}: undefined, with an invalid-value problem`, () => {
        const { recording, problems } = parse(asDescribe({ VideoInfos: [entry()], TotalTime: bad }));
        expect(recording.totalTimeMs).to.equal(undefined);
        expect(problems).to.deep.equal([
          {
            code: 'invalid-value',
            path: 'Response.TotalTime',
            expected: 'non-negative-ms',
            shown: JSON.stringify(bad),
            message: `Response.TotalTime must be a non-negative integer (ms), got ${JSON.stringify(bad)}`,
          },
        ]);
      });
    }
  });

  describe('OmittedDurations', () => {
    it('become atMs / pauseTime / resumeTime, sorted by atMs', () => {
      const omitted = [
        { VideoTime: 900000, PauseTime: 1558614040000, ResumeTime: 1558614100000 },
        { VideoTime: 300000, PauseTime: 1558613500000, ResumeTime: 1558613560000 },
      ];
      expect(parse(asDescribe(seedResult(), { OmittedDurations: omitted })).recording.omittedDurations).to.deep.equal([
        { atMs: 300000, pauseTime: 1558613500000, resumeTime: 1558613560000 },
        { atMs: 900000, pauseTime: 1558614040000, resumeTime: 1558614100000 },
      ]);
    });

    it('skip malformed items silently', () => {
      const omitted = [null, 'x', { PauseTime: 1 }, { VideoTime: -5 }, { VideoTime: '10' }, { VideoTime: 1000, PauseTime: 'x' }];
      const { recording, problems } = parse(asCallback(seedResult(), { OmittedDurations: omitted }));
      expect(recording.omittedDurations).to.deep.equal([{ atMs: 1000 }]);
      expect(problems).to.deep.equal([]);
    });

    it('anything but an array reads as none', () => {
      expect(parse(asDescribe(seedResult(), { OmittedDurations: { VideoTime: 1 } })).recording.omittedDurations).to.deep.equal([]);
    });
  });

  describe('recording data', () => {
    it('copies RoomId, GroupId, TaskId, RecordStartTime, RecordStopTime and FinishReason of the right type', () => {
      const { recording } = parse(asDescribe(seedResult(), { FinishReason: 'AUTO' }));
      expect(recording).to.include({
        roomId: 1234,
        groupId: '1234',
        taskId: 'bj0mt2l23osdj300hl30',
        recordStartTime: 1558613140,
        recordStopTime: 1558614640,
        finishReason: 'AUTO',
      });
    });

    it('leaves out values of the wrong type, without a problem', () => {
      const { recording, problems } = parse({
        ...seedResult(),
        RoomId: '1234',
        GroupId: 1234,
        TaskId: null,
        RecordStartTime: '1558613140',
        RecordStopTime: {},
        FinishReason: 3,
      });
      expect(problems).to.deep.equal([]);
      for (const key of ['roomId', 'groupId', 'taskId', 'recordStartTime', 'recordStopTime', 'finishReason']) {
        expect(recording).to.not.have.property(key);
      }
    });

    it('plays the files of a FinishReason EXCEPTION recording that has some', () => {
      const { recording } = parse(asCallback(seedResult(), { FinishReason: 'EXCEPTION' }));
      expect(recording.finishReason).to.equal('EXCEPTION');
      expect(recording.files).to.have.length(6);
    });
  });

  describe('properties', () => {
    const validEntry = fc.record({
      VideoPlayTime: fc.nat({ max: 24 * 3600 * 1000 }),
      VideoDuration: fc.integer({ min: 1, max: 24 * 3600 * 1000 }),
      VideoType: fc.integer({ min: 0, max: 4 }),
      UserId: fc.string(),
      VideoSize: fc.nat(),
      Width: fc.nat({ max: 7680 }),
      Height: fc.nat({ max: 4320 }),
      name: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/),
    });
    const envelope = fc.constantFrom(
      (result: Json) => result,
      (result: Json) => asDescribe(result),
      (result: Json) => asCallback(result),
    );

    it('every valid entry comes out with the same numbers, in source order', () => {
      fc.assert(
        fc.property(fc.array(validEntry, { minLength: 1, maxLength: 30 }), envelope, fc.nat(), (entries, wrap, totalTime) => {
          const videoInfos = entries.map(({ name, ...fields }, index) => ({
            ...fields,
            VideoUrl: `media/${name}.mp4`,
            VideoId: `v${index}`,
          }));
          const { recording, problems } = parse(JSON.stringify(wrap({ TotalTime: totalTime, VideoInfos: videoInfos })));
          expect(problems).to.deep.equal([]);
          expect(recording.totalTimeMs).to.equal(totalTime);
          expect(recording.files).to.have.length(entries.length);
          recording.files.forEach((file, index) => {
            const source = entries[index]!;
            expect(file).to.deep.equal({
              videoId: `v${index}`,
              userId: source.UserId,
              videoType: source.VideoType,
              url: `https://lessons.example.com/room/1234/media/${source.name}.mp4`,
              format: 'mp4',
              startMs: source.VideoPlayTime,
              durationMs: source.VideoDuration,
              sizeBytes: source.VideoSize,
              width: source.Width,
              height: source.Height,
              sourceIndex: index,
            });
          });
        }),
      );
    });

    it('garbage never throws anything but a RecordingError', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.json(), fc.string()), (garbage) => {
          try {
            parse(garbage);
          } catch (error) {
            expect(error).to.be.instanceOf(RecordingError);
          }
        }),
      );
    });

    it('garbage in one field of one entry costs that entry at most; every other entry still plays', () => {
      const field = fc.constantFrom(
        ...['VideoPlayTime', 'VideoDuration', 'VideoUrl', 'VideoType', 'VideoId', 'UserId', 'VideoFormat', 'VideoSize'],
      );
      fc.assert(
        fc.property(fc.nat({ max: 5 }), field, fc.anything(), envelope, (index, key, value, wrap) => {
          const result = seedResult();
          const videoInfos = result['VideoInfos'] as Json[];
          videoInfos[index] = { ...videoInfos[index], [key]: value };
          const { recording, problems } = parse(wrap(result));
          const kept = recording.files.map((file) => file.sourceIndex);
          expect(kept.filter((i) => i !== index)).to.deep.equal([0, 1, 2, 3, 4, 5].filter((i) => i !== index));
          expect(problems.length + kept.length).to.equal(6);
          for (const problem of problems) expect(problem.path).to.match(new RegExp(`VideoInfos\\[${index}\\]`));
        }),
      );
    });

    it('garbage in any top-level field is either ignored, reported, or a RecordingError', () => {
      const key = fc.constantFrom(
        ...['RoomId', 'TotalTime', 'VideoInfos', 'OmittedDurations', 'FinishReason', 'Status', 'Error', 'RecordStartTime'],
      );
      fc.assert(
        fc.property(key, fc.anything(), envelope, (field, value, wrap) => {
          try {
            const { recording } = parse(wrap({ ...seedResult(), [field]: value }));
            expect(recording.files.length).to.be.greaterThan(0);
          } catch (error) {
            expect(error).to.be.instanceOf(RecordingError);
          }
        }),
      );
    });
  });
});
