/**
 * Our additions to video.js's control bar, as video.js components:
 *  - timeline lanes: one named lane per track above the progress bar showing when that person (or
 *    the whiteboard, a screen share) has video, with the pauses cut from the replay marked; hovering
 *    says who and when in one tooltip (video.js's own time tooltips give way); a click seeks there
 *    (the lanes live inside the seek bar, which seeks on click);
 *  - a layout menu (presentation / grid / focus).
 * The band the control bar and lanes take at the bottom of the player is measured and published as
 * `--tic-controls-height` on the player, so the stage keeps its tiles above it.
 */
import type { ReplayEngine } from '../engine/replay-engine.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { Timeline } from '../core/timeline/timeline.js';
import { STAGE_LAYOUTS, type StageLayout } from '../core/layout/stage-layout.js';
import { formatClockMs, formatSpanMs } from '../core/format/clock.js';
import { tileLabel } from '../view/labels.js';
import type { VideoJsPlayer } from './videojs.js';
import { videojs } from './videojs.js';

/** At most this many lanes (the band must leave room for the tiles); further tracks get none. */
const MAX_LANES = 8;
/** Space between the lanes and the tiles above them. */
const BAND_MARGIN_PX = 4;

type ComponentInstance = {
  el(): HTMLElement;
  player(): VideoJsPlayer;
  on(target: unknown, type: string, handler: () => void): void;
  addChild(child: unknown): unknown;
  getChild(name: string): ComponentInstance | undefined;
  dispose(): void;
};
type ComponentClass = new (player: VideoJsPlayer, options?: Record<string, unknown>) => ComponentInstance;

/** Where the replay timeline has pause cuts: the service's OmittedDurations, else the shared split points. */
function pauseCutsMs(engine: ReplayEngine): number[] {
  const omitted = engine.recording?.omittedDurations ?? [];
  if (omitted.length > 0) return omitted.map((cut) => cut.atMs);
  return [...(engine.timeline?.splitPointsMs ?? [])];
}

/** Renders the lanes of a timeline into `container` (plain DOM, text only). */
function renderLanes(container: HTMLElement, timeline: Timeline | undefined, cutsMs: readonly number[], messages: Messages = en): void {
  container.replaceChildren();
  if (!timeline || timeline.durationMs <= 0) return;
  const percent = (ms: number) => `${(ms / timeline.durationMs) * 100}%`;
  const tracks = timeline.tracks.slice(0, MAX_LANES);
  for (const track of tracks) {
    const lane = document.createElement('div');
    lane.className = 'vjs-tic-lane';
    lane.dataset.trackId = track.id;
    const who = tileLabel(track.videoType, track.userId, messages);
    const spans = track.files.map((entry) => formatSpanMs(entry.startMs, entry.endMs));
    lane.setAttribute('role', 'img');
    lane.setAttribute('aria-label', messages.timelineLane(who, spans));
    const name = document.createElement('span');
    name.className = 'vjs-tic-lane-name';
    name.setAttribute('aria-hidden', 'true');
    name.textContent = who;
    for (const entry of track.files) {
      const segment = document.createElement('div');
      segment.className = 'vjs-tic-lane-segment';
      segment.style.left = percent(entry.startMs);
      segment.style.width = percent(entry.endMs - entry.startMs);
      segment.dataset.who = who;
      segment.dataset.from = String(entry.startMs);
      segment.dataset.to = String(entry.endMs);
      lane.append(segment);
    }
    lane.append(name);
    container.append(lane);
  }
  for (const atMs of cutsMs) {
    const cut = document.createElement('div');
    cut.className = 'vjs-tic-lane-cut';
    cut.style.left = percent(atMs);
    cut.title = messages.pausedHere(formatClockMs(atMs));
    container.append(cut);
  }
}

export interface ControlBarExtrasOptions {
  readonly engine: ReplayEngine;
  readonly getMessages: () => Messages;
  readonly getLayout: () => StageLayout;
  readonly setLayout: (layout: StageLayout) => void;
}

let registered = false;

export interface ControlBarExtras {
  /** Re-renders texts after a change of language. */
  refreshLanguage(): void;
}

