// The review page (demo/index.html), used as a person would: in an iframe, through its controls.
import { expect } from '@esm-bundle/chai';
import axe from 'axe-core';
import type { TicReplayElement } from '../../src/element/tic-replay.component.js';

const PAGE = '/demo/index.html';
const LANG_KEY = 'tic-replay-demo:lang';

interface Page {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis & { axe?: typeof axe };
  doc: Document;
  player: TicReplayElement;
}

let current: HTMLIFrameElement | undefined;

async function until(condition: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Loads the page in a fresh iframe (1200×900 unless told) and waits for its player to exist. */
async function openPage(suffix = '', size = { width: 1200, height: 900 }): Promise<Page> {
  current?.remove();
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${size.width}px;height:${size.height}px;border:0;display:block`;
  frame.src = `${PAGE}${suffix}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  current = frame;
  await loaded;
  const win = frame.contentWindow as Page['win'];
  const doc = frame.contentDocument!;
  await until(() => win.customElements.get('tic-replay') !== undefined, 'the player is defined');
  const player = doc.getElementById('player') as TicReplayElement;
  return { frame, win, doc, player };
}

// Assertions compare DOM nodes of the iframe as booleans: a failing chai `equal` on a node of
// another realm makes the runner serialize the node's whole object graph, which hangs the page.

function rows(page: Page): HTMLTableRowElement[] {
  return [...page.doc.querySelectorAll<HTMLTableRowElement>('#files-body tr')];
}

function visibleText(element: Element | null): string {
  if (!element || !(element as HTMLElement).checkVisibility()) return '';
  return (element as HTMLElement).innerText;
}

async function ready(page: Page): Promise<void> {
  await until(() => page.player.readyState >= 3, 'the player can play (readyState ≥ 3)');
}

async function settled(page: Page, seconds: number): Promise<void> {
  await until(
    () => Math.abs(page.player.currentTime - seconds) < 0.05 && !page.player.seeking,
    `the player is at ${seconds} s`,
  );
}

/** Runs axe-core on the page's document; fails listing every violation. */
async function audit(page: Page): Promise<void> {
  // Bundled through @rollup/plugin-commonjs, axe.source refers to a `module` it no longer declares.
  if (!page.win.axe) page.win.eval(`(function () { var module = { exports: {} }; ${axe.source}\n})();`);
  const results = await page.win.axe!.run(page.doc);
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('\n'),
  );
  if (report.length) console.log(`axe violations:\n${report.join('\n')}`);
  expect(report, report.join('\n')).to.deep.equal([]);
}

/** The sample recording with its third entry made invalid, as pasted text. */
async function badSampleText(): Promise<string> {
  const sample = await (await fetch('/demo/sample-recording.json')).json();
  sample.VideoInfos[2].VideoPlayTime = -5;
  // Input must never become markup.
  sample.VideoInfos[4].VideoType = '<img src=x data-injected>';
  return JSON.stringify(sample, null, 2);
}

async function paste(page: Page, text: string): Promise<void> {
  const details = page.doc.getElementById('paste-details') as HTMLDetailsElement;
  details.querySelector('summary')!.click();
  const textarea = page.doc.getElementById('paste-input') as HTMLTextAreaElement;
  textarea.value = text;
  (page.doc.querySelector('#paste-form button[type="submit"]') as HTMLButtonElement).click();
}

