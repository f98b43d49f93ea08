import { css, type CSSResult } from 'lit';

/**
 * Styles of the stage (tiles, layouts, tile controls, messages). Everything is scoped under
 * `.tic-stage`, so the same sheet serves inside `<tic-replay>`'s shadow root and in the page's own
 * document when the Tech runs inside a page's existing video.js player.
 */
export const stageStyles: CSSResult = css`
  /* A problems banner (one line unless opened) along the top, then the tiles: banners never cover a tile. */
  .tic-stage {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    gap: var(--tic-gap, 4px);
    padding: var(--tic-gap, 4px);
    box-sizing: border-box;
    color: var(--tic-text, #f4f4f4);
    font: 14px/1.4 system-ui, sans-serif;
    background: var(--tic-background, #111);
  }
  /* With controls, the control bar and its lanes have their own band under the tiles (see
     player/control-bar-extras.ts, which sets its height): no label or error text sits under them. */
  .vjs-controls-enabled > .tic-stage {
    height: auto;
    bottom: var(--tic-controls-height, 0px);
  }
  /* The player box is the size container, so the stage can follow the player's shape. */
  .video-js:has(> .tic-stage) {
    container: tic-player / size;
  }
  .tic-stage .tiles {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--tic-strip-size, 24%);
    grid-template-rows: minmax(0, 1fr);
    gap: var(--tic-gap, 4px);
  }
  .tic-stage:not(.has-main) .tiles,
  .tic-stage.has-main:not(.has-strip) .tiles {
    grid-template-columns: minmax(0, 1fr);
  }
  .tic-stage:not(.has-main) .main {
    display: none;
  }
  /* Only the main tile is left: the strip keeps only preloading tiles, out of flow. */
  .tic-stage.has-main:not(.has-strip) .strip {
    position: absolute;
    width: 0;
    height: 0;
  }
  .tic-stage .main {
    position: relative;
    min-width: 0;
    min-height: 0;
  }
  .tic-stage .strip {
    display: flex;
    flex-direction: column;
    gap: var(--tic-gap, 4px);
    min-height: 0;
    min-width: 0;
    overflow: hidden;
  }
  /* Grid layout, or nothing for the main area: equal tiles, rows × columns from gridShape (set by
     the view as --tic-grid-columns / --tic-grid-rows), a short last row centred. */
  .tic-stage:not(.has-main) .strip {
    flex-direction: row;
    flex-wrap: wrap;
    justify-content: center;
    align-content: stretch;
  }
  .tic-stage:not(.has-main) .strip .tile.active {
    flex: 0 0 calc((100% - (var(--tic-grid-columns, 1) - 1) * var(--tic-gap, 4px)) / var(--tic-grid-columns, 1));
    height: calc((100% - (var(--tic-grid-rows, 1) - 1) * var(--tic-gap, 4px)) / var(--tic-grid-rows, 1));
  }
  /* Beside the main area, the strip shows every camera it can: tiles 16:9, as wide as the strip
     while they fit, smaller when there are more than its height holds (a tile cut off by the
     strip's edge was seen by nobody), down to --tic-strip-min-tile-height; beyond that the strip
     scrolls (a class of 30 cameras is not 30 slivers). */
  .tic-stage.has-main:not(.layout-focus) .strip {
    container: tic-strip / size;
    overflow-y: auto;
    scrollbar-width: thin;
  }
  .tic-stage.has-main:not(.layout-focus) .strip .tile.active {
    width: min(100cqw, max(var(--tic-strip-min-tile-height, 64px) * 16 / 9, (100cqh - (var(--tic-strip-count, 1) - 1) * var(--tic-gap, 4px)) / var(--tic-strip-count, 1) * 16 / 9));
    align-self: center;
  }
  /* Narrow portrait players stack the strip under the main area. */
  @container tic-player (max-aspect-ratio: 1 / 1) {
    .tic-stage.has-main.has-strip:not(.layout-focus) .tiles {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) minmax(0, var(--tic-portrait-strip-size, 33%));
    }
    /* Cameras side by side under the main area, as large as the row allows; more scroll sideways. */
    .tic-stage.has-main:not(.layout-focus) .strip {
      flex-direction: row;
      justify-content: safe center;
      overflow-x: auto;
      overflow-y: hidden;
    }
    .tic-stage.has-main:not(.layout-focus) .strip .tile,
    .tic-stage.has-main:not(.layout-focus) .strip .tile.active {
      height: 100%;
      width: auto;
      max-width: calc(50% - var(--tic-gap, 4px) / 2);
    }
  }
  /* Focus layout: the main stream fills the player, the others float small over its corner. */
  .tic-stage.layout-focus.has-main .tiles {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
  }
  .tic-stage.layout-focus.has-main.has-strip .strip {
    position: absolute;
    right: calc(var(--tic-gap, 4px) * 2);
    bottom: calc(var(--tic-gap, 4px) * 2);
    flex-direction: row;
    width: auto;
    height: var(--tic-focus-thumb-height, 18%);
    z-index: 1;
  }
  .tic-stage.layout-focus.has-main .strip .tile {
    height: 100%;
    width: auto;
    box-shadow: 0 1px 6px rgb(0 0 0 / 50%);
  }
  .tic-stage .tile {
    position: relative;
    margin: 0;
    min-width: 0;
    min-height: 0;
    background: var(--tic-tile-background, #000);
    border-radius: var(--tic-tile-radius, 6px);
    overflow: hidden;
  }
  .tic-stage .main .tile {
    position: absolute;
    inset: 0;
  }
  .tic-stage .strip .tile {
    aspect-ratio: 16 / 9;
    flex: 0 0 auto;
  }
  .tic-stage:not(.has-main) .strip .tile {
    aspect-ratio: auto;
  }
  /* A track that is only preloading: decoded, laid out, unseen, taking no room. */
  .tic-stage .tile.pending {
    position: absolute;
    width: 160px;
    height: 90px;
    visibility: hidden;
    pointer-events: none;
  }
  .tic-stage video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
    background: transparent;
  }
  .tic-stage video[data-state='preloading'] {
    visibility: hidden;
  }
  .tic-stage .label {
    position: absolute;
    left: 6px;
    bottom: 6px;
    max-width: calc(100% - 12px);
    box-sizing: border-box;
    padding: 1px 6px;
    border-radius: 4px;
    background: var(--tic-label-background, rgb(0 0 0 / 72%));
    color: var(--tic-label-color, #fff);
    font-size: 12px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    z-index: 1;
  }
  /* Tile buttons: 28 px targets, shown on hover and focus, and always where there is no hover (touch). */
  .tic-stage .tile-tools {
    position: absolute;
    top: 4px;
    right: 4px;
    display: flex;
    gap: 4px;
    opacity: 0;
    transition: opacity 0.15s;
    z-index: 2;
  }
  .tic-stage .tile:hover .tile-tools,
  .tic-stage .tile:focus-within .tile-tools {
    opacity: 1;
  }
  @media (hover: none) {
    .tic-stage .tile-tools {
      opacity: 1;
    }
  }
  .tic-stage .tile-tools button,
  .tic-stage .restore button,
  .tic-stage .problems button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 28px;
    min-height: 28px;
    padding: 0 6px;
    border: 0;
    border-radius: 4px;
    background: var(--tic-button-background, rgb(0 0 0 / 72%));
    color: var(--tic-button-color, #fff);
    font: inherit;
    font-size: 12px;
    cursor: pointer;
  }
  .tic-stage .tile-tools button {
    padding: 0;
    width: 28px;
  }
  .tic-stage .tile-icon {
    display: block;
    flex: none;
  }
  .tic-stage button:focus-visible {
    outline: 2px solid var(--tic-focus-color, #4da3ff);
    outline-offset: 1px;
    opacity: 1;
  }
  .tic-stage .tile-tools button[aria-pressed='true'] {
    background: var(--tic-accent, #2f6fde);
  }
  .tic-stage .pin-target {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    padding: 0;
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  .tic-stage .hidden-tracks {
    display: none;
  }
  .tic-stage .restore {
    position: absolute;
    left: calc(var(--tic-gap, 4px) * 2);
    bottom: calc(var(--tic-gap, 4px) * 2);
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    z-index: 3;
  }
  /* Why a tile's file does not play: between the tile's buttons and its label, on an opaque
     dark red that keeps white text well above WCAG AA contrast. */
  .tic-stage .tile-error {
    position: absolute;
    inset: 36px 6px 30px;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    overflow: hidden;
    pointer-events: none;
  }
  .tic-stage .tile-error span {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
    padding: 4px 8px;
    border-radius: 4px;
    background: var(--tic-error-background, #6b1111);
    color: var(--tic-error-color, #fff);
    font-size: 12px;
    text-align: center;
    overflow-wrap: anywhere;
  }
  /* A tile is the container of its own texts, so a small tile keeps its error to two short lines. */
  .tic-stage .tile.active {
    container-type: size;
  }
  @container (max-height: 140px) {
    .tic-stage .tile-error {
      inset: 32px 4px 26px;
    }
    .tic-stage .tile-error span {
      -webkit-line-clamp: 2;
      padding: 1px 6px;
      font-size: 11px;
      line-height: 1.25;
    }
  }
  .tic-stage .tile.failed {
    background: var(--tic-failed-tile-background, #2a0808);
  }
  .tic-stage .fatal {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    padding: 16px;
    text-align: center;
    overflow: auto;
    overflow-wrap: anywhere;
    flex-direction: column;
    /* A long message with its reasons on a small player scrolls instead of losing its first line. */
    justify-content: safe center;
    overflow-y: auto;
    font-size: 15px;
    color: #fff;
    background: rgb(20 20 20);
    z-index: 4;
  }
  .tic-stage .fatal .reasons {
    margin: 10px 0 0;
    padding-left: 1.2em;
    max-width: 100%;
    font-size: 13px;
    text-align: start;
  }
  .tic-stage .problems {
    flex: none;
    display: flex;
    gap: 6px;
    align-items: flex-start;
    max-height: 45%;
    overflow: auto;
    padding: 2px;
    border-radius: 6px;
    background: var(--tic-problem-background, #6b3e00);
    color: var(--tic-problem-color, #fff);
    font-size: 12px;
    overflow-wrap: anywhere;
  }
  .tic-stage .problems .problems-toggle {
    flex: 1;
    min-width: 0;
    justify-content: flex-start;
    gap: 8px;
    background: transparent;
    text-align: start;
  }
  .tic-stage .problems-count {
    flex: none;
    font-weight: 600;
  }
  .tic-stage .problems-count::after {
    content: ' ▾';
  }
  .tic-stage .problems.expanded .problems-count::after {
    content: ' ▴';
  }
  .tic-stage .problems-latest {
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .tic-stage .problems ul {
    margin: 0;
    padding: 4px 0 4px 18px;
    flex: 1 1 100%;
    order: 3;
  }
  .tic-stage .problems.expanded {
    flex-wrap: wrap;
  }
  .tic-stage .problems.expanded .problems-toggle {
    flex: 1 1 0;
  }
  .tic-stage .audio {
    display: none;
  }
`;

const installed = new WeakSet<Document>();

/** Adds the stage styles to a document once (for the Tech inside a page's own video.js player). */
export function installStageStyles(doc: Document): void {
  if (installed.has(doc)) return;
  installed.add(doc);
  const sheet = stageStyles.styleSheet;
  if (sheet) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
