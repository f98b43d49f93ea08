// What the recording says about itself: room, shape, lengths, files, pauses, when it was recorded.
import { h } from './dom.js';

function formatRecorded(recording, lang) {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const start = format.format(new Date(recording.recordStartTime * 1000));
  if (!recording.recordStopTime) return start;
  const stop = new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(recording.recordStopTime * 1000));
  return `${start} – ${stop}`;
}

export function renderMeta(app) {
  const { els, player, kit } = app;
  const { recording, timeline } = player;
  els.meta.hidden = !recording;
  els.metaEmpty.hidden = Boolean(recording);
  if (!recording) {
    els.meta.replaceChildren();
    return;
  }
  const t = app.t();
  const m = t.meta;
  const items = [
    [m.roomId, recording.roomId !== undefined ? String(recording.roomId) : m.notGiven],
    recording.groupId && String(recording.groupId) !== String(recording.roomId) ? [m.groupId, recording.groupId] : null,
    recording.taskId ? [m.taskId, recording.taskId] : null,
    [m.shape, t.shapes[recording.shape] ?? recording.shape],
    [m.totalTime, recording.totalTimeMs !== undefined ? `${kit.formatClockMs(recording.totalTimeMs)} (${recording.totalTimeMs} ms)` : m.notGiven],
    timeline && timeline.durationMs !== recording.totalTimeMs ? [m.duration, kit.formatClockMs(timeline.durationMs)] : null,
    [m.files, m.filesValue(timeline?.files.length ?? 0, recording.files.length)],
    [m.omitted, m.omittedValue(recording.omittedDurations?.length ?? 0)],
    recording.recordStartTime ? [m.recorded, formatRecorded(recording, app.state.lang)] : null,
    recording.finishReason ? [m.finishReason, recording.finishReason] : null,
  ].filter(Boolean);
  els.meta.replaceChildren(...items.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}
