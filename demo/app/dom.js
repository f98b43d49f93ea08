// Small DOM helpers. Everything from a recording is written as text, never as HTML.

export const byId = (id) => document.getElementById(id);

/** `<tag>` with attributes and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** The page's elements, found once. */
export function findElements() {
  return {
    lang: byId('lang-select'),
    time: byId('time'),
    duration: byId('duration'),
    state: byId('state'),
    onScreen: byId('on-screen'),
    filesBody: byId('files-body'),
    filesTable: byId('files-table'),
    filesEmpty: byId('files-empty'),
    filesSummary: byId('files-summary'),
    urlForm: byId('url-form'),
    urlInput: byId('url-input'),
    urlError: byId('url-error'),
    fileInput: byId('file-input'),
    fileButton: byId('file-button'),
    fileError: byId('file-error'),
    pasteForm: byId('paste-form'),
    pasteInput: byId('paste-input'),
    sourceLine: byId('source-line'),
    relativeNote: byId('relative-note'),
    copyLink: byId('copy-link'),
    copyFeedback: byId('copy-feedback'),
    linkRow: byId('link-row'),
    linkField: byId('link-field'),
    shareNote: byId('share-note'),
    problemCount: byId('problem-count'),
    problemsEmpty: byId('problems-empty'),
    problemsList: byId('problems-list'),
    meta: byId('meta'),
    metaEmpty: byId('meta-empty'),
    dropOverlay: byId('drop-overlay'),
  };
}
