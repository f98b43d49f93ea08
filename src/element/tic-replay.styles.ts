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
  /* A replay is reviewed, not just started: the control bar (and its lanes) is there before the
     first play, and stays while playing: it has its own band under the tiles, so hiding it would
     only leave an empty strip. */
  .vjs-tic-replay.vjs-controls-enabled .vjs-control-bar,
  .vjs-tic-replay.vjs-controls-enabled.vjs-has-started.vjs-user-inactive.vjs-playing .vjs-control-bar {
    display: flex;
    visibility: visible;
    opacity: 1;
    pointer-events: auto;
  }
  /* current / duration, compact. */
  .vjs-tic-replay .vjs-current-time,
  .vjs-tic-replay .vjs-time-divider,
  .vjs-tic-replay .vjs-duration {
    display: block;
    padding: 0;
    min-width: 0;
  }
  .vjs-tic-replay .vjs-current-time {
    padding-left: 0.5em;
  }
  .vjs-tic-replay .vjs-time-divider {
    padding: 0 0.3em;
  }
  .vjs-tic-replay .vjs-duration {
    padding-right: 0.8em;
  }
  /* Narrow players: the progress bar (and the lanes above it) takes a row of its own, full width,
     and the volume slider gives its room to the time (the mute button stays). */
  @container (max-width: 480px) {
    .vjs-tic-replay.vjs-controls-enabled .vjs-control-bar {
      flex-wrap: wrap;
      height: auto;
    }
    .vjs-tic-replay .vjs-control-bar > .vjs-control {
      height: 3em;
    }
    .vjs-tic-replay .vjs-control-bar > .vjs-progress-control {
      order: -1;
      flex: 1 1 100%;
      height: 1.6em;
    }
    .vjs-tic-replay .vjs-playback-rate {
      margin-left: auto;
    }
    .vjs-tic-replay .vjs-volume-control {
      display: none;
    }
    .vjs-tic-replay .vjs-playback-rate,
    .vjs-tic-replay .vjs-tic-layout-button,
    .vjs-tic-replay .vjs-fullscreen-control,
    .vjs-tic-replay .vjs-mute-control,
    .vjs-tic-replay .vjs-play-control {
      width: 3em;
    }
  }
  /* The big play button gives way to error texts (the control bar's own play button remains). */
  .vjs-tic-replay:has(> .tic-stage.has-errors) .vjs-big-play-button {
    display: none;
  }
`;

/** Timeline lanes and the layout menu on video.js's control bar (see player/control-bar-extras.ts). */
export const controlBarExtrasStyles = css`
  /* One lane per track: a 16 px row to aim at, a name at its start, a bar where it has video. */
  .vjs-tic-lanes {
    position: absolute;
    left: 0;
    right: 0;
    bottom: calc(100% + 10px);
    font-size: 11px;
    cursor: pointer;
  }
  .vjs-tic-lanes-inner {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .vjs-tic-lane {
    position: relative;
    height: 16px;
  }
  /* The track behind the bars, drawn thin in the middle of the row. */
  .vjs-tic-lane::before {
    content: '';
    position: absolute;
    left: 0;
    right: 0;
    top: 5px;
    height: 6px;
    border-radius: 3px;
    background: var(--tic-lane-background, rgb(255 255 255 / 18%));
  }
  .vjs-tic-lane-segment {
    position: absolute;
    top: 5px;
    height: 6px;
    border-radius: 3px;
    background: var(--tic-lane-color, #5aa9ff);
  }
  .vjs-tic-lane[data-track-id^='2:'] .vjs-tic-lane-segment {
    background: var(--tic-lane-board-color, #9ad17a);
  }
  .vjs-tic-lane[data-track-id^='1:'] .vjs-tic-lane-segment {
    background: var(--tic-lane-screen-color, #e3a5ff);
  }
  .vjs-tic-lane-name {
    position: absolute;
    left: 2px;
    top: 0;
    max-width: 30%;
    padding: 0 4px;
    border-radius: 3px;
    background: rgb(0 0 0 / 78%);
    color: #fff;
    font: 10px/16px system-ui, sans-serif;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    pointer-events: none;
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
    z-index: 2;
  }
  /* One tooltip at a time: over the lanes, theirs; video.js's time under the pointer gives way.
     The playhead's own tooltip (the current time, already shown in the control bar) never shows. */
  .vjs-progress-control:has(.vjs-tic-lanes:hover) .vjs-mouse-display,
  .vjs-tic-replay .vjs-play-progress .vjs-time-tooltip {
    display: none !important;
  }
  .vjs-tic-layout-button .vjs-icon-placeholder::before {
    content: '▦';
    font-family: system-ui, sans-serif;
    font-size: 1.6em;
    line-height: 1.67;
  }
  /* Menu items as written (video.js lower-cases them), like the other controls' labels. */
  .vjs-tic-replay .vjs-menu li {
    text-transform: none;
  }
`;
