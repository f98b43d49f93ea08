// The page's language: remembered per browser, else the page's own `lang`; it is set on <html>,
// on the player (which loads its own strings) and on every text of the page.
const LANG_KEY = 'tic-replay-demo:lang';

export function pickLanguage(kit) {
  let stored = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    // storage may be unavailable (privacy settings): the page's own lang decides
  }
  return kit.resolveLocale(stored ?? document.documentElement.lang);
}

export function rememberLanguage(lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered, still switched
  }
}

/** Words the page's static texts (`data-i18n`) and sets `lang` on the page and the player. */
export function applyLanguage(app) {
  const { lang } = app.state;
  const texts = app.t().page;
  document.documentElement.lang = lang;
  app.player.setAttribute('lang', lang);
  app.els.lang.value = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    const text = texts[element.dataset.i18n];
    if (typeof text === 'string') element.textContent = text;
  }
  document.title = app.t().documentTitle;
}
