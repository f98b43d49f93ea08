/**
 * Rewrites an HLS playlist so that it plays from a folder: every URI it names (segments, variant
 * playlists, keys, init sections: plain lines and `URI="…"` attributes) becomes a local file name
 * beside it, and the list of what must be downloaded comes back with it.
 */

export interface PlaylistReference {
  /** Absolute URL of the resource. */
  readonly url: string;
  /** Its local name, a plain file name in the playlist's folder. */
  readonly localName: string;
  /** A variant (media) playlist of a master playlist: it is rewritten in its turn. */
  readonly isPlaylist: boolean;
}

export interface RewrittenPlaylist {
  readonly text: string;
  readonly references: readonly PlaylistReference[];
}

/**
 * `nameFor(url, isPlaylist)` gives the local name for a resource; the same URL (byte-range
 * segments name one file many times) is asked for once.
 */
export function rewritePlaylist(
  text: string,
  playlistUrl: string,
  nameFor: (url: string, isPlaylist: boolean) => string,
): RewrittenPlaylist {
  if (!/^\uFEFF?#EXTM3U/.test(text)) throw new Error('not an HLS playlist (no #EXTM3U header)');
  const byUrl = new Map<string, PlaylistReference>();
  const local = (uri: string, isPlaylist: boolean): string => {
    const url = new URL(uri.trim(), playlistUrl).href;
    let reference = byUrl.get(url);
    if (!reference) {
      reference = { url, localName: nameFor(url, isPlaylist), isPlaylist };
      byUrl.set(url, reference);
    }
    return reference.localName;
  };

  let nextUriIsPlaylist = false;
  const lines = text.split(/\r?\n/).map((line) => {
    const trimmed = line.trim();
    if (trimmed === '') return line;
    if (trimmed.startsWith('#')) {
      if (/^#EXT-X-STREAM-INF:/i.test(trimmed)) nextUriIsPlaylist = true;
      // Alternative renditions and I-frame playlists name playlists; keys, maps and the rest name files.
      const attributeIsPlaylist = /^#EXT-X-(MEDIA|I-FRAME-STREAM-INF):/i.test(trimmed);
      return line.replace(/URI="([^"]*)"/g, (_match, uri: string) => `URI="${local(uri, attributeIsPlaylist)}"`);
    }
    const name = local(trimmed, nextUriIsPlaylist || /\.m3u8?(\?|$)/i.test(trimmed));
    nextUriIsPlaylist = false;
    return name;
  });
  return { text: lines.join('\n'), references: [...byUrl.values()] };
}

/** A local name's extension from the URL's path: `.ts`, `.m4s`, `.key`; `.m3u8` for playlists. */
export function extensionOf(url: string, isPlaylist: boolean): string {
  if (isPlaylist) return '.m3u8';
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(new URL(url).pathname);
  return match ? `.${match[1]!.toLowerCase()}` : '';
}
