import type { SourceFailure } from './source-adapter.js';

const MEDIA_ERROR_WORDS: Record<number, string> = {
  1: 'loading was aborted',
  2: 'a network error interrupted the download',
  3: 'the file could not be decoded',
  4: 'the file is missing or its format is not supported',
};

/**
 * A media element only says "error"; this asks the server for the first byte so the message can
 * name the HTTP status (404, 403, ...) when that is the cause.
 */
export async function diagnoseMediaFailure(url: string, error: MediaError | null): Promise<SourceFailure> {
  const mediaWords = (error && MEDIA_ERROR_WORDS[error.code]) ?? 'the file could not be played';
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' });
    void response.body?.cancel();
    if (!response.ok) {
      return { status: response.status, message: `Could not load ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
  } catch {
    return { message: `Could not load ${url}: the network request failed (offline, or blocked by CORS)` };
  }
  const detail = error?.message ? ` (${error.message})` : '';
  return { message: `Could not play ${url}: ${mediaWords}${detail}` };
}
