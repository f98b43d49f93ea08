/** Recordings for the command's tests, pointing at the test media server. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './run-cli.js';

export const FIXTURES = join(PROJECT_ROOT, 'test/fixtures');

export interface EntrySpec {
  readonly id: string | number;
  /** Path on the media server, e.g. `/cam-a.mp4` or `/reset/board.mp4`. */
  readonly path: string;
  readonly type?: number;
  readonly user?: string;
  readonly start?: number;
  readonly duration?: number;
}

export function bareRecording(baseUrl: string, entries: readonly EntrySpec[]): Record<string, unknown> {
  return {
    RoomId: 1234,
    GroupId: '1234',
    RecordUserId: 'tic_record_user_1234_1',
    RecordStartTime: 1558613140,
    RecordStopTime: 1558613152,
    TotalTime: 12000,
    VideoInfos: entries.map((entry) => ({
      VideoPlayTime: entry.start ?? 0,
      VideoSize: 1000,
      VideoFormat: entry.path.endsWith('.m3u8') ? 'm3u8' : entry.path.endsWith('.mp3') ? 'mp3' : 'mp4',
      VideoDuration: entry.duration ?? 12000,
      VideoUrl: `${baseUrl}${entry.path}`,
      VideoId: entry.id,
      VideoType: entry.type ?? 0,
      UserId: entry.user ?? String(entry.id),
    })),
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fixtureBytes(relativePath: string): Buffer {
  return readFileSync(join(FIXTURES, relativePath));
}

export const HLS_SEGMENTS = [0, 1, 2, 3, 4, 5].map((n) => `hls/cam-h-00${n}.ts`);
