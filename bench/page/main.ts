/**
 * The benchmark page's entry: counts every media element's rate changes (before any player exists),
 * and exposes the scenarios to bench/run.mjs (which calls them through playwright's page.evaluate)
 * as `window.bench`.
 */
import { installRateWriteCounter } from './rate-writes.js';
import * as scenarios from './scenarios/index.js';

declare global {
  interface Window {
    bench: typeof scenarios & { readonly ready: true };
  }
}

installRateWriteCounter();
window.bench = { ...scenarios, ready: true };
