// The review page around <tic-replay>: open a recording (URL, file, drop, paste), list its problems,
// its tracks and files (with a check of every file URL), link to a moment, and switch language.
// Plain ES module, no build step. Everything that comes from the input is written with textContent.

// ---- texts -----------------------------------------------------------------------------------

const MESSAGES = {
  en: {
    skip: 'Skip to the player',
    title: 'Recording review',
    tagline: 'A TIC classroom recording, replayed as one synchronized video.',
    language: 'Language',
    playerHeading: 'Player',
    filesHeading: 'Tracks and files',
    filesHint: 'Select a file’s start time to jump there. Rows playing now are marked.',
    colStart: 'Start',
    colUser: 'User',
    colType: 'Type',
    colDuration: 'Duration',
    colTimeline: 'On the timeline',
    colSize: 'Size',
    colUrl: 'URL status',
    noFiles: 'No recording loaded yet.',
    openHeading: 'Open a recording',
    openHint: 'A recording result JSON: the bare result, a DescribeOnlineRecord answer or an OnlineRecordFinished callback.',
    urlLabel: 'Recording URL',
    open: 'Open',
    fileLabel: 'JSON file',
    chooseFile: 'Choose a file…',
    dropHint: 'or drop it anywhere on the page',
    pasteSummary: 'Paste JSON',
    pasteLabel: 'Recording JSON',
    openPasted: 'Open pasted JSON',
    shareHeading: 'Link to this moment',
    copyLink: 'Copy link to this moment',
    linkLabel: 'Link',
    problemsHeading: 'Problems',
    noProblems: 'No problems found.',
    metaHeading: 'Recording',
    footer: 'Files of a TIC recording are deleted by the service after 3 days: files that are gone show HTTP 404 (or unreachable) in the URL status.',
    dropOverlay: 'Drop the recording JSON to open it',

    state: {
      empty: 'no recording',
      loading: 'loading',
      paused: 'paused',
      playing: 'playing',
      seeking: 'seeking',
      waiting: 'buffering',
      ended: 'ended',
      error: 'cannot play',
    },
    types: ['Camera', 'Screen share', 'Whiteboard', 'Mixed stream', 'Audio only'],
    unknownType: (type) => `Type ${type}`,
    shapes: {
      result: 'Bare result',
      'describe-online-record': 'DescribeOnlineRecord answer',
      'online-record-finished': 'OnlineRecordFinished callback',
    },
    onScreen: (names) => `On screen: ${names}`,
    nothingOnScreen: 'Nothing on screen at this moment',
    filesSummary: (files, tracks) => `${files} ${files === 1 ? 'file' : 'files'} on ${tracks} ${tracks === 1 ? 'track' : 'tracks'}`,
    seekTo: (time, who) => `Go to ${time}: ${who}`,
    playingNow: 'playing now',
    url: {
      checking: 'checking…',
      ok: 'OK',
      http: (status) => `HTTP ${status}`,
      unreachable: 'unreachable (network/CORS)',
    },
    openedFrom: {
      sample: 'Showing the bundled sample class.',
      url: 'Opened from URL:',
      file: (name) => `Opened from the file “${name}”.`,
      paste: 'Opened from pasted JSON.',
    },
    relativeNote: (example, base) =>
      `This recording’s file URLs are relative (e.g. “${example}”). Opened from a file or pasted text, they resolve against this page (${base}), not against where the JSON came from, so the files may not load. Open the JSON by its URL instead, or serve the files next to this page.`,
    shareLocalNote: 'This recording was opened from a file or pasted text: the link opens this page’s default recording at that moment, not the pasted one.',
    copied: 'Copied',
    copyManually: 'Copy the link from the field below (Ctrl+C / ⌘C).',
    fatalTitle: 'This recording cannot be played',
    problemKinds: { fatal: 'Fatal', entry: 'Skipped entry', file: 'File', check: 'URL check' },
    checkFailed: (what, answer) => `File of ${what}: ${answer}`,
    problemFields: { path: 'Path', url: 'URL', status: 'HTTP status', videoId: 'VideoId' },
    problemCount: (n) => `(${n})`,
    meta: {
      roomId: 'Room ID',
      groupId: 'Group ID',
      taskId: 'Task ID',
      shape: 'Shape',
      totalTime: 'TotalTime',
      duration: 'Replay length',
      files: 'Files',
      omitted: 'OmittedDurations',
      recorded: 'Recorded',
      finishReason: 'Finish reason',
      notGiven: 'not given',
      filesValue: (played, listed) => (played === listed ? `${listed}` : `${listed} (${played} on the timeline)`),
      omittedValue: (n) => (n === 0 ? 'none' : `${n} ${n === 1 ? 'pause' : 'pauses'} cut out`),
    },
    noRecordingMeta: 'Nothing loaded yet.',
    invalidUrl: (value) => `“${value}” is not a URL.`,
    readFailed: (name) => `Could not read the file “${name}”.`,
    whiteboard: 'Whiteboard',
  },
  'zh-CN': {
    skip: '跳到播放器',
    title: '录制回放审阅',
    tagline: '将 TIC 课堂录制的多个文件合成一个同步视频回放。',
    language: '语言',
    playerHeading: '播放器',
    filesHeading: '轨道与文件',
    filesHint: '点击文件的开始时间即可跳转。正在播放的行会被标出。',
    colStart: '开始',
    colUser: '用户',
    colType: '类型',
    colDuration: '时长',
    colTimeline: '时间轴位置',
    colSize: '大小',
    colUrl: 'URL 状态',
    noFiles: '尚未加载录制。',
    openHeading: '打开录制',
    openHint: '录制结果 JSON：原始结果、DescribeOnlineRecord 接口返回或 OnlineRecordFinished 回调。',
    urlLabel: '录制 URL',
    open: '打开',
    fileLabel: 'JSON 文件',
    chooseFile: '选择文件…',
    dropHint: '或将文件拖放到页面任意位置',
    pasteSummary: '粘贴 JSON',
    pasteLabel: '录制 JSON',
    openPasted: '打开粘贴的 JSON',
    shareHeading: '当前时刻的链接',
    copyLink: '复制当前时刻的链接',
    linkLabel: '链接',
    problemsHeading: '问题',
    noProblems: '未发现问题。',
    metaHeading: '录制信息',
    footer: 'TIC 录制文件在 3 天后会被服务删除：已删除的文件在 URL 状态中显示 HTTP 404（或无法访问）。',
    dropOverlay: '松开即可打开录制 JSON',

    state: {
      empty: '未加载',
      loading: '加载中',
      paused: '已暂停',
      playing: '播放中',
      seeking: '跳转中',
      waiting: '缓冲中',
      ended: '已结束',
      error: '无法播放',
    },
    types: ['摄像头', '屏幕共享', '白板', '混流', '纯音频'],
    unknownType: (type) => `类型 ${type}`,
    shapes: {
      result: '原始结果',
      'describe-online-record': 'DescribeOnlineRecord 接口返回',
      'online-record-finished': 'OnlineRecordFinished 回调',
    },
    onScreen: (names) => `画面中：${names}`,
    nothingOnScreen: '此刻没有画面',
    filesSummary: (files, tracks) => `${tracks} 条轨道上共 ${files} 个文件`,
    seekTo: (time, who) => `跳转到 ${time}：${who}`,
    playingNow: '正在播放',
    url: {
      checking: '检查中…',
      ok: '正常',
      http: (status) => `HTTP ${status}`,
      unreachable: '无法访问（网络/CORS）',
    },
    openedFrom: {
      sample: '正在显示内置的示例课堂。',
      url: '来自 URL：',
      file: (name) => `来自文件“${name}”。`,
      paste: '来自粘贴的 JSON。',
    },
    relativeNote: (example, base) =>
      `此录制的文件 URL 是相对路径（如“${example}”）。从文件或粘贴的文本打开时，它们相对于本页面（${base}）解析，而不是相对于 JSON 原本的位置，因此文件可能无法加载。请改用 URL 打开该 JSON，或将文件放在本页面旁边。`,
    shareLocalNote: '此录制来自文件或粘贴的文本：链接打开的是本页面默认的录制（同一时刻），而不是粘贴的内容。',
    copied: '已复制',
    copyManually: '请从下方输入框复制链接（Ctrl+C / ⌘C）。',
    fatalTitle: '此录制无法播放',
    problemKinds: { fatal: '致命', entry: '已跳过的条目', file: '文件', check: 'URL 检查' },
    checkFailed: (what, answer) => `${what} 的文件：${answer}`,
    problemFields: { path: '路径', url: 'URL', status: 'HTTP 状态', videoId: 'VideoId' },
    problemCount: (n) => `（${n}）`,
    meta: {
      roomId: '房间号',
      groupId: '群组 ID',
      taskId: '任务 ID',
      shape: '格式',
      totalTime: 'TotalTime',
      duration: '回放时长',
      files: '文件',
      omitted: 'OmittedDurations',
      recorded: '录制时间',
      finishReason: '结束原因',
      notGiven: '未提供',
      filesValue: (played, listed) => (played === listed ? `${listed}` : `${listed}（时间轴上 ${played} 个）`),
      omittedValue: (n) => (n === 0 ? '无' : `剪掉了 ${n} 次暂停`),
    },
    noRecordingMeta: '尚未加载。',
    invalidUrl: (value) => `“${value}”不是有效的 URL。`,
    readFailed: (name) => `无法读取文件“${name}”。`,
    whiteboard: '白板',
  },
};

