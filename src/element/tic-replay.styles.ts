import { css } from 'lit';

/** The host box. The stage's own styles are in view/stage-styles.ts; video.js's in player/videojs-styles.ts. */
export const ticReplayStyles = css`
  :host {
    display: block;
    position: relative;
    aspect-ratio: var(--tic-aspect-ratio, 16 / 9);
    min-height: 180px;
    background: var(--tic-background, #111);
    border-radius: var(--tic-radius, 0);
    overflow: hidden;
    contain: layout paint;
    outline: none;
  }
  :host([hidden]) {
    display: none;
  }
  :host(:focus-visible) {
    box-shadow: inset 0 0 0 3px var(--tic-focus-color, #4da3ff);
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
  .video-js .vjs-control-bar {
    z-index: 3;
  }
  /* A replay is reviewed, not just started: the control bar (and its lanes) is there before the first play. */
  .vjs-tic-replay.vjs-controls-enabled:not(.vjs-has-started) .vjs-control-bar {
    display: flex;
  }
`;

/** Timeline lanes and the layout menu on video.js's control bar (see player/control-bar-extras.ts). */
export const controlBarExtrasStyles = css`
  .vjs-tic-lanes {
    position: absolute;
    left: 0;
    right: 0;
    bottom: calc(100% + 8px);
    font-size: 11px;
  }
  .vjs-tic-lanes-inner {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .vjs-tic-lane {
    position: relative;
    height: 5px;
    border-radius: 2px;
    background: var(--tic-lane-background, rgb(255 255 255 / 14%));
    cursor: pointer;
  }
  .vjs-tic-lane-segment {
    position: absolute;
    top: 0;
    bottom: 0;
    border-radius: 2px;
    background: var(--tic-lane-color, #5aa9ff);
  }
  .vjs-tic-lane[data-track-id^='2:'] .vjs-tic-lane-segment {
    background: var(--tic-lane-board-color, #9ad17a);
  }
  .vjs-tic-lane[data-track-id^='1:'] .vjs-tic-lane-segment {
    background: var(--tic-lane-screen-color, #e3a5ff);
  }
  .vjs-tic-lane-cut {
    position: absolute;
    top: -2px;
    bottom: -2px;
    width: 2px;
    margin-left: -1px;
    background: var(--tic-lane-cut-color, #ffb020);
  }
  .vjs-tic-lane-tooltip {
    position: absolute;
    bottom: calc(100% + 4px);
    transform: translateX(-50%);
    padding: 2px 6px;
    border-radius: 4px;
    background: rgb(0 0 0 / 85%);
    color: #fff;
    white-space: nowrap;
    pointer-events: none;
  }
  .vjs-tic-layout-button .vjs-icon-placeholder::before {
    content: '▦';
    font-family: system-ui, sans-serif;
    font-size: 1.6em;
    line-height: 1.67;
  }
`;
