import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { SourceFailure } from './source-adapter.js';

/** A failure worded by a catalogue entry: English in `message`, any language through `describe`. */
export function describedFailure(describe: (messages: Messages) => string, status?: number): SourceFailure {
  return { message: describe(en), describe, ...(status === undefined ? {} : { status }) };
}

/**
 * A media element only says "error"; this asks the server for the first byte so the message can
 * name the HTTP status (404, 403, ...) when that is the cause.
 */
export async function diagnoseMediaFailure(url: string, error: MediaError | null): Promise<SourceFailure> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' });
    void response.body?.cancel();
    if (!response.ok) {
      const { status, statusText } = response;
      return describedFailure((m) => m.mediaLoadFailed(url, m.reasonHttp(status, statusText)), status);
    }
  } catch {
    return describedFailure((m) => m.mediaLoadFailed(url, m.reasonNetwork));
  }
  const code = error?.code;
  const detail = error?.message || undefined;
  return describedFailure((m) => m.mediaPlayFailed(url, m.mediaErrorReason(code), detail));
}
