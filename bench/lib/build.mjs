// Bundles the benchmark page (bench/page/main.ts and what it imports from src/ and npm) into
// .bench-build/ with the project's browser plugin chain, as the tests are bundled.
import { rmSync } from 'node:fs';
import { rollup } from 'rollup';
import { browserPlugins } from '../../scripts/rollup-plugins.mjs';

export const BUILD_DIR = '.bench-build';

export async function buildBenchPage(root) {
  rmSync(new URL(BUILD_DIR, root), { recursive: true, force: true });
  const bundle = await rollup({
    input: new URL('bench/page/main.ts', root).pathname,
    plugins: browserPlugins(),
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
      // timingsrc's build refers to `this` at module level, which ES modules leave undefined: harmless.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  try {
    await bundle.write({ dir: new URL(BUILD_DIR, root).pathname, format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' });
  } finally {
    await bundle.close();
  }
}
