import { expect } from '@esm-bundle/chai';
import { ReplayEngine } from '../../src/engine/replay-engine.js';
import { en } from '../../src/i18n/en.js';
import { languageOf, localeOf, resolveLocale, type Locale } from '../../src/i18n/locale.js';
import { loadMessages, registerVideojsLanguages } from '../../src/i18n/catalogues.js';
import type { Messages } from '../../src/i18n/messages.js';
import { VIDEOJS_ZH_CN } from '../../src/i18n/videojs-languages.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { describedFailure, diagnoseMediaFailure } from '../../src/media/diagnose-failure.js';
import { MediaSlot } from '../../src/media/media-slot.js';
import type { SourceAdapter, SourceFailure } from '../../src/media/source-adapter.js';
import { CONTROL_BAR_OPTIONS, videojs } from '../../src/player/videojs.js';
import { videojsStyles } from '../../src/player/videojs-styles.js';
import { loadRecording } from '../../src/recording/load-recording.js';
import { resolveMediaUrl } from '../../src/core/recording/media-url.js';
import { parseRecording } from '../../src/core/recording/parse-recording.js';
import { RecordingError, VideoType, type RecordingProblem } from '../../src/core/recording/recording.js';
import type { TimelineFile } from '../../src/core/timeline/timeline.js';
import { tileLabel } from '../../src/view/labels.js';
import { StageView } from '../../src/view/stage-view.js';

const BASE = 'https://lessons.example.com/room/1234/result.json';
const CJK = /[\u4e00-\u9fff]/;
/** Chinese words, or Chinese (full-width) punctuation. */
const CHINESE_TEXT = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

type Json = Record<string, unknown>;

