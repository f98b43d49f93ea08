import type { RecordingFile } from '../core/recording/recording.js';
import { hlsSource } from './hls-source.js';
import { nativeSource } from './native-source.js';
import type { SourceAdapter } from './source-adapter.js';

/** In order of preference: the first adapter that can play a file plays it. */
const DEFAULT_ADAPTERS: readonly SourceAdapter[] = [hlsSource, nativeSource];

export function adapterFor(file: RecordingFile, adapters: readonly SourceAdapter[] = DEFAULT_ADAPTERS): SourceAdapter | undefined {
  return adapters.find((adapter) => adapter.canPlay(file));
}
