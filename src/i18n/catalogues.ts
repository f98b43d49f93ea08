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

/** Where to load the Chinese module from instead of the bundled chunk (the classic-script build). */
export function setChineseModuleUrl(url: string): void {
  chineseModuleUrl = url;
}

export function loadChinese(): Promise<ChinesePack> {
  chinese ??= (
    chineseModuleUrl
      ? (import(/* @vite-ignore */ chineseModuleUrl) as Promise<typeof import('./zh-CN-pack.js')>)
      : import('./zh-CN-pack.js')
  ).then((module) => module.chinesePack);
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
