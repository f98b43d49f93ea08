// The package entry: defines <tic-replay> and exposes the pieces for pages and bundlers.
export { TicReplayElement, defineTicReplay, type TicReplayEventMap } from './element/tic-replay.js';
export { TicReplayError } from './engine/replay-error.js';
export { ReplayEngine, PLAYBACK_RATES, type ReplayEngineOptions } from './engine/replay-engine.js';
export { browserScheduler, type Scheduler, type Cancel } from './engine/scheduler.js';
export type { SyncStrategy, SyncDecision, SyncContext, StreamReading } from './core/sync/sync-strategy.js';
export type { PlaybackPhase } from './core/playback/phase.js';
export { MEDIA_EVENTS, MEDIA_PROPERTIES, type MediaFace, type MediaEventName } from './core/media-api.js';
export { parseRecording } from './core/recording/parse-recording.js';
export { loadRecording } from './recording/load-recording.js';
export { buildTimeline, filesActiveAt, type Timeline, type Track, type TimelineFile } from './core/timeline/timeline.js';
export { createReplayTech, registerReplayTech, RECORDING_MIME_TYPE, TECH_NAME, type VideojsLike, type ReplayTechClass } from './player/replay-tech.js';
export type { StageLayout } from './core/layout/stage-layout.js';
export type { SourceAdapter, AttachedSource, SourceFailure } from './media/source-adapter.js';
export * from './core/recording/recording.js';
export { resolveLocale, languageOf, localeOf, type Locale } from './i18n/locale.js';
export { loadMessages, registerVideojsLanguages } from './i18n/catalogues.js';
export type { Messages } from './i18n/messages.js';
export { en } from './i18n/en.js';
