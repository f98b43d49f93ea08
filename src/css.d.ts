/** Stylesheets imported as minified text, for adoption into shadow roots (see scripts/rollup-plugins.mjs). */
declare module '*.css' {
  const text: string;
  export default text;
}
