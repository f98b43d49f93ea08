import { expect } from '@esm-bundle/chai';
import { VideoType, type RecordingFile } from '../../src/core/recording/recording.js';
import { probeFiles } from '../../src/media/probe-files.js';

function file(name: string, index: number): RecordingFile {
  return {
    videoId: `v${index}`,
    userId: `u${index}`,
    videoType: VideoType.Camera,
    url: new URL(`/test/fixtures/${name}`, location.href).href,
    format: 'mp4',
    startMs: 0,
    durationMs: 1000,
    sourceIndex: index,
  };
}

/** Counts the requests `probeFiles` makes while `run` runs, and the most at once. */
async function counting<T>(run: () => Promise<T>): Promise<{ result: T; requests: string[]; mostAtOnce: number }> {
  const original = globalThis.fetch;
  const requests: string[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(String(input));
    inFlight += 1;
    mostAtOnce = Math.max(mostAtOnce, inFlight);
    try {
      return await original(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  try {
    return { result: await run(), requests, mostAtOnce };
  } finally {
    globalThis.fetch = original;
  }
}

describe('probeFiles', () => {
  it('every file 404: lists each file with its status', async () => {
    const files = [0, 1, 2].map((index) => file(`probe-gone-${index}.mp4`, index));
    const { gone } = await probeFiles(files);
    expect(gone?.map((each) => [each.file.videoId, each.status])).to.deep.equal([
      ['v0', 404],
      ['v1', 404],
      ['v2', 404],
    ]);
  });

  it('one file there: not gone, and probing stops at the first file that answers', async () => {
    const files = [file('cam-a.mp4?probe', 0), ...[1, 2, 3, 4, 5, 6].map((index) => file(`probe-gone-${index}.mp4`, index))];
    const { result, requests } = await counting(() => probeFiles(files, { concurrency: 1 }));
    expect(result.gone).to.equal(undefined);
    expect(requests).to.have.length(1);
  });

  it('asks at most `concurrency` at once, and each URL once', async () => {
    const files = Array.from({ length: 9 }, (_, index) => file(`probe-gone-${index % 6}.mp4`, index));
    const { result, requests, mostAtOnce } = await counting(() => probeFiles(files, { concurrency: 2 }));
    expect(result.gone).to.have.length(9);
    expect(requests).to.have.length(6);
    expect(mostAtOnce).to.be.at.most(2);
  });

  it('a server error is not "gone": the recording plays what it can', async () => {
    const { gone } = await probeFiles([file('probe-gone-0.mp4', 0), { ...file('x', 1), url: 'http://127.0.0.1:9/refused.mp4' }]);
    expect(gone).to.equal(undefined);
  });

  it('rejects with the abort when its signal aborts', async () => {
    const controller = new AbortController();
    const probing = probeFiles([file('cam-b.mp4?delay=2000&probe', 0)], { signal: controller.signal });
    controller.abort(new Error('src changed'));
    let rejected: unknown;
    await probing.catch((reason: unknown) => (rejected = reason));
    expect((rejected as Error).message).to.equal('src changed');
  });
});