const LANGS = Object.keys(MESSAGES);
const LANG_KEY = 'tic-replay-demo:lang';
let lang = pickLang();
const t = () => MESSAGES[lang];

function pickLang() {
  let stored = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    // storage may be unavailable (privacy settings): the page's own lang decides
  }
  const wanted = stored ?? document.documentElement.lang;
  return LANGS.find((code) => code.toLowerCase() === String(wanted).toLowerCase()) ??
    (String(wanted).toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

// ---- elements --------------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);
const player = /** @type {any} */ ($('player'));
const els = {
  lang: $('lang-select'),
  fatal: $('fatal'),
  time: $('time'),
  duration: $('duration'),
  state: $('state'),
  onScreen: $('on-screen'),
  filesBody: $('files-body'),
  filesTable: $('files-table'),
  filesEmpty: $('files-empty'),
  filesSummary: $('files-summary'),
  urlForm: $('url-form'),
  urlInput: $('url-input'),
  fileInput: $('file-input'),
  fileButton: $('file-button'),
  pasteForm: $('paste-form'),
  pasteInput: $('paste-input'),
  sourceLine: $('source-line'),
  relativeNote: $('relative-note'),
  copyLink: $('copy-link'),
  copyFeedback: $('copy-feedback'),
  linkRow: $('link-row'),
  linkField: $('link-field'),
  shareNote: $('share-note'),
  problemCount: $('problem-count'),
  problemsEmpty: $('problems-empty'),
  problemsList: $('problems-list'),
  meta: $('meta'),
  metaEmpty: $('meta-empty'),
  dropOverlay: $('drop-overlay'),
};

const SAMPLE_URL = new URL('sample-recording.json', location.href).href;

/** Where the current recording came from: {kind: 'url', url} | {kind: 'file', name, relative} | {kind: 'paste', relative}. */
let source = { kind: 'url', url: SAMPLE_URL };
/** `#t=` seconds waiting for the recording's metadata. */
let pendingSeekS = null;
/** URL check results of the current recording: url -> {state: 'checking'|'ok'|'http'|'unreachable', status?}. */
let urlChecks = new Map();
let checkAbort = new AbortController();
/** Rows of the files table, with the file they show. */
let rows = [];

// ---- formatting ------------------------------------------------------------------------------

/** 75.3 -> "1:15" (h:mm:ss past an hour). */
function clock(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  const total = Math.max(0, Math.floor(seconds + 1e-6));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** 75.34 -> "1:15.3": the status line shows tenths. */
function preciseClock(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  const tenths = Math.floor(Math.max(0, seconds) * 10 + 1e-6) % 10;
  return `${clock(seconds)}.${tenths}`;
}

function formatSize(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function typeName(type) {
  return t().types[type] ?? t().unknownType(type);
}

/** Who a file belongs to, as people say it: the user, or "Whiteboard" / "Mixed stream" / ... */
function ownerName(file) {
  if (file.videoType === 2) return t().whiteboard;
  if (file.videoType === 3) return typeName(3);
  const user = String(file.userId ?? '').replace(/^tic_substream_/, '');
  return user || typeName(file.videoType);
}

/** Parses `t=12.5` or `t=1:02.5` from a hash; null when absent or malformed. */
function hashSeconds(hash) {
  const match = /(?:^#|&)t=([0-9:.]+)(?:&|$)/.exec(hash);
  if (!match) return null;
  const parts = match[1].split(':').map(Number);
  if (parts.length > 3 || parts.some((part) => !Number.isFinite(part))) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** `<el>` with text content (never HTML) and attributes. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

// ---- language --------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = lang;
  player.setAttribute('lang', lang);
  els.lang.value = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    const text = t()[element.dataset.i18n];
    if (typeof text === 'string') element.textContent = text;
  }
  document.title = `tic-replay — ${t().title}`;
  renderAll();
}

els.lang.addEventListener('change', () => {
  lang = LANGS.includes(els.lang.value) ? els.lang.value : 'en';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  applyLanguage();
});

// ---- opening a recording ---------------------------------------------------------------------

function resetForNewRecording() {
  checkAbort.abort();
  checkAbort = new AbortController();
  urlChecks = new Map();
  rows = [];
  els.copyFeedback.textContent = '';
  els.linkRow.hidden = true;
}

/** Opens the recording at `url` (relative to the page). */
async function openUrl(value, { remember = true } = {}) {
  let url;
  try {
    url = new URL(value.trim(), location.href).href;
  } catch {
    showInputProblem(t().invalidUrl(value));
    return;
  }
  source = { kind: 'url', url };
  resetForNewRecording();
  els.urlInput.value = url === SAMPLE_URL ? 'sample-recording.json' : url;
  if (remember) rememberInAddress(url === SAMPLE_URL ? null : url);
  player.result = undefined;
  if (player.src === url) {
    // Same URL again: load it afresh (the files may have changed).
    player.src = '';
    await player.updateComplete;
  }
  player.src = url;
  renderAll();
}

/** Opens a recording from JSON text (a file or the paste box): `player.result = text`. */
async function openText(text, origin) {
  source = { ...origin, relative: relativeExample(text) };
  resetForNewRecording();
  rememberInAddress(null);
  if (player.result === text) {
    player.result = undefined;
    player.src = '';
    await player.updateComplete;
  }
  player.src = '';
  player.result = text;
  renderAll();
}

/** The first relative VideoUrl of the JSON (any of its three shapes), or null. */
function relativeExample(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const body = data?.Response ?? data?.EventData ?? data;
  const infos = Array.isArray(body?.VideoInfos) ? body.VideoInfos : [];
  for (const info of infos) {
    const url = info?.VideoUrl;
    if (typeof url === 'string' && url.trim() && !/^[a-z][a-z0-9+.-]*:/i.test(url.trim())) return url.trim();
  }
  return null;
}

/** Keeps `?src=` in the address bar in step with what is open, so a reload shows the same recording. */
function rememberInAddress(url) {
  pendingSeekS = null; // a `#t=` of the page's first recording does not apply to this one
  const address = new URL(location.href);
  if (url) address.searchParams.set('src', url);
  else address.searchParams.delete('src');
  address.hash = '';
  history.replaceState(null, '', address);
}

function showInputProblem(message) {
  els.copyFeedback.textContent = '';
  shownFatalKey = message;
  els.fatal.hidden = false;
  els.fatal.replaceChildren(h('p', { className: 'fatal-message' }, message));
}

els.urlForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (els.urlInput.value.trim()) openUrl(els.urlInput.value);
  else els.urlInput.focus();
});

els.pasteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = els.pasteInput.value;
  if (text.trim()) openText(text, { kind: 'paste' });
  else els.pasteInput.focus();
});

