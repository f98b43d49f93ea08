import { css, type CSSResult } from 'lit';

/**
 * Styles of the stage (tiles, layouts, tile controls, messages). Everything is scoped under
 * `.tic-stage`, so the same sheet serves inside `<tic-replay>`'s shadow root and in the page's own
 * document when the Tech runs inside a page's existing video.js player.
 */
export const stageStyles: CSSResult = css`
  .tic-stage {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--tic-strip-size, 24%);
    grid-template-rows: minmax(0, 1fr);
    gap: var(--tic-gap, 4px);
    padding: var(--tic-gap, 4px);
    box-sizing: border-box;
    color: var(--tic-text, #f4f4f4);
    font: 14px/1.4 system-ui, sans-serif;
    background: var(--tic-background, #111);
  }
  /* The player box is the size container, so the stage can follow the player's shape. */
  .video-js:has(> .tic-stage) {
    container-type: size;
  }
  .tic-stage:not(.has-main) {
    grid-template-columns: minmax(0, 1fr);
  }
  .tic-stage:not(.has-main) .main {
    display: none;
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
  /* Grid layout, or nothing for the main area: every tile equal. */
  .tic-stage:not(.has-main) .strip {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 220px), 1fr));
    grid-auto-rows: minmax(0, 1fr);
    align-content: stretch;
  }
  /* Narrow portrait players stack the strip under the main area. */
  @container (max-aspect-ratio: 1 / 1) {
    .tic-stage.has-main {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) var(--tic-strip-size, 28%);
    }
    .tic-stage.has-main .strip {
      flex-direction: row;
    }
    .tic-stage.has-main .strip .tile {
      height: 100%;
      width: auto;
    }
  }
  /* Focus layout: the main stream fills the player, the others float small over its corner. */
  .tic-stage.layout-focus.has-main {
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
  }
  .tic-stage.layout-focus.has-main .strip {
    position: absolute;
    right: calc(var(--tic-gap, 4px) * 2);
    bottom: calc(var(--tic-gap, 4px) * 2 + 3.5em);
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
    padding: 1px 6px;
    border-radius: 4px;
    background: var(--tic-label-background, rgb(0 0 0 / 60%));
    color: var(--tic-label-color, #fff);
    font-size: 12px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .tic-stage .tile-tools {
    position: absolute;
    top: 4px;
    right: 4px;
    display: flex;
    gap: 2px;
    opacity: 0;
    transition: opacity 0.15s;
    z-index: 1;
  }
  .tic-stage .tile:hover .tile-tools,
  .tic-stage .tile:focus-within .tile-tools {
    opacity: 1;
  }
  .tic-stage .tile-tools button,
  .tic-stage .restore button,
  .tic-stage .problems button {
    min-width: 26px;
    height: 26px;
    padding: 0 6px;
    border: 0;
    border-radius: 4px;
    background: var(--tic-button-background, rgb(0 0 0 / 65%));
    color: var(--tic-button-color, #fff);
    font: inherit;
    font-size: 12px;
    cursor: pointer;
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
    left: 8px;
    bottom: calc(3.5em + 8px);
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    z-index: 1;
  }
  .tic-stage .tile-error,
  .tic-stage .fatal {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    margin: 0;
    padding: 12px;
    text-align: center;
    background: rgb(40 0 0 / 75%);
    overflow-wrap: anywhere;
    font-size: 12px;
  }
  .tic-stage .fatal {
    flex-direction: column;
    /* A long message with its reasons on a small player scrolls instead of losing its first line. */
    justify-content: safe center;
    overflow-y: auto;
    font-size: 15px;
    background: rgb(20 20 20 / 92%);
    z-index: 2;
  }
  .tic-stage .fatal .reasons {
    margin: 10px 0 0;
    padding-left: 1.2em;
    max-width: 100%;
    font-size: 13px;
    text-align: start;
  }
  .tic-stage .problems {
    position: absolute;
    top: 8px;
    left: 8px;
    right: 8px;
    display: flex;
    gap: 8px;
    align-items: flex-start;
    padding: 6px 10px;
    border-radius: 6px;
    background: var(--tic-problem-background, rgb(120 60 0 / 90%));
    z-index: 2;
    font-size: 12px;
    overflow-wrap: anywhere;
  }
  .tic-stage .problems ul {
    margin: 0;
    padding-left: 16px;
    flex: 1;
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
