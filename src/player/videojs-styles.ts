import { unsafeCSS, type CSSResult } from 'lit';
// Inlined as a string at build time (scripts/rollup-plugins.mjs, cssText): the npm build ships it as
// dist/esm/player/videojs-css.js, so no consumer's bundler needs a CSS plugin.
import videojsCss from 'video.js/dist/video-js.css';

/**
 * video.js's stylesheet for use inside a shadow root. Browsers ignore @font-face inside shadow
 * roots, so the icon font's rule is lifted out and adopted once by the document.
 */
const FONT_FACE = /@font-face\s*{[^}]*}/g;

export const videojsStyles: CSSResult = unsafeCSS(videojsCss.replace(FONT_FACE, ''));

const installedIn = new WeakSet<Document>();

/**
 * Gives the document the icon font as a constructed stylesheet (never a `<style>` element, which a
 * Content-Security-Policy without 'unsafe-inline' in style-src blocks).
 */
export function installVideojsFont(doc: Document = document): void {
  if (installedIn.has(doc)) return;
  installedIn.add(doc);
  const rules = videojsCss.match(FONT_FACE);
  if (!rules) return;
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
