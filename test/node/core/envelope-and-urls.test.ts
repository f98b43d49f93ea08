// The envelope and the URL-scheme rule, as tic-replay/core exports them for the review page and tools.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RecordingError, isAllowedMediaUrl, pathPrefixOf, resolveMediaUrl, schemeOf, unwrapEnvelope } from '../../../src/core/index.js';

describe('unwrapEnvelope', () => {
  const body = { TotalTime: 1, VideoInfos: [] };
  test('finds the result in each of the three shapes, with the prefix of its JSON paths', () => {
    assert.deepEqual(unwrapEnvelope(body), { shape: 'result', body, prefix: '' });
    assert.deepEqual(unwrapEnvelope({ Response: body }), { shape: 'describe-online-record', body, prefix: 'Response.' });
    assert.deepEqual(unwrapEnvelope({ EventType: 'OnlineRecordFinished', EventData: body }), {
      shape: 'online-record-finished',
      body,
      prefix: 'EventData.',
    });
    for (const shape of ['result', 'describe-online-record', 'online-record-finished'] as const) {
      assert.equal(pathPrefixOf(shape), unwrapEnvelope(shape === 'result' ? body : shape === 'describe-online-record' ? { Response: body } : { EventType: 'OnlineRecordFinished', EventData: body }).prefix);
    }
  });

  test('refuses, as data, what carries no playable result', () => {
    const refusal = (document: unknown) => {
      try {
        unwrapEnvelope(document);
      } catch (error) {
        assert.ok(error instanceof RecordingError);
        return error.problem;
      }
      return assert.fail('expected a RecordingError');
    };
    assert.deepEqual(refusal({ Response: { Error: { Code: 'InternalError' }, RequestId: 'r' } }), {
      code: 'service-error',
      path: 'Response.Error',
      serviceCode: 'InternalError',
      requestId: 'r',
    });
    assert.deepEqual(refusal({ ...body, Status: 'RECORDING' }), { code: 'not-finished', path: 'Status', recordingStatus: 'RECORDING' });
    assert.deepEqual(refusal({ EventType: 'OnlineRecordStopped' }), { code: 'not-a-recording', path: 'EventType', eventType: 'OnlineRecordStopped' });
    assert.deepEqual(refusal({ RoomId: 1 }), { code: 'not-a-recording', path: '$' });
    assert.deepEqual(refusal([]), { code: 'invalid-value', path: '$', expected: 'object', shown: '[]' });
    // Words are the edge's business: the error's own message is the facts.
    assert.throws(() => unwrapEnvelope({ RoomId: 1 }), { message: 'not-a-recording at $' });
  });
});

describe('the URL-scheme rule', () => {
  test('schemeOf reads the scheme as the URL parser does', () => {
    assert.equal(schemeOf('HTTPS://x'), 'https:');
    assert.equal(schemeOf(' java\nscript:alert(1)'), 'javascript:');
    assert.equal(schemeOf('cam.mp4'), undefined);
    assert.equal(schemeOf('/a/b.mp4'), undefined);
  });

  test('isAllowedMediaUrl agrees with resolveMediaUrl on which schemes are refused', () => {
    const url = fc.oneof(
      fc.webUrl(),
      fc.string(),
      fc.tuple(fc.constantFrom('javascript:', 'data:', 'file:', 'blob:', 'ftp:', 'HTTP:', 'java\tscript:'), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(url, (raw) => {
        const resolved = resolveMediaUrl(raw, 'https://lessons.example.com/r/result.json');
        if (resolved.ok) assert.equal(isAllowedMediaUrl(raw), true, raw);
        else if (resolved.refusal.kind === 'scheme' || resolved.refusal.kind === 'empty') assert.equal(isAllowedMediaUrl(raw), false, raw);
      }),
    );
  });
});
