/**
 * Grid geometry shared by the player's grid layout and the composed MP4: how many rows and columns
 * give equal tiles of a given shape the most room in a box, and where each tile then goes.
 * Pure arithmetic, no DOM.
 */

/** Camera and whiteboard files are 16:9 unless told otherwise. */
export const DEFAULT_TILE_ASPECT = 16 / 9;

export interface GridShape {
  readonly columns: number;
  readonly rows: number;
}

export interface GridRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Ratios closer than this count as equal, so float noise never decides between two shapes. */
const EPSILON = 1e-9;

/**
 * The columns × rows that give `count` equal tiles of `tileAspect` (width / height) the largest
 * area inside a box of `boxAspect`. Ties go to the shape with fewer empty cells, then to more
 * columns (people read across). `count` ≤ 0 gives 0 × 0.
 */
export function gridShape(count: number, boxAspect: number, tileAspect: number = DEFAULT_TILE_ASPECT): GridShape {
  const tiles = Math.floor(count);
  if (!(tiles > 0)) return { columns: 0, rows: 0 };
  if (!(boxAspect > 0) || !Number.isFinite(boxAspect)) throw new RangeError(`gridShape: boxAspect must be a positive number, got ${boxAspect}`);
  if (!(tileAspect > 0) || !Number.isFinite(tileAspect)) throw new RangeError(`gridShape: tileAspect must be a positive number, got ${tileAspect}`);
  let best: { shape: GridShape; area: number; empty: number } | undefined;
  for (let columns = 1; columns <= tiles; columns++) {
    const rows = Math.ceil(tiles / columns);
    // In a box 1 tall and boxAspect wide, a cell is (boxAspect / columns) × (1 / rows); the tile
    // keeps its shape inside it.
    const tileWidth = Math.min(boxAspect / columns, tileAspect / rows);
    const area = (tileWidth * tileWidth) / tileAspect;
    const empty = columns * rows - tiles;
    const better =
      !best ||
      area > best.area * (1 + EPSILON) ||
      (Math.abs(area - best.area) <= best.area * EPSILON && (empty < best.empty || (empty === best.empty && columns > best.shape.columns)));
    if (better) best = { shape: { columns, rows }, area, empty };
  }
  return best!.shape;
}

export interface GridRectsOptions {
  readonly tileAspect?: number;
  /** Space between cells and around the grid, in the same unit as the box. */
  readonly gap?: number;
}

/**
 * Where `count` equal tiles go in a `width` × `height` box: the cells of `gridShape`, row by row,
 * a last row with fewer tiles centred. Each rect is the whole cell; the picture keeps its own
 * shape inside it (letterboxed).
 */
export function gridRects(count: number, width: number, height: number, options: GridRectsOptions = {}): GridRect[] {
  const gap = options.gap ?? 0;
  if (!(width > 0) || !(height > 0)) return [];
  const { columns, rows } = gridShape(count, width / height, options.tileAspect);
  if (columns === 0) return [];
  const cellWidth = (width - gap * (columns + 1)) / columns;
  const cellHeight = (height - gap * (rows + 1)) / rows;
  const rects: GridRect[] = [];
  for (let index = 0; index < count; index++) {
    const row = Math.floor(index / columns);
    const column = index % columns;
    const inRow = row === rows - 1 ? count - row * columns : columns;
    const indent = ((columns - inRow) * (cellWidth + gap)) / 2;
    rects.push({
      x: gap + indent + column * (cellWidth + gap),
      y: gap + row * (cellHeight + gap),
      width: cellWidth,
      height: cellHeight,
    });
  }
  return rects;
}