/** Adds the lanes and the layout menu to a player made by `<tic-replay>`. */
export function addControlBarExtras(player: VideoJsPlayer, options: ControlBarExtrasOptions): ControlBarExtras {
  registerComponents();
  const controlBar = (player as unknown as ComponentInstance).getChild('ControlBar');
  const seekBar = controlBar?.getChild('ProgressControl')?.getChild('SeekBar');
  const Lanes = videojs.getComponent('TicTimelineLanes') as unknown as ComponentClass;
  const Menu = videojs.getComponent('TicLayoutMenuButton') as unknown as ComponentClass;
  const lanes = seekBar ? new Lanes(player, { name: 'TicTimelineLanes', engine: options.engine, getMessages: options.getMessages }) : undefined;
  if (lanes) seekBar!.addChild(lanes);
  let menu: ComponentInstance | undefined;
  if (controlBar) {
    menu = new Menu(player, { ...options, name: 'TicLayoutMenuButton' });
    const fullscreen = controlBar.getChild('FullscreenToggle');
    controlBar.addChild(menu);
    controlBar.el().insertBefore(menu.el(), fullscreen?.el() ?? null);
  }
  const band = new ControlsBand(player, controlBar, lanes);
  options.engine.addEventListener('loadedmetadata', band.measureSoon);
  options.engine.addEventListener('emptied', band.measureSoon);
  player.on('dispose', () => {
    options.engine.removeEventListener('loadedmetadata', band.measureSoon);
    options.engine.removeEventListener('emptied', band.measureSoon);
    band.disconnect();
  });
  return {
    refreshLanguage() {
      (lanes as unknown as { refresh?: () => void } | undefined)?.refresh?.();
      (menu as unknown as { update?: () => void } | undefined)?.update?.();
      relabelTimeDisplays(controlBar);
      // The rate menu's items word ", selected" when built: rebuilt, they speak the new language.
      (controlBar?.getChild('PlaybackRateMenuButton') as unknown as { update?: () => void } | undefined)?.update?.();
      band.measureSoon();
    },
  };
}

/** video.js words the time displays' screen-reader labels once, when built: word them again. */
function relabelTimeDisplays(controlBar: ComponentInstance | undefined): void {
  for (const name of ['CurrentTimeDisplay', 'DurationDisplay']) {
    const display = controlBar?.getChild(name) as (ComponentInstance & { labelText_?: string; localize(text: string): string }) | undefined;
    const label = display?.el().querySelector('.vjs-control-text');
    if (display?.labelText_ && label) label.textContent = `${display.localize(display.labelText_)}\u00a0`;
  }
}

/** Measures how much of the player's bottom the control bar and the lanes above it take. */
class ControlsBand {
  readonly #observer = new ResizeObserver(() => this.measureSoon());
  #frame = 0;

  constructor(
    private readonly player: VideoJsPlayer,
    private readonly controlBar: ComponentInstance | undefined,
    private readonly lanes: ComponentInstance | undefined,
  ) {
    this.#observer.observe(player.el());
    if (controlBar) this.#observer.observe(controlBar.el());
    if (lanes) this.#observer.observe(lanes.el());
    this.measureSoon();
  }

  readonly measureSoon = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#measure());
  };

  #measure(): void {
    const playerBox = this.player.el().getBoundingClientRect();
    const barBox = this.controlBar?.el().getBoundingClientRect();
    if (!barBox || barBox.height === 0) return; // hidden: keep the last band, the stage does not jump
    const lanesBox = this.lanes?.el().getBoundingClientRect();
    const top = lanesBox && lanesBox.height > 0 ? Math.min(barBox.top, lanesBox.top) : barBox.top;
    const heightPx = Math.max(0, Math.ceil(playerBox.bottom - top + BAND_MARGIN_PX));
    (this.player.el() as HTMLElement).style.setProperty('--tic-controls-height', `${heightPx}px`);
  }

  disconnect(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer.disconnect();
  }
}

