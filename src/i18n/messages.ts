/**
 * The message catalogue: every text the player shows or reports, one entry per message.
 *
 * Entries take what they mention (JSON paths, values already quoted as JSON, URLs, HTTP statuses,
 * counts) as parameters and must carry them through verbatim: a teacher reads the message, but a
 * developer searches the JSON for the path. Wording lives only in `en.ts` and `zh-CN.ts`.
 *
 * Fragments (`expected*`, `reason*`, `mediaErrorReason`, `urlRefusal`) exist because the code that
 * finds the problem is not always the code that words the whole sentence. The recording's problems
 * are put into these words by `describeProblem` (describe-problem.ts), from the core's data.
 */
import type { UrlRefusal } from '../core/recording/media-url.js';

export interface Messages {
  // ---- what a value should have been (completes `missingValue` / `invalidValue`) -----------------
  readonly expectedNonNegativeMs: string;
  readonly expectedPositiveMs: string;
  readonly expectedVideoType: string;
  readonly expectedArray: string;
  readonly expectedObject: string;
  readonly expectedNonEmptyString: string;

  // ---- the recording result (parse-recording.ts) -----------------------------------------------
  /** `path` is absent; `expected` is one of the `expected*` fragments. */
  missingValue(path: string, expected: string): string;
  /** `shown` is the value as (shortened) JSON. */
  invalidValue(path: string, expected: string, shown: string): string;
  /** The document itself (JSON path `$`, never shown as such) is not what it must be. */
  invalidRecording(expected: string, shown: string): string;
  /** `detail` is the JSON parser's own message. */
  invalidJson(detail: string): string;
  /** An HTML page came where the recording's JSON should be (a login or error page); `url` where, when known. */
  webPage(url: string | undefined): string;
  /** The document has none of `VideoInfos`, `Response`, `EventType`. */
  readonly notARecording: string;
  /** A callback other than `OnlineRecordFinished`; `eventType` as given (or as JSON when not a string). */
  notARecordingCallback(eventType: string): string;
  /** `Error` in the answer; any of the three may be absent, at least one of code and detail is there. */
  serviceError(code: string | undefined, detail: string | undefined, requestId: string | undefined): string;
  /** `status` is `Status` as given (or as JSON when not a string), never `FINISHED`. */
  notFinished(status: string): string;
  /** `FinishReason: EXCEPTION` with no files. */
  readonly recordingFailed: string;
  /** `VideoInfos` (at `path`) is missing or empty. */
  noFiles(path: string, missing: boolean): string;
  /** `VideoInfos` had exactly one entry and it is invalid. */
  onlyFileUnplayable(path: string): string;
  /** All `count` (≥ 2) entries of `VideoInfos` are invalid. */
  noFilePlayable(count: number, path: string): string;
  /** `shownId` (JSON) at `path` repeats the id of the entry at `firstPath`. */
  duplicateFile(path: string, shownId: string, firstPath: string): string;
  /** A refused `VideoUrl`; `reason` comes from `urlRefusal`. */
  unsupportedVideoUrl(path: string, shownUrl: string, reason: string): string;
  /**
   * None of the recording's `count` files can be downloaded (404, 410, 403): the service deletes
   * them 3 days after the class. Said once, up front, to a teacher.
   */
  filesGone(count: number): string;

  // ---- URLs (media-url.ts) ----------------------------------------------------------------------
  /** Why a URL is not loaded (a clause: "the javascript: scheme is not allowed ..."). */
  urlRefusal(refusal: UrlRefusal): string;

  // ---- fetching the result (load-recording.ts) and media files ----------------------------------
  /** `src` (quoted as JSON) is refused before any request; `reason` comes from `urlRefusal`. */
  recordingUrlRefused(quotedSrc: string, reason: string): string;
  /** The result at `url` did not arrive; `reason` is one of the `reason*` fragments. */
  recordingFetchFailed(url: string, reason: string): string;
  /** Loading the result failed in a way nothing else describes (`detail` is the error as text). */
  recordingLoadFailed(detail: string): string;
  readonly reasonNetwork: string;
  readonly reasonInterrupted: string;
  /** A local path (the command line) that does not exist. */
  readonly reasonNoSuchFile: string;
  /** A local file that could not be read; `detail` is the system's message. */
  reasonUnreadable(detail: string): string;
  /** `statusText` may be empty (HTTP/2 has none). */
  reasonHttp(status: number, statusText: string): string;

  // ---- media files (media/) ---------------------------------------------------------------------
  /** A file's bytes did not arrive; `reason` is one of the `reason*` fragments. */
  mediaLoadFailed(url: string, reason: string): string;
  /** A file arrived but did not play; `reason` from `mediaErrorReason`, `detail` the browser's words. */
  mediaPlayFailed(url: string, reason: string, detail: string | undefined): string;
  /** A `MediaError.code` (1–4) in words; anything else (or no error) as "could not be played". */
  mediaErrorReason(code: number | undefined): string;
  /** hls.js gave up; `details` is its error name (`manifestLoadError`, ...), `detail` its message. */
  hlsFailed(url: string, details: string, detail: string | undefined): string;
  /** No source adapter plays this format here. */
  noSourceAdapter(url: string, format: string): string;
  /** The adapter threw while starting (`error` as text). */
  sourceAdapterFailed(adapterName: string, url: string, error: string): string;

  // ---- the stage (view/) ------------------------------------------------------------------------
  readonly tileWhiteboard: string;
  tileScreenShare(userId: string): string;
  readonly tileMixedStream: string;
  tileAudio(userId: string): string;
  /** A camera tile whose user id is empty. */
  readonly tileCamera: string;
  /** Under the listed problems: `count` more are only in the element's `problems` property. */
  moreProblems(count: number): string;
  /** aria-label of the button that hides the problem list. */
  readonly dismissProblems: string;
  /** The problems banner's one-line summary (it opens to the list). */
  problemCount(count: number): string;
  /** Tile tools; `tile` is the tile's label (`tileWhiteboard`, a user id, ...). */
  pinTile(tile: string): string;
  unpinTile(tile: string): string;
  muteTile(tile: string): string;
  unmuteTile(tile: string): string;
  hideTile(tile: string): string;
  /** The button that brings a hidden tile back. */
  showTile(tile: string): string;

  // ---- the player around the stage -------------------------------------------------------------
  /** aria-label of the whole player (the host element's region). */
  readonly playerLabel: string;
  /** aria-label of the timeline lanes under the progress bar. */
  readonly timelineLanes: string;
  /** One lane: a tile's label and its `from–to` spans (already formatted times). */
  timelineLane(tile: string, spans: readonly string[]): string;
  /** Where the recording was paused (`OmittedDurations`), `time` formatted. */
  pausedHere(time: string): string;
  /** Lane tooltip where that track has no file. */
  noVideoAt(tile: string, time: string): string;
}
