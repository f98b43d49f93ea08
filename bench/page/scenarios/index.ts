/**
 * The benchmark scenarios, run inside the page. Each takes plain JSON options and returns plain
 * JSON results; bench/run.mjs decides which run, for which players, and prints the table.
 * bench/page/main.ts exposes every export here as `window.bench`.
 */
export * from './sync.js';
export * from './seeks.js';
export * from './join.js';
export * from './startup.js';
export * from './tick.js';
export * from './timeline.js';
export * from './cycles.js';
