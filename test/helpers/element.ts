import '../../src/element/tic-replay.js';
import type { TicReplayElement } from '../../src/element/tic-replay.component.js';

export const FPS = 50;
export const FRAME_MS = 1000 / FPS;
export const FIXTURES = '/test/fixtures';

export interface Entry {
  id: string;
  url: string;
  start: number;
  duration: number;
  type?: number;
  user?: string;
  format?: string;
}

/** A bare recording result with the given entries (all fields as the service writes them). */
export function recording(entries: Entry[], totalTime?: number): Record<string, unknown> {
  return {
    RoomId: 1234,
    GroupId: '1234',
    RecordStartTime: 1558613140,
    RecordStopTime: 1558613200,
    ...(totalTime !== undefined ? { TotalTime: totalTime } : {}),
    VideoInfos: entries.map((entry) => ({
      VideoPlayTime: entry.start,
      VideoDuration: entry.duration,
      VideoSize: 1000,
      VideoFormat: entry.format ?? (entry.url.endsWith('.m3u8') ? 'm3u8' : entry.url.endsWith('.mp3') ? 'mp3' : 'mp4'),
      VideoUrl: entry.url,
      VideoId: entry.id,
      VideoType: entry.type ?? 0,
      UserId: entry.user ?? entry.id,
    })),
  };
}

const created: TicReplayElement[] = [];

/** Creates a connected <tic-replay> (removed again after each test). */
export function createPlayer(attributes: Record<string, string | boolean> = {}): TicReplayElement {
  const player = document.createElement('tic-replay');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) player.setAttribute(name, '');
    else if (value !== false) player.setAttribute(name, value);
  }
  player.style.width = '640px';
  document.body.append(player);
  created.push(player);
  return player;
}

afterEach(async () => {
  for (const player of created.splice(0)) player.remove();
  await new Promise((resolve) => setTimeout(resolve, 10));
});

export function nextEvent(target: EventTarget, type: string, timeoutMs = 15000): Promise<Event> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${type}"`)), timeoutMs);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event);
      },
      { once: true },
    );
  });
}

export async function until(condition: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function loaded(player: TicReplayElement): Promise<void> {
  await until(() => player.readyState >= 3 && !player.seeking, 'the replay can play');
}

export async function seekTo(player: TicReplayElement, seconds: number): Promise<void> {
  const seeked = nextEvent(player, 'seeked');
  player.currentTime = seconds;
  await seeked;
}

export function mediaElements(player: TicReplayElement, state?: 'active' | 'preloading'): HTMLMediaElement[] {
  const selector = state ? `[data-video-id][data-state="${state}"]` : '[data-video-id]';
  return [...player.shadowRoot!.querySelectorAll<HTMLMediaElement>(selector)];
}

export function activeIds(player: TicReplayElement): string[] {
  return mediaElements(player, 'active')
    .map((element) => element.dataset.videoId!)
    .sort();
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
