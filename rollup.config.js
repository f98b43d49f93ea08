// Two builds:
//  - dist/tic-replay.js: one self-contained ES module for a <script type="module"> tag; heavy engines
//    (hls.js) stay in lazy chunks beside it, loaded only by recordings that need them.
//  - dist/esm/: the unbundled ES modules for bundler users (npm), dependencies left as imports.
import terser from '@rollup/plugin-terser';
import { browserPlugins, cssText } from './scripts/rollup-plugins.mjs';
import esbuild from 'rollup-plugin-esbuild';

const isDependency = (id) => /^(lit|@lit|hls\.js|video\.js)(\/|$)/.test(id) && !id.endsWith('.css');

export default [
  {
    input: { 'tic-replay': 'src/tic-replay.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [...browserPlugins(), terser({ format: { comments: /@license/ } })],
  },
  {
    input: ['src/index.ts', 'src/tic-replay.ts'],
    external: isDependency,
    output: {
      dir: 'dist/esm',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [cssText(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  },
];
