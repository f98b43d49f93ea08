/**
 * The catalogues by locale. English is built in; Simplified Chinese (our messages and video.js's
 * control strings) is a separate module loaded the first time a Chinese page needs it.
 */
import { en } from './en.js';
import type { Locale } from './locale.js';
import type { Messages } from './messages.js';

export interface ChinesePack {
  readonly messages: Messages;
  /** video.js's own strings for its controls, and ours on its control bar. */
  readonly videojs: Readonly<Record<string, string>>;
}

let chineseModuleUrl: string | undefined;
let chinese: Promise<ChinesePack> | undefined;

/** What a Chinese page shows when the Chinese module cannot be loaded: English, and video.js's own English. */
const ENGLISH_FALLBACK: ChinesePack = { messages: en, videojs: {} };

/** Where to load the Chinese module from instead of the bundled chunk (the classic-script build). */
export function setChineseModuleUrl(url: string): void {
  chineseModuleUrl = url;
  chinese = undefined;
}

function importChinese(): Promise<typeof import('./zh-CN-pack.js')> {
  return chineseModuleUrl
    ? import(/* webpackIgnore: true */ /* @vite-ignore */ chineseModuleUrl)
    : import('./zh-CN-pack.js');
}

/**
 * The Chinese strings, loaded once. Never fails: a page that did not copy the module (the
 * `chunks/` folder beside `tic-replay.js`, or `tic-replay-zh-CN.mjs` beside the classic script)
 * gets English with a console warning, and playback goes on. A later call tries again.
 */
export function loadChinese(): Promise<ChinesePack> {
  chinese ??= importChinese().then(
    (module) => module.chinesePack,
    (error: unknown) => {
      chinese = undefined;
      console.warn(
        `tic-replay: the Chinese strings could not be loaded (${error instanceof Error ? error.message : String(error)}); ` +
          'showing English. Serve the chunks/ folder beside tic-replay.js (tic-replay-zh-CN.mjs beside the classic script).',
      );
      return ENGLISH_FALLBACK;
    },
  );
  return chinese;
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'zh-CN' ? (await loadChinese()).messages : en;
}

/** The part of video.js this needs. */
export interface VideojsLanguageRegistry {
  addLanguage(code: string, data: Record<string, string>): unknown;
}

/**
 * Registers Simplified Chinese with a video.js (as `zh-CN`; video.js lower-cases codes). A player
 * then speaks Chinese with `language: 'zh-CN'`, or after `player.language('zh-CN')`.
 */
export async function registerVideojsLanguages(videojs: VideojsLanguageRegistry): Promise<void> {
  videojs.addLanguage('zh-CN', { ...(await loadChinese()).videojs });
}