els.fileButton.addEventListener('click', () => els.fileInput.click());
els.fileInput.addEventListener('change', () => {
  const [file] = els.fileInput.files ?? [];
  if (file) openFile(file);
  els.fileInput.value = '';
});

async function openFile(file) {
  let text;
  try {
    text = await file.text();
  } catch {
    showInputProblem(t().readFailed(file.name));
    return;
  }
  openText(text, { kind: 'file', name: file.name });
}

// Drag and drop anywhere on the page.
let dragDepth = 0;
const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragenter', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth += 1;
  els.dropOverlay.hidden = false;
});
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('dragleave', (event) => {
  if (!carriesFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) els.dropOverlay.hidden = true;
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  els.dropOverlay.hidden = true;
  const [file] = event.dataTransfer.files;
  if (file) openFile(file);
});

// ---- the source line and the relative-URL note -----------------------------------------------

function renderSource() {
  const from = t().openedFrom;
  if (source.kind === 'url' && source.url === SAMPLE_URL) {
    els.sourceLine.replaceChildren(from.sample);
  } else if (source.kind === 'url') {
    els.sourceLine.replaceChildren(`${from.url} `, h('code', { className: 'url' }, source.url));
  } else if (source.kind === 'file') {
    els.sourceLine.replaceChildren(from.file(source.name));
  } else {
    els.sourceLine.replaceChildren(from.paste);
  }
  const relative = source.kind !== 'url' && source.relative;
  els.relativeNote.hidden = !relative;
  if (relative) els.relativeNote.textContent = t().relativeNote(source.relative, new URL('.', document.baseURI).href);
  els.shareNote.hidden = source.kind === 'url';
  els.shareNote.textContent = t().shareLocalNote;
}

