// The tracks and files table: a row per file (its start seeks there), the rows playing now
// marked, and a check of every file URL (at most four at once).
import { h } from './dom.js';

const MAX_CHECKS = 4;

function formatSize(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function rowOf(app, entry, durationMs) {
  const t = app.t();
  const { file } = entry;
  const owner = app.ownerName(file);
  const type = t.videoType(file.videoType);
  const startLabel = app.kit.formatClockMs(entry.startMs);
  return h(
    'tr',
    { 'data-video-id': file.videoId, 'data-start-ms': entry.startMs, 'data-track-id': entry.trackId },
    h(
      'td',
      { className: 'col-start' },
      h(
        'button',
        { type: 'button', className: 'seek-btn', 'aria-label': t.seekTo(startLabel, owner === type ? owner : t.ownerAndType(owner, type)) },
        h('span', { className: 'play-mark', 'aria-hidden': 'true' }, '▶'),
        startLabel,
      ),
    ),
    h(
      'td',
      { className: 'col-user' },
      h('span', { className: 'owner' }, owner),
      file.userId && file.userId !== owner ? h('span', { className: 'sub', title: file.userId }, file.userId) : null,
      // On phones the Type column folds into this cell (only one of the two is displayed).
      owner !== type ? h('span', { className: `type-chip type-inline type-${file.videoType}` }, type) : null,
      h('span', { className: 'visually-hidden now-text' }, ''),
    ),
    h('td', { className: 'col-type' }, h('span', { className: `type-chip type-${file.videoType}` }, type)),
    h(
      'td',
      { className: 'num-time' },
      app.kit.formatClockMs(entry.endMs - entry.startMs),
      // On phones the Size column folds into this cell.
      h('span', { className: 'sub size-inline' }, formatSize(file.sizeBytes)),
    ),
    h(
      'td',
      { className: 'col-bar', 'aria-hidden': 'true' },
      h(
        'span',
        { className: 'bar' },
        h('span', {
          className: `bar-fill type-${file.videoType}`,
          style: `left:${(entry.startMs / durationMs) * 100}%;width:${Math.max(0.5, ((entry.endMs - entry.startMs) / durationMs) * 100)}%`,
        }),
      ),
    ),
    h('td', { className: 'num col-size' }, formatSize(file.sizeBytes)),
    h('td', { className: 'col-url' }, h('span', { className: 'url-status' })),
  );
}

export function renderTable(app) {
  const { els, player, state } = app;
  const timeline = player.timeline;
  const files = timeline?.files ?? [];
  const durationMs = timeline?.durationMs || 1;
  state.rows = files.map((entry) => ({ row: rowOf(app, entry, durationMs), entry }));
  els.filesBody.replaceChildren(...state.rows.map(({ row }) => row));
  els.filesTable.hidden = state.rows.length === 0;
  els.filesEmpty.hidden = state.rows.length > 0;
  els.filesSummary.textContent = timeline ? app.t().filesSummary(files.length, timeline.tracks.length) : '';
  renderUrlStatuses(app);
  state.lastActiveKey = '';
  renderActive(app);
}

/** Marks the rows playing at the current position (and moves the playhead line). */
export function renderActive(app) {
  const { els, player, state } = app;
  const nowMs = (player.currentTime || 0) * 1000;
  const durationMs = player.timeline?.durationMs;
  els.filesTable.style.setProperty('--playhead', durationMs ? `${Math.min(100, (nowMs / durationMs) * 100)}%` : '0%');
  const active = state.rows.map(({ entry }) => entry.startMs <= nowMs && nowMs < entry.endMs);
  const key = active.map(Number).join('');
  if (key === state.lastActiveKey) return;
  state.lastActiveKey = key;
  state.rows.forEach(({ row }, index) => {
    row.classList.toggle('is-active', active[index]);
    if (active[index]) row.setAttribute('aria-current', 'time');
    else row.removeAttribute('aria-current');
    row.querySelector('.now-text').textContent = active[index] ? ` (${app.t().playingNow})` : '';
  });
}

/** Checks every file URL of the open recording (a one-byte Range request). */
export function checkUrls(app) {
  const { state } = app;
  const signal = state.checkAbort.signal;
  const urls = [...new Set(state.rows.map(({ entry }) => entry.file.url))].filter((url) => !state.urlChecks.has(url));
  for (const url of urls) state.urlChecks.set(url, { state: 'checking' });
  renderUrlStatuses(app);
  let next = 0;
  const worker = async () => {
    while (next < urls.length && !signal.aborted) {
      const url = urls[next++];
      const result = await checkUrl(url, signal);
      if (signal.aborted) return;
      state.urlChecks.set(url, result);
      renderUrlStatuses(app, url);
      if (result.state !== 'ok') app.renderProblems();
    }
  };
  for (let i = 0; i < Math.min(MAX_CHECKS, urls.length); i++) worker();
}

async function checkUrl(url, signal) {
  try {
    const response = await fetch(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, signal, cache: 'no-store' });
    response.body?.cancel().catch(() => undefined);
    return response.ok ? { state: 'ok', status: response.status } : { state: 'http', status: response.status };
  } catch {
    return { state: 'unreachable' };
  }
}

function renderUrlStatuses(app, onlyUrl) {
  const t = app.t();
  for (const { row, entry } of app.state.rows) {
    const url = entry.file.url;
    if (onlyUrl && url !== onlyUrl) continue;
    const cell = row.querySelector('.url-status');
    const result = app.state.urlChecks.get(url);
    const state = result?.state ?? 'checking';
    cell.className = `url-status url-${state}`;
    cell.textContent = state === 'http' ? t.urlHttpStatus(result.status) : t.urlCheck(state);
    cell.title = url;
  }
}

/** A click anywhere on a row goes to that file's start. */
export function wireTable(app) {
  app.els.filesBody.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-start-ms]');
    if (!row || !app.player.timeline) return;
    app.seekTo(Number(row.dataset.startMs) / 1000);
  });
}
