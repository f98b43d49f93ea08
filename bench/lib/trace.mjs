// Reads a devtools.timeline trace of the bench's page: the wall and thread CPU time of the calls of
// named frame callbacks, between marks the page left with console.timeStamp().

/** Nearest-rank summary of `values` (ms), as `percentiles` in bench/page/util.ts gives in the page. */
export function summary(values) {
  if (values.length === 0) return { n: 0, mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { n: sorted.length, mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1] };
}

/**
 * For each window between consecutive marks named `${markPrefix} …` (in order), the calls of each
 * function in `functionNames` (FunctionCall events): `{ [name]: { wall, cpu } }`, each a summary in
 * ms; `cpu` is the thread's own CPU time, so time the thread waited (another process ran, a lock)
 * is not in it. Windows are keyed by the name of the mark that opens them.
 */
export function callTimesByWindow(events, markPrefix, functionNames) {
  const marks = events
    .filter((event) => event.name === 'TimeStamp' && event.args?.data?.message?.startsWith(`${markPrefix} `))
    .sort((a, b) => a.ts - b.ts);
  if (marks.length < 2) throw new Error(`the trace has ${marks.length} "${markPrefix}" marks: no window to read`);
  const thread = marks[0].tid;
  const calls = events.filter((event) => event.name === 'FunctionCall' && event.ph === 'X' && event.tid === thread && functionNames.includes(event.args?.data?.functionName));
  const windows = {};
  for (let i = 0; i + 1 < marks.length; i++) {
    const from = marks[i].ts;
    const to = marks[i + 1].ts;
    const inWindow = calls.filter((event) => event.ts >= from && event.ts < to);
    windows[marks[i].args.data.message.slice(markPrefix.length + 1)] = Object.fromEntries(
      functionNames.map((name) => {
        const own = inWindow.filter((event) => event.args.data.functionName === name);
        return [name, { wall: summary(own.map((event) => event.dur / 1000)), cpu: summary(own.map((event) => (event.tdur ?? Number.NaN) / 1000)) }];
      }),
    );
  }
  return windows;
}