// ---- problems --------------------------------------------------------------------------------

function problemKind(problem) {
  if (problem.fatal) return 'fatal';
  return problem.videoId !== undefined && problem.path === undefined ? 'file' : 'entry';
}

function problemDetails(problem) {
  const fields = t().problemFields;
  const details = [];
  if (problem.path) details.push([fields.path, problem.path]);
  if (problem.url) details.push([fields.url, problem.url]);
  if (problem.status !== undefined) details.push([fields.status, String(problem.status)]);
  if (problem.videoId) details.push([fields.videoId, problem.videoId]);
  if (!details.length) return null;
  return h(
    'dl',
    { className: 'problem-details' },
    details.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, h('code', {}, value)))),
  );
}

/** Files whose URL check failed and that the player has not reported itself, as problem-like items. */
function failedChecks(reported) {
  const reportedUrls = new Set(reported.map((problem) => problem.url).filter(Boolean));
  const items = [];
  for (const { entry } of rows) {
    const { file } = entry;
    const result = urlChecks.get(file.url);
    if (!result || (result.state !== 'http' && result.state !== 'unreachable') || reportedUrls.has(file.url)) continue;
    const answer = result.state === 'http' ? t().url.http(result.status) : t().url.unreachable;
    items.push({
      kind: 'check',
      message: t().checkFailed(`${ownerName(file)} · ${typeName(file.videoType)} · ${clock(entry.startMs / 1000)}`, answer),
      url: file.url,
      status: result.status,
      videoId: file.videoId,
    });
  }
  return items;
}

