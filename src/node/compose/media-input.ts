/**
 * How ffmpeg is pointed at a file of the recording: a local path for `file:` URLs (ffmpeg does not
 * decode `%20` and friends in them), the URL itself for `http(s)`.
 */
import { fileURLToPath } from 'node:url';

export function ffmpegInputOf(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

export function isRemote(url: string): boolean {
  return /^https?:/i.test(url);
}

/** Input options that make a stalled network read fail instead of hanging for ever. */
export function networkInputArgs(url: string): string[] {
  return isRemote(url) ? ['-rw_timeout', '20000000', '-reconnect', '1', '-reconnect_on_network_error', '1'] : [];
}
