/** Stylesheets imported as minified text, for adoption into shadow roots (see scripts/rollup-plugins.mjs). */
declare module '*.css' {
  const text: string;
  export default text;
}

/** hls.js's light build has the same API as the full one, without subtitles, alternate audio and DRM. */
declare module 'hls.js/light' {
  export { default } from 'hls.js';
  export * from 'hls.js';
}
