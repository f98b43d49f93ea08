/**
 * Which URLs the player will load, and what they resolve to.
 *
 * A recording is data from outside the page: its URLs must not make the page run script
 * (`javascript:`), read local files (`file:`) or smuggle content in (`data:`). Only the schemes a
 * media element or `fetch` needs are allowed.
 */

/** Why a URL is refused, for a catalogue to put into words (`Messages.urlRefusal`). */
export type UrlRefusal =
  | { readonly kind: 'empty' }
  /** `scheme` with its colon, lower case: `javascript:`. */
  | { readonly kind: 'scheme'; readonly scheme: string }
  /** A relative URL against a base that cannot have relative URLs (`about:blank`). */
  | { readonly kind: 'unresolvable'; readonly baseUrl: string }
  | { readonly kind: 'invalid' };

export type MediaUrlResult = { ok: true; url: string } | { ok: false; refusal: UrlRefusal };

/** The schemes an absolute URL from a recording may have; relative URLs are allowed too. */
export const ALLOWED_URL_SCHEMES: readonly string[] = ['http:', 'https:', 'blob:'];
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(ALLOWED_URL_SCHEMES);

/** A scheme as the URL parser reads it: a letter, then letters, digits, `+ - .`, then `:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Resolves `raw` (a URL from the recording) against `baseUrl`.
 *
 * A relative URL is allowed whatever the base's scheme (it points where the recording itself
 * came from); an absolute URL must be `http:`, `https:` or `blob:`. A refusal is data (`refusal`);
 * `Messages.urlRefusal` words it.
 */
export function resolveMediaUrl(raw: string, baseUrl: string): MediaUrlResult {
  const refuse = (refusal: UrlRefusal): MediaUrlResult => ({ ok: false, refusal });
  const trimmed = raw.trim();
  if (trimmed === '') return refuse({ kind: 'empty' });

  const scheme = schemeOf(trimmed);
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) {
    return refuse({ kind: 'scheme', scheme });
  }

  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    return refuse(scheme === undefined ? { kind: 'unresolvable', baseUrl } : { kind: 'invalid' });
  }
  // A relative URL keeps the base's scheme; anything else means the parser saw a scheme we did not.
  const allowed = scheme === undefined ? url.protocol === new URL(baseUrl).protocol : ALLOWED_SCHEMES.has(url.protocol);
  if (!allowed) return refuse({ kind: 'scheme', scheme: url.protocol });
  return { ok: true, url: url.href };
}

/**
 * The scheme of `url` with its colon, lower case (`javascript:`), or undefined for a relative URL.
 * The URL parser drops tabs and newlines anywhere ("java\nscript:" is "javascript:"), so the scheme
 * is read the way the parser will read it, not from the raw text.
 */
export function schemeOf(url: string): string | undefined {
  const scheme = SCHEME.exec(url.trim().replace(/[\t\n\r]/g, ''))?.[1]?.toLowerCase();
  return scheme === undefined ? undefined : `${scheme}:`;
}

/** Whether `url` (from a recording) is one the player would load: relative, or an allowed scheme. */
export function isAllowedMediaUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return url.trim() !== '' && (scheme === undefined || ALLOWED_SCHEMES.has(scheme));
}
