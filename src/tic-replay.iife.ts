// The classic-script entry (<script src="tic-replay.iife.js">, for LMS templates that cannot use
// modules): defines <tic-replay> and exposes the API as `window.TicReplay`. hls.js is not inside:
// it is loaded on demand from the ES module copied beside this file.
import { setHlsModuleUrl } from './media/hls-source.js';

const script = document.currentScript as HTMLScriptElement | null;
setHlsModuleUrl(new URL('tic-replay-hls.mjs', script?.src || document.baseURI).href);

export * from './index.js';