let shownFatalKey = '';
function renderProblems() {
  const problems = [...(player.problems ?? [])];
  // Fatal first, then in the order they were found, then files whose URL check failed before the
  // player got to them (it loads each file only around its time).
  const ordered = [...problems.filter((p) => p.fatal), ...problems.filter((p) => !p.fatal), ...failedChecks(problems)];
  els.problemsList.replaceChildren(
    ...ordered.map((problem) => {
      const kind = problem.kind ?? problemKind(problem);
      return h(
        'li',
        { className: `problem problem-${kind}` },
        h('span', { className: `badge badge-${kind}` }, t().problemKinds[kind]),
        h('p', { className: 'problem-message' }, problem.message),
        problemDetails(problem),
      );
    }),
  );
  els.problemsEmpty.hidden = ordered.length > 0;
  els.problemCount.textContent = ordered.length ? t().problemCount(ordered.length) : '';

  // The alert is rebuilt only when the fatal error (or the language) changes, so it is announced once.
  const fatal = problems.find((p) => p.fatal);
  const fatalKey = fatal ? `${lang}\n${fatal.message}` : '';
  if (fatalKey === shownFatalKey) return;
  shownFatalKey = fatalKey;
  els.fatal.hidden = !fatal;
  if (fatal) {
    els.fatal.replaceChildren(
      h('p', { className: 'fatal-title' }, t().fatalTitle),
      h('p', { className: 'fatal-message' }, fatal.message),
      problemDetails(fatal),
    );
  } else {
    els.fatal.replaceChildren();
  }
}

