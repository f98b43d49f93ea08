/**
 * Where tiles go in a composed frame: the player's layouts (`src/view/stage-styles.ts`) worked out
 * in pixels for a frame of fixed size. Pure arithmetic, no DOM.
 *
 *  - Presentation: the main area on the left, the camera strip on the right (24 % of the width;
 *    below the main area, 28 % of the height, when the frame is portrait). Strip tiles are 16:9 and
 *    stack from the top; where the player would clip tiles that do not fit, a video cannot be
 *    scrolled, so the tiles shrink until every one fits.
 *  - Grid: every tile equal, in the player's own grid shape (`layout/grid-shape.ts`).
 *
 * Every rectangle has even coordinates and sizes (H.264 in 4:2:0 halves the chroma) and tiles are
 * separated by the gap, which is also the frame's margin.
 */
import { gridRects as layoutGridRects } from '../layout/grid-shape.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FrameSize {
  readonly widthPx: number;
  readonly heightPx: number;
}

/** The player's strip share of the stage (`--tic-strip-size`): landscape width, portrait height. */
const STRIP_SHARE_LANDSCAPE = 0.24;
const STRIP_SHARE_PORTRAIT = 0.28;
const PICTURE_ASPECT = 16 / 9;

const even = (value: number) => 2 * Math.floor(value / 2);

/** The gap between tiles and around the frame: 6 px in a 720 p frame, scaled, even, at least 2. */
export function gapPx(frame: FrameSize): number {
  return Math.max(2, even(Math.round((Math.min(frame.widthPx, frame.heightPx) * 6) / 720)));
}

function isPortrait(frame: FrameSize): boolean {
  return frame.widthPx <= frame.heightPx;
}

/** `count` lengths of at most `preferred`, with `gap` between them, that fit in `available`. */
function fittedLength(count: number, preferred: number, available: number, gap: number): number {
  if (count === 0) return 0;
  return Math.max(2, even(Math.min(preferred, (available - (count - 1) * gap) / count)));
}

/** The main area and `stripCount` strip tiles, in the presentation layout. */
export function presentationRects(frame: FrameSize, stripCount: number): { main: Rect; strip: Rect[] } {
  const gap = gapPx(frame);
  const contentWidth = frame.widthPx - 2 * gap;
  const contentHeight = frame.heightPx - 2 * gap;
  if (isPortrait(frame)) {
    const stripHeight = even(contentHeight * STRIP_SHARE_PORTRAIT);
    const main = { x: gap, y: gap, width: even(contentWidth), height: even(contentHeight - gap - stripHeight) };
    const tileWidth = fittedLength(stripCount, even(stripHeight * PICTURE_ASPECT), contentWidth, gap);
    const y = main.y + main.height + gap;
    const strip = Array.from({ length: stripCount }, (_, i) => ({ x: gap + i * (tileWidth + gap), y, width: tileWidth, height: stripHeight }));
    return { main, strip };
  }
  const stripWidth = even(contentWidth * STRIP_SHARE_LANDSCAPE);
  const main = { x: gap, y: gap, width: even(contentWidth - gap - stripWidth), height: even(contentHeight) };
  const tileHeight = fittedLength(stripCount, even(stripWidth / PICTURE_ASPECT), contentHeight, gap);
  const x = main.x + main.width + gap;
  const strip = Array.from({ length: stripCount }, (_, i) => ({ x, y: gap + i * (tileHeight + gap), width: stripWidth, height: tileHeight }));
  return { main, strip };
}

/**
 * `count` equal tiles filling the frame: the player's grid (`layout/grid-shape.ts`, the same rows ×
 * columns and a centred short last row), on even pixels.
 */
export function gridRects(frame: FrameSize, count: number): Rect[] {
  const gap = gapPx(frame);
  return layoutGridRects(count, frame.widthPx, frame.heightPx, { gap, tileAspect: PICTURE_ASPECT }).map((rect) => ({
    x: even(rect.x),
    y: even(rect.y),
    width: even(rect.width),
    height: even(rect.height),
  }));
}
