/** Fetches a small text document (an HLS playlist) with the same rules and retries as file downloads. */
import { withRetries, type RetryOptions } from './download-file.js';
import { HttpGetError, asGetError, openGet, statusError, type GetOptions } from './http-get.js';

export interface FetchedText {
  readonly text: string;
  /** The URL after redirects: what relative URIs in the text resolve against. */
  readonly url: string;
}

const MAX_TEXT_BYTES = 8 * 1024 * 1024;

export function fetchText(url: string, options: GetOptions & RetryOptions & { onRetry?: (attempt: number, reason: string) => void }): Promise<FetchedText> {
  return withRetries(options, async () => {
    const { response, url: finalUrl } = await openGet(url, options);
    if (response.statusCode !== 200) {
      response.resume();
      throw statusError(finalUrl, response);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response) {
        size += (chunk as Buffer).length;
        if (size > MAX_TEXT_BYTES) {
          response.destroy();
          throw new HttpGetError(finalUrl, `larger than ${MAX_TEXT_BYTES} bytes: not a playlist`, false);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw asGetError(finalUrl, error);
    }
    if (!response.complete) throw new HttpGetError(finalUrl, 'the connection was reset', true);
    return { text: Buffer.concat(chunks).toString('utf8'), url: finalUrl };
  });
}
