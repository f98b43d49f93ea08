// Tests run in Chromium as bundles: video.js imports CommonJS packages that the test server
// cannot serve as-is, so every *.test.ts is bundled (shared chunks for lit and video.js).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { browserPlugins } from '../scripts/rollup-plugins.mjs';

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'node' ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

// Stale bundles of deleted or filtered-out tests must not run.
rmSync('.test-build', { recursive: true, force: true });

const only = process.env.TEST_FILES;
const inputs = testFiles('test').filter((path) => !only || only.split(',').some((part) => path.includes(part)));

export default {
  input: Object.fromEntries(inputs.map((path) => [path.replace(/^test\//, '').replace(/\.ts$/, ''), path])),
  output: {
    dir: '.test-build',
    format: 'es',
    sourcemap: true,
    chunkFileNames: 'chunks/[name]-[hash].js',
    // The project's modules live in one shared chunk, never inside a test's own file: a lazy chunk
    // importing back from a test file would load a second copy of it (the runner adds a query string).
    manualChunks: (id) => (id.includes('/src/') ? 'tic-replay' : undefined),
  },
  plugins: browserPlugins(),
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    warn(warning);
  },
};
