/**
 * Renders the engine's mounted media elements into the stage: the main area, the camera strip,
 * unseen audio, and readable problem messages. Media elements are created by the engine; this only
 * places them (lit moves the same nodes, it never recreates them).
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ReplayEngine } from '../engine/replay-engine.js';
import type { MediaSlot } from '../media/media-slot.js';
import { arrangeStage, type TileModel } from './stage-layout.js';
import { tileLabel, tilePart } from './labels.js';

const MAX_LISTED_PROBLEMS = 3;

export class StageView {
  private dismissedProblems = 0;

  constructor(
    readonly container: HTMLElement,
    private readonly engine: ReplayEngine,
  ) {
    container.classList.add('stage');
    container.setAttribute('part', 'stage');
  }

  update(): void {
    const timeline = this.engine.timeline;
    const slots = this.engine.slots;
    const model = arrangeStage(
      slots.map((slot) => ({
        slot,
        trackId: slot.entry.trackId,
        videoType: slot.entry.file.videoType,
        userId: slot.entry.file.userId,
        active: slot.state === 'active',
      })),
      timeline ? timeline.tracks.map((track) => track.id) : [],
    );
    const fatal = this.engine.error?.fatal ? this.engine.error : undefined;
    this.container.classList.toggle('has-main', Boolean(model.main));
    render(
      html`
        <div class="main" part="main-area">${model.main ? this.tile(model.main, true) : nothing}</div>
        <div class="strip" part="strip">${repeat(model.strip, (tile) => tile.trackId, (tile) => this.tile(tile, false))}</div>
        <div class="audio" hidden>${repeat(model.audio, (slot) => slot.videoId, (slot) => slot.element)}</div>
        ${fatal ? html`<div class="fatal" part="error" role="alert">${fatal.message}</div>` : this.problemList()}
      `,
      this.container,
    );
  }

  private tile(tile: TileModel<MediaSlot>, isMain: boolean): TemplateResult {
    const label = tileLabel(tile.videoType, tile.userId);
    const failure = tile.slots.find((slot) => slot.state === 'active' && slot.failed)?.failure;
    const parts = ['tile', isMain ? 'main' : tilePart(tile.videoType), tile.active ? 'active' : 'pending'].join(' ');
    return html`
      <figure class="tile ${tile.active ? 'active' : 'pending'}" part=${parts} data-track-id=${tile.trackId} aria-label=${label}>
        ${repeat(tile.slots, (slot) => slot.videoId, (slot) => slot.element)}
        <figcaption class="label" part="label">${label}</figcaption>
        ${failure ? html`<p class="tile-error" part="tile-error" role="status">${failure.message}</p>` : nothing}
      </figure>
    `;
  }

  private problemList(): TemplateResult | typeof nothing {
    const problems = this.engine.problems.slice(this.dismissedProblems);
    if (problems.length === 0) return nothing;
    const listed = problems.slice(-MAX_LISTED_PROBLEMS);
    const more = problems.length - listed.length;
    return html`
      <div class="problems" part="problems" role="status">
        <ul>
          ${listed.map((problem) => html`<li>${problem.message}</li>`)}
          ${more > 0 ? html`<li>… and ${more} more (see the element's problems property)</li>` : nothing}
        </ul>
        <button type="button" class="dismiss" aria-label="Dismiss messages" @click=${() => this.dismiss()}>×</button>
      </div>
    `;
  }

  private dismiss(): void {
    this.dismissedProblems = this.engine.problems.length;
    this.update();
  }

  clear(): void {
    render(nothing, this.container);
  }
}
