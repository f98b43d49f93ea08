// What a person sees on the player: the time in the control bar, labels and error texts that no
// control covers, layouts that use the space, lanes to aim at, tile buttons for touch, and
// translations without leftovers.
import { expect } from '@esm-bundle/chai';
import axe from 'axe-core';
import { sendMouse } from '@web/test-runner-commands';
import type { TicReplayElement } from '../../src/element/tic-replay.component.js';
import { gridShape } from '../../src/core/layout/grid-shape.js';
import { FIXTURES, createPlayer, delay, loaded, recording, seekTo, until } from '../helpers/element.js';

const CLASS = recording(
  [
    { id: 'alice', user: 'alice', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 12000 },
    { id: 'bob', user: 'bob', url: `${FIXTURES}/cam-b.mp4`, start: 0, duration: 12000 },
    { id: 'board', user: '', type: 2, url: `${FIXTURES}/board.mp4`, start: 0, duration: 12000 },
  ],
  16000,
);

async function playerWith(result: unknown, attributes: Record<string, string | boolean> = {}, width = 640): Promise<TicReplayElement> {
  const player = createPlayer({ controls: true, ...attributes });
  player.style.width = `${width}px`;
  player.result = result;
  await loaded(player);
  await player.updateComplete;
  await delay(100); // the controls band is measured in the next frame
  return player;
}

const shadow = (player: TicReplayElement) => player.shadowRoot!;
const all = (player: TicReplayElement, selector: string) => [...shadow(player).querySelectorAll<HTMLElement>(selector)];
const one = (player: TicReplayElement, selector: string) => shadow(player).querySelector<HTMLElement>(selector)!;
const shown = (element: Element | null) => Boolean(element && (element as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true }));

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** The control bar with the lanes above it: the area no label or error text may sit under. */
function controlsArea(player: TicReplayElement): DOMRect {
  const bar = one(player, '.vjs-control-bar').getBoundingClientRect();
  const lanes = one(player, '.vjs-tic-lanes').getBoundingClientRect();
  const top = lanes.height > 0 ? Math.min(bar.top, lanes.top) : bar.top;
  return new DOMRect(bar.left, top, bar.width, bar.bottom - top);
}

describe('<tic-replay> control bar', () => {
  it('shows current / duration, in English and in Chinese', async () => {
    const player = await playerWith(CLASS);
    const current = one(player, '.vjs-current-time');
    const divider = one(player, '.vjs-time-divider');
    const duration = one(player, '.vjs-duration');
    for (const element of [current, divider, duration]) expect(shown(element), element.className).to.equal(true);
    expect(duration.querySelector('.vjs-duration-display')!.textContent).to.contain('0:16');
    await seekTo(player, 5);
    await until(() => current.querySelector('.vjs-current-time-display')!.textContent!.includes('0:05'), 'the current time shows 0:05');

    player.lang = 'zh-CN';
    await until(() => one(player, '.vjs-play-control .vjs-control-text').textContent === '播放', 'the controls speak Chinese');
    expect(current.querySelector('.vjs-control-text')!.textContent).to.contain('当前时间');
    expect(shown(current)).to.equal(true);
    expect(duration.querySelector('.vjs-duration-display')!.textContent).to.contain('0:16');
  });

  it('leaves no raw placeholder and no English ", selected" in Chinese controls; menu items keep their capitals', async () => {
    const player = await playerWith(CLASS);
    const items = all(player, '.vjs-tic-layout-button .vjs-menu-item');
    // innerText is what is drawn (text-transform applied).
    expect(items.map((item) => item.querySelector<HTMLElement>('.vjs-menu-item-text')!.innerText)).to.deep.equal(['Presentation', 'Grid', 'Focus']);

    player.lang = 'zh-CN';
    await until(() => one(player, '.vjs-play-control .vjs-control-text').textContent === '播放', 'the controls speak Chinese');
    const texts = all(player, '.vjs-control-bar .vjs-control-text, .vjs-control-bar .vjs-menu-item-text').map((node) => node.textContent!);
    for (const text of texts) {
      expect(text, text).not.to.match(/\{\d\}/);
      expect(text, text).not.to.contain('selected');
    }
    const selected = all(player, '.vjs-tic-layout-button .vjs-menu-item.vjs-selected .vjs-control-text');
    expect(selected.map((node) => node.textContent)).to.deep.equal(['，已选中']);
  });
});

