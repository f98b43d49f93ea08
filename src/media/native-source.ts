import type { RecordingFile } from '../core/recording/recording.js';
import { diagnoseMediaFailure } from './diagnose-failure.js';
import type { AttachedSource, SourceAdapter, SourceFailure } from './source-adapter.js';

/** mp4 and mp3 (and HLS where the browser plays it itself) through the element's own `src`. */
export const nativeSource: SourceAdapter = {
  name: 'native',
  canPlay(file: RecordingFile): boolean {
    if (file.format !== 'hls') return true;
    return !hasMediaSource() && document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
  },
  async attach(media: HTMLMediaElement, file: RecordingFile, onFailure: (failure: SourceFailure) => void): Promise<AttachedSource> {
    let detached = false;
    const onError = () => {
      const error = media.error;
      void diagnoseMediaFailure(file.url, error).then((failure) => {
        if (!detached) onFailure(failure);
      });
    };
    media.addEventListener('error', onError);
    media.src = file.url;
    return {
      detach() {
        detached = true;
        media.removeEventListener('error', onError);
        media.removeAttribute('src');
        media.load(); // drops the download and the decoder
      },
    };
  },
};

/** MSE (or Safari's ManagedMediaSource) is what hls.js needs. */
export function hasMediaSource(): boolean {
  const scope = globalThis as { MediaSource?: unknown; ManagedMediaSource?: unknown };
  return typeof scope.MediaSource === 'function' || typeof scope.ManagedMediaSource === 'function';
}
