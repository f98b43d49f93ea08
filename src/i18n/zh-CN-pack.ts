// Everything Chinese, in one lazily loaded module: English pages never download it.
import { OWN_CONTROLS_ZH_CN, VIDEOJS_ZH_CN } from './videojs-languages.js';
import { zhCN } from './zh-CN.js';

export const chinesePack = {
  messages: zhCN,
  videojs: { ...VIDEOJS_ZH_CN, ...OWN_CONTROLS_ZH_CN },
};
