// Headless Chromium (playwright-core, the system's browser) opening a page with a <tic-replay>, and
// what the page reported: console errors, uncaught errors and Content-Security-Policy violations.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium.mjs';

// The functions passed to page.evaluate run in the page. This program type-checks Node code without
// the DOM library (the core must not need it), so the page's globals are declared loosely here.
declare const window: any;
declare const document: any;
declare const customElements: any;
declare const getComputedStyle: any;

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/find-chromium.mjs`.');
  // playwright passes its own headless flag.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')) });
}

export interface PageReport {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly consoleWarnings: string[];
  readonly pageErrors: string[];
  /** Responses with an HTTP error status, as `status URL` (the browser's own favicon request aside). */
  readonly failedResponses: string[];
  /** `securitypolicyviolation` events, as `directive: blocked (sample)`. */
  cspViolations(): Promise<string[]>;
}

export async function openPage(browser: Browser, url: string): Promise<PageReport> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  const pageErrors: string[] = [];
  const failedResponses: string[] = [];
  page.on('console', (message) => {
    // "Failed to load resource" names no URL: failedResponses has it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failedResponses.push(`${response.status()} ${response.url()}`);
  });
  // Init scripts are added over the DevTools protocol, so the page's own CSP does not block this one.
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.cspViolations = seen;
    window.addEventListener(
      'securitypolicyviolation',
      (event: { effectiveDirective: string; blockedURI: string; sample: string; sourceFile: string; lineNumber: number }) => seen.push(`${event.effectiveDirective}: ${event.blockedURI} (${event.sample}) at ${event.sourceFile}:${event.lineNumber}`),
      true,
    );
  });
  await page.goto(url);
  return {
    page,
    consoleErrors,
    consoleWarnings,
    pageErrors,
    failedResponses,
    cspViolations: () => page.evaluate((): string[] => [...window.cspViolations]),
  };
}

export interface PlaybackState {
  readonly defined: boolean;
  readonly currentTimeS: number;
  readonly paused: boolean;
  readonly fatalError: string | null;
  readonly problems: string[];
  /** Active video elements in the player's shadow root. */
  readonly videos: { videoId: string; currentTimeS: number; paused: boolean }[];
  readonly controlBarDisplay: string;
  readonly lang: string;
  readonly playLabel: string;
}

/** Waits for the recording, plays it to `untilS` seconds, and reads the player's state. */
export async function playReplay(page: Page, untilS: number): Promise<PlaybackState> {
  await page.waitForFunction(() => customElements.get('tic-replay') !== undefined, null, { timeout: 20_000 });
  await page.waitForFunction(
    () => {
      const player = document.querySelector('tic-replay');
      return player.readyState >= 3 || player.error?.fatal === true;
    },
    null,
    { timeout: 20_000 },
  );
  await page.evaluate(() => document.querySelector('tic-replay').play().catch(() => undefined));
  await page.waitForFunction((seconds) => {
    const player = document.querySelector('tic-replay');
    return player.currentTime >= seconds || player.error?.fatal === true;
  }, untilS, { timeout: 20_000 });
  return page.evaluate((): PlaybackState => {
    const player = document.querySelector('tic-replay');
    const root = player.shadowRoot;
    const videos: { dataset: { videoId?: string }; currentTime: number; paused: boolean }[] = [
      ...root.querySelectorAll('video[data-state="active"]'),
    ];
    const controlBar = root.querySelector('.vjs-control-bar');
    return {
      defined: customElements.get('tic-replay') !== undefined,
      currentTimeS: player.currentTime,
      paused: player.paused,
      fatalError: player.error?.fatal ? player.error.message : null,
      problems: player.problems.map((problem: { message: string }) => problem.message),
      videos: videos.map((video) => ({ videoId: video.dataset.videoId ?? '', currentTimeS: video.currentTime, paused: video.paused })),
      controlBarDisplay: controlBar ? getComputedStyle(controlBar).display : 'none',
      lang: player.closest('[lang]')?.getAttribute('lang') ?? '',
      playLabel: root.querySelector('.vjs-play-control .vjs-control-text')?.textContent ?? '',
    };
  });
}

/**
 * Uses the player as a viewer would, so that what only appears on interaction (the control bar's
 * menus and tooltips, tile tools, another layout, a pinned tile, a seek) is on the page too.
 */
export async function exerciseControls(page: Page): Promise<void> {
  const box = await page.locator('tic-replay').boundingBox();
  if (!box) throw new Error('<tic-replay> has no box on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.3);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height - 20);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height - 40);
  await page.evaluate(() => {
    const player = document.querySelector('tic-replay');
    player.shadowRoot.querySelector('.vjs-playback-rate .vjs-menu-button')?.click();
    player.layout = 'grid';
    player.pinTrack('0:teacher');
    player.focus();
  });
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.querySelector('tic-replay').seeking, null, { timeout: 20_000 });
  await page.evaluate(() => {
    const player = document.querySelector('tic-replay');
    player.pinTrack(undefined);
    player.layout = 'focus';
  });
  await page.waitForTimeout(300);
}