describe('<tic-replay> labels and controls do not overlap', () => {
  for (const layout of ['presentation', 'grid', 'focus']) {
    it(`${layout}: no tile label under the control bar or its lanes`, async () => {
      const player = await playerWith(CLASS, { layout });
      const area = controlsArea(player);
      const labels = all(player, '.tile.active [part="label"]');
      expect(labels.length).to.be.greaterThan(0);
      for (const label of labels) {
        expect(overlaps(label.getBoundingClientRect(), area), `label ${label.textContent} vs the controls`).to.equal(false);
      }
    });
  }

  it('the main tile’s label is not behind the big play button', async () => {
    const player = await playerWith(CLASS);
    const big = one(player, '.vjs-big-play-button');
    expect(shown(big)).to.equal(true);
    const label = one(player, '.main [part="label"]');
    expect(overlaps(label.getBoundingClientRect(), big.getBoundingClientRect())).to.equal(false);
  });
});

describe('<tic-replay> error states', () => {
  const BROKEN = recording(
    [
      { id: 'alice', user: 'alice', url: `${FIXTURES}/gone-alice.mp4`, start: 0, duration: 12000 },
      { id: 'bob', user: 'bob', url: `${FIXTURES}/cam-b.mp4`, start: 0, duration: 12000 },
      { id: 'board', user: '', type: 2, url: `${FIXTURES}/gone-board.mp4`, start: 0, duration: 12000 },
      { id: 'late', user: 'carol', url: `${FIXTURES}/cam-a.mp4`, start: -3, duration: 12000 },
    ],
    16000,
  );

  async function brokenPlayer(width = 640): Promise<TicReplayElement> {
    const player = createPlayer({ controls: true });
    player.style.width = `${width}px`;
    player.result = BROKEN;
    await until(() => all(player, '[part="tile-error"]').length === 2, 'both missing files show their error');
    await delay(100);
    return player;
  }

  it('a tile’s error text is never under the big play button', async () => {
    const player = await brokenPlayer();
    const big = one(player, '.vjs-big-play-button');
    const errors = all(player, '[part="tile-error"]');
    expect(errors).to.have.length(2);
    for (const error of errors) {
      // The box of the text itself, wherever the error element puts it.
      const text = document.createRange();
      text.selectNodeContents(error);
      expect(shown(big) && overlaps(text.getBoundingClientRect(), big.getBoundingClientRect())).to.equal(false);
    }
  });

  it('the problems banner sits outside the tiles: it covers no tile, button or error text, on a phone too', async () => {
    for (const width of [640, 360]) {
      const player = await brokenPlayer(width);
      const banner = one(player, '[part="problems"]');
      expect(shown(banner)).to.equal(true);
      const box = banner.getBoundingClientRect();
      for (const tile of all(player, '.tile.active')) {
        expect(overlaps(box, tile.getBoundingClientRect()), `banner vs tile ${tile.dataset.trackId} at ${width} px`).to.equal(false);
      }
      // It opens to the list and closes again.
      const toggle = banner.querySelector<HTMLButtonElement>('.problems-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.click();
      await delay(0);
      expect(one(player, '[part="problems"] ul').querySelectorAll('li').length).to.equal(3);
      player.remove();
    }
  });

  it('error texts and the banner have readable contrast (axe-core)', async () => {
    const player = await brokenPlayer();
    const win = window as unknown as { axe?: typeof axe };
    if (!win.axe) window.eval(`(function () { var module = { exports: {} }; ${axe.source}\n})();`);
    const results = await win.axe!.run(player, { runOnly: ['color-contrast'] });
    const failures = results.violations.flatMap((violation) => violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary}`));
    expect(failures, failures.join('\n')).to.deep.equal([]);
    const checked = results.passes.flatMap((pass) => pass.nodes.map((node) => node.html));
    expect(checked.some((html) => html.includes('Could not load')), checked.join('\n')).to.equal(true);
    expect(checked.some((html) => html.includes('problems-count')), checked.join('\n')).to.equal(true);
  });
});

describe('<tic-replay> layouts use the space', () => {
  const rowsOf = (boxes: DOMRect[]) => new Set(boxes.map((box) => Math.round(box.top))).size;

  it('grid: three 16:9 tiles in a 16:9 player as 2×2 (larger than 1×3)', async () => {
    const player = await playerWith(CLASS, { layout: 'grid' });
    const tiles = all(player, '.strip .tile.active').map((tile) => tile.getBoundingClientRect());
    expect(tiles).to.have.length(3);
    expect(rowsOf(tiles)).to.equal(2);
    const stage = one(player, '.tiles').getBoundingClientRect();
    for (const tile of tiles) expect(tile.width).to.be.closeTo((stage.width - 4) / 2, 2);
  });

  it('grid on a phone held upright: tiles as large as the player allows, no thin rows', async () => {
    const player = createPlayer({ controls: true, layout: 'grid' });
    player.style.width = '390px';
    player.style.setProperty('--tic-aspect-ratio', '9 / 10');
    player.result = CLASS;
    await loaded(player);
    await delay(100);
    const stage = one(player, '.tiles').getBoundingClientRect();
    const { columns, rows } = gridShape(3, stage.width / stage.height);
    const tiles = all(player, '.strip .tile.active').map((tile) => tile.getBoundingClientRect());
    expect(rowsOf(tiles)).to.equal(rows);
    for (const tile of tiles) {
      expect(tile.width).to.be.closeTo((stage.width - (columns - 1) * 4) / columns, 2);
      expect(tile.height).to.be.at.least(100); // not three 65 px rows
    }
  });

  it('presentation: every camera of a large class is in view (the strip shrinks its tiles to fit)', async () => {
    const cameras = ['cam-a', 'cam-b', 'cam-c', 'cam-a-360', 'cam-b-360', 'cam-c-360', 'cam-a'];
    // A player a little taller than 16:9 (as the README suggests with controls): seven tiles of 64 px or more fit.
    const player = createPlayer({ controls: true });
    player.style.width = '960px';
    player.style.setProperty('--tic-aspect-ratio', '16 / 11');
    player.result = recording([
      { id: 'board', user: '', type: 2, url: `${FIXTURES}/board.mp4`, start: 0, duration: 12000 },
      ...cameras.map((file, i) => ({ id: `student-${i}`, user: `student-${i}`, url: `${FIXTURES}/${file}.mp4?n=${i}`, start: 0, duration: 12000 })),
    ]);
    await loaded(player);
    await delay(100);
    const strip = one(player, '.strip').getBoundingClientRect();
    const tiles = all(player, '.strip .tile.active').map((tile) => tile.getBoundingClientRect());
    expect(tiles).to.have.length(7);
    for (const tile of tiles) {
      expect(tile.top, 'tile top inside the strip').to.be.at.least(strip.top - 0.5);
      expect(tile.bottom, 'tile bottom inside the strip').to.be.at.most(strip.bottom + 0.5);
      expect(tile.width / tile.height).to.be.closeTo(16 / 9, 0.05);
    }
    player.remove();
    // A class of twelve: tiles no smaller than 64 px high, and the strip scrolls to the others.
    const many = await playerWith(
      recording([
        { id: 'board', user: '', type: 2, url: `${FIXTURES}/board.mp4`, start: 0, duration: 12000 },
        ...Array.from({ length: 12 }, (_, i) => ({ id: `s-${i}`, user: `s-${i}`, url: `${FIXTURES}/${cameras[i % 3]}.mp4?m=${i}`, start: 0, duration: 12000 })),
      ]),
      {},
      960,
    );
    const manyStrip = one(many, '.strip');
    expect(all(many, '.strip .tile.active')).to.have.length(12);
    for (const tile of all(many, '.strip .tile.active')) expect(tile.getBoundingClientRect().height).to.be.closeTo(64, 1);
    expect(one(many, '.strip').getBoundingClientRect().height, 'a strip shorter than twelve tiles').to.be.below(12 * 68);
    expect(manyStrip.scrollHeight).to.be.above(manyStrip.clientHeight + 100);
    manyStrip.scrollTop = manyStrip.scrollHeight;
    const last = all(many, '.strip .tile.active').at(-1)!.getBoundingClientRect();
    expect(last.bottom).to.be.at.most(manyStrip.getBoundingClientRect().bottom + 0.5);
    many.remove();
    // With three streams the cameras are as wide as the strip, as before.
    const small = await playerWith(CLASS, {}, 960);
    const smallStrip = one(small, '.strip').getBoundingClientRect();
    for (const tile of all(small, '.strip .tile.active')) expect(tile.getBoundingClientRect().width).to.be.closeTo(smallStrip.width, 1);
  });

  it('when only the whiteboard is left, it takes the whole width (no empty camera strip)', async () => {
    const player = await playerWith(
      recording([
        { id: 'board', user: '', type: 2, url: `${FIXTURES}/board.mp4`, start: 0, duration: 12000 },
        { id: 'alice', user: 'alice', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 4000 },
      ]),
    );
    const tilesArea = one(player, '.tiles').getBoundingClientRect();
    expect(one(player, '.main .tile').getBoundingClientRect().width).to.be.below(tilesArea.width * 0.85);
    await seekTo(player, 8);
    await delay(50);
    expect(one(player, '.main .tile').getBoundingClientRect().width).to.be.closeTo(tilesArea.width, 1);
  });
});

describe('<tic-replay> timeline lanes to aim at', () => {
  it('each lane is a 16 px target with the track’s name; hovering shows one tooltip', async () => {
    const player = await playerWith(CLASS);
    const lanes = all(player, '.vjs-tic-lane');
    expect(lanes).to.have.length(3);
    for (const lane of lanes) expect(lane.getBoundingClientRect().height).to.be.at.least(16);
    expect(lanes.map((lane) => lane.querySelector('.vjs-tic-lane-name')!.textContent)).to.deep.equal(['Whiteboard', 'alice', 'bob']);

    const lane = lanes[1]!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(lane.left + lane.width * 0.3), Math.round(lane.top + lane.height / 2)] });
    await delay(150);
    const tooltips = all(player, '.vjs-time-tooltip, .vjs-tic-lane-tooltip').filter((tip) => shown(tip) && tip.textContent!.trim() !== '');
    expect(tooltips.map((tip) => tip.textContent)).to.have.length(1);
    expect(tooltips[0]!.textContent).to.contain('alice');
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});

describe('<tic-replay> tile buttons', () => {
  it('are 24 px or larger, drawn as icons (no emoji), and shown where there is no hover', async () => {
    const player = await playerWith(CLASS);
    const buttons = all(player, '[data-track-id="0:alice"] .tile-tools button');
    expect(buttons).to.have.length(2);
    for (const button of buttons) {
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
      expect(button.querySelector('svg'), button.getAttribute('aria-label')!).not.to.equal(null);
      expect(button.textContent!.trim()).to.equal('');
    }
    // Touch screens have no hover: a rule for (hover: none) shows the tools.
    const rules = (shadow(player).adoptedStyleSheets ?? []).flatMap((sheet) => [...sheet.cssRules]);
    const touchRule = rules.find((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes('hover: none'));
    expect(touchRule, 'a (hover: none) rule').not.to.equal(undefined);
    const shows = [...touchRule!.cssRules].some((rule) => rule.cssText.includes('tile-tools') && /opacity:\s*1/.test(rule.cssText));
    expect(shows).to.equal(true);
  });
});
