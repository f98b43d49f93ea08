// The problems list: what the player reported (fatal first), then files whose URL check failed
// before the player reached them. A fatal problem's sentence is shown once, by the player itself;
// the list keeps its place and its details (path, URL, HTTP status).
import { h } from './dom.js';

function kindOf(problem) {
  if (problem.fatal) return 'fatal';
  return problem.videoId !== undefined && problem.path === undefined ? 'file' : 'entry';
}

function details(app, problem) {
  const fields = app.t().problemFields;
  const rows = [];
  if (problem.path) rows.push([fields.path, problem.path]);
  if (problem.url) rows.push([fields.url, problem.url]);
  if (problem.status !== undefined) rows.push([fields.status, String(problem.status)]);
  if (problem.videoId) rows.push([fields.videoId, problem.videoId]);
  if (!rows.length) return null;
  return h(
    'dl',
    { className: 'problem-details' },
    rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, h('code', {}, value)))),
  );
}

/** Files whose URL check failed and that the player has not reported itself, as problem-like items. */
function failedChecks(app, reported) {
  const t = app.t();
  const reportedUrls = new Set(reported.map((problem) => problem.url).filter(Boolean));
  const items = [];
  for (const { entry } of app.state.rows) {
    const { file } = entry;
    const result = app.state.urlChecks.get(file.url);
    if (!result || (result.state !== 'http' && result.state !== 'unreachable') || reportedUrls.has(file.url)) continue;
    const answer = result.state === 'http' ? t.urlHttpStatus(result.status) : t.urlCheck('unreachable');
    const what = `${app.ownerName(file)} · ${t.videoType(file.videoType)} · ${app.kit.formatClockMs(entry.startMs)}`;
    items.push({ kind: 'check', message: t.checkFailed(what, answer), url: file.url, status: result.status, videoId: file.videoId });
  }
  return items;
}

export function renderProblems(app) {
  const { els, player } = app;
  const t = app.t();
  const problems = [...(player.problems ?? [])];
  const ordered = [...problems.filter((p) => p.fatal), ...problems.filter((p) => !p.fatal), ...failedChecks(app, problems)];
  els.problemsList.replaceChildren(
    ...ordered.map((problem) => {
      const kind = problem.kind ?? kindOf(problem);
      return h(
        'li',
        { className: `problem problem-${kind}` },
        h('span', { className: `badge badge-${kind}` }, t.problemKinds[kind]),
        h('p', { className: 'problem-message' }, kind === 'fatal' ? t.fatalShownInPlayer : problem.message),
        details(app, problem),
      );
    }),
  );
  els.problemsEmpty.hidden = ordered.length > 0;
  els.problemCount.textContent = ordered.length ? t.problemCount(ordered.length) : '';
}
