/**
 * Which URLs the player will load, and what they resolve to.
 *
 * A recording is data from outside the page: its URLs must not make the page run script
 * (`javascript:`), read local files (`file:`) or smuggle content in (`data:`). Only the schemes a
 * media element or `fetch` needs are allowed.
 */

export type MediaUrlResult = { ok: true; url: string } | { ok: false; reason: string };

const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'blob:']);
const ALLOWED_TEXT = 'only http:, https:, blob: and relative URLs are loaded';

/** A scheme as the URL parser reads it: a letter, then letters, digits, `+ - .`, then `:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Resolves `raw` (a URL from the recording) against `baseUrl`.
 *
 * A relative URL is allowed whatever the base's scheme (it points where the recording itself
 * came from); an absolute URL must be `http:`, `https:` or `blob:`.
 */
export function resolveMediaUrl(raw: string, baseUrl: string): MediaUrlResult {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'the URL is empty' };

  // The URL parser drops tabs and newlines anywhere ("java\nscript:" is "javascript:"), so the
  // scheme is read the way the parser will read it, not from the raw text.
  const scheme = SCHEME.exec(trimmed.replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(`${scheme}:`)) {
    return { ok: false, reason: `the ${scheme}: scheme is not allowed (${ALLOWED_TEXT})` };
  }

  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    return scheme === undefined
      ? { ok: false, reason: `it cannot be resolved against ${baseUrl}` }
      : { ok: false, reason: 'it is not a valid URL' };
  }
  // A relative URL keeps the base's scheme; anything else means the parser saw a scheme we did not.
  const allowed = scheme === undefined ? url.protocol === new URL(baseUrl).protocol : ALLOWED_SCHEMES.has(url.protocol);
  if (!allowed) {
    return { ok: false, reason: `the ${url.protocol} scheme is not allowed (${ALLOWED_TEXT})` };
  }
  return { ok: true, url: url.href };
}
