/**
 * The edit plan of a composed video: the replay cut into segments within which nothing on screen
 * and nothing audible changes, each with its tiles (which file, where) and the files heard.
 *
 * A pure function of the timeline, the layout and the frame size: the same rules as the player
 * (`buildTimeline` for which file plays when, `arrangeStage` for what goes in the main area,
 * `audibleVideoIds` for the one-voice rule), so the video shows and sounds like the replay. The
 * command builds its ffmpeg arguments from this plan and can write it out as JSON.
 */
import { VideoType, type RecordingFile } from '../recording/recording.js';
import { boundariesOf, filesActiveAt, type Timeline, type TimelineFile } from '../timeline/timeline.js';
import { arrangeStage, type MountedView } from '../layout/stage-layout.js';
import { audibleVideoIds } from '../playback/audio-policy.js';
import { gapPx, gridRects, presentationRects, type Rect } from './geometry.js';

export type ComposeLayout = 'presentation' | 'grid';
export const COMPOSE_LAYOUTS: readonly ComposeLayout[] = ['presentation', 'grid'];

export interface ComposeOptions {
  readonly layout: ComposeLayout;
  readonly widthPx: number;
  readonly heightPx: number;
  /** Files that cannot be read: left out as if they were not in the recording (they show nothing). */
  readonly unavailableVideoIds?: ReadonlySet<string>;
}

/**
 * A file the plan uses, with what is needed to read it at the right media time: `startMs` is where
 * media time 0 is shown; `endMs` where it stops playing on the timeline (its own end, or where a
 * later file of its track takes over).
 */
export type ComposeSource = Pick<RecordingFile, 'videoId' | 'userId' | 'videoType' | 'url' | 'format' | 'startMs'> & {
  readonly endMs: number;
};

/** Where main-area, strip and grid tiles come from, as in the player. */
export type TileRole = 'main' | 'strip' | 'grid';

export interface ComposeTile extends Rect {
  readonly videoId: string;
  readonly userId: string;
  readonly videoType: VideoType;
  readonly trackId: string;
  readonly role: TileRole;
}

export interface ComposeSegment {
  /** Replay time, half-open: [fromMs, toMs). */
  readonly fromMs: number;
  readonly toMs: number;
  /** In drawing order; tiles never overlap. Empty when nothing is on screen (the background shows). */
  readonly tiles: readonly ComposeTile[];
  /** VideoIds heard in this segment, in timeline order. */
  readonly audible: readonly string[];
}

export interface ComposePlan {
  readonly layout: ComposeLayout;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly gapPx: number;
  readonly durationMs: number;
  readonly sources: readonly ComposeSource[];
  readonly segments: readonly ComposeSegment[];
}

export function buildComposePlan(timeline: Timeline, options: ComposeOptions): ComposePlan {
  const unavailable = options.unavailableVideoIds ?? new Set<string>();
  const frame = { widthPx: options.widthPx, heightPx: options.heightPx };
  const trackOrder = timeline.tracks.map((track) => track.id);
  const cutsMs = [0, ...boundariesOf(timeline).filter((ms) => ms > 0 && ms < timeline.durationMs), timeline.durationMs];

  const segments: ComposeSegment[] = [];
  const used = new Map<string, TimelineFile>();
  for (let i = 0; i + 1 < cutsMs.length; i++) {
    const fromMs = cutsMs[i]!;
    const toMs = cutsMs[i + 1]!;
    if (toMs <= fromMs) continue;
    const active = filesActiveAt(timeline, fromMs).filter((file) => !unavailable.has(file.file.videoId));
    const tiles = tilesFor(active, trackOrder, options.layout, frame);
    const audibleIds = audibleVideoIds(active.map((file) => file.file));
    const audible = active.map((file) => file.file.videoId).filter((id) => audibleIds.has(id));
    for (const file of active) {
      if (audibleIds.has(file.file.videoId) || tiles.some((tile) => tile.videoId === file.file.videoId)) used.set(file.file.videoId, file);
    }
    const previous = segments[segments.length - 1];
    if (previous && previous.toMs === fromMs && sameContent(previous, tiles, audible)) {
      segments[segments.length - 1] = { ...previous, toMs };
    } else {
      segments.push({ fromMs, toMs, tiles, audible });
    }
  }

  const sources = timeline.files
    .filter((file) => used.has(file.file.videoId))
    .map(({ file, startMs, endMs }) => ({
      videoId: file.videoId,
      userId: file.userId,
      videoType: file.videoType,
      url: file.url,
      format: file.format,
      startMs,
      endMs,
    }));
  return {
    layout: options.layout,
    widthPx: options.widthPx,
    heightPx: options.heightPx,
    gapPx: gapPx(frame),
    durationMs: timeline.durationMs,
    sources,
    segments,
  };
}

function tilesFor(
  active: readonly TimelineFile[],
  trackOrder: readonly string[],
  layout: ComposeLayout,
  frame: { widthPx: number; heightPx: number },
): ComposeTile[] {
  const mounted: MountedView<TimelineFile>[] = active.map((file) => ({
    slot: file,
    trackId: file.trackId,
    videoType: file.file.videoType,
    userId: file.file.userId,
    active: true,
  }));
  const stage = arrangeStage(mounted, trackOrder, { layout });
  const tile = (file: TimelineFile, role: TileRole, rect: Rect): ComposeTile => ({
    videoId: file.file.videoId,
    userId: file.file.userId,
    videoType: file.file.videoType,
    trackId: file.trackId,
    role,
    ...rect,
  });
  // One file per track is active at a time (the timeline resolves overlaps), so each tile has one slot.
  const stripFiles = stage.strip.map((model) => model.slots[0]!);
  if (!stage.main) {
    const rects = gridRects(frame, stripFiles.length);
    return stripFiles.map((file, i) => tile(file, 'grid', rects[i]!));
  }
  const { main, strip } = presentationRects(frame, stripFiles.length);
  return [tile(stage.main.slots[0]!, 'main', main), ...stripFiles.map((file, i) => tile(file, 'strip', strip[i]!))];
}

function sameContent(segment: ComposeSegment, tiles: readonly ComposeTile[], audible: readonly string[]): boolean {
  return JSON.stringify([segment.tiles, segment.audible]) === JSON.stringify([tiles, audible]);
}

/** Files of the plan by VideoId. */
export function sourcesById(plan: ComposePlan): Map<string, ComposeSource> {
  return new Map(plan.sources.map((source) => [source.videoId, source]));
}
