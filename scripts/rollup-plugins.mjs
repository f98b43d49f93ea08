// Plugins shared by the product build, the test build and the benchmark build.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import esbuild from 'rollup-plugin-esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { trimVideojs } from './trim-videojs.mjs';

/**
 * Parts of video.js's stylesheet for components the replay never shows (captions, text-track
 * settings, picture-in-picture, live UI, skip buttons, title bar, audio-only and poster modes,
 * icons of other products). A rule is dropped only when every selector in it names one of these.
 */
export const UNUSED_VIDEOJS_CLASSES = new RegExp(
  '\\.vjs-(' +
    [
      'text-track[a-z-]*', 'track-setting[a-z-]*', 'captions?[a-z-]*', 'subtitles[a-z-]*', 'subs-caps[a-z-]*',
      'chapters[a-z-]*', 'descriptions?[a-z-]*', 'main-desc[a-z-]*', 'audio-button', 'tt-cue',
      'force-center-align-cues', 'pip-[a-z-]*', 'picture-in-picture[a-z-]*', 'live[a-z-]*', 'liveui',
      'seek-to-live[a-z-]*', 'at-live-edge', 'skip-(?:forward|backward)-[0-9]+', 'title-bar[a-z-]*',
      'audio-only-mode', 'audio-poster-mode', 'poster', 'remaining-time', 'error-display', 'modal-dialog[a-z-]*',
      'close-button', 'icon-(?:hd|chapters|downloading|file-download[a-z-]*|share|cog|square|circle[a-z-]*|cancel|repeat|replay[a-z0-9-]*|forward-[0-9]+|audio|next-item|previous-item|shuffle|cast|picture-in-picture-[a-z]+|facebook|linkedin|twitter|tumblr|pinterest|audio-description|subtitles|captions)',
      'ios-native-fs', 'spatial-navigation-enabled', 'transient-button', 'svg-icon[a-z-]*',
      // Modes the replay player never enters: responsive breakpoints (responsive is off), fluid and
      // fixed aspect ratios (it fills its box), audio-element players, native controls, a vertical volume bar.
      'layout-(?:tiny|x-small|small|medium|large|x-large|huge)', 'fluid', '16-9', '4-3', '9-16', '1-1',
      'audio', 'no-js', 'using-native-controls', 'volume-vertical', 'volume-panel-vertical', 'slider-vertical',
    ].join('|') +
    ')(?![a-z0-9-])',
);

/** Splits CSS into top-level blocks (rules and at-rules), keeping nested blocks whole. */
function topLevelBlocks(css) {
  const blocks = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      blocks.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return blocks;
}

export function pruneCss(css, unused) {
  return topLevelBlocks(css)
    .map((block) => {
      const open = block.indexOf('{');
      const prelude = block.slice(0, open).trim();
      if (prelude.startsWith('@media') || prelude.startsWith('@supports')) {
        const inner = pruneCss(block.slice(open + 1, -1), unused);
        return inner ? `${prelude}{${inner}}` : '';
      }
      if (prelude.startsWith('@')) return block;
      const selectors = prelude.split(',');
      return selectors.every((selector) => unused.test(selector)) ? '' : block;
    })
    .join('');
}

/** Swaps video.js's full icon font for the subset made by scripts/subset-videojs-font.mjs. */
function withSubsetIconFont(css) {
  const subset = new URL('../src/player/videojs-icons.woff2', import.meta.url);
  if (!existsSync(subset)) return css;
  const data = readFileSync(subset).toString('base64');
  return css.replace(
    /(@font-face\{font-family:VideoJS;src:)url\(data:application\/font-woff;[^)]+\) format\("woff"\)/,
    `$1url(data:font/woff2;base64,${data}) format("woff2")`,
  );
}

/** `import text from './x.css'` yields the minified stylesheet as a string (for shadow roots). */
export function cssText() {
  return {
    name: 'css-text',
    async transform(code, id) {
      if (!id.endsWith('.css')) return null;
      let { code: css } = await transform(code, { loader: 'css', minify: true });
      if (id.includes('video.js')) css = withSubsetIconFont(pruneCss(css, UNUSED_VIDEOJS_CLASSES));
      return { code: `export default ${JSON.stringify(css.trim())};`, map: { mappings: '' } };
    },
  };
}

/**
 * video.js core imports vtt.js (WebVTT cue rendering, ~7 KB gzip) at its top; recordings have no text
 * tracks and our Tech declares native text tracks, so nothing ever calls it.
 */
export function withoutVttJs() {
  const id = '\0tic-replay:no-vtt';
  return {
    name: 'without-vtt-js',
    resolveId: (source) => (source === 'videojs-vtt.js' ? id : null),
    load: (loaded) => (loaded === id ? 'export default {};' : null),
  };
}

/** The plugin chain: resolve npm packages for the browser, turn video.js's CommonJS deps into ESM, strip types. */
export function browserPlugins({ minify = false } = {}) {
  return [
    withoutVttJs(),
    trimVideojs(),
    cssText(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    commonjs(),
    esbuild({ target: 'es2022', minify, tsconfig: 'tsconfig.json' }),
  ];
}
