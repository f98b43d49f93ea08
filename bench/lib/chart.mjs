// The chart in BENCHMARKS.md: for one scenario, each stream's position minus the median of all
// streams over time, one panel per player, rate changes marked below each panel. A sawtooth, a
// stream parked off the others or a burst of rate writes is seen at a glance. Plain SVG, no library.

const PANEL_WIDTH = 860;
const PANEL_HEIGHT = 150;
const MARGIN = { left: 56, right: 16, top: 26, bottom: 30 };
/** The vertical axis spans ±this (ms); larger errors are drawn at the edge (the panel says so). */
const RANGE_MS = 20;
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

const escapeXml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * @param {string} title the scenario
 * @param {Record<string, { streams: string[], t: number[], errorsMs: Array<Array<number|null>>, writes: Array<{t: number, index: number}> }>} traces per player
 */
export function renderSyncChart(title, traces) {
  const players = Object.keys(traces);
  const endS = Math.max(1, ...players.map((player) => traces[player].t.at(-1) ?? 0));
  const startS = Math.min(0, ...players.map((player) => traces[player].t[0] ?? 0));
  const innerWidth = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (s) => MARGIN.left + ((s - startS) / (endS - startS)) * innerWidth;
  const y = (ms) => MARGIN.top + ((RANGE_MS - Math.max(-RANGE_MS, Math.min(RANGE_MS, ms))) / (2 * RANGE_MS)) * innerHeight;
  const height = 40 + players.length * PANEL_HEIGHT;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PANEL_WIDTH}" height="${height}" viewBox="0 0 ${PANEL_WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="18" font-size="13" font-weight="bold">${escapeXml(title)}: each stream's position − the median of all streams (ms)</text>`,
  ];
  players.forEach((player, panel) => {
    const trace = traces[player];
    const top = 30 + panel * PANEL_HEIGHT;
    parts.push(`<g transform="translate(0 ${top})">`);
    const clipped = trace.errorsMs.some((row) => row.some((value) => value !== null && Math.abs(value) > RANGE_MS));
    parts.push(`<text x="${MARGIN.left}" y="14" font-weight="bold">${escapeXml(player)}</text>`);
    parts.push(
      `<text x="${PANEL_WIDTH - MARGIN.right}" y="14" text-anchor="end" fill="#555">${trace.writes.length} rate change${trace.writes.length === 1 ? '' : 's'} (ticks below)${clipped ? `; errors beyond ±${RANGE_MS} ms drawn at the edge` : ''}</text>`,
    );
    // Grid: ±RANGE, ±RANGE/2 and 0; the settling second shaded.
    parts.push(`<rect x="${x(startS)}" y="${MARGIN.top}" width="${Math.max(0, x(0) - x(startS))}" height="${innerHeight}" fill="#f0f0f0"/>`);
    for (const ms of [-RANGE_MS, -RANGE_MS / 2, 0, RANGE_MS / 2, RANGE_MS]) {
      parts.push(`<line x1="${MARGIN.left}" x2="${PANEL_WIDTH - MARGIN.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="${ms === 0 ? '#888' : '#ddd'}" stroke-width="1"/>`);
      parts.push(`<text x="${MARGIN.left - 6}" y="${y(ms) + 4}" text-anchor="end" fill="#555">${ms > 0 ? '+' : ''}${ms}</text>`);
    }
    for (let s = Math.ceil(startS); s <= endS; s++) {
      parts.push(`<text x="${x(s)}" y="${PANEL_HEIGHT - 8}" text-anchor="middle" fill="#555">${s} s</text>`);
    }
    trace.streams.forEach((stream, index) => {
      const colour = COLOURS[index % COLOURS.length];
      let path = '';
      let pen = 'M';
      trace.t.forEach((t, i) => {
        const value = trace.errorsMs[i][index];
        if (value === null || value === undefined) {
          pen = 'M';
          return;
        }
        path += `${pen}${x(t).toFixed(1)} ${y(value).toFixed(1)}`;
        pen = 'L';
      });
      parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.2" opacity="0.85"><title>${escapeXml(stream)}</title></path>`);
    });
    for (const write of trace.writes) {
      if (write.index < 0) continue;
      const colour = COLOURS[write.index % COLOURS.length];
      const at = x(Math.max(startS, Math.min(endS, write.t)));
      parts.push(`<line x1="${at.toFixed(1)}" x2="${at.toFixed(1)}" y1="${MARGIN.top + innerHeight + 2}" y2="${MARGIN.top + innerHeight + 9}" stroke="${colour}" stroke-width="1.5"/>`);
    }
    parts.push('</g>');
  });
  parts.push(`<text x="${MARGIN.left}" y="${height - 4}" fill="#555">Shaded: the settling second (not measured). First run of the scenario; one line per stream.</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
