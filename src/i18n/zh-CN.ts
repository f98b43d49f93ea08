/**
 * 简体中文. Terms follow Tencent Cloud's own Chinese documentation of real-time recording
 * (实时录制): 摄像头视频, 屏幕分享, 白板, 混流, 纯音频, 录制, 回放. JSON paths, field names, enum values,
 * URLs and HTTP statuses stay verbatim so that a message can still be searched for in the JSON.
 */
import type { Messages } from './messages.js';

const NOT_FINISHED_BECAUSE: Readonly<Record<string, string>> = {
  PREPARED: '录制仍在准备中',
  RECORDING: '仍在录制中',
  PAUSED: '录制已暂停',
  STOPPED: '录制已停止，但文件仍在处理和上传中',
};

const MEDIA_ERROR_REASONS: Readonly<Record<number, string>> = {
  1: '加载被中止',
  2: '网络错误导致下载中断',
  3: '文件无法解码',
  4: '文件不存在或格式不受支持',
};

const inParentheses = (detail: string | undefined): string => (detail ? `（${detail}）` : '');

export const zhCN: Messages = {
  expectedNonNegativeMs: '非负整数（毫秒）',
  expectedPositiveMs: '正整数（毫秒）',
  expectedVideoType: '以下之一：0（摄像头视频）、1（屏幕分享）、2（白板）、3（混流）、4（纯音频）',
  expectedArray: '数组',
  expectedObject: '一个 JSON 对象',
  expectedNonEmptyString: '非空字符串',

  missingValue: (path, expected) => `缺少 ${path}：它必须是${expected}`,
  invalidValue: (path, expected, shown) => `${path} 必须是${expected}，实际为 ${shown}`,
  invalidRecording: (expected, shown) => `录制结果必须是${expected}，实际为 ${shown}`,
  invalidJson: (detail) => `录制结果不是有效的 JSON：${detail}`,
  webPage: (url) => `服务器${url ? `（${url}）` : ''}返回的是一个网页，而不是录制结果：可能是登录页面，或地址有误`,
  notARecording: '该 JSON 中没有 VideoInfos：看起来不是 TIC 录制结果',
  notARecordingCallback: (eventType) =>
    `这是 ${eventType} 回调，不是录制结果：只有 OnlineRecordFinished 回调带有录制文件`,
  serviceError: (code, detail, requestId) =>
    `录制服务返回错误：${[code, detail].filter(Boolean).join('：')}` + (requestId ? `（RequestId: ${requestId}）` : ''),
  notFinished: (status) => {
    const because = Object.hasOwn(NOT_FINISHED_BECAUSE, status) ? NOT_FINISHED_BECAUSE[status] : undefined;
    return `录制尚未完成（Status: ${status}）：${because ? `${because}；` : ''}只有 FINISHED 状态的录制才包含全部文件`;
  },
  recordingFailed: '录制异常结束（FinishReason: EXCEPTION），没有可播放的文件',
  noFiles: (path, missing) => `录制结果中没有可播放的文件（${path} ${missing ? '缺失' : '为空'}）`,
  onlyFileUnplayable: (path) => `${path} 中仅有的一个文件无法播放`,
  noFilePlayable: (count, path) => `${path} 中的 ${count} 个文件都无法播放`,
  duplicateFile: (path, shownId, firstPath) => `${path} ${shownId} 与 ${firstPath} 重复：已跳过后一个文件`,
  unsupportedVideoUrl: (path, shownUrl, reason) => `${path} ${shownUrl} 无法播放：${reason}`,
  filesGone: (count) =>
    `该录制的文件已无法获取（${count === 1 ? '唯一的文件' : `全部 ${count} 个文件`}已从服务器上删除）。` +
    '录制服务会在课后 3 天删除录制文件，因此这节课的录制已无法播放',

  urlRefusal: (refusal) => {
    switch (refusal.kind) {
      case 'empty':
        return 'URL 为空';
      case 'scheme':
        return `不允许使用 ${refusal.scheme} 协议（只加载 http:、https:、blob: 和相对 URL）`;
      case 'unresolvable':
        return `无法相对于 ${refusal.baseUrl} 解析该地址`;
      case 'invalid':
        return '不是有效的 URL';
    }
  },

  recordingUrlRefused: (quotedSrc, reason) => `无法从 ${quotedSrc} 加载录制结果：${reason}`,
  recordingFetchFailed: (url, reason) => `无法从 ${url} 加载录制结果：${reason}`,
  recordingLoadFailed: (detail) => `无法加载录制结果：${detail}`,
  reasonNetwork: '网络请求失败（可能已离线，或被 CORS 策略拦截）',
  reasonInterrupted: '读取响应时连接中断',
  reasonNoSuchFile: '文件不存在',
  reasonUnreadable: (detail) => `无法读取该文件（${detail}）`,
  reasonHttp: (status, statusText) => `HTTP ${`${status} ${statusText}`.trim()}`,

  mediaLoadFailed: (url, reason) => `无法加载 ${url}：${reason}`,
  mediaPlayFailed: (url, reason, detail) => `无法播放 ${url}：${reason}${inParentheses(detail)}`,
  mediaErrorReason: (code) => (code === undefined ? undefined : MEDIA_ERROR_REASONS[code]) ?? '文件无法播放',
  hlsFailed: (url, details, detail) => `无法播放 ${url}：hls.js 报错 ${details}${inParentheses(detail)}`,
  noSourceAdapter: (url, format) => `当前浏览器无法播放 ${url}（格式：${format}）`,
  sourceAdapterFailed: (adapterName, url, error) => `无法为 ${url} 启动 ${adapterName}：${error}`,

  tileWhiteboard: '白板',
  tileScreenShare: (userId) => `屏幕分享：${userId}`,
  tileMixedStream: '混流',
  tileAudio: (userId) => `音频：${userId}`,
  tileCamera: '摄像头',
  moreProblems: (count) => `……另有 ${count} 条（详见元素的 problems 属性）`,
  dismissProblems: '关闭提示',
  problemCount: (count) => `${count} 个问题`,
  pinTile: (tile) => `在主画面显示“${tile}”`,
  unpinTile: (tile) => `取消固定“${tile}”`,
  muteTile: (tile) => `将“${tile}”静音`,
  unmuteTile: (tile) => `取消“${tile}”的静音`,
  hideTile: (tile) => `隐藏“${tile}”`,
  showTile: (tile) => `显示“${tile}”`,

  playerLabel: '课堂录制回放',
  timelineLanes: '各路画面的时间分布',
  timelineLane: (tile, spans) => `${tile}：${spans.join('、')}`,
  pausedHere: (time) => `录制在此处暂停过（${time}）`,
  noVideoAt: (tile, time) => `${tile} · ${time} 无画面`,
};
