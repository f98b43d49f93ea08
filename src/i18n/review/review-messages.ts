/**
 * The review page's catalogue (demo/): every text the page adds around `<tic-replay>`. The page
 * loads it from `dist/review-kit.js`, so the embed itself never carries it. `pageTexts` fills the
 * elements marked `data-i18n` in the page's HTML; the rest are worded where they are shown.
 */

/** Texts of the page's static HTML, by `data-i18n` key. */
export interface ReviewPageTexts {
  readonly skip: string;
  readonly title: string;
  readonly tagline: string;
  readonly language: string;
  readonly playerHeading: string;
  readonly filesHeading: string;
  readonly filesHint: string;
  readonly colStart: string;
  readonly colUser: string;
  readonly colType: string;
  readonly colDuration: string;
  readonly colTimeline: string;
  readonly colSize: string;
  readonly colUrl: string;
  readonly noFiles: string;
  readonly openHeading: string;
  readonly openHint: string;
  readonly urlLabel: string;
  readonly open: string;
  readonly fileLabel: string;
  readonly chooseFile: string;
  readonly dropHint: string;
  readonly pasteSummary: string;
  readonly pasteLabel: string;
  readonly openPasted: string;
  readonly shareHeading: string;
  readonly copyLink: string;
  readonly linkLabel: string;
  readonly problemsHeading: string;
  readonly noProblems: string;
  readonly metaHeading: string;
  readonly noRecordingMeta: string;
  readonly footer: string;
  readonly dropOverlay: string;
}

export type PlayerState = 'empty' | 'loading' | 'paused' | 'playing' | 'seeking' | 'waiting' | 'ended' | 'error';
export type UrlCheckState = 'checking' | 'ok' | 'unreachable';
export type ProblemKind = 'fatal' | 'entry' | 'file' | 'check';
export type RecordingShapeName = 'result' | 'describe-online-record' | 'online-record-finished';

export interface ReviewMessages {
  /** `document.title`. */
  readonly documentTitle: string;
  readonly page: ReviewPageTexts;
  readonly state: Readonly<Record<PlayerState, string>>;
  /** A `VideoType` in words, by its number (0 camera ... 4 audio only). */
  videoType(type: number): string;
  readonly shapes: Readonly<Record<RecordingShapeName, string>>;
  /** Names of what is on screen, joined as a list in this language. */
  onScreen(names: readonly string[]): string;
  readonly nothingOnScreen: string;
  filesSummary(files: number, tracks: number): string;
  /** A row's button: go to `time`, where `who` (and the type, when it says more) starts. */
  seekTo(time: string, who: string): string;
  /** `who` and a type that says more than it, as one name ("teacher, Camera"). */
  ownerAndType(owner: string, type: string): string;
  readonly playingNow: string;
  urlCheck(state: UrlCheckState): string;
  urlHttpStatus(status: number): string;
  readonly openedFromSample: string;
  readonly openedFromUrl: string;
  openedFromFile(name: string): string;
  readonly openedFromPaste: string;
  relativeNote(example: string, base: string): string;
  readonly shareLocalNote: string;
  readonly copied: string;
  readonly copyManually: string;
  readonly problemKinds: Readonly<Record<ProblemKind, string>>;
  /** The fatal problem's entry in the list: the player itself shows its message. */
  readonly fatalShownInPlayer: string;
  checkFailed(what: string, answer: string): string;
  readonly problemFields: { readonly path: string; readonly url: string; readonly status: string; readonly videoId: string };
  problemCount(count: number): string;
  readonly meta: {
    readonly roomId: string;
    readonly groupId: string;
    readonly taskId: string;
    readonly shape: string;
    readonly totalTime: string;
    readonly duration: string;
    readonly files: string;
    readonly omitted: string;
    readonly recorded: string;
    readonly finishReason: string;
    readonly notGiven: string;
    filesValue(played: number, listed: number): string;
    omittedValue(count: number): string;
  };
  invalidUrl(value: string): string;
  readFailed(name: string): string;
}