// ---- metadata --------------------------------------------------------------------------------

function renderMeta() {
  const recording = player.recording;
  const timeline = player.timeline;
  els.meta.hidden = !recording;
  els.metaEmpty.hidden = Boolean(recording);
  if (!recording) {
    els.meta.replaceChildren();
    return;
  }
  const m = t().meta;
  const items = [
    [m.roomId, recording.roomId !== undefined ? String(recording.roomId) : m.notGiven],
    recording.groupId && String(recording.groupId) !== String(recording.roomId) ? [m.groupId, recording.groupId] : null,
    recording.taskId ? [m.taskId, recording.taskId] : null,
    [m.shape, t().shapes[recording.shape] ?? recording.shape],
    [m.totalTime, recording.totalTimeMs !== undefined ? `${clock(recording.totalTimeMs / 1000)} (${recording.totalTimeMs} ms)` : m.notGiven],
    timeline && timeline.durationMs !== recording.totalTimeMs ? [m.duration, clock(timeline.durationMs / 1000)] : null,
    [m.files, m.filesValue(timeline?.files.length ?? 0, recording.files.length)],
    [m.omitted, m.omittedValue(recording.omittedDurations?.length ?? 0)],
    recording.recordStartTime ? [m.recorded, formatRecorded(recording)] : null,
    recording.finishReason ? [m.finishReason, recording.finishReason] : null,
  ].filter(Boolean);
  els.meta.replaceChildren(...items.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

function formatRecorded(recording) {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const start = format.format(new Date(recording.recordStartTime * 1000));
  if (!recording.recordStopTime) return start;
  const stop = new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(recording.recordStopTime * 1000));
  return `${start} – ${stop}`;
}

// ---- the files table -------------------------------------------------------------------------

function renderTable() {
  const timeline = player.timeline;
  const files = timeline?.files ?? [];
  const durationMs = timeline?.durationMs || 1;
  rows = files.map((entry) => {
    const { file } = entry;
    const owner = ownerName(file);
    const startLabel = clock(entry.startMs / 1000);
    const row = h(
      'tr',
      { 'data-video-id': file.videoId, 'data-start-ms': entry.startMs, 'data-track-id': entry.trackId },
      h(
        'td',
        { className: 'col-start' },
        h(
          'button',
          { type: 'button', className: 'seek-btn', 'aria-label': t().seekTo(startLabel, owner === typeName(file.videoType) ? owner : `${owner}, ${typeName(file.videoType)}`) },
          h('span', { className: 'play-mark', 'aria-hidden': 'true' }, '▶'),
          startLabel,
        ),
      ),
      h(
        'td',
        { className: 'col-user' },
        h('span', { className: 'owner' }, owner),
        file.userId && file.userId !== owner ? h('span', { className: 'sub', title: file.userId }, file.userId) : null,
        // On phones the Type column folds into this cell (only one of the two is displayed).
        owner !== typeName(file.videoType) ? h('span', { className: `type-chip type-inline type-${file.videoType}` }, typeName(file.videoType)) : null,
        h('span', { className: 'visually-hidden now-text' }, ''),
      ),
      h('td', { className: 'col-type' }, h('span', { className: `type-chip type-${file.videoType}` }, typeName(file.videoType))),
      h(
        'td',
        { className: 'num-time' },
        clock((entry.endMs - entry.startMs) / 1000),
        // On phones the Size column folds into this cell.
        h('span', { className: 'sub size-inline' }, formatSize(file.sizeBytes)),
      ),
      h(
        'td',
        { className: 'col-bar', 'aria-hidden': 'true' },
        h(
          'span',
          { className: 'bar' },
          h('span', {
            className: `bar-fill type-${file.videoType}`,
            style: `left:${(entry.startMs / durationMs) * 100}%;width:${Math.max(0.5, ((entry.endMs - entry.startMs) / durationMs) * 100)}%`,
          }),
        ),
      ),
      h('td', { className: 'num col-size' }, formatSize(file.sizeBytes)),
      h('td', { className: 'col-url' }, h('span', { className: 'url-status' })),
    );
    return { row, entry };
  });
  els.filesBody.replaceChildren(...rows.map(({ row }) => row));
  els.filesTable.hidden = rows.length === 0;
  els.filesEmpty.hidden = rows.length > 0;
  els.filesSummary.textContent = timeline ? t().filesSummary(files.length, timeline.tracks.length) : '';
  for (const { row, entry } of rows) renderUrlStatus(row, entry.file.url);
  lastActiveKey = '';
  renderActive();
}

els.filesBody.addEventListener('click', (event) => {
  const row = event.target.closest('tr[data-start-ms]');
  if (!row || !player.timeline) return;
  seekTo(Number(row.dataset.startMs) / 1000);
});

function seekTo(seconds) {
  try {
    player.currentTime = seconds;
  } catch {
    // not loaded: nothing to seek
  }
  renderStatus();
  renderActive();
}

let lastActiveKey = '';
function renderActive() {
  const nowMs = (player.currentTime || 0) * 1000;
  const durationMs = player.timeline?.durationMs;
  els.filesTable.style.setProperty('--playhead', durationMs ? `${Math.min(100, (nowMs / durationMs) * 100)}%` : '0%');
  const active = rows.map(({ entry }) => entry.startMs <= nowMs && nowMs < entry.endMs);
  const key = active.map(Number).join('');
  if (key === lastActiveKey) return;
  lastActiveKey = key;
  rows.forEach(({ row }, index) => {
    row.classList.toggle('is-active', active[index]);
    if (active[index]) row.setAttribute('aria-current', 'time');
    else row.removeAttribute('aria-current');
    row.querySelector('.now-text').textContent = active[index] ? ` (${t().playingNow})` : '';
  });
}

// ---- URL checks: at most 4 at once -----------------------------------------------------------

const MAX_CHECKS = 4;

function checkUrls() {
  const signal = checkAbort.signal;
  const urls = [...new Set(rows.map(({ entry }) => entry.file.url))].filter((url) => !urlChecks.has(url));
  for (const url of urls) urlChecks.set(url, { state: 'checking' });
  renderUrlStatuses();
  let next = 0;
  const worker = async () => {
    while (next < urls.length && !signal.aborted) {
      const url = urls[next++];
      const result = await checkUrl(url, signal);
      if (signal.aborted) return;
      urlChecks.set(url, result);
      renderUrlStatuses(url);
      if (result.state !== 'ok') renderProblems();
    }
  };
  for (let i = 0; i < Math.min(MAX_CHECKS, urls.length); i++) worker();
}

async function checkUrl(url, signal) {
  try {
    const response = await fetch(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, signal, cache: 'no-store' });
    response.body?.cancel().catch(() => undefined);
    return response.ok ? { state: 'ok', status: response.status } : { state: 'http', status: response.status };
  } catch {
    return { state: 'unreachable' };
  }
}

