/**
 * Scenario i: buildTimeline on a generated 10,000-file recording (no player, no media).
 */
import type { Recording, RecordingFile } from '../../../src/core/recording/recording.js';
import { buildTimeline } from '../../../src/core/timeline/timeline.js';
import { seededRandom } from '../streams.js';
import { median } from '../util.js';

export interface TimelineOptions {
  readonly files: number;
  readonly runs: number;
}

export interface TimelineResult {
  readonly firstMs: number;
  readonly medianMs: number;
  readonly runs: number;
  readonly tracks: number;
  readonly files: number;
}

/**
 * A long class: 50 tracks (whiteboard, a screen share, a mixed stream, cameras) whose files are cut
 * by pauses and reconnects, with gaps, a few overlaps within a track, and the entries shuffled as a
 * service might list them.
 */
function generateRecording(fileCount: number): Recording {
  const random = seededRandom(10000);
  const trackCount = 50;
  const files: RecordingFile[] = [];
  const nextStart = new Array<number>(trackCount).fill(0);
  for (let i = 0; i < fileCount; i++) {
    const track = i % trackCount;
    const videoType = track === 0 ? 2 : track === 1 ? 1 : track === 2 ? 3 : 0;
    const durationMs = 5000 + Math.floor(random() * 55000);
    const gapMs = random() < 0.2 ? Math.floor(random() * 20000) : 0;
    const overlapMs = random() < 0.03 ? Math.floor(random() * 3000) : 0;
    const startMs = Math.max(0, nextStart[track]! + gapMs - overlapMs);
    nextStart[track] = startMs + durationMs;
    files.push({
      videoId: `v${i}`,
      userId: track < 3 ? '' : `user-${track}`,
      videoType: videoType as RecordingFile['videoType'],
      url: `https://example.com/rec/v${i}.mp4`,
      format: 'mp4',
      startMs,
      durationMs,
      sourceIndex: i,
    });
  }
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  return { shape: 'result', files: files.map((file, sourceIndex) => ({ ...file, sourceIndex })), omittedDurations: [] };
}

/** buildTimeline on the generated recording: the first run (cold) and the median of the rest. */
export function timeline(options: TimelineOptions): TimelineResult {
  const recording = generateRecording(options.files);
  const times: number[] = [];
  let tracks = 0;
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    tracks = buildTimeline(recording).tracks.length;
    times.push(performance.now() - started);
  }
  return { firstMs: times[0]!, medianMs: median(times.slice(1)), runs: options.runs, tracks, files: options.files };
}
