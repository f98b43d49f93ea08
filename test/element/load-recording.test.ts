import { expect } from '@esm-bundle/chai';
import { loadRecording, readRecordingInput } from '../../src/recording/load-recording.js';
import { RecordingError } from '../../src/core/recording/recording.js';

const DIR = '/test/fixtures/recordings/';
const here = (path: string) => new URL(path, location.href).href;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function recordingError(promise: Promise<unknown>): Promise<RecordingError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(RecordingError);
  return error as RecordingError;
}

describe('loadRecording', () => {
  it('loads the seed example in each of its three shapes to the same six files', async () => {
    const [result, describeAnswer, callback] = await Promise.all([
      loadRecording(`${DIR}seed-result.json`),
      loadRecording(`${DIR}seed-describe.json`),
      loadRecording(`${DIR}seed-callback.json`),
    ]);
    expect(result.recording.shape).to.equal('result');
    expect(describeAnswer.recording.shape).to.equal('describe-online-record');
    expect(callback.recording.shape).to.equal('online-record-finished');
    expect(result.recording.files).to.have.length(6);
    expect(describeAnswer.recording.files).to.deep.equal(result.recording.files);
    expect(callback.recording.files).to.deep.equal(result.recording.files);
    expect(result.recording.totalTimeMs).to.equal(1440000);
    expect(describeAnswer.recording.taskId).to.equal('bj0mt2l23osdj300hl30');
    expect(result.problems).to.deep.equal([]);
  });

  it('resolves a relative src against options.baseUrl instead of the page when given', async () => {
    const fromBase = await loadRecording('seed-result.json', { baseUrl: here(`${DIR}index.html`) });
    expect(fromBase.recording.files).to.have.length(6);
  });

  it('resolves relative VideoUrls against the JSON\'s own URL, not the page', async () => {
    const { recording, problems } = await loadRecording(`${DIR}relative-urls.json`);
    expect(recording.files.map((file) => [file.videoId, file.url])).to.deep.equal([
      ['same-dir', here(`${DIR}cam-a.mp4`)],
      ['parent-dir', here('/test/fixtures/board.mp4')],
      ['root-relative', here('/test/fixtures/audio-a.mp3')],
      ['absolute', 'https://cdn.example.com/x/cam.mp4'],
    ]);
    expect(recording.files.map((file) => file.format)).to.deep.equal(['mp4', 'mp4', 'mp3', 'mp4']);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'unsupported-url', path: 'VideoInfos[4].VideoUrl', videoId: 'script' });
  });

  it('the resolved ../ and /-rooted VideoUrls point at media the server really has', async () => {
    const { recording } = await loadRecording(`${DIR}relative-urls.json`);
    const local = recording.files.filter((file) => file.videoId === 'parent-dir' || file.videoId === 'root-relative');
    const statuses = await Promise.all(local.map(async (file) => (await fetch(file.url, { method: 'HEAD' })).status));
    expect(statuses).to.deep.equal([200, 200]);
  });

  it('a missing file: fetch-failed with status 404 and the URL in the message', async () => {
    const url = here(`${DIR}does-not-exist.json`);
    const error = await recordingError(loadRecording(`${DIR}does-not-exist.json`));
    expect(error.problem).to.deep.include({ code: 'fetch-failed', status: 404, url });
    expect(error.problem).to.have.deep.property('failure', { kind: 'http', status: 404, statusText: 'Not Found' });
    expect(error.message).to.match(new RegExp(`^Could not load the recording from ${escape(url)}: HTTP 404\\b`));
  });

  it('a network failure: fetch-failed saying the request failed', async () => {
    // Port 9 (discard) on the loopback address refuses the connection at once.
    const error = await recordingError(loadRecording('http://127.0.0.1:9/recording.json'));
    expect(error.problem).to.deep.equal({
      code: 'fetch-failed',
      url: 'http://127.0.0.1:9/recording.json',
      failure: { kind: 'network' },
      message:
        'Could not load the recording from http://127.0.0.1:9/recording.json: the network request failed (offline, or blocked by CORS)',
    });
  });

  for (const src of ['javascript:alert(1)', 'data:application/json,{"VideoInfos":[]}', 'file:///etc/recording.json']) {
    it(`refuses ${src.slice(0, src.indexOf(':') + 1)} without fetching`, async () => {
      const error = await recordingError(loadRecording(src));
      expect(error.problem.code).to.equal('unsupported-url');
      expect(error.problem.url).to.equal(src);
      expect(error.message).to.match(/^Cannot load the recording from ".*": the \w+: scheme is not allowed/);
    });
  }

  it('refuses an empty src', async () => {
    const error = await recordingError(loadRecording('  '));
    expect(error.problem.code).to.equal('unsupported-url');
    expect(error.message).to.equal('Cannot load the recording from "": the URL is empty');
  });

  it('rejects with the abort itself when the signal aborts, not a RecordingError', async () => {
    const controller = new AbortController();
    const loading = loadRecording(`${DIR}seed-result.json`, { signal: controller.signal });
    controller.abort();
    const error = await rejection(loading);
    expect(error).to.not.be.instanceOf(RecordingError);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('rejects with the abort reason when the signal was aborted with one', async () => {
    const controller = new AbortController();
    const reason = new Error('src changed');
    controller.abort(reason);
    expect(await rejection(loadRecording(`${DIR}seed-result.json`, { signal: controller.signal }))).to.equal(reason);
  });

  it('a web page (a login page) where the JSON should be: says so, not "Unexpected token \'<\'"', async () => {
    const url = here(`${DIR}login.html`);
    const error = await recordingError(loadRecording(`${DIR}login.html`));
    expect(error.problem).to.deep.include({ code: 'web-page', path: '$', url });
    expect(error.message).to.equal(
      `The server returned a web page from ${url}, not a recording: perhaps a login page, or the address is wrong`,
    );
    expect(error.message).to.not.contain('Unexpected token');
    expect(error.message).to.not.contain('$');
  });

  it('the problems it hands on carry their words (in the catalogue given) besides their data', async () => {
    const { problems } = await loadRecording(`${DIR}relative-urls.json`);
    expect(problems[0]).to.deep.include({
      code: 'unsupported-url',
      refusal: { kind: 'scheme', scheme: 'javascript:' },
    });
    expect(problems[0]!.message).to.match(/^VideoInfos\[4\]\.VideoUrl "javascript:.*cannot be played: the javascript: scheme is not allowed/);
    const notFinished = await recordingError(loadRecording(`${DIR}not-finished.json`));
    expect(notFinished.message).to.match(/^The recording is not finished yet \(Status: /);
    expect(notFinished.problem.message).to.equal(notFinished.message);
  });

  it('a served JSON that cannot be played rejects with the parse problem', async () => {
    const notFinished = await recordingError(loadRecording(`${DIR}not-finished.json`));
    expect(notFinished.problem.code).to.equal('not-finished');
    expect(notFinished.problem.path).to.equal('Response.Status');
    const malformed = await recordingError(loadRecording(`${DIR}malformed.json`));
    expect(malformed.problem.code).to.equal('invalid-json');
  });
});

describe('readRecordingInput', () => {
  it('reads an object or a JSON string against the page\'s base URL', async () => {
    const text = await (await fetch(`${DIR}relative-urls.json`)).text();
    const fromText = readRecordingInput(text, document.baseURI);
    const fromObject = readRecordingInput(JSON.parse(text), document.baseURI);
    expect(fromObject).to.deep.equal(fromText);
    expect(fromText.recording.files[0]!.url).to.equal(new URL('cam-a.mp4', document.baseURI).href);
  });

  it('defaults to the page\'s base URL', () => {
    const { recording } = readRecordingInput({ VideoInfos: [{ VideoPlayTime: 0, VideoDuration: 1, VideoUrl: 'a.mp4', VideoType: 0 }] });
    expect(recording.files[0]!.url).to.equal(new URL('a.mp4', document.baseURI).href);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