function renderUrlStatuses(onlyUrl) {
  for (const { row, entry } of rows) {
    if (!onlyUrl || entry.file.url === onlyUrl) renderUrlStatus(row, entry.file.url);
  }
}

function renderUrlStatus(row, url) {
  const cell = row.querySelector('.url-status');
  const result = urlChecks.get(url);
  const texts = t().url;
  const state = result?.state ?? 'checking';
  cell.className = `url-status url-${state}`;
  cell.textContent = state === 'http' ? texts.http(result.status) : texts[state];
  cell.title = url;
}

// ---- status line -----------------------------------------------------------------------------

function playerState() {
  if (player.error?.fatal) return 'error';
  if (!player.timeline) return player.networkState === 0 ? 'empty' : 'loading';
  if (player.seeking) return 'seeking';
  if (player.ended) return 'ended';
  if (player.paused) return 'paused';
  if (player.readyState < 3) return 'waiting';
  return 'playing';
}

function renderStatus() {
  els.time.textContent = preciseClock(player.currentTime);
  els.duration.textContent = preciseClock(player.duration);
  const state = playerState();
  els.state.dataset.state = state;
  els.state.textContent = t().state[state];
  const names = [...(player.shadowRoot?.querySelectorAll('[data-state="active"]') ?? [])]
    .filter((element) => element.localName === 'video')
    .map((element) => ownerName({ videoType: Number(element.dataset.videoType), userId: element.dataset.userId ?? '' }));
  els.onScreen.textContent = !player.timeline ? '' : names.length ? t().onScreen([...new Set(names)].join(', ')) : t().nothingOnScreen;
}

