// Plugins shared by the product build, the test build and the benchmark build.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import esbuild from 'rollup-plugin-esbuild';
import { transform } from 'esbuild';

/** `import text from './x.css'` yields the minified stylesheet as a string (for shadow roots). */
export function cssText() {
  return {
    name: 'css-text',
    async transform(code, id) {
      if (!id.endsWith('.css')) return null;
      const { code: css } = await transform(code, { loader: 'css', minify: true });
      return { code: `export default ${JSON.stringify(css.trim())};`, map: { mappings: '' } };
    },
  };
}

/** The plugin chain: resolve npm packages for the browser, turn video.js's CommonJS deps into ESM, strip types. */
export function browserPlugins({ minify = false } = {}) {
  return [
    cssText(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    commonjs(),
    esbuild({ target: 'es2022', minify, tsconfig: 'tsconfig.json' }),
  ];
}
