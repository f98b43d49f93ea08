/**
 * Which catalogue a language tag gets, and which language an element is in.
 *
 * There are two catalogues: English and Simplified Chinese. Every Chinese tag gets Simplified
 * Chinese, Traditional ones included (`zh-TW`, `zh-HK`, `zh-Hant`): a Traditional reader understands
 * it far better than English, and there is no Traditional catalogue (yet). Everything else, and no
 * tag at all, gets English.
 */
export type Locale = 'en' | 'zh-CN';

/** A BCP 47 tag (`zh-Hans-CN`, `en-GB`, also `zh_CN` as some back ends write it) to a catalogue's locale. */
export function resolveLocale(lang?: string | null): Locale {
  const primary = (lang ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
  return primary === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The language an element is in, as HTML decides it: the nearest `lang` attribute on the element
 * or an ancestor, then the document's, then the browser's. Unlike `closest('[lang]')` alone, this
 * climbs out of shadow roots, so a player inside another component follows the page's `lang`.
 * `lang=""` (language explicitly unknown) is skipped, as it says nothing to choose by.
 */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]:not([lang=""])');
    if (withLang) return withLang.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return element.ownerDocument.documentElement.lang || navigator.language || '';
}

/** The catalogue locale for an element (see `languageOf`). */
export function localeOf(element: Element): Locale {
  return resolveLocale(languageOf(element));
}
