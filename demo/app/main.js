// The review page around <tic-replay>: open a recording (URL, file, drop, paste), list its
// problems, its tracks and files (with a check of every file URL), link to a moment, switch
// language. One app object holds the page's state; each module renders one part of the page from
// it and from the element's public API (properties, events, methods). Texts come from the
// project's catalogues (dist/review-kit.js).
import * as kit from '../../dist/review-kit.js';
import { findElements } from './dom.js';
import { applyLanguage, pickLanguage, rememberLanguage } from './language.js';
import { openUrl, renderSource, wireLoading } from './load.js';
import { renderMeta } from './meta.js';
import { hashSeconds, wireMoment } from './moment.js';
import { renderProblems } from './problems.js';
import { renderStatus } from './status.js';
import { checkUrls, renderActive, renderTable, wireTable } from './tracks.js';

function createApp() {
  const state = {
    lang: pickLanguage(kit),
    /** Where the open recording came from: {kind: 'url', url} | {kind: 'file', name, relative} | {kind: 'paste', relative} | {kind: 'none'}. */
    source: { kind: 'none' },
    /** `#t=` seconds waiting for the recording's metadata. */
    pendingSeekS: null,
    /** URL check results of the open recording: url -> {state: 'checking'|'ok'|'http'|'unreachable', status?}. */
    urlChecks: new Map(),
    checkAbort: new AbortController(),
    /** Rows of the files table, with the timeline entry each shows. */
    rows: [],
    lastActiveKey: '',
    dragDepth: 0,
  };
  const app = {
    kit,
    state,
    player: document.getElementById('player'),
    els: findElements(),
    sampleUrl: new URL('../sample-recording.json', import.meta.url).href,
    t: () => kit.reviewMessages(state.lang),
    ownerName: (file) => kit.ownerName(file.videoType, String(file.userId ?? ''), app.t()),
    resetForNewRecording() {
      state.checkAbort.abort();
      state.checkAbort = new AbortController();
      state.urlChecks = new Map();
      state.rows = [];
      app.els.copyFeedback.textContent = '';
      app.els.linkRow.hidden = true;
    },
    seekTo(seconds) {
      try {
        app.player.currentTime = seconds;
      } catch {
        // not loaded: nothing to seek
      }
      renderStatus(app);
      renderActive(app);
    },
    renderProblems: () => renderProblems(app),
    renderAll() {
      renderSource(app);
      renderProblems(app);
      renderMeta(app);
      renderTable(app);
      renderStatus(app);
    },
  };
  return app;
}

function wirePlayer(app) {
  const { player, state } = app;
  player.addEventListener('loadstart', () => {
    state.rows = [];
    app.renderAll();
  });
  player.addEventListener('emptied', () => app.renderAll());
  player.addEventListener('loadedmetadata', () => {
    app.renderAll();
    checkUrls(app);
    if (state.pendingSeekS !== null) {
      const seconds = state.pendingSeekS;
      state.pendingSeekS = null;
      // After the player has finished its own load (it positions itself right after this event).
      setTimeout(() => app.seekTo(seconds), 0);
    }
  });
  player.addEventListener('error', () => {
    renderProblems(app);
    renderStatus(app);
  });
  player.addEventListener('trackvisibilitychange', () => renderStatus(app));
  for (const type of ['timeupdate', 'seeking', 'seeked', 'play', 'playing', 'pause', 'waiting', 'ended', 'canplay', 'durationchange']) {
    player.addEventListener(type, () => {
      renderStatus(app);
      renderActive(app);
    });
  }
}

const app = createApp();
app.els.lang.addEventListener('change', () => {
  app.state.lang = kit.resolveLocale(app.els.lang.value);
  rememberLanguage(app.state.lang);
  applyLanguage(app);
  app.renderAll();
});
wireLoading(app);
wireTable(app);
wireMoment(app);
wirePlayer(app);

await customElements.whenDefined('tic-replay');
app.state.pendingSeekS = hashSeconds(location.hash);
applyLanguage(app);
app.renderAll();
openUrl(app, new URLSearchParams(location.search).get('src') || app.sampleUrl, { remember: false });
