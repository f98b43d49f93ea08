// The line under the player: time, state and who is on screen, all read from the element's
// public properties (timeline, currentTime, hiddenTracks).
const AUDIO_ONLY = 4;

function playerState(player) {
  if (player.error?.fatal) return 'error';
  if (!player.timeline) return player.networkState === 0 ? 'empty' : 'loading';
  if (player.seeking) return 'seeking';
  if (player.ended) return 'ended';
  if (player.paused) return 'paused';
  if (player.readyState < 3) return 'waiting';
  return 'playing';
}

/** Names of the visible tracks with a file at the current position, in timeline order, once each. */
function namesOnScreen(app) {
  const { player } = app;
  const nowMs = (player.currentTime || 0) * 1000;
  const hidden = new Set(player.hiddenTracks ?? []);
  const names = player.timeline.tracks
    .filter((track) => track.videoType !== AUDIO_ONLY && !hidden.has(track.id))
    .filter((track) => track.files.some((entry) => entry.startMs <= nowMs && nowMs < entry.endMs))
    .map((track) => app.ownerName({ videoType: track.videoType, userId: track.userId }));
  return [...new Set(names)];
}

export function renderStatus(app) {
  const { els, player, kit } = app;
  const t = app.t();
  const clock = (seconds) => (Number.isFinite(seconds) ? kit.formatClockTenths(seconds) : '–');
  els.time.textContent = clock(player.currentTime);
  els.duration.textContent = clock(player.duration);
  const state = playerState(player);
  els.state.dataset.state = state;
  els.state.textContent = t.state[state];
  if (!player.timeline) {
    els.onScreen.textContent = '';
    return;
  }
  const names = namesOnScreen(app);
  els.onScreen.textContent = names.length ? t.onScreen(names) : t.nothingOnScreen;
}