function entry(overrides: Json = {}, index = 0): Json {
  const merged: Json = {
    VideoPlayTime: 1000 * index,
    VideoDuration: 60000,
    VideoUrl: `https://cdn.example.com/file-${index}.mp4`,
    VideoId: `id-${index}`,
    VideoType: 0,
    UserId: `user-${index}`,
    ...overrides,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

function badFourth(overrides: Json): Json {
  return { RoomId: 1, TotalTime: 600000, VideoInfos: [entry({}, 0), entry({}, 1), entry({}, 2), entry(overrides, 3)] };
}

function problemsOf(input: unknown, messages?: Messages): readonly RecordingProblem[] {
  return parseRecording(input, { baseUrl: BASE, ...(messages ? { messages } : {}) }).problems;
}

function fatalOf(input: unknown, messages?: Messages): RecordingProblem {
  try {
    parseRecording(input, { baseUrl: BASE, ...(messages ? { messages } : {}) });
  } catch (error) {
    expect(error).to.be.instanceOf(RecordingError);
    return (error as RecordingError).problem;
  }
  throw new Error('expected parseRecording to throw');
}

/** Every problem the same in both languages except for its words. */
function withoutMessage(problem: RecordingProblem): Omit<RecordingProblem, 'message'> {
  const { message: _message, ...rest } = problem;
  return rest;
}

describe('resolveLocale', () => {
  const table: Array<[string | null | undefined, Locale]> = [
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['ZH-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    // No Traditional catalogue: Simplified Chinese reads far better than English for these readers.
    ['zh-TW', 'zh-CN'],
    ['zh-HK', 'zh-CN'],
    ['zh-Hant', 'zh-CN'],
    ['zh-Hant-TW', 'zh-CN'],
    [' zh-CN ', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['ja', 'en'],
    ['zho', 'en'],
    ['cmn', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ];
  for (const [lang, locale] of table) {
    it(`${JSON.stringify(lang)} → ${locale}`, () => {
      expect(resolveLocale(lang)).to.equal(locale);
    });
  }

  it('loadMessages gives each locale its catalogue (Chinese loaded on demand)', async () => {
    expect(await loadMessages('en')).to.equal(en);
    // The chunk may hold its own instance of the module: compare what it says, not identity.
    const chinese = await loadMessages('zh-CN');
    expect(Object.keys(chinese).sort()).to.deep.equal(Object.keys(zhCN).sort());
    expect(chinese.playerLabel).to.equal(zhCN.playerLabel);
    expect(chinese.timelineLane('白板', ['0:00–0:06'])).to.equal(zhCN.timelineLane('白板', ['0:00–0:06']));
  });
});

describe('languageOf: the language an element is in', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    while (cleanup.length > 0) cleanup.pop()!();
  });

  function mount(html: string): HTMLElement {
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    cleanup.push(() => host.remove());
    return host;
  }

  function setDocumentLang(lang: string | null): void {
    const root = document.documentElement;
    const before = root.getAttribute('lang');
    if (lang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', lang);
    cleanup.push(() => (before === null ? root.removeAttribute('lang') : root.setAttribute('lang', before)));
  }

  it('its own lang attribute first', () => {
    const host = mount('<section lang="en"><p id="target" lang="zh-Hans">x</p></section>');
    const target = host.querySelector('#target')!;
    expect(languageOf(target)).to.equal('zh-Hans');
    expect(localeOf(target)).to.equal('zh-CN');
  });

  it('else the closest ancestor with one', () => {
    const host = mount('<section lang="zh-TW"><div><p id="target">x</p></div></section>');
    expect(languageOf(host.querySelector('#target')!)).to.equal('zh-TW');
  });

  it('skips lang="" (language unknown)', () => {
    const host = mount('<section lang="zh-CN"><p id="target" lang="">x</p></section>');
    expect(languageOf(host.querySelector('#target')!)).to.equal('zh-CN');
  });

  it('climbs out of a shadow root to the host\'s language', () => {
    const host = mount('<section lang="zh-CN"><div id="outer"></div></section>');
    const shadow = host.querySelector('#outer')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div><p id="inner">x</p></div>';
    expect(languageOf(shadow.querySelector('#inner')!)).to.equal('zh-CN');
  });

  it('else the document\'s language (also for an element not in the page)', () => {
    setDocumentLang('zh-SG');
    expect(languageOf(mount('<p>x</p>').firstElementChild!)).to.equal('zh-SG');
    expect(languageOf(document.createElement('p'))).to.equal('zh-SG');
  });

  it('else the browser\'s', () => {
    setDocumentLang(null);
    expect(languageOf(document.createElement('p'))).to.equal(navigator.language);
  });
});

// ---- the catalogues ------------------------------------------------------------------------------

type Args<K extends keyof Messages> = Messages[K] extends (...args: infer A) => string ? A : never;
type Samples = { [K in keyof Messages]: Messages[K] extends string ? null : Array<Args<K>> };

const URL_SAMPLE = 'https://cdn.example.com/room/42/cam-a.mp4';

/** Sample parameters for every message: each function entry with every branch it has. */
const SAMPLES: Samples = {
  expectedNonNegativeMs: null,
  expectedPositiveMs: null,
  expectedVideoType: null,
  expectedArray: null,
  expectedObject: null,
  expectedNonEmptyString: null,
  missingValue: [['Response.VideoInfos[3].VideoPlayTime', 'EXPECTED']],
  invalidValue: [['EventData.VideoInfos[7].VideoType', 'EXPECTED', '"abc"']],
  invalidJson: [['Unexpected end of JSON input']],
  notARecording: null,
  notARecordingCallback: [['TranscodeFinished'], ['OnlineRecordStarted']],
  serviceError: [
    ['FailedOperation.TaskNotFound', 'The task does not exist.', 'req-42'],
    ['AuthFailure.SignatureExpire', 'Signature expired', undefined],
    [undefined, 'boom', undefined],
    ['InternalError', undefined, undefined],
  ],
  notFinished: [['PREPARED'], ['RECORDING'], ['PAUSED'], ['STOPPED'], ['CANCELLED'], ['constructor'], ['17']],
  recordingFailed: null,
  noFiles: [['Response.VideoInfos', true], ['VideoInfos', false]],
  onlyFileUnplayable: [['Response.VideoInfos']],
  noFilePlayable: [[17, 'EventData.VideoInfos']],
  duplicateFile: [['VideoInfos[2].VideoId', '"same"', 'VideoInfos[0]']],
  unsupportedVideoUrl: [['VideoInfos[3].VideoUrl', '"javascript:alert(1)"', 'REASON']],
  urlRefusal: [
    [{ kind: 'empty' }],
    [{ kind: 'scheme', scheme: 'javascript:' }],
    [{ kind: 'unresolvable', baseUrl: 'about:blank' }],
    [{ kind: 'invalid' }],
  ],
  recordingUrlRefused: [['"data:application/json,{}"', 'REASON']],
  recordingFetchFailed: [[URL_SAMPLE, 'REASON']],
  recordingLoadFailed: [['TypeError: oops']],
  reasonNetwork: null,
  reasonInterrupted: null,
  reasonHttp: [[404, 'Not Found'], [403, '']],
  mediaLoadFailed: [[URL_SAMPLE, 'REASON']],
  mediaPlayFailed: [[URL_SAMPLE, 'REASON', 'PIPELINE_ERROR_DECODE'], [URL_SAMPLE, 'REASON', undefined]],
  mediaErrorReason: [[1], [2], [3], [4], [undefined], [99]],
  hlsFailed: [[URL_SAMPLE, 'manifestParsingError', 'no EXTM3U delimiter'], [URL_SAMPLE, 'fragParsingError', undefined]],
  noSourceAdapter: [[URL_SAMPLE, 'hls']],
  sourceAdapterFailed: [['hls.js', URL_SAMPLE, 'Error: chunk failed']],
  tileWhiteboard: null,
  tileScreenShare: [['alice_01']],
  tileMixedStream: null,
  tileAudio: [['bob_02']],
  tileCamera: null,
  moreProblems: [[17]],
  dismissProblems: null,
  pinTile: [['alice_01']],
  unpinTile: [['alice_01']],
  muteTile: [['alice_01']],
  unmuteTile: [['alice_01']],
  hideTile: [['alice_01']],
  showTile: [['alice_01']],
  playerLabel: null,
  timelineLanes: null,
  timelineLane: [['alice_01', ['0:00–1:30', '2:00–4:05']]],
  pausedHere: [['12:34']],
  noVideoAt: [['alice_01', '12:34']],
};

/** Messages whose Chinese is, rightly, the same as the English. */
const SAME_IN_CHINESE: ReadonlySet<keyof Messages> = new Set(['reasonHttp']);

/** Every text a sample passes in (strings, numbers, array items, object fields but a union's `kind`). */
function parameterTexts(args: readonly unknown[]): string[] {
  return args.flatMap((arg): string[] => {
    if (typeof arg === 'string' || typeof arg === 'number') return [String(arg)];
    if (Array.isArray(arg)) return parameterTexts(arg);
    if (arg && typeof arg === 'object') {
      return parameterTexts(Object.entries(arg).flatMap(([field, value]) => (field === 'kind' ? [] : [value])));
    }
    return [];
  });
}

function renderings(messages: Messages, key: keyof Messages): string[] {
  const value = messages[key];
  if (typeof value === 'string') return [value];
  const samples = SAMPLES[key] as unknown as unknown[][];
  return samples.map((args) => (value as (...a: unknown[]) => string)(...args));
}

describe('the catalogues', () => {
  const keys = Object.keys(en) as Array<keyof Messages>;

  it('English and Chinese have exactly the same messages', () => {
    expect(Object.keys(zhCN).sort()).to.deep.equal([...keys].sort());
    expect(Object.keys(SAMPLES).sort()).to.deep.equal([...keys].sort());
  });

  for (const key of keys) {
    it(`${key}: both languages, non-empty, same kind, parameters kept verbatim`, () => {
      expect(typeof zhCN[key]).to.equal(typeof en[key]);
      const english = renderings(en, key);
      const chinese = renderings(zhCN, key);
      const samples = (SAMPLES[key] ?? [[]]) as unknown as unknown[][];
      english.forEach((text, index) => {
        const zh = chinese[index]!;
        expect(text.trim(), `English ${key}`).to.not.equal('');
        expect(zh.trim(), `Chinese ${key}`).to.not.equal('');
        expect(text).to.not.match(/undefined|\[object|NaN/);
        expect(zh).to.not.match(/undefined|\[object|NaN/);
        if (!SAME_IN_CHINESE.has(key)) expect(zh, `Chinese ${key}`).to.match(CHINESE_TEXT);
        // A path, URL, status or count the English names, the Chinese names too, character for character.
        for (const parameter of parameterTexts(samples[index]!)) {
          if (text.includes(parameter)) expect(zh, `Chinese ${key} keeps ${parameter}`).to.contain(parameter);
        }
      });
    });
  }

  it('an explanation that is not a state is not looked up on Object.prototype', () => {
    expect(en.notFinished('constructor')).to.equal(
      'The recording is not finished yet (Status: constructor): only a FINISHED recording has all its files',
    );
    expect(zhCN.notFinished('constructor')).to.not.contain('function');
  });
});

describe('the English catalogue says what the tests and the README quote', () => {
  it('entry values, with the expected forms', () => {
    expect(en.invalidValue('VideoInfos[3].VideoPlayTime', en.expectedNonNegativeMs, '-5')).to.equal(
      'VideoInfos[3].VideoPlayTime must be a non-negative integer (ms), got -5',
    );
    expect(en.missingValue('VideoInfos[3].VideoType', en.expectedVideoType)).to.equal(
      'VideoInfos[3].VideoType is missing: it must be 0 (camera), 1 (screen share), 2 (whiteboard), 3 (mixed stream) or 4 (audio only)',
    );
    expect(en.invalidValue('$', en.expectedObject, 'null')).to.equal('$ must be a JSON object, got null');
  });

  it('fatal problems', () => {
    expect(en.notFinished('STOPPED')).to.equal(
      'The recording is not finished yet (Status: STOPPED): it has stopped, but its files are still being processed and uploaded; only a FINISHED recording has all its files',
    );
    expect(en.serviceError('FailedOperation.TaskNotFound', 'The task does not exist.', 'req-42')).to.equal(
      'The recording service returned an error: FailedOperation.TaskNotFound: The task does not exist. (RequestId: req-42)',
    );
    expect(en.notARecordingCallback('OnlineRecordStarted')).to.equal(
      'This is an OnlineRecordStarted callback, not a recording result: only OnlineRecordFinished carries files',
    );
    expect(en.noFilePlayable(3, 'VideoInfos')).to.equal('None of the 3 files in VideoInfos can be played');
  });

  it('URLs, fetches and media files', () => {
    expect(en.urlRefusal({ kind: 'scheme', scheme: 'javascript:' })).to.equal(
      'the javascript: scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)',
    );
    expect(en.recordingFetchFailed('http://127.0.0.1:9/recording.json', en.reasonNetwork)).to.equal(
      'Could not load the recording from http://127.0.0.1:9/recording.json: the network request failed (offline, or blocked by CORS)',
    );
    expect(en.recordingUrlRefused('""', en.urlRefusal({ kind: 'empty' }))).to.equal('Cannot load the recording from "": the URL is empty');
    expect(en.mediaLoadFailed('https://x/a.mp4', en.reasonHttp(404, 'Not Found'))).to.equal('Could not load https://x/a.mp4: HTTP 404 Not Found');
    expect(en.mediaLoadFailed('https://x/a.m3u8', en.reasonHttp(404, ''))).to.equal('Could not load https://x/a.m3u8: HTTP 404');
    expect(en.mediaPlayFailed('https://x/a.mp4', en.mediaErrorReason(3), 'PIPELINE_ERROR_DECODE')).to.equal(
      'Could not play https://x/a.mp4: the file could not be decoded (PIPELINE_ERROR_DECODE)',
    );
    expect(en.mediaErrorReason(undefined)).to.equal('the file could not be played');
  });

  it('the stage', () => {
    expect(tileLabel(VideoType.Whiteboard, '')).to.equal('Whiteboard');
    expect(tileLabel(VideoType.ScreenShare, 'tic_substream_alice')).to.equal('Screen share: alice');
    expect(tileLabel(VideoType.MixedStream, '')).to.equal('Mixed stream');
    expect(tileLabel(VideoType.AudioOnly, 'bob')).to.equal('Audio: bob');
    expect(tileLabel(VideoType.Camera, '')).to.equal('Camera');
    expect(tileLabel(VideoType.Camera, 'carol')).to.equal('carol');
    expect(en.moreProblems(2)).to.equal("… and 2 more (see the element's problems property)");
    expect(en.dismissProblems).to.equal('Dismiss messages');
  });

  it('parseRecording with messages: en says exactly what it says without', () => {
    const inputs = [
      badFourth({ VideoPlayTime: -5 }),
      badFourth({ VideoUrl: 'javascript:alert(1)' }),
      badFourth({ VideoType: 9, VideoId: 'x' }),
      { ...badFourth({}), TotalTime: 'long' },
    ];
    for (const input of inputs) expect(problemsOf(input, en)).to.deep.equal(problemsOf(input));
    expect(fatalOf({ Response: { Status: 'RECORDING' } }, en)).to.deep.equal(fatalOf({ Response: { Status: 'RECORDING' } }));
  });
});

describe('parsing in Chinese', () => {
  it('a bad entry: a Chinese message that still names the JSON path and the value verbatim', () => {
    const [problem] = problemsOf({ Response: { ...badFourth({ VideoPlayTime: -5 }) } }, zhCN);
    expect(problem!.message).to.equal('Response.VideoInfos[3].VideoPlayTime 必须是非负整数（毫秒），实际为 -5');
    expect(problem!.message).to.contain('Response.VideoInfos[3].VideoPlayTime');
  });

  it('only the words change: code, path, url and videoId are those of the English parse', () => {
    const inputs = [
      badFourth({ VideoPlayTime: 'abc' }),
      badFourth({ VideoDuration: undefined }),
      badFourth({ VideoUrl: 'data:video/mp4;base64,AAAA' }),
      badFourth({ VideoType: 7 }),
      badFourth({ VideoId: 'id-0' }),
    ];
    for (const input of inputs) {
      const chinese = problemsOf(input, zhCN);
      expect(chinese.map(withoutMessage)).to.deep.equal(problemsOf(input).map(withoutMessage));
      for (const problem of chinese) {
        expect(problem.message).to.match(CJK);
        expect(problem.message).to.contain(problem.path!);
      }
    }
  });

  it('a refused VideoUrl names the path, the URL and the scheme', () => {
    const [problem] = problemsOf(badFourth({ VideoUrl: 'javascript:alert(1)' }), zhCN);
    expect(problem!.message).to.equal(
      'VideoInfos[3].VideoUrl "javascript:alert(1)" 无法播放：不允许使用 javascript: 协议（只加载 http:、https:、blob: 和相对 URL）',
    );
  });

  it('fatal problems in Chinese keep codes, statuses and request ids', () => {
    const notFinished = fatalOf({ Response: { Status: 'RECORDING', VideoInfos: [] } }, zhCN);
    expect(notFinished.code).to.equal('not-finished');
    expect(notFinished.message).to.equal('录制尚未完成（Status: RECORDING）：仍在录制中；只有 FINISHED 状态的录制才包含全部文件');
    const service = fatalOf({ Response: { Error: { Code: 'InternalError', Message: 'oops' }, RequestId: 'req-7' } }, zhCN);
    expect(service.message).to.equal('录制服务返回错误：InternalError：oops（RequestId: req-7）');
    expect(fatalOf('{', zhCN).message).to.match(/^录制结果不是有效的 JSON：\S/);
    expect(fatalOf({ VideoInfos: [] }, zhCN).message).to.equal('录制结果中没有可播放的文件（VideoInfos 为空）');
  });

  it('resolveMediaUrl: the same refusal, in the catalogue\'s words', () => {
    const english = resolveMediaUrl('cam.mp4', 'about:blank');
    const chinese = resolveMediaUrl('cam.mp4', 'about:blank', zhCN);
    if (english.ok || chinese.ok) throw new Error('expected a refusal');
    expect(chinese.refusal).to.deep.equal(english.refusal);
    expect(english.refusal).to.deep.equal({ kind: 'unresolvable', baseUrl: 'about:blank' });
    expect(chinese.reason).to.equal('无法相对于 about:blank 解析该地址');
  });

  it('loadRecording: a missing result in Chinese names the URL and the HTTP status', async () => {
    const url = new URL('/test/fixtures/recordings/no-such.json', location.href).href;
    let error: unknown;
    try {
      await loadRecording(url, { messages: zhCN });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(RecordingError);
    const { problem } = error as RecordingError;
    expect(problem).to.include({ code: 'fetch-failed', status: 404, url });
    expect(problem.message).to.match(new RegExp(`^无法从 ${url.replace(/[.?*+^$[\]\\(){}|/-]/g, '\\$&')} 加载录制结果：HTTP 404`));
  });
});

describe('media failures in the player\'s language', () => {
  it('diagnoseMediaFailure: English message, and the same failure in any catalogue', async () => {
    const url = new URL('/test/fixtures/no-such-file.mp4', location.href).href;
    const failure = await diagnoseMediaFailure(url, null);
    expect(failure.status).to.equal(404);
    expect(failure.message).to.match(new RegExp(`^Could not load ${url.replace(/[.?*+^$[\]\\(){}|/-]/g, '\\$&')}: HTTP 404`));
    expect(failure.describe!(en)).to.equal(failure.message);
    expect(failure.describe!(zhCN)).to.equal(`无法加载 ${url}：${failure.message.slice(failure.message.indexOf('HTTP'))}`);
  });

  function timelineFile(format: 'mp4' | 'hls' = 'mp4'): TimelineFile {
    const file = {
      videoId: 'v1',
      userId: 'alice',
      videoType: VideoType.Camera,
      url: 'https://cdn.example.com/v1.mp4',
      format,
      startMs: 0,
      durationMs: 1000,
      sourceIndex: 0,
    } as const;
    return { file, trackId: '0:alice', startMs: 0, endMs: 1000 };
  }

  /** A slot whose adapter reports `failure` at once; resolves with the problem the slot reports. */
  function slotFailure(adapters: readonly SourceAdapter[], messages?: Messages): Promise<RecordingProblem> {
    return new Promise((resolve) => {
      const slot = new MediaSlot(timelineFile(), { onMediaEvent: () => undefined, onFailure: (_slot, problem) => resolve(problem) }, adapters, messages);
      slot.startDownload();
      setTimeout(() => slot.dispose(), 1000);
    });
  }

  function failingAdapter(failure: SourceFailure): SourceAdapter {
    return {
      name: 'failing',
      canPlay: () => true,
      attach: async (_media, _file, onFailure) => {
        queueMicrotask(() => onFailure(failure));
        return { detach: () => undefined };
      },
    };
  }

  it('MediaSlot words an adapter\'s described failure with its catalogue', async () => {
    const failure = describedFailure((m) => m.mediaLoadFailed('https://cdn.example.com/v1.mp4', m.reasonNetwork));
    const problem = await slotFailure([failingAdapter(failure)], zhCN);
    expect(problem.message).to.equal('无法加载 https://cdn.example.com/v1.mp4：网络请求失败（可能已离线，或被 CORS 策略拦截）');
    expect((await slotFailure([failingAdapter(failure)])).message).to.equal(failure.message);
  });

  it('an adapter that only gives a message is shown by it', async () => {
    const problem = await slotFailure([failingAdapter({ message: 'Plugin says no', status: 410 })], zhCN);
    expect(problem).to.include({ message: 'Plugin says no', status: 410, code: 'media-failed' });
  });

  it('MediaSlot\'s own failures: no adapter for a format', async () => {
    const problem = await slotFailure([], zhCN);
    expect(problem.message).to.equal('当前浏览器无法播放 https://cdn.example.com/v1.mp4（格式：mp4）');
  });
});

describe('the stage in Chinese', () => {
  it('tile labels', () => {
    expect(tileLabel(VideoType.Whiteboard, '', zhCN)).to.equal('白板');
    expect(tileLabel(VideoType.ScreenShare, 'tic_substream_alice', zhCN)).to.equal('屏幕分享：alice');
    expect(tileLabel(VideoType.MixedStream, '', zhCN)).to.equal('混流');
    expect(tileLabel(VideoType.AudioOnly, 'bob', zhCN)).to.equal('音频：bob');
    expect(tileLabel(VideoType.Camera, '', zhCN)).to.equal('摄像头');
    expect(tileLabel(VideoType.Camera, 'carol', zhCN)).to.equal('carol');
  });

  it('StageView: problems, "and N more" and the dismiss button follow its catalogue', () => {
    const engine = new ReplayEngine();
    const container = document.createElement('div');
    document.body.append(container);
    const stage = new StageView(container, engine, zhCN);
    try {
      const bad = (index: number) => entry({ VideoPlayTime: -index, VideoUrl: '/test/fixtures/cam-a.mp4' }, index);
      const input = { TotalTime: 2000, VideoInfos: [entry({ VideoUrl: '/test/fixtures/cam-a.mp4' }, 0), ...[1, 2, 3, 4, 5].map(bad)] };
      engine.open(parseRecording(input, { baseUrl: location.href, messages: zhCN }));
      stage.update();
      const items = [...container.querySelectorAll('[part="problems"] li')].map((item) => item.textContent!.trim());
      expect(items).to.have.length(4);
      expect(items[0]).to.equal('VideoInfos[3].VideoPlayTime 必须是非负整数（毫秒），实际为 -3');
      expect(items[3]).to.equal('……另有 2 条（详见元素的 problems 属性）');
      expect(container.querySelector('[part="problems"] button')!.getAttribute('aria-label')).to.equal('关闭提示');

      stage.messages = en;
      stage.update();
      expect(container.querySelector('[part="problems"] li:last-child')!.textContent!.trim()).to.equal(
        "… and 2 more (see the element's problems property)",
      );
    } finally {
      engine.teardown();
      stage.clear();
      container.remove();
    }
  });
});

describe('video.js in Simplified Chinese', () => {
  it('every copied string is video.js\'s own zh-CN translation', async () => {
    const response = await fetch('/node_modules/video.js/dist/lang/zh-CN.json');
    expect(response.ok, 'video.js language pack served').to.equal(true);
    const pack = (await response.json()) as Record<string, string>;
    for (const [english, chinese] of Object.entries(VIDEOJS_ZH_CN)) {
      expect(pack[english], english).to.equal(chinese);
    }
  });

  it('a player with language zh-CN shows its control bar in Chinese', async () => {
    await registerVideojsLanguages(videojs);
    await registerVideojsLanguages(videojs); // twice is harmless
    const holder = document.createElement('div');
    const style = document.createElement('style');
    style.textContent = videojsStyles.cssText; // what is hidden in the element is hidden here too
    holder.append(style);
    document.body.append(holder);
    const tag = document.createElement('video');
    tag.className = 'video-js';
    holder.append(tag);
    // The control bar the element builds (see element/tic-replay.component.ts).
    const player = videojs(tag, {
      language: 'zh-CN',
      controls: true,
      playbackRates: [0.5, 1, 2],
      controlBar: CONTROL_BAR_OPTIONS,
    } as Parameters<typeof videojs>[1]);
    try {
      player.addClass('vjs-has-started'); // the control bar shows once playback has started
      const root = player.el();
      const texts = [...root.querySelectorAll('.vjs-control-bar .vjs-control-text, .vjs-big-play-button .vjs-control-text')]
        // What is shown, or read out: components hidden in this player (skip buttons, seek-to-live) are neither.
        .filter((node) => node.checkVisibility({ visibilityProperty: true }))
        .map((node) => node.textContent!.trim())
        .filter((text) => text !== '' && text !== ',');
      expect(texts.length).to.be.greaterThan(4);
      for (const text of texts) expect(text, text).to.match(CJK);
      expect(root.querySelector('.vjs-play-control .vjs-control-text')!.textContent).to.equal('播放');
      expect(root.querySelector('.vjs-volume-bar')!.getAttribute('aria-label')).to.equal('音量');
      expect(root.querySelector('.vjs-progress-holder')!.getAttribute('aria-label')).to.equal('进度条');
      expect(root.querySelector('.vjs-fullscreen-control .vjs-control-text')!.textContent).to.equal('全屏');
    } finally {
      player.dispose();
      holder.remove();
    }
  });
});
