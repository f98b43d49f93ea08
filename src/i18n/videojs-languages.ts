/**
 * Simplified Chinese for video.js's own controls.
 *
 * The strings are copied from video.js's language pack (`video.js/dist/lang/zh-CN.json`, the same
 * as its `zh-Hans.json`), only those the control bar we build can show: the build has no JSON
 * plugin, and the whole pack (caption settings, modal dialogs, ...) would be dead weight.
 * `test/unit/i18n.test.ts` checks every copied string against the installed pack, so an upgrade that
 * changes a translation is noticed. Our own video.js components (the layout menu) are at the end.
 */

/** video.js's own strings, as in its zh-CN pack. */
export const VIDEOJS_ZH_CN: Readonly<Record<string, string>> = {
  // the player box and the big play button
  'Video Player': '视频播放器',
  'Audio Player': '音频播放器',
  '{1} is loading.': '正在加载 {1}。',
  'Play Video': '播放视频',
  // play/pause
  Play: '播放',
  Pause: '暂停',
  Replay: '重新播放',
  // time
  'Current Time': '当前时间',
  Duration: '时长',
  'Remaining Time': '剩余时间',
  // progress bar
  Progress: '进度',
  'Progress Bar': '进度条',
  'progress bar timing: currentTime={1} duration={2}': '{1}/{2}',
  Loaded: '加载完成',
  // playback rate
  'Playback Rate': '播放速度',
  // volume
  Mute: '静音',
  Unmute: '开启音效',
  'Volume Level': '音量',
  // fullscreen
  Fullscreen: '全屏',
  'Exit Fullscreen': '退出全屏',
};

/**
 * Our own control-bar components, which video.js localizes like its own (`controlText`, menu item
 * labels), and video.js strings whose pack wording reads wrongly here: the screen-reader suffix of a
 * selected menu item (the pack's ", 选择" reads as "choose").
 */
export const OWN_CONTROLS_ZH_CN: Readonly<Record<string, string>> = {
  ', selected': '，已选中',
  Layout: '布局',
  Presentation: '演示视图',
  Grid: '宫格视图',
  Focus: '专注视图',
};
