/**
 * Renders the engine's mounted media elements into the stage: a problems banner along the top
 * (outside the tiles, collapsed to one line), the tile area (main area and camera strip, or an
 * equal grid shaped by `gridShape`), unseen audio, tile tools (pin, mute, hide) and readable
 * problem messages. Media elements are
 * created by the engine; this only places them (lit moves the same nodes, it never recreates them).
 * Everything from the input is rendered as text.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ReplayEngine } from '../engine/replay-engine.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { MediaSlot } from '../media/media-slot.js';
import { VideoType } from '../core/recording/recording.js';
import { arrangeStage, type StageLayout, type TileModel } from '../core/layout/stage-layout.js';
import { gridShape } from '../core/layout/grid-shape.js';
import { tileLabel, tilePart } from './labels.js';
import { closeIcon, hideIcon, soundOffIcon, soundOnIcon } from './tile-icons.js';

const MAX_LISTED_PROBLEMS = 3;

export class StageView {
  #dismissedProblems = 0;
  #problemsExpanded = false;
  /** The tile area's width / height, kept by a ResizeObserver: the grid's shape follows it. */
  #tilesAspect = 16 / 9;
  #gridCount = 0;
  readonly #resizeObserver = new ResizeObserver((entries) => this.#onResize(entries));
  #observedTiles: Element | undefined;
  #layoutValue: StageLayout = 'presentation';
  #pinnedTrackId: string | undefined;
  readonly #hiddenTrackIds = new Set<string>();

  /** `messages` words every label and message the view adds; set it and `update()` to switch language. */
  constructor(
    readonly container: HTMLElement,
    private readonly engine: ReplayEngine,
    public messages: Messages = en,
  ) {
    container.classList.add('tic-stage');
    container.setAttribute('part', 'stage');
  }

  get layout(): StageLayout {
    return this.#layoutValue;
  }

  set layout(layout: StageLayout) {
    this.#layoutValue = layout;
    this.update();
  }

  /** Puts a track in the main area while it is active (undefined: back to the automatic choice). */
  pin(trackId: string | undefined): void {
    this.#pinnedTrackId = trackId;
    this.update();
  }

  setTrackHidden(trackId: string, hidden: boolean): void {
    if (hidden === this.#hiddenTrackIds.has(trackId)) return;
    if (hidden) this.#hiddenTrackIds.add(trackId);
    else this.#hiddenTrackIds.delete(trackId);
    this.update();
    // Out of the shadow root to the host: a page listing what is on screen follows the tile buttons.
    this.container.dispatchEvent(new Event('trackvisibilitychange', { bubbles: true, composed: true }));
  }

  /** Tracks whose tiles are hidden (their sound and sync go on). */
  get hiddenTrackIds(): readonly string[] {
    return [...this.#hiddenTrackIds];
  }

  /** Forgets pins, hidden tracks and dismissed messages (a new recording). */
  reset(): void {
    this.#pinnedTrackId = undefined;
    this.#hiddenTrackIds.clear();
    this.#dismissedProblems = 0;
    this.#problemsExpanded = false;
  }

  update(): void {
    const timeline = this.engine.timeline;
    const model = arrangeStage(
      this.engine.slots.map((slot) => ({
        slot,
        trackId: slot.trackId,
        videoType: slot.file.videoType,
        userId: slot.file.userId,
        active: slot.state === 'active',
      })),
      timeline ? timeline.tracks.map((track) => track.id) : [],
      { layout: this.#layoutValue, pinnedTrackId: this.#pinnedTrackId, hiddenTrackIds: this.#hiddenTrackIds },
    );
    const fatal = this.engine.error?.fatal ? this.engine.error : undefined;
    const visibleTiles = [model.main, ...model.strip].filter((tile): tile is TileModel<MediaSlot> => Boolean(tile?.active));
    const stripShown = model.strip.some((tile) => tile.active);
    const tileFailed = visibleTiles.some((tile) => this.#failureOf(tile));
    const classes = this.container.classList;
    classes.toggle('has-main', Boolean(model.main));
    // Only the main tile left (the cameras have ended): no empty strip keeps a quarter of the player.
    classes.toggle('has-strip', stripShown);
    // The player's big play button gives way to error texts (the control bar still plays).
    classes.toggle('has-errors', Boolean(fatal) || tileFailed);
    for (const layout of ['presentation', 'grid', 'focus']) classes.toggle(`layout-${layout}`, layout === this.#layoutValue);
    const activeStripTiles = model.strip.filter((tile) => tile.active).length;
    this.#gridCount = model.main ? 0 : activeStripTiles;
    this.container.style.setProperty('--tic-strip-count', String(Math.max(1, activeStripTiles)));
    this.#applyGridShape();
    render(
      html`
        ${fatal ? nothing : this.#problemBanner()}
        <div class="tiles">
          <div class="main" part="main-area">${model.main ? this.#tile(model.main, true) : nothing}</div>
          <div class="strip" part="strip">${repeat(model.strip, (tile) => tile.trackId, (tile) => this.#tile(tile, false))}</div>
        </div>
        <div class="hidden-tracks">${repeat(model.hidden, (tile) => tile.trackId, (tile) => this.#tile(tile, false))}</div>
        <div class="audio">${repeat(model.audio, (slot) => slot.videoId, (slot) => slot.element)}</div>
        ${this.#restoreButtons(model.hidden)}
        ${fatal ? html`<div class="fatal" part="error" role="alert">${fatal.message}${this.#fatalReasons(fatal.problems)}</div>` : nothing}
      `,
      this.container,
    );
    const tilesArea = this.container.querySelector('.tiles') ?? undefined;
    if (tilesArea !== this.#observedTiles) {
      if (this.#observedTiles) this.#resizeObserver.unobserve(this.#observedTiles);
      if (tilesArea) this.#resizeObserver.observe(tilesArea);
      this.#observedTiles = tilesArea;
    }
  }

  #onResize(entries: readonly ResizeObserverEntry[]): void {
    const box = entries[entries.length - 1]?.contentRect;
    if (!box || box.width <= 0 || box.height <= 0) return;
    this.#tilesAspect = box.width / box.height;
    this.#applyGridShape();
  }

  /** Equal tiles get the rows × columns that give 16:9 pictures the most room in the tile area. */
  #applyGridShape(): void {
    const { columns, rows } = gridShape(Math.max(1, this.#gridCount), this.#tilesAspect);
    this.container.style.setProperty('--tic-grid-columns', String(columns));
    this.container.style.setProperty('--tic-grid-rows', String(rows));
  }

  #failureOf(tile: TileModel<MediaSlot>) {
    return tile.slots.find((slot) => slot.state === 'active' && slot.failed)?.failure;
  }

  #tile(tile: TileModel<MediaSlot>, isMain: boolean): TemplateResult {
    const m = this.messages;
    const label = tileLabel(tile.videoType, tile.userId, m);
    const failure = this.#failureOf(tile);
    const parts = ['tile', isMain ? 'main' : tilePart(tile.videoType), tile.active ? 'active' : 'pending'].join(' ');
    const muted = this.engine.isTrackMuted(tile.trackId);
    const pinned = this.#pinnedTrackId === tile.trackId;
    const hasSound = tile.videoType !== VideoType.Whiteboard;
    return html`
      <figure class="tile ${tile.active ? 'active' : 'pending'} ${failure ? 'failed' : ''}" part=${parts} data-track-id=${tile.trackId} aria-label=${label}>
        ${repeat(tile.slots, (slot) => slot.videoId, (slot) => slot.element)}
        ${this.#layoutValue !== 'grid' && (!isMain || pinned)
          ? html`<button
              type="button"
              class="pin-target"
              part="pin"
              aria-label=${pinned ? m.unpinTile(label) : m.pinTile(label)}
              aria-pressed=${pinned ? 'true' : 'false'}
              @click=${() => this.pin(pinned ? undefined : tile.trackId)}
            ></button>`
          : nothing}
        <figcaption class="label" part="label">${label}</figcaption>
        <div class="tile-tools" part="tile-tools">
          ${hasSound
            ? html`<button
                type="button"
                aria-label=${muted ? m.unmuteTile(label) : m.muteTile(label)}
                aria-pressed=${muted ? 'true' : 'false'}
                @click=${() => this.engine.setTrackMuted(tile.trackId, !muted)}
              >${muted ? soundOffIcon : soundOnIcon}</button>`
            : nothing}
          <button type="button" aria-label=${m.hideTile(label)} @click=${() => this.setTrackHidden(tile.trackId, true)}>${hideIcon}</button>
        </div>
        ${failure ? html`<p class="tile-error" part="tile-error" role="status"><span>${failure.message}</span></p>` : nothing}
      </figure>
    `;
  }

  #restoreButtons(hidden: readonly TileModel<MediaSlot>[]): TemplateResult | typeof nothing {
    if (hidden.length === 0) return nothing;
    return html`<div class="restore" part="restore">
      ${hidden.map((tile) => {
        const label = tileLabel(tile.videoType, tile.userId, this.messages);
        return html`<button type="button" @click=${() => this.setTrackHidden(tile.trackId, false)}>${this.messages.showTile(label)}</button>`;
      })}
    </div>`;
  }

  /** Non-fatal problems: one line along the top edge (the newest), expandable to the list. */
  #problemBanner(): TemplateResult | typeof nothing {
    const problems = this.engine.problems.slice(this.#dismissedProblems);
    if (problems.length === 0) return nothing;
    const m = this.messages;
    const listed = problems.slice(-MAX_LISTED_PROBLEMS);
    const more = problems.length - listed.length;
    const expanded = this.#problemsExpanded;
    return html`
      <div class="problems ${expanded ? 'expanded' : 'collapsed'}" part="problems" role="status">
        <button
          type="button"
          class="problems-toggle"
          aria-expanded=${expanded ? 'true' : 'false'}
          @click=${() => {
            this.#problemsExpanded = !expanded;
            this.update();
          }}
        >
          <span class="problems-count">${m.problemCount(problems.length)}</span>
          ${expanded ? nothing : html`<span class="problems-latest">${problems[problems.length - 1]!.message}</span>`}
        </button>
        ${expanded
          ? html`<ul>
              ${listed.map((problem) => html`<li>${problem.message}</li>`)}
              ${more > 0 ? html`<li>${m.moreProblems(more)}</li>` : nothing}
            </ul>`
          : nothing}
        <button type="button" class="dismiss" aria-label=${m.dismissProblems} @click=${() => this.#dismiss()}>${closeIcon}</button>
      </div>
    `;
  }

  /** The precise reasons behind a fatal error (every invalid entry, every missing file): the first few. */
  #fatalReasons(reasons: readonly { message: string }[]): TemplateResult | typeof nothing {
    if (reasons.length === 0) return nothing;
    const listed = reasons.slice(0, MAX_LISTED_PROBLEMS);
    const more = reasons.length - listed.length;
    return html`<ul class="reasons">
      ${listed.map((reason) => html`<li>${reason.message}</li>`)}
      ${more > 0 ? html`<li>${this.messages.moreProblems(more)}</li>` : nothing}
    </ul>`;
  }

  #dismiss(): void {
    this.#dismissedProblems = this.engine.problems.length;
    this.update();
  }

  clear(): void {
    this.#resizeObserver.disconnect();
    this.#observedTiles = undefined;
    render(nothing, this.container);
  }
}
