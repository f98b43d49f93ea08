/**
 * Cuts the plan into render jobs: whole output frames, never across a segment boundary (within a job
 * the picture's arrangement is fixed, so its filter graph stays small), and long segments in pieces
 * so that several ffmpeg processes can work at once and progress moves.
 *
 * Boundaries are rounded to the nearest output frame once, here, so consecutive jobs share their
 * edge exactly and the frames add up to the replay's length (within half a frame).
 */
import type { ComposePlan, ComposeSegment } from '../../core/compose/plan.js';

export const AUDIO_SAMPLE_RATE = 48000;

export interface RenderJob {
  readonly index: number;
  readonly segment: ComposeSegment;
  /** Output frames [fromFrame, toFrame) of the whole video. */
  readonly fromFrame: number;
  readonly toFrame: number;
}

export function frameAtMs(ms: number, fps: number): number {
  return Math.round((ms * fps) / 1000);
}

/** Audio samples of the whole video up to output frame `frame`: each job's audio ends on its last frame. */
export function sampleAtFrame(frame: number, fps: number): number {
  return Math.round((frame * AUDIO_SAMPLE_RATE) / fps);
}

export function renderJobs(plan: ComposePlan, fps: number, maxJobFrames: number): RenderJob[] {
  const jobs: RenderJob[] = [];
  for (const segment of plan.segments) {
    const firstFrame = frameAtMs(segment.fromMs, fps);
    const endFrame = frameAtMs(segment.toMs, fps);
    const pieces = Math.ceil((endFrame - firstFrame) / maxJobFrames);
    for (let piece = 0; piece < pieces; piece++) {
      // Equal pieces rather than full ones and a stub: the workers finish closer together.
      const fromFrame = firstFrame + Math.round(((endFrame - firstFrame) * piece) / pieces);
      const toFrame = firstFrame + Math.round(((endFrame - firstFrame) * (piece + 1)) / pieces);
      jobs.push({ index: jobs.length, segment, fromFrame, toFrame });
    }
  }
  return jobs;
}

/** A job length that keeps every worker busy without paying ffmpeg's start-up too often. */
export function maxJobFramesFor(totalFrames: number, workers: number, fps: number): number {
  const share = Math.round(totalFrames / (workers * 3));
  return Math.min(Math.max(share, 5 * fps), 60 * fps);
}
