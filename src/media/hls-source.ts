import type { RecordingFile } from '../core/recording/recording.js';
import { describedFailure } from './diagnose-failure.js';
import { hasMediaSource } from './native-source.js';
import type { AttachedSource, SourceAdapter, SourceFailure } from './source-adapter.js';

type HlsModule = typeof import('hls.js');

let hlsModule: Promise<HlsModule> | undefined;
let hlsModuleUrl: string | undefined;

/**
 * Where to load hls.js from instead of the bundled chunk: the classic-script build has no chunks, so
 * it points this at the ES module copied beside it.
 */
export function setHlsModuleUrl(url: string): void {
  hlsModuleUrl = url;
}

/** hls.js is loaded the first time a recording has an HLS file, never before. */
function loadHls(): Promise<HlsModule> {
  hlsModule ??= (hlsModuleUrl ? import(/* @vite-ignore */ hlsModuleUrl) : import('hls.js/light')) as Promise<HlsModule>;
  return hlsModule;
}

/** Live hls.js instances, so tests and the benchmark can prove nothing leaks. */
let liveInstances = 0;
export function liveHlsInstances(): number {
  return liveInstances;
}

/** `m3u8` files through hls.js on MediaSource. Where MSE is missing, `nativeSource` takes HLS. */
export const hlsSource: SourceAdapter = {
  name: 'hls.js',
  canPlay(file: RecordingFile): boolean {
    return file.format === 'hls' && hasMediaSource();
  },
  async attach(media: HTMLMediaElement, file: RecordingFile, onFailure: (failure: SourceFailure) => void): Promise<AttachedSource> {
    const { default: Hls } = await loadHls();
    const hls = new Hls({
      maxBufferLength: 20,
      backBufferLength: 10,
      // The element's own currentTime decides where loading starts; the sync engine seeks it.
      startPosition: -1,
    });
    liveInstances += 1;
    let mediaErrorRecoveries = 0;
    let destroyed = false;
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal || destroyed) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaErrorRecoveries < 1) {
        mediaErrorRecoveries += 1;
        hls.recoverMediaError();
        return;
      }
      const status = data.response?.code;
      if (typeof status === 'number' && status >= 400) {
        const url = data.url ?? file.url;
        onFailure(describedFailure((m) => m.mediaLoadFailed(url, m.reasonHttp(status, '')), status));
      } else {
        const { details } = data;
        const detail = data.error?.message || undefined;
        onFailure(describedFailure((m) => m.hlsFailed(file.url, details, detail)));
      }
    });
    // The first fragment's audio and video start times give the video's offset from media time 0.
    const firstStarts: { sn?: number | string; audio?: number; video?: number } = {};
    let videoStartOffsetS = 0;
    hls.on(Hls.Events.LEVEL_PTS_UPDATED, (_event, data) => {
      if (data.type !== 'audio' && data.type !== 'video') return;
      if (firstStarts.sn === undefined) firstStarts.sn = data.frag.sn;
      if (data.frag.sn !== firstStarts.sn) return;
      firstStarts[data.type] = data.start;
      if (firstStarts.audio !== undefined && firstStarts.video !== undefined) {
        const offset = firstStarts.video - firstStarts.audio;
        videoStartOffsetS = offset > 0 && offset < 0.5 ? offset : 0;
      }
    });
    hls.loadSource(file.url);
    hls.attachMedia(media);
    return {
      get videoStartOffsetS() {
        return videoStartOffsetS;
      },
      detach() {
        if (destroyed) return;
        destroyed = true;
        liveInstances -= 1;
        hls.destroy();
        media.removeAttribute('src');
        media.load();
      },
    };
  },
};
