// How the plan is cut into ffmpeg jobs: whole frames, exact joins, nothing lost or doubled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ComposePlan, ComposeSegment } from '../../../src/core/compose/plan.js';
import { frameAtMs, renderJobs, sampleAtFrame } from '../../../src/node/compose/render-jobs.js';
import { escapeFilterValue } from '../../../src/node/compose/segment-args.js';

function planOf(cutsMs: number[]): ComposePlan {
  const segments: ComposeSegment[] = cutsMs.slice(1).map((toMs, i) => ({ fromMs: cutsMs[i]!, toMs, tiles: [], audible: [`s${i}`] }));
  return { layout: 'presentation', widthPx: 1280, heightPx: 720, gapPx: 6, durationMs: cutsMs.at(-1)!, sources: [], segments };
}

describe('compose render jobs', () => {
  it('property: jobs are contiguous whole frames covering the replay, each inside one segment, none too long', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 600_000 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(10, 24, 25, 30, 50, 60),
        fc.integer({ min: 1, max: 2000 }),
        (ends, fps, maxJobFrames) => {
          const plan = planOf([0, ...ends.sort((a, b) => a - b)]);
          const jobs = renderJobs(plan, fps, maxJobFrames);
          let frame = 0;
          for (const job of jobs) {
            assert.equal(job.fromFrame, frame);
            assert.ok(job.toFrame > job.fromFrame && job.toFrame - job.fromFrame <= maxJobFrames);
            assert.ok(job.fromFrame >= frameAtMs(job.segment.fromMs, fps) && job.toFrame <= frameAtMs(job.segment.toMs, fps));
            frame = job.toFrame;
          }
          assert.equal(frame, frameAtMs(plan.durationMs, fps));
          assert.ok(Math.abs((frame * 1000) / fps - plan.durationMs) <= 500 / fps + 1e-9, 'within half a frame of the replay');
        },
      ),
    );
  });

  it('gives every job exactly the audio samples of its frames', () => {
    assert.equal(sampleAtFrame(25, 25), 48_000);
    assert.equal(sampleAtFrame(1, 30), 1600);
  });

  it('escapes label text for the option and the graph parser', () => {
    assert.equal(escapeFilterValue("a:b'c\\d"), String.raw`a\\:b\\\'c\\\\d`);
    assert.equal(escapeFilterValue('[x], y; z'), String.raw`\[x\]\, y\; z`);
  });
});
