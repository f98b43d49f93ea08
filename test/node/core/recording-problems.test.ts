// The parser's problems are data a reader can check against the document: every path points at a
// value that is really there (and is the value the problem quotes) or really missing, and every
// problem can be worded in both catalogues without losing its path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseRecording } from '../../../src/core/recording/parse-recording.js';
import { show, text } from '../../../src/core/recording/json-values.js';
import { RecordingError, type RecordingProblem } from '../../../src/core/recording/recording.js';
import { describeProblem } from '../../../src/i18n/describe-problem.js';
import { en } from '../../../src/i18n/en.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';

type Json = Record<string, unknown>;
const BASE = 'https://lessons.example.com/room/1234/result.json';

const FIELDS = ['VideoPlayTime', 'VideoDuration', 'VideoUrl', 'VideoType', 'VideoId', 'UserId', 'VideoFormat', 'VideoSize'];
const TOP_FIELDS = ['RoomId', 'TotalTime', 'VideoInfos', 'FinishReason', 'Status', 'Error', 'OmittedDurations'];

function validEntry(index: number): Json {
  return {
    VideoPlayTime: index * 1000,
    VideoDuration: 60000,
    VideoUrl: `https://cdn.example.com/file-${index}.mp4`,
    VideoId: `id-${index}`,
    VideoType: index % 3,
    UserId: `user-${index}`,
  };
}

/** A value of the kind a broken result has: JSON values, `undefined` (the key deleted), bad URLs. */
const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('javascript:alert(1)', 'ftp://x/a.mp4', ' ', '', 'data:,x', '<b>', 'id-0', -1, 0, 2 ** 60, 1.5),
);

/** A result whose entries and top-level fields are broken in random places, in a random envelope. */
const brokenDocument = fc
  .record({
    entryCount: fc.nat({ max: 6 }),
    entryEdits: fc.array(fc.tuple(fc.nat({ max: 5 }), fc.constantFrom(...FIELDS), oddValue), { maxLength: 8 }),
    replacedEntries: fc.array(fc.tuple(fc.nat({ max: 5 }), oddValue), { maxLength: 2 }),
    topEdits: fc.array(fc.tuple(fc.constantFrom(...TOP_FIELDS), oddValue), { maxLength: 2 }),
    envelope: fc.constantFrom('result', 'describe', 'callback', 'other-callback'),
  })
  .map(({ entryCount, entryEdits, replacedEntries, topEdits, envelope }) => {
    const entries: unknown[] = Array.from({ length: entryCount }, (_, index) => validEntry(index));
    for (const [index, field, value] of entryEdits) {
      const target = entries[index];
      if (target && typeof target === 'object') setOrDelete(target as Json, field, value);
    }
    for (const [index, value] of replacedEntries) if (index < entries.length) entries[index] = value;
    const body: Json = { RoomId: 1234, TotalTime: 600000, VideoInfos: entries };
    for (const [field, value] of topEdits) setOrDelete(body, field, value);
    switch (envelope) {
      case 'describe':
        return { Response: { ...body, RequestId: 'req-1' } };
      case 'callback':
        return { EventType: 'OnlineRecordFinished', EventData: body };
      case 'other-callback':
        return { EventType: 'OnlineRecordStarted', EventData: body };
      default:
        return body;
    }
  });

function setOrDelete(target: Json, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** The value at a JSON path such as `Response.VideoInfos[3].VideoUrl` (`$` is the document). */
function valueAt(document: unknown, path: string): { found: boolean; value: unknown } {
  if (path === '$') return { found: true, value: document };
  let value: unknown = document;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== 'object') return { found: false, value: undefined };
    const step = index !== undefined ? Number(index) : key!;
    if (!Object.hasOwn(value, step)) return { found: false, value: undefined };
    value = (value as Record<string | number, unknown>)[step];
  }
  return { found: true, value };
}

/** Every problem the parser reports for `document`: the skipped entries' and, if any, the fatal one. */
function problemsOf(document: unknown): RecordingProblem[] {
  try {
    return [...parseRecording(document, { baseUrl: BASE }).problems];
  } catch (error) {
    assert.ok(error instanceof RecordingError, `not a RecordingError: ${String(error)}`);
    return [...error.problems, error.problem];
  }
}

/** Asserts what a problem says about `document` is true of it. */
function assertTrueOf(document: unknown, problem: RecordingProblem): void {
  const at = (path: string) => valueAt(document, path);
  switch (problem.code) {
    case 'invalid-value': {
      const { found, value } = at(problem.path);
      if (problem.shown === undefined) assert.equal(value, undefined, `${problem.path} is missing`);
      else {
        assert.ok(found || problem.path === '$', `${problem.path} is there`);
        assert.equal(show(value), problem.shown, `${problem.path} is the value shown`);
      }
      return;
    }
    case 'not-finished':
      assert.notEqual(at(problem.path).value, 'FINISHED');
      assert.equal(text(at(problem.path).value), problem.recordingStatus);
      return;
    case 'not-a-recording':
      if (problem.eventType !== undefined) assert.equal(text(at(problem.path).value), problem.eventType);
      else for (const key of ['VideoInfos', 'Status', 'Response', 'EventType']) assert.equal(at(key).value ?? undefined, undefined);
      return;
    case 'service-error':
      assert.ok(at(problem.path).found, `${problem.path} is there`);
      return;
    case 'recording-failed':
      assert.equal(at(problem.path).value, 'EXCEPTION');
      return;
    case 'empty': {
      const { value } = at(problem.path);
      if (problem.missing) assert.equal(value ?? undefined, undefined, `${problem.path} is missing`);
      else assert.equal((value as unknown[]).length, problem.entryCount);
      for (const cause of problem.causes) assertTrueOf(document, cause);
      return;
    }
    case 'duplicate-file': {
      assert.equal(text(at(problem.path).value), problem.videoId);
      assert.equal(text(at(`${problem.firstPath}.VideoId`).value), problem.videoId);
      return;
    }
    case 'unsupported-url':
      assert.equal((at(problem.path!).value as string).trim(), problem.url);
      return;
    default:
      assert.fail(`the parser does not report ${problem.code} for an object`);
  }
}

