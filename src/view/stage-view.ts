/**
 * Renders the engine's mounted media elements into the stage: the main area, the camera strip,
 * unseen audio, tile tools (pin, mute, hide) and readable problem messages. Media elements are
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
import { tileLabel, tilePart } from './labels.js';

const MAX_LISTED_PROBLEMS = 3;

export class StageView {
  #dismissedProblems = 0;
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
    if (hidden) this.#hiddenTrackIds.add(trackId);
    else this.#hiddenTrackIds.delete(trackId);
    this.update();
  }

  /** Forgets pins, hidden tracks and dismissed messages (a new recording). */
  reset(): void {
    this.#pinnedTrackId = undefined;
    this.#hiddenTrackIds.clear();
    this.#dismissedProblems = 0;
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
    const classes = this.container.classList;
    classes.toggle('has-main', Boolean(model.main));
    for (const layout of ['presentation', 'grid', 'focus']) classes.toggle(`layout-${layout}`, layout === this.#layoutValue);
    render(
      html`
        <div class="main" part="main-area">${model.main ? this.#tile(model.main, true) : nothing}</div>
        <div class="strip" part="strip">${repeat(model.strip, (tile) => tile.trackId, (tile) => this.#tile(tile, false))}</div>
        <div class="hidden-tracks">${repeat(model.hidden, (tile) => tile.trackId, (tile) => this.#tile(tile, false))}</div>
        <div class="audio">${repeat(model.audio, (slot) => slot.videoId, (slot) => slot.element)}</div>
        ${this.#restoreButtons(model.hidden)}
        ${fatal ? html`<div class="fatal" part="error" role="alert">${fatal.message}</div>` : this.#problemList()}
      `,
      this.container,
    );
  }

  #tile(tile: TileModel<MediaSlot>, isMain: boolean): TemplateResult {
    const m = this.messages;
    const label = tileLabel(tile.videoType, tile.userId, m);
    const failure = tile.slots.find((slot) => slot.state === 'active' && slot.failed)?.failure;
    const parts = ['tile', isMain ? 'main' : tilePart(tile.videoType), tile.active ? 'active' : 'pending'].join(' ');
    const muted = this.engine.isTrackMuted(tile.trackId);
    const pinned = this.#pinnedTrackId === tile.trackId;
    const hasSound = tile.videoType !== VideoType.Whiteboard;
    return html`
      <figure class="tile ${tile.active ? 'active' : 'pending'}" part=${parts} data-track-id=${tile.trackId} aria-label=${label}>
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
              >${muted ? '🔇' : '🔊'}</button>`
            : nothing}
          <button type="button" aria-label=${m.hideTile(label)} @click=${() => this.setTrackHidden(tile.trackId, true)}>✕</button>
        </div>
        ${failure ? html`<p class="tile-error" part="tile-error" role="status">${failure.message}</p>` : nothing}
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

  #problemList(): TemplateResult | typeof nothing {
    const problems = this.engine.problems.slice(this.#dismissedProblems);
    if (problems.length === 0) return nothing;
    const listed = problems.slice(-MAX_LISTED_PROBLEMS);
    const more = problems.length - listed.length;
    return html`
      <div class="problems" part="problems" role="status">
        <ul>
          ${listed.map((problem) => html`<li>${problem.message}</li>`)}
          ${more > 0 ? html`<li>${this.messages.moreProblems(more)}</li>` : nothing}
        </ul>
        <button type="button" class="dismiss" aria-label=${this.messages.dismissProblems} @click=${() => this.#dismiss()}>×</button>
      </div>
    `;
  }

  #dismiss(): void {
    this.#dismissedProblems = this.engine.problems.length;
    this.update();
  }

  clear(): void {
    render(nothing, this.container);
  }
}