// ---- link to this moment ---------------------------------------------------------------------

function momentLink() {
  const link = new URL(location.href);
  link.search = '';
  if (source.kind === 'url' && source.url !== SAMPLE_URL) link.searchParams.set('src', source.url);
  link.hash = `t=${(Math.floor((player.currentTime || 0) * 10 + 1e-6) / 10).toFixed(1)}`;
  return link.href;
}

els.copyLink.addEventListener('click', async () => {
  const link = momentLink();
  els.linkField.value = link;
  els.linkRow.hidden = false;
  els.copyFeedback.textContent = '';
  let copied = false;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // No clipboard (insecure context, permission refused): the link is shown selected instead.
    // (document.execCommand('copy') is not tried: it can block headless Chromium.)
    els.linkField.focus();
    els.linkField.select();
  }
  els.copyFeedback.textContent = copied ? t().copied : t().copyManually;
});

// ---- #t= ----------------------------------------------------------------------------------------

function seekToHash() {
  const seconds = hashSeconds(location.hash);
  if (seconds === null) return;
  if (player.timeline) seekTo(seconds);
  else pendingSeekS = seconds;
}

window.addEventListener('hashchange', seekToHash);

// ---- player events -----------------------------------------------------------------------------

function renderAll() {
  renderSource();
  renderProblems();
  renderMeta();
  renderTable();
  renderStatus();
}

player.addEventListener('loadstart', () => {
  rows = [];
  renderAll();
});
player.addEventListener('emptied', renderAll);
player.addEventListener('loadedmetadata', () => {
  renderAll();
  checkUrls();
  if (pendingSeekS !== null) {
    const seconds = pendingSeekS;
    pendingSeekS = null;
    // After the player has finished its own load (it positions itself right after this event).
    setTimeout(() => seekTo(seconds), 0);
  }
});
player.addEventListener('error', () => {
  renderProblems();
  renderStatus();
});
for (const type of ['timeupdate', 'seeking', 'seeked', 'play', 'playing', 'pause', 'waiting', 'ended', 'canplay', 'durationchange']) {
  player.addEventListener(type, () => {
    renderStatus();
    renderActive();
  });
}

// ---- start -------------------------------------------------------------------------------------

await customElements.whenDefined('tic-replay');
const params = new URLSearchParams(location.search);
pendingSeekS = hashSeconds(location.hash);
applyLanguage();
openUrl(params.get('src') || SAMPLE_URL, { remember: false });
