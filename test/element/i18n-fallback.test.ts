// A Chinese page whose Chinese strings cannot be loaded (the page did not copy `chunks/` beside
// tic-replay.js, or `tic-replay-zh-CN.mjs` beside the classic script) plays in English: the missing
// language is never a fatal "Could not load the recording".
import { expect } from '@esm-bundle/chai';
import { setChineseModuleUrl } from '../../src/i18n/catalogues.js';
import { en } from '../../src/i18n/en.js';
import { FIXTURES, createPlayer, delay, loaded, recording, until } from '../helpers/element.js';

describe('<tic-replay lang="zh-CN"> without its Chinese module', () => {
  const warnings: string[] = [];
  const consoleWarn = console.warn;

  beforeEach(() => {
    // The same failure as a missing chunk: a dynamic import that gets a 404 (the test server's
    // known-deliberate 404s are kept out of the test output: see web-test-runner.config.mjs).
    setChineseModuleUrl(new URL('/test/missing/tic-replay-zh-CN.mjs', location.href).href);
    warnings.length = 0;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });

  afterEach(() => {
    console.warn = consoleWarn;
  });

  it('falls back to English, says why in the console, and plays', async () => {
    const player = createPlayer({ lang: 'zh-CN', controls: true });
    player.result = recording([
      { id: 'teacher', url: `${FIXTURES}/cam-a.mp4`, start: 0, duration: 12000 },
      { id: 'board', url: `${FIXTURES}/board.mp4`, start: 0, duration: 12000, type: 2, user: '' },
    ]);
    await loaded(player);
    expect(player.error, 'no error at all').to.equal(null);
    expect(player.getAttribute('aria-label')).to.equal(en.playerLabel);
    const playText = player.shadowRoot!.querySelector('.vjs-play-control .vjs-control-text')?.textContent;
    expect(playText, "video.js's controls in English").to.equal('Play');
    expect(warnings.some((text) => text.includes('Chinese strings could not be loaded') && text.includes('chunks/'))).to.equal(true);

    await player.play();
    await delay(500);
    expect(player.paused).to.equal(false);
    expect(player.currentTime).to.be.greaterThan(0.2);
  });

  it('also falls back for a recording given by URL, whose messages are read in the page language', async () => {
    const player = createPlayer({ lang: 'zh-CN' });
    player.src = `${FIXTURES}/recordings/not-finished.json`;
    await until(() => player.error !== null, 'the recording was read');
    expect(player.error!.fatal).to.equal(true);
    expect(player.error!.message, 'the parser speaks English').not.to.match(/[\u4e00-\u9fff]/);
    expect(player.error!.message).not.to.contain('Could not load the recording');
  });
});