describe('the review page (demo/)', function () {
  this.timeout(30000);

  beforeEach(() => localStorage.removeItem(LANG_KEY));
  after(() => {
    current?.remove();
    localStorage.removeItem(LANG_KEY);
  });

  it('plays the bundled sample and lists its six files, their URLs checked', async () => {
    const page = await openPage();
    await ready(page);
    expect(rows(page)).to.have.length(6);
    const first = rows(page)[0]!;
    expect(first.cells[1]!.textContent).to.contain('teacher');
    expect(first.cells[2]!.textContent).to.equal('Camera');
    expect(first.cells[0]!.textContent).to.contain('0:00');
    expect(first.cells[3]!.textContent).to.contain('0:45');
    expect(first.cells[5]!.textContent).to.equal('767 KB');
    expect(rows(page)[1]!.cells[1]!.textContent).to.contain('Whiteboard');
    await until(
      () => rows(page).every((row) => row.querySelector('.url-status')!.textContent === 'OK'),
      'every file URL is checked OK',
    );

    const meta = visibleText(page.doc.getElementById('meta'));
    expect(meta).to.contain('100241');
    expect(meta).to.contain('Bare result');
    expect(meta).to.contain('1:20');
    expect(visibleText(page.doc.getElementById('problems-empty'))).to.contain('No problems');

    await page.player.play();
    await until(() => page.player.currentTime > 0.5, 'the replay advances');
    await until(() => page.doc.getElementById('state')!.textContent === 'playing', 'the status says playing');
    expect(page.doc.getElementById('duration')!.textContent).to.equal('1:20.0');
    page.player.pause();
  });

  it('seeks to a file’s start when its row (or the row’s button) is used', async () => {
    const page = await openPage();
    await ready(page);
    const student = rows(page)[2]!;
    expect(student.dataset.startMs).to.equal('12000');
    (student.cells[3] as HTMLElement).click(); // anywhere on the row
    await settled(page, 12);
    await until(() => student.classList.contains('is-active'), 'the row is marked as playing');
    expect(student.getAttribute('aria-current')).to.equal('time');
    expect(rows(page)[0]!.classList.contains('is-active')).to.equal(true); // teacher-1 still runs
    expect(rows(page)[3]!.classList.contains('is-active')).to.equal(false);

    // Keyboard users reach each row through a real button.
    const button = rows(page)[4]!.querySelector('button')!;
    expect(button.getAttribute('type')).to.equal('button');
    expect(button.getAttribute('aria-label')).to.contain('0:45');
    button.focus();
    expect(page.doc.activeElement === button, 'the button takes focus').to.equal(true);
    button.click();
    await settled(page, 45);
    await until(() => !rows(page)[0]!.classList.contains('is-active'), 'teacher-1 is no longer marked');
    expect(rows(page).slice(3).every((row) => row.classList.contains('is-active'))).to.equal(true);
    expect(page.doc.getElementById('time')!.textContent).to.equal('0:45.0');
  });

  it('#t= seeks there once the recording is loaded, and again on hashchange', async () => {
    const page = await openPage('#t=30');
    await settled(page, 30);
    await ready(page);
    expect(page.doc.getElementById('time')!.textContent).to.equal('0:30.0');

    page.win.location.hash = 't=12.5';
    await settled(page, 12.5);
  });

  it('copies a link to the current moment', async () => {
    const page = await openPage('#t=30');
    await settled(page, 30);
    const copied: string[] = [];
    Object.defineProperty(page.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    const button = page.doc.getElementById('copy-link') as HTMLButtonElement;
    button.click();
    await until(() => copied.length === 1, 'the link is copied');
    const link = new URL(copied[0]!);
    expect(link.hash).to.equal('#t=30.0');
    expect(link.pathname).to.equal(PAGE);
    expect(link.searchParams.has('src')).to.equal(false); // the sample is the default
    const feedback = page.doc.getElementById('copy-feedback')!;
    await until(() => feedback.textContent === 'Copied', 'the page says "Copied"');
    expect(feedback.getAttribute('role')).to.equal('status');

    // Without a clipboard, the link is shown selected in a field.
    Object.defineProperty(page.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    page.player.currentTime = 12.34;
    await settled(page, 12.34);
    button.click();
    const field = page.doc.getElementById('link-field') as HTMLInputElement;
    await until(() => feedback.textContent!.includes('Copy the link from the field'), 'the page says to copy it by hand');
    expect(field.checkVisibility()).to.equal(true);
    expect(field.value).to.match(/#t=12\.3$/);
    expect(page.doc.activeElement === field, 'the link field has focus').to.equal(true);
    expect(field.selectionEnd! - field.selectionStart!).to.equal(field.value.length);

    // A recording opened by URL is part of the link.
    const other = new URL('/test/fixtures/recordings/relative-urls.json', location.href).href;
    (page.doc.getElementById('url-input') as HTMLInputElement).value = other;
    (page.doc.querySelector('#url-form button[type="submit"]') as HTMLButtonElement).click();
    await until(() => page.player.src === other && page.player.readyState >= 1, 'the other recording is open');
    expect(new URL(page.win.location.href).searchParams.get('src')).to.equal(other);
    Object.defineProperty(page.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    button.click();
    await until(() => copied.length === 2, 'the second link is copied');
    const second = new URL(copied[1]!);
    expect(second.searchParams.get('src')).to.equal(other);
    expect(second.hash).to.equal('#t=0.0');
  });

  it('?src= opens that recording', async () => {
    const other = '/test/fixtures/recordings/seed-describe.json';
    const page = await openPage(`?src=${encodeURIComponent(other)}`);
    await until(() => page.player.readyState >= 1, 'the recording is read');
    expect(page.player.src).to.equal(new URL(other, location.href).href);
    expect(visibleText(page.doc.getElementById('meta'))).to.contain('DescribeOnlineRecord');
  });

  it('lists the problems of a pasted recording, as text, and says relative URLs resolve against the page', async () => {
    const page = await openPage();
    await ready(page);
    await paste(page, await badSampleText());
    const list = page.doc.getElementById('problems-list')!;
    await until(() => list.children.length >= 2, 'both bad entries are listed');
    const text = visibleText(list);
    expect(text).to.contain('VideoInfos[2].VideoPlayTime');
    expect(text).to.contain('VideoInfos[4].VideoType');
    expect(text).to.contain('<img src=x data-injected>');
    expect(page.doc.querySelector('[data-injected]') === null, 'no markup was injected').to.equal(true);
    expect(visibleText(page.doc.getElementById('problem-count'))).to.contain('2');
    expect(page.player.error?.fatal ?? false).to.equal(false);

    // The rest plays, from the pasted text (relative URLs resolve against the page here).
    await ready(page);
    expect(rows(page)).to.have.length(4);
    expect(visibleText(page.doc.getElementById('relative-note'))).to.contain('media/teacher-1.mp4');
    expect(visibleText(page.doc.getElementById('source-line'))).to.contain('pasted');
    await audit(page);
  });

  it('opens a JSON file dropped on the page or chosen with the file picker', async () => {
    const page = await openPage();
    await ready(page);
    const sample = await (await fetch('/demo/sample-recording.json')).json();
    sample.RoomId = 4242;
    sample.VideoInfos = sample.VideoInfos.slice(0, 2);
    const files = new page.win.DataTransfer();
    files.items.add(new page.win.File([JSON.stringify(sample)], 'class-4242.json', { type: 'application/json' }));
    page.doc.body.dispatchEvent(new page.win.DragEvent('dragenter', { dataTransfer: files, bubbles: true, cancelable: true }));
    expect(page.doc.getElementById('drop-overlay')!.hidden).to.equal(false);
    const drop = new page.win.DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true });
    page.doc.body.dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    expect(page.doc.getElementById('drop-overlay')!.hidden).to.equal(true);
    await until(() => page.player.recording?.roomId === 4242, 'the dropped recording is open');
    await until(() => rows(page).length === 2, 'its two files are listed');
    expect(visibleText(page.doc.getElementById('source-line'))).to.contain('class-4242.json');
    expect(visibleText(page.doc.getElementById('relative-note'))).to.contain('media/teacher-1.mp4');
    expect(new URL(page.win.location.href).searchParams.has('src')).to.equal(false);

    // The picker: a button (keyboard reachable) in front of a hidden file input.
    sample.RoomId = 4343;
    sample.VideoInfos = sample.VideoInfos.map((info: Record<string, unknown>) => ({
      ...info,
      VideoUrl: new URL(`/demo/${info['VideoUrl']}`, location.href).href,
    }));
    const picked = new page.win.DataTransfer();
    picked.items.add(new page.win.File([JSON.stringify(sample)], 'absolute.json'));
    const input = page.doc.getElementById('file-input') as HTMLInputElement;
    expect(page.doc.getElementById('file-button')!.localName).to.equal('button');
    input.files = picked.files;
    input.dispatchEvent(new page.win.Event('change', { bubbles: true }));
    await until(() => page.player.recording?.roomId === 4343, 'the chosen recording is open');
    expect(page.doc.getElementById('relative-note')!.hidden, 'absolute URLs need no note').to.equal(true);
    await ready(page);
  });

  it('shows a fatal error once: in the player, with its details in the list', async () => {
    const page = await openPage('?src=/demo/no-such-recording.json');
    await until(() => page.player.error?.fatal === true, 'the recording fails');
    await page.player.updateComplete;
    const message = page.player.error!.message;
    expect(message).to.contain('404');
    const inPlayer = page.player.shadowRoot!.querySelector('[part="error"]')!;
    expect(inPlayer.getAttribute('role')).to.equal('alert');
    expect(visibleText(inPlayer)).to.contain('404');
    // Nowhere else on the page does the sentence appear again.
    expect(page.doc.body.innerText.includes(message)).to.equal(false);
    expect(page.doc.querySelectorAll('[role="alert"]:not([hidden])').length).to.equal(0);
    expect(page.doc.getElementById('state')!.textContent).to.equal('cannot play');
    expect(page.doc.querySelector('#problems-list .badge-fatal') !== null, 'the list marks it').to.equal(true);
    expect(visibleText(page.doc.getElementById('problems-list'))).to.contain('no-such-recording.json');
    expect(rows(page)).to.have.length(0);
    await audit(page);
  });

  it('an invalid URL is said under its field and clears the previous recording’s error', async () => {
    const page = await openPage('?src=/demo/no-such-recording.json');
    await until(() => page.player.error?.fatal === true, 'the recording fails');
    const input = page.doc.getElementById('url-input') as HTMLInputElement;
    input.value = 'http://[not a url';
    (page.doc.querySelector('#url-form button[type="submit"]') as HTMLButtonElement).click();
    const fieldError = page.doc.getElementById('url-error')!;
    await until(() => visibleText(fieldError).includes('is not a URL'), 'the field says what is wrong');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await until(() => page.player.error === null, 'the old error is gone from the player');
    await page.player.updateComplete;
    expect(page.player.shadowRoot!.querySelector('[part="error"]') === null, 'no error in the player').to.equal(true);
    expect(visibleText(page.doc.getElementById('problems-empty'))).to.contain('No problems');

    // A valid URL afterwards clears the field's message.
    input.value = 'sample-recording.json';
    (page.doc.querySelector('#url-form button[type="submit"]') as HTMLButtonElement).click();
    await ready(page);
    expect(fieldError.hidden).to.equal(true);
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('"On screen" lists only the tracks whose tiles are shown, joined as the language joins lists', async () => {
    const page = await openPage('#t=20');
    await settled(page, 20);
    const onScreen = page.doc.getElementById('on-screen')!;
    await until(() => onScreen.textContent === 'On screen: Whiteboard, teacher, student', `all three listed (${onScreen.textContent})`);
    page.player.setTrackHidden('0:student', true);
    await until(() => onScreen.textContent === 'On screen: Whiteboard, teacher', 'the hidden student is not listed');
    const select = page.doc.getElementById('lang-select') as HTMLSelectElement;
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    page.player.setTrackHidden('0:student', false);
    await until(() => onScreen.textContent === '画面中：白板、teacher、student', `Chinese list (${onScreen.textContent})`);
  });

  it('is a small app in modules that uses the element’s public API only, its texts from the catalogues', async () => {
    const modules = ['main', 'dom', 'language', 'load', 'problems', 'tracks', 'status', 'meta', 'moment'];
    for (const name of modules) {
      const response = await fetch(`/demo/app/${name}.js`);
      expect(response.ok, name).to.equal(true);
      const source = await response.text();
      expect(source, name).not.to.match(/shadowRoot|renderRoot/);
      expect(source.split('\n').length, `${name} stays small`).to.be.below(250);
      // No module-level mutable state: the one app state object lives in main.js.
      expect(source, name).not.to.match(/^let /m);
    }
    const kit = await import(/* @vite-ignore */ new URL('/dist/review-kit.js', location.href).href);
    expect(kit.reviewMessages('zh-CN').page.filesHeading).to.equal('轨道与文件');
    expect(kit.formatClock(75.3)).to.equal('1:15');
  });

  it('switches language: <html lang>, the player’s lang and the page’s texts', async () => {
    const page = await openPage();
    await ready(page);
    const select = page.doc.getElementById('lang-select') as HTMLSelectElement;
    expect(page.doc.documentElement.lang).to.equal('en');
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(page.doc.documentElement.lang).to.equal('zh-CN');
    expect(page.player.getAttribute('lang')).to.equal('zh-CN');
    expect(page.doc.getElementById('files-heading')!.textContent).to.equal('轨道与文件');
    expect(rows(page)[0]!.cells[2]!.textContent).to.equal('摄像头');
    expect(page.doc.querySelector('label[for="lang-select"]')!.textContent).to.equal('语言');
    await audit(page);

    // Remembered for the next visit.
    const again = await openPage();
    expect(again.doc.documentElement.lang).to.equal('zh-CN');
    expect((again.doc.getElementById('lang-select') as HTMLSelectElement).value).to.equal('zh-CN');
  });

  it('passes an axe-core audit with the sample loaded', async () => {
    const page = await openPage('#t=46');
    await ready(page);
    await settled(page, 46);
    await until(() => rows(page).every((row) => row.querySelector('.url-status')!.textContent === 'OK'), 'URLs checked');
    (page.doc.getElementById('paste-details') as HTMLDetailsElement).open = true;
    await audit(page);
  });

  it('fits a phone: the player on top, panels stacked, nothing wider than the screen', async () => {
    const page = await openPage('', { width: 390, height: 844 });
    await ready(page);
    const viewport = page.doc.documentElement;
    expect(viewport.scrollWidth).to.be.at.most(390);
    const player = page.player.getBoundingClientRect();
    const files = page.doc.getElementById('files-heading')!.getBoundingClientRect();
    const open = page.doc.getElementById('open-heading')!.getBoundingClientRect();
    expect(player.width).to.be.above(300);
    expect(player.bottom).to.be.at.most(files.top);
    expect(files.top).to.be.below(open.top);
    const table = page.doc.querySelector('.table-scroll')!;
    expect(table.scrollWidth).to.be.at.most(table.clientWidth);
    await audit(page);
  });
});
