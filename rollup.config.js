// The builds:
//  - dist/tic-replay.js: one self-contained ES module for a <script type="module"> tag; hls.js stays in a
//    lazy chunk beside it, downloaded only by recordings that have HLS files;
//  - dist/tic-replay.iife.js: the same as a classic script (window.TicReplay) for templates that cannot use
//    modules; it loads hls.js and the Chinese strings on demand from dist/tic-replay-hls.mjs and
//    dist/tic-replay-zh-CN.mjs;
//  - dist/review-kit.js: what the review page (demo/) needs besides the element;
//  - dist/esm/: the unbundled ES modules for bundler users (npm), dependencies left as imports, except
//    video.js's stylesheet: it is inlined as a JS string module (dist/esm/player/videojs-css.js), so
//    esbuild, Vite, webpack and rollup bundle the package with no CSS plugin.
// No source maps: the bundles' maps held video.js's and lit's sources (4.5 MB of the package), and
// dist/esm is readable ES2022, one file per source module.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { browserPlugins, cssText } from './scripts/rollup-plugins.mjs';

const isDependency = (id) => /^(lit|@lit|hls\.js|video\.js)(\/|$)/.test(id) && !id.endsWith('.css');
/** Minifies the CSS and HTML inside lit's css`` and html`` literals, then the JavaScript. */
const minify = () => [minifyLiterals(), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: /@license/ } })];

/** Resolves the stylesheet imports of the sources (video.js's) to their files, for cssText() to inline. */
function resolveStylesheets() {
  const require = createRequire(import.meta.url);
  return {
    name: 'resolve-stylesheets',
    resolveId: (source) => (source.endsWith('.css') && !source.startsWith('.') ? require.resolve(source) : null),
  };
}

/** Where preserveModules puts a module: the inlined stylesheet beside the module that imports it. */
const esmFileName = (chunk) =>
  chunk.facadeModuleId?.endsWith('/video.js/dist/video-js.css') ? 'player/videojs-css.js' : '[name].js';

/** Copies hls.js's light ES module beside the classic-script build. */
function hlsBesideClassicScript() {
  return {
    name: 'hls-beside-classic-script',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'tic-replay-hls.mjs',
        source: readFileSync('node_modules/hls.js/dist/hls.light.min.mjs', 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, ''),
      });
    },
  };
}

export default [
  {
    input: { 'tic-replay': 'src/tic-replay.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: [...browserPlugins(), minify()],
  },
  {
    input: 'src/tic-replay.iife.ts',
    external: (id) => id === 'hls.js/light' || id.endsWith('/i18n/zh-CN-pack.ts'),
    output: {
      file: 'dist/tic-replay.iife.js',
      format: 'iife',
      name: 'TicReplay',
      inlineDynamicImports: true,
    },
    plugins: [...browserPlugins(), minify(), hlsBesideClassicScript()],
  },
  {
    // The Chinese strings for the classic-script build (the module build has them as a chunk).
    input: 'src/i18n/zh-CN-pack.ts',
    output: { file: 'dist/tic-replay-zh-CN.mjs', format: 'es' },
    plugins: [...browserPlugins(), minify()],
  },
  {
    // The review page's catalogue and the core's formatting, for demo/ (never loaded by the embed).
    input: 'src/review-kit.ts',
    output: { file: 'dist/review-kit.js', format: 'es' },
    plugins: [...browserPlugins(), minify()],
  },
  {
    input: ['src/index.ts', 'src/tic-replay.ts', 'src/core/index.ts'],
    external: isDependency,
    output: {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: esmFileName,
    },
    plugins: [resolveStylesheets(), cssText(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  },
];
