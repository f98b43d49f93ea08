import { css } from 'lit';

/** The element's own styles. video.js's stylesheet is adopted beside these (see player/videojs-styles.ts). */
export const ticReplayStyles = css`
  :host {
    display: block;
    position: relative;
    aspect-ratio: var(--tic-aspect-ratio, 16 / 9);
    min-height: 180px;
    background: var(--tic-background, #111);
    color: var(--tic-text, #f4f4f4);
    border-radius: var(--tic-radius, 0);
    overflow: hidden;
    contain: layout paint;
    font: 14px/1.4 system-ui, sans-serif;
  }
  :host([hidden]) {
    display: none;
  }
  .player,
  .video-js {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .video-js {
    background: transparent;
  }

  /* The stage: main area and camera strip. */
  .stage {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-columns: 1fr var(--tic-strip-size, 24%);
    grid-template-rows: 1fr;
    gap: var(--tic-gap, 4px);
    padding: var(--tic-gap, 4px);
    box-sizing: border-box;
    container-type: size;
  }
  .stage:not(.has-main) {
    grid-template-columns: 1fr;
  }
  .stage:not(.has-main) .main {
    display: none;
  }
  .main {
    position: relative;
    min-width: 0;
    min-height: 0;
  }
  .strip {
    display: flex;
    flex-direction: column;
    gap: var(--tic-gap, 4px);
    min-height: 0;
    overflow: hidden;
  }
  .stage:not(.has-main) .strip {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
    grid-auto-rows: 1fr;
    align-content: center;
  }
  @container (max-aspect-ratio: 1 / 1) {
    .stage.has-main {
      grid-template-columns: 1fr;
      grid-template-rows: 1fr var(--tic-strip-size, 28%);
    }
    .stage.has-main .strip {
      flex-direction: row;
    }
  }
  .tile {
    position: relative;
    margin: 0;
    min-width: 0;
    min-height: 0;
    background: var(--tic-tile-background, #000);
    border-radius: var(--tic-tile-radius, 6px);
    overflow: hidden;
  }
  .main .tile {
    position: absolute;
    inset: 0;
  }
  .strip .tile {
    aspect-ratio: 16 / 9;
    flex: 0 0 auto;
  }
  .stage:not(.has-main) .strip .tile {
    aspect-ratio: auto;
  }
  /* A track that is only preloading: decoded, laid out, unseen, taking no room. */
  .tile.pending {
    position: absolute;
    width: 160px;
    height: 90px;
    visibility: hidden;
    pointer-events: none;
  }
  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
    background: transparent;
  }
  video[data-state='preloading'] {
    visibility: hidden;
  }
  .label {
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
  .tile-error,
  .fatal {
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
  .fatal {
    font-size: 15px;
    background: rgb(20 20 20 / 92%);
    z-index: 2;
  }
  .problems {
    position: absolute;
    top: 8px;
    left: 8px;
    right: 8px;
    display: flex;
    gap: 8px;
    align-items: flex-start;
    padding: 6px 10px;
    border-radius: 6px;
    background: var(--tic-problem-background, rgb(120 60 0 / 88%));
    z-index: 2;
    font-size: 12px;
    overflow-wrap: anywhere;
  }
  .problems ul {
    margin: 0;
    padding-left: 16px;
    flex: 1;
  }
  .problems button {
    background: none;
    border: 0;
    color: inherit;
    font-size: 18px;
    line-height: 1;
    cursor: pointer;
  }
  .audio {
    display: none;
  }
`;
