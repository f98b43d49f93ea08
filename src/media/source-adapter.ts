/**
 * The seam between a recording file and the media element that plays it. Each adapter knows one
 * way of feeding an element (a progressive file, HLS through hls.js, ...); adding a format is one
 * new adapter file plus a line in `adapters.ts`.
 */
import type { Messages } from '../i18n/messages.js';
import type { RecordingFile } from '../core/recording/recording.js';

/** A load failure, already diagnosed (with an HTTP status when one is known). */
export interface SourceFailure {
  /** The failure in English words. */
  readonly message: string;
  /**
   * The same failure in the words of any catalogue: the player shows it in its own language. An
   * adapter without it is shown by `message`. (See `describedFailure` in `diagnose-failure.ts`.)
   */
  readonly describe?: (messages: Messages) => string;
  readonly status?: number;
}

export interface AttachedSource {
  /** Stops every download and releases the engine behind the element. */
  detach(): void;
  /**
   * Media time (s) at which the file's first video frame appears, when an engine maps the file's
   * timestamps so that it is not 0 (hls.js aligns to the earliest stream, usually audio with its
   * encoder priming). The sync engine aims every target this much later.
   */
  readonly videoStartOffsetS?: number;
}

export interface SourceAdapter {
  readonly name: string;
  canPlay(file: RecordingFile): boolean;
  /** Starts feeding `file` into `media`; a failure to load or play is reported once, through `onFailure`. */
  attach(media: HTMLMediaElement, file: RecordingFile, onFailure: (failure: SourceFailure) => void): Promise<AttachedSource>;
}