function registerComponents(): void {
  if (registered) return;
  registered = true;
  const Component = videojs.getComponent('Component') as unknown as ComponentClass;
  const MenuButton = videojs.getComponent('MenuButton') as unknown as ComponentClass;
  const MenuItem = videojs.getComponent('MenuItem') as unknown as ComponentClass;

  class TimelineLanes extends Component {
    private readonly engine: ReplayEngine;
    private readonly getMessages: () => Messages;
    private readonly tooltip: HTMLElement;
    private readonly lanes: HTMLElement;

    constructor(player: VideoJsPlayer, options: Record<string, unknown>) {
      super(player, options);
      this.engine = options.engine as ReplayEngine;
      this.getMessages = options.getMessages as () => Messages;
      const root = this.el();
      this.lanes = document.createElement('div');
      this.lanes.className = 'vjs-tic-lanes-inner';
      this.tooltip = document.createElement('div');
      this.tooltip.className = 'vjs-tic-lane-tooltip';
      this.tooltip.hidden = true;
      root.append(this.lanes, this.tooltip);
      root.setAttribute('role', 'group');
      root.setAttribute('aria-label', this.getMessages().timelineLanes);
      root.addEventListener('pointermove', (event) => this.hover(event));
      root.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
      this.engine.addEventListener('loadedmetadata', this.refresh);
      this.engine.addEventListener('emptied', this.refresh);
      this.refresh();
    }

    createEl(): HTMLElement {
      const el = document.createElement('div');
      el.className = 'vjs-tic-lanes';
      return el;
    }

    override dispose(): void {
      this.engine.removeEventListener('loadedmetadata', this.refresh);
      this.engine.removeEventListener('emptied', this.refresh);
      super.dispose();
    }

    /** Redraws the lanes (a new recording, or a new language). */
    readonly refresh = () => {
      this.el().setAttribute('aria-label', this.getMessages().timelineLanes);
      renderLanes(this.lanes, this.engine.timeline, pauseCutsMs(this.engine), this.getMessages());
    };

    private hover(event: PointerEvent): void {
      const timeline = this.engine.timeline;
      const lane = (event.target as HTMLElement).closest<HTMLElement>('.vjs-tic-lane');
      if (!timeline || !lane) {
        this.tooltip.hidden = true;
        return;
      }
      const box = this.el().getBoundingClientRect();
      const atMs = ((event.clientX - box.left) / box.width) * timeline.durationMs;
      const track = timeline.tracks.find((candidate) => candidate.id === lane.dataset.trackId);
      if (!track) return;
      const messages = this.getMessages();
      const who = tileLabel(track.videoType, track.userId, messages);
      const entry = track.files.find((file) => file.startMs <= atMs && atMs < file.endMs);
      this.tooltip.textContent = entry
        ? `${who} · ${formatSpanMs(entry.startMs, entry.endMs)}`
        : messages.noVideoAt(who, formatClockMs(atMs));
      this.tooltip.style.left = `${event.clientX - box.left}px`;
      this.tooltip.hidden = false;
    }
  }

  class LayoutMenuItem extends MenuItem {
    private readonly layout: StageLayout;
    private readonly setLayout: (layout: StageLayout) => void;
    constructor(player: VideoJsPlayer, options: Record<string, unknown>) {
      super(player, { ...options, selectable: true, multiSelectable: false });
      this.layout = options.layout as StageLayout;
      this.setLayout = options.setLayout as (layout: StageLayout) => void;
    }
    handleClick(): void {
      this.setLayout(this.layout);
      const menu = (this as unknown as { parentComponent_?: { children?: () => Array<{ selected?: (on: boolean) => void }> } }).parentComponent_;
      for (const item of menu?.children?.() ?? []) item.selected?.(item === (this as unknown));
    }
  }

  class LayoutMenuButton extends MenuButton {
    constructor(player: VideoJsPlayer, options: Record<string, unknown>) {
      super(player, options);
      (this as unknown as { controlText(text: string): void }).controlText('Layout');
    }
    buildCSSClass(): string {
      return 'vjs-tic-layout-control';
    }
    buildWrapperCSSClass(): string {
      const base = (MenuButton.prototype as unknown as { buildWrapperCSSClass(this: unknown): string }).buildWrapperCSSClass.call(this);
      return `vjs-tic-layout-button ${base}`;
    }
    createItems(): unknown[] {
      const options = (this as unknown as { options_: ControlBarExtrasOptions }).options_;
      const current = options.getLayout();
      return STAGE_LAYOUTS.map(
        (layout) =>
          new LayoutMenuItem(this.player(), {
            label: LAYOUT_LABELS[layout],
            layout,
            selected: layout === current,
            setLayout: options.setLayout,
          }),
      );
    }
  }

  videojs.registerComponent('TicTimelineLanes', TimelineLanes as never);
  videojs.registerComponent('TicLayoutMenuButton', LayoutMenuButton as never);
}

const LAYOUT_LABELS: Record<StageLayout, string> = {
  presentation: 'Presentation',
  grid: 'Grid',
  focus: 'Focus',
};
