// The classic-script entry (<script src="tic-replay.iife.js">, for LMS templates that cannot use
// modules): defines <tic-replay> and exposes the API as `window.TicReplay`. hls.js and the Chinese
// strings are not inside: they are loaded on demand from the ES modules beside this file.
import { setChineseModuleUrl } from './i18n/catalogues.js';
import { setHlsModuleUrl } from './media/hls-source.js';

// Classic scripts have no chunks: what the module build loads lazily comes from files beside this one.
const script = document.currentScript as HTMLScriptElement | null;
const beside = (name: string) => new URL(name, script?.src || document.baseURI).href;
setHlsModuleUrl(beside('tic-replay-hls.mjs'));
setChineseModuleUrl(beside('tic-replay-zh-CN.mjs'));

export * from './index.js';
