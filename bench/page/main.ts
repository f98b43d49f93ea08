/**
 * The benchmark page's entry: exposes the scenarios to bench/run.mjs (which calls them through
 * playwright's page.evaluate) as `window.bench`.
 */
import * as scenarios from './scenarios.js';

declare global {
  interface Window {
    bench: typeof scenarios & { readonly ready: true };
  }
}

window.bench = { ...scenarios, ready: true };
