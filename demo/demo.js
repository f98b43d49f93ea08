const player = document.getElementById('player');
const time = document.getElementById('time');
const duration = document.getElementById('duration');
const state = document.getElementById('state');
const active = document.getElementById('active');

const clock = (seconds) => {
  if (!Number.isFinite(seconds)) return '–';
  const m = Math.floor(seconds / 60);
  const s = (seconds % 60).toFixed(2).padStart(5, '0');
  return `${m}:${s}`;
};

function refresh() {
  time.textContent = clock(player.currentTime);
  duration.textContent = clock(player.duration);
  state.textContent = player.error?.fatal ? 'error' : player.seeking ? 'seeking' : player.paused ? 'paused' : 'playing';
  const ids = [...(player.shadowRoot?.querySelectorAll('[data-state="active"]') ?? [])].map(
    (el) => el.dataset.userId || 'whiteboard',
  );
  active.textContent = ids.length ? `On screen: ${ids.join(', ')}` : 'Nothing on screen at this moment';
}
for (const type of ['timeupdate', 'seeked', 'play', 'pause', 'loadedmetadata', 'error', 'ended', 'waiting', 'playing']) {
  player.addEventListener(type, refresh);
}
