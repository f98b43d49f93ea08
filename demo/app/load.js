// Opening a recording: by URL (the form, ?src=), from a file (picker or drop) or pasted JSON.
import { h } from './dom.js';

/** Opens the recording at `value` (relative to the page). An invalid URL is said under the field and closes the last recording. */
export async function openUrl(app, value, { remember = true } = {}) {
  const { player, els, state } = app;
  let url;
  try {
    url = new URL(value.trim(), location.href).href;
  } catch {
    await closeRecording(app);
    showFieldError(els.urlInput, els.urlError, app.t().invalidUrl(value));
    app.renderAll();
    return;
  }
  clearFieldErrors(app);
  state.source = { kind: 'url', url };
  app.resetForNewRecording();
  els.urlInput.value = url === app.sampleUrl ? 'sample-recording.json' : url;
  if (remember) rememberInAddress(app, url === app.sampleUrl ? null : url);
  player.result = undefined;
  if (player.src === url) {
    // Same URL again: load it afresh (the files may have changed).
    player.src = '';
    await player.updateComplete;
  }
  player.src = url;
  app.renderAll();
}

/** Opens a recording from JSON text (a file or the paste box). */
export async function openText(app, text, origin) {
  const { player, state } = app;
  clearFieldErrors(app);
  state.source = { ...origin, relative: relativeExample(app.kit, text) };
  app.resetForNewRecording();
  rememberInAddress(app, null);
  if (player.result === text) {
    player.result = undefined;
    player.src = '';
    await player.updateComplete;
  }
  player.src = '';
  player.result = text;
  app.renderAll();
}

export async function openFile(app, file) {
  let text;
  try {
    text = await file.text();
  } catch {
    await closeRecording(app);
    showFieldError(app.els.fileButton, app.els.fileError, app.t().readFailed(file.name));
    app.renderAll();
    return;
  }
  await openText(app, text, { kind: 'file', name: file.name });
}

/** Nothing open: the player forgets the last recording (and its error). */
async function closeRecording(app) {
  app.state.source = { kind: 'none' };
  app.resetForNewRecording();
  rememberInAddress(app, null);
  app.player.result = undefined;
  app.player.src = '';
  await app.player.updateComplete;
}

function showFieldError(field, message, text) {
  message.textContent = text;
  message.hidden = false;
  field.setAttribute('aria-invalid', 'true');
  field.focus();
}

function clearFieldErrors(app) {
  for (const [field, message] of [[app.els.urlInput, app.els.urlError], [app.els.fileButton, app.els.fileError]]) {
    message.hidden = true;
    message.textContent = '';
    field.removeAttribute('aria-invalid');
  }
}

/** The first relative VideoUrl of the JSON (any of its three envelopes), or null. */
function relativeExample(kit, text) {
  let body;
  try {
    body = kit.unwrapEnvelope(JSON.parse(text)).body;
  } catch {
    return null; // the player says what is wrong with it
  }
  const infos = Array.isArray(body.VideoInfos) ? body.VideoInfos : [];
  for (const info of infos) {
    const url = typeof info?.VideoUrl === 'string' ? info.VideoUrl.trim() : '';
    if (url && kit.schemeOf(url) === undefined) return url;
  }
  return null;
}

/** Keeps `?src=` in the address bar in step with what is open, so a reload shows the same recording. */
function rememberInAddress(app, url) {
  app.state.pendingSeekS = null; // a `#t=` of the page's first recording does not apply to this one
  const address = new URL(location.href);
  if (url) address.searchParams.set('src', url);
  else address.searchParams.delete('src');
  address.hash = '';
  history.replaceState(null, '', address);
}

/** Where the open recording came from, and the note about relative URLs. */
export function renderSource(app) {
  const { els, state } = app;
  const t = app.t();
  const { source } = state;
  if (source.kind === 'url' && source.url === app.sampleUrl) els.sourceLine.replaceChildren(t.openedFromSample);
  else if (source.kind === 'url') els.sourceLine.replaceChildren(`${t.openedFromUrl} `, h('code', { className: 'url' }, source.url));
  else if (source.kind === 'file') els.sourceLine.replaceChildren(t.openedFromFile(source.name));
  else if (source.kind === 'paste') els.sourceLine.replaceChildren(t.openedFromPaste);
  else els.sourceLine.replaceChildren();
  const relative = (source.kind === 'file' || source.kind === 'paste') && source.relative;
  els.relativeNote.hidden = !relative;
  if (relative) els.relativeNote.textContent = t.relativeNote(source.relative, new URL('.', document.baseURI).href);
  els.shareNote.hidden = source.kind === 'url' || source.kind === 'none';
  els.shareNote.textContent = t.shareLocalNote;
}

/** The forms, the file picker and dropping a file anywhere on the page. */
export function wireLoading(app) {
  const { els, state } = app;
  els.urlForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (els.urlInput.value.trim()) openUrl(app, els.urlInput.value);
    else els.urlInput.focus();
  });
  els.pasteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = els.pasteInput.value;
    if (text.trim()) openText(app, text, { kind: 'paste' });
    else els.pasteInput.focus();
  });
  els.fileButton.addEventListener('click', () => els.fileInput.click());
  els.fileInput.addEventListener('change', () => {
    const [file] = els.fileInput.files ?? [];
    if (file) openFile(app, file);
    els.fileInput.value = '';
  });

  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    state.dragDepth += 1;
    els.dropOverlay.hidden = false;
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    state.dragDepth = Math.max(0, state.dragDepth - 1);
    if (state.dragDepth === 0) els.dropOverlay.hidden = true;
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    state.dragDepth = 0;
    els.dropOverlay.hidden = true;
    const [file] = event.dataTransfer.files;
    if (file) openFile(app, file);
  });
}