/** Problems about one value; the others (Status, EventType, Error) name the field they quote instead. */
const NAMES_ITS_PATH: ReadonlySet<string> = new Set(['invalid-value', 'duplicate-file', 'unsupported-url', 'empty']);

/** The words without the facts they quote from the input (which may hold a `$` of its own). */
function withoutQuotedFacts(words: string, problem: RecordingProblem): string {
  const facts = Object.entries(problem)
    .filter(([key, value]) => key !== 'code' && key !== 'path' && typeof value === 'string')
    .flatMap(([, value]) => [JSON.stringify(value), value as string]);
  return facts.reduce((rest, fact) => rest.split(fact).join(''), words);
}

describe('the parser\'s problems', () => {
  test('every path points at the value the problem is about, there or missing', () => {
    fc.assert(
      fc.property(brokenDocument, (document) => {
        for (const problem of problemsOf(document)) assertTrueOf(document, problem);
      }),
      { numRuns: 500 },
    );
  });

  test('any input at all: problems are data only, and every one can be worded in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(brokenDocument, fc.anything(), fc.json(), fc.string()), (input) => {
        for (const problem of problemsOf(input)) {
          assert.equal('message' in problem, false, 'the core words nothing');
          for (const messages of [en, zhCN]) {
            const words = describeProblem(problem, messages);
            assert.ok(words.trim().length > 0);
            assert.doesNotMatch(withoutQuotedFacts(words, problem), /undefined|\[object|NaN/);
            // What is wrong with one value names where it is, so a developer can find it in the JSON.
            if (NAMES_ITS_PATH.has(problem.code) && problem.path !== '$') {
              assert.ok(words.includes(problem.path!), `${words} names ${problem.path}`);
            }
            // The document is "the recording" to people, never "$".
            if (problem.path === '$') assert.ok(!withoutQuotedFacts(words, problem).includes('$'), words);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test('text that is not JSON: invalid-json with the parser\'s detail, or web-page for HTML', () => {
    const problem = problemsOf('{"VideoInfos": [')[0]!;
    assert.equal(problem.code, 'invalid-json');
    assert.equal(problem.path, '$');
    assert.ok(problem.code === 'invalid-json' && problem.detail.length > 0);
    assert.deepEqual(problemsOf('<!doctype html><title>Login</title>'), [{ code: 'web-page', path: '$' }]);
    assert.deepEqual(problemsOf('\uFEFF  <html>'), [{ code: 'web-page', path: '$' }]);
  });

  test('an unfinished Status is fatal in every shape, whatever else the document holds', () => {
    const status = fc.oneof(fc.constantFrom('PREPARED', 'RECORDING', 'PAUSED', 'STOPPED'), fc.string(), fc.integer());
    fc.assert(
      fc.property(status, fc.constantFrom('', 'Response.', 'EventData.'), fc.nat({ max: 4 }), (value, prefix, count) => {
        fc.pre(value !== 'FINISHED');
        const body = { Status: value, VideoInfos: Array.from({ length: count }, (_, index) => validEntry(index)) };
        const document =
          prefix === 'Response.' ? { Response: body } : prefix === 'EventData.' ? { EventType: 'OnlineRecordFinished', EventData: body } : body;
        const problems = problemsOf(document);
        const fatal = problems.at(-1)!;
        assert.equal(fatal.code, 'not-finished');
        assert.equal(fatal.path, `${prefix}Status`);
        assert.ok(fatal.code === 'not-finished' && fatal.recordingStatus === text(value));
      }),
    );
  });

  test('when every entry is invalid, the fatal problem carries each entry\'s own problem', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FIELDS.slice(0, 4)), { minLength: 1, maxLength: 8 }), (brokenFields) => {
        const entries = brokenFields.map((field, index) => ({ ...validEntry(index), [field]: -1 }));
        const problems = problemsOf({ VideoInfos: entries });
        const fatal = problems.at(-1)!;
        assert.equal(fatal.code, 'empty');
        assert.ok(fatal.code === 'empty');
        assert.equal(fatal.entryCount, entries.length);
        assert.deepEqual(
          fatal.causes.map((cause) => cause.path),
          brokenFields.map((field, index) => `VideoInfos[${index}].${field}`),
        );
        assert.deepEqual(fatal.causes, problems.slice(0, -1));
      }),
    );
  });
});
