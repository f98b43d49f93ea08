/**
 * `tic-replay/core`: the replay's rules with no DOM, no lit, no video.js and no wording. Node and
 * the browser share it: the command-line tools validate, archive and compose recordings with the
 * same parser, timeline and layout that the player uses.
 *
 * Importing it has no side effect.
 */
export * from './recording/recording.js';
export { parseRecording, looksLikeHtml, type ParseOptions } from './recording/parse-recording.js';
export { unwrapEnvelope, pathPrefixOf, type Envelope } from './recording/envelope.js';
export {
  resolveMediaUrl,
  isAllowedMediaUrl,
  schemeOf,
  ALLOWED_URL_SCHEMES,
  type UrlRefusal,
  type MediaUrlResult,
} from './recording/media-url.js';
export {
  buildTimeline,
  boundariesOf,
  filesActiveAt,
  filesOverlapping,
  nextBoundaryAfter,
  trackIdOf,
  type Timeline,
  type TimelineFile,
  type Track,
} from './timeline/timeline.js';
export { IntervalIndex } from './timeline/interval-index.js';
export { MasterClock, type Now } from './clock/master-clock.js';
export { mediaTimeAtS, timelineMsAt, msToSeconds, secondsToMs, type Placed } from './sync/media-time.js';
export { decideCorrection, DEFAULT_DRIFT_POLICY, type DriftPolicy, type Correction } from './sync/drift-policy.js';
export { planMounts, displayPositionMs, type MountPlan } from './playback/mount-plan.js';
export { audibleVideoIds } from './playback/audio-policy.js';
export * from './format/index.js';
export { arrangeStage, STAGE_LAYOUTS, type StageLayout, type StageModel, type TileModel } from './layout/stage-layout.js';
export { SmoothedDriftStrategy } from './sync/smoothed-drift-strategy.js';
export type { SyncStrategy, SyncDecision, SyncContext, StreamReading } from './sync/sync-strategy.js';
export { INITIAL_PLAYBACK_STATE, isClockHeld, isPositioning, phaseAfterPositioning, type PlaybackPhase, type PlaybackState } from './playback/phase.js';
export { hasFutureData, replayReadyState, readyStateEvents, clampToMedia, isPastMediaEnd, type ElementReadiness, type StreamReadiness } from './playback/readiness.js';
export { MovingAverage } from './playback/moving-average.js';
export { PLAYBACK_RATES, MIN_RATE, MAX_RATE } from './playback/playback-rates.js';
export { PICTURE_PACE, MIN_PACE, MAX_PACE } from './sync/picture-pace.js';
export * from './media-api.js';
export { gridShape, gridRects, DEFAULT_TILE_ASPECT, type GridShape, type GridRect, type GridRectsOptions } from './layout/grid-shape.js';
export { buildComposePlan, COMPOSE_LAYOUTS, type ComposePlan, type ComposeSegment, type ComposeTile, type ComposeOptions, type ComposeLayout } from './compose/plan.js';
