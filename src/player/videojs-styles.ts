import { unsafeCSS, type CSSResult } from 'lit';
import videojsCss from 'video.js/dist/video-js.css';

/**
 * video.js's stylesheet for use inside a shadow root. Browsers ignore @font-face inside shadow
 * roots, so the icon font's rule is lifted out and installed once in the document.
 */
const FONT_FACE = /@font-face\s*{[^}]*}/g;

export const videojsStyles: CSSResult = unsafeCSS(videojsCss.replace(FONT_FACE, ''));

let fontInstalled = false;
export function installVideojsFont(doc: Document = document): void {
  if (fontInstalled) return;
  fontInstalled = true;
  const rules = videojsCss.match(FONT_FACE);
  if (!rules) return;
  const style = doc.createElement('style');
  style.dataset.ticReplay = 'videojs-font';
  style.textContent = rules.join('\n');
  doc.head.append(style);
}
