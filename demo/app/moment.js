// A link to the current moment (`#t=` seconds, `?src=` when opened by URL), copied or shown to
// copy by hand; `#t=` in the address seeks there.

/** Parses `t=12.5` or `t=1:02.5` from a hash; null when absent or malformed. */
export function hashSeconds(hash) {
  const match = /(?:^#|&)t=([0-9:.]+)(?:&|$)/.exec(hash);
  if (!match) return null;
  const parts = match[1].split(':').map(Number);
  if (parts.length > 3 || parts.some((part) => !Number.isFinite(part))) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function momentLink(app) {
  const { source } = app.state;
  const link = new URL(location.href);
  link.search = '';
  if (source.kind === 'url' && source.url !== app.sampleUrl) link.searchParams.set('src', source.url);
  link.hash = `t=${(Math.floor((app.player.currentTime || 0) * 10 + 1e-6) / 10).toFixed(1)}`;
  return link.href;
}

async function copyLink(app) {
  const { els } = app;
  const link = momentLink(app);
  els.linkField.value = link;
  els.linkRow.hidden = false;
  els.copyFeedback.textContent = '';
  let copied = false;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // No clipboard (insecure context, permission refused): the link is shown selected instead.
    // (document.execCommand('copy') is not tried: it can block headless Chromium.)
    els.linkField.focus();
    els.linkField.select();
  }
  els.copyFeedback.textContent = copied ? app.t().copied : app.t().copyManually;
}

function seekToHash(app) {
  const seconds = hashSeconds(location.hash);
  if (seconds === null) return;
  if (app.player.timeline) app.seekTo(seconds);
  else app.state.pendingSeekS = seconds;
}

export function wireMoment(app) {
  app.els.copyLink.addEventListener('click', () => copyLink(app));
  window.addEventListener('hashchange', () => seekToHash(app));
}
