/**
 * Where each mounted file goes on screen. Pure: given the mounted files (with their track and
 * state), it returns the main area, the camera strip and the unseen audio.
 *  - Main area: the active screen share, else the whiteboard, else the mixed stream.
 *  - Strip: every other visual track (cameras, a second screen share, ...), in timeline track order,
 *    so tiles keep their places as others come and go.
 *  - Audio-only files play unseen.
 * A track whose files are only preloading gets a tile that is laid out of flow and invisible until
 * its file becomes active, so its first frame is already decoded when it appears.
 *
 * Layouts: `presentation` (above), `focus` (the same arrangement; the main tile fills the player and
 * the strip floats small), `grid` (no main area: every visible tile equal). A pinned track takes the
 * main area while it is active (clicking a camera tile pins it: the previous main tile goes back to
 * the strip). Hidden tracks keep playing (sound, sync) but have no visible tile.
 */
import { VideoType } from '../recording/recording.js';

export interface MountedView<S> {
  readonly slot: S;
  readonly trackId: string;
  readonly videoType: VideoType;
  readonly userId: string;
  readonly active: boolean;
}

export interface TileModel<S> {
  readonly trackId: string;
  readonly videoType: VideoType;
  readonly userId: string;
  /** Mounted files of the track, active first (on top), then preloading. */
  readonly slots: readonly S[];
  readonly active: boolean;
}

export interface StageModel<S> {
  readonly main: TileModel<S> | undefined;
  readonly strip: readonly TileModel<S>[];
  /** Tiles of hidden tracks: mounted, playing, not shown. */
  readonly hidden: readonly TileModel<S>[];
  readonly audio: readonly S[];
}

export type StageLayout = 'presentation' | 'grid' | 'focus';
export const STAGE_LAYOUTS: readonly StageLayout[] = ['presentation', 'grid', 'focus'];

export interface ArrangeOptions {
  readonly layout?: StageLayout;
  readonly pinnedTrackId?: string;
  readonly hiddenTrackIds?: ReadonlySet<string>;
}

const MAIN_PRIORITY: readonly VideoType[] = [VideoType.ScreenShare, VideoType.Whiteboard, VideoType.MixedStream];

export function arrangeStage<S>(
  mounted: readonly MountedView<S>[],
  trackOrder: readonly string[],
  options: ArrangeOptions = {},
): StageModel<S> {
  const tiles = new Map<string, { trackId: string; videoType: VideoType; userId: string; active: S[]; preloading: S[] }>();
  const audio: S[] = [];
  for (const view of mounted) {
    if (view.videoType === VideoType.AudioOnly) {
      audio.push(view.slot);
      continue;
    }
    let tile = tiles.get(view.trackId);
    if (!tile) {
      tile = { trackId: view.trackId, videoType: view.videoType, userId: view.userId, active: [], preloading: [] };
      tiles.set(view.trackId, tile);
    }
    (view.active ? tile.active : tile.preloading).push(view.slot);
  }
  const rank = (trackId: string) => {
    const index = trackOrder.indexOf(trackId);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const ordered: TileModel<S>[] = [...tiles.values()]
    .sort((a, b) => rank(a.trackId) - rank(b.trackId))
    .map((tile) => ({
      trackId: tile.trackId,
      videoType: tile.videoType,
      userId: tile.userId,
      slots: [...tile.active, ...tile.preloading],
      active: tile.active.length > 0,
    }));
  const hiddenIds = options.hiddenTrackIds ?? new Set<string>();
  const visible = ordered.filter((tile) => !hiddenIds.has(tile.trackId));
  const hidden = ordered.filter((tile) => hiddenIds.has(tile.trackId));
  let main: TileModel<S> | undefined;
  if (options.layout !== 'grid') {
    main = visible.find((tile) => tile.active && tile.trackId === options.pinnedTrackId);
    for (const type of MAIN_PRIORITY) {
      main ??= visible.find((tile) => tile.active && tile.videoType === type);
    }
  }
  return { main, strip: visible.filter((tile) => tile !== main), hidden, audio };
}
