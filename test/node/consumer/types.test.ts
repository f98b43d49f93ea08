// The README's snippets marked `typecheck`, compiled as a consumer compiles them: TypeScript's strict
// defaults with `skipLibCheck: false`, so our declarations (and what they pull in from lit and
// video.js) are checked too. TS2430 (our `error` against HTMLElementEventMap's ErrorEvent) failed here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PROJECT_ROOT, makeConsumerProject, type ConsumerProject } from './consumer-project.js';
import { readmeSnippets, type Snippet } from './readme-snippets.js';

let consumer: ConsumerProject;
let snippets: Snippet[];

const fileOf = (snippet: Snippet) => `snippets/readme-line-${snippet.line}.${snippet.language}`;

before(() => {
  consumer = makeConsumerProject();
  snippets = readmeSnippets(join(PROJECT_ROOT, 'README.md'));
  mkdirSync(join(consumer.dir, 'snippets'));
  // `export {}` makes each snippet a module of its own (top-level await, no shared globals).
  for (const snippet of snippets) writeFileSync(join(consumer.dir, fileOf(snippet)), `${snippet.code}export {};\n`);
});

after(() => consumer?.remove());

/** Runs the consumer's tsc; returns its diagnostics ('' when it compiles). */
function compile(name: string, compilerOptions: Record<string, unknown>, files: string[]): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      allowJs: true,
      checkJs: true,
      types: [],
      ...compilerOptions,
    },
    files,
  };
  writeFileSync(join(consumer.dir, name), JSON.stringify(config, null, 2));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', name], { cwd: consumer.dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

test('the README has snippets marked for type-checking', () => {
  assert.ok(snippets.length >= 3, `found ${snippets.length}`);
  assert.ok(snippets.some((snippet) => snippet.code.includes("addEventListener('error', (event) => console.warn(event.detail.message))")));
});

test("the README's snippets compile in a consumer with bundler resolution, strict, skipLibCheck false", () => {
  const diagnostics = compile('tsconfig.bundler.json', { module: 'ESNext', moduleResolution: 'Bundler' }, snippets.map(fileOf));
  assert.equal(diagnostics, '');
});

test("the README's snippets that use only tic-replay compile with Node's resolution (NodeNext)", () => {
  // video.js's own declarations describe a CommonJS default export that NodeNext does not accept
  // as `import videojs from 'video.js'`: that is video.js's matter, not ours.
  const ours = snippets.filter((snippet) => !snippet.code.includes("from 'video.js'"));
  const diagnostics = compile('tsconfig.nodenext.json', { module: 'NodeNext', moduleResolution: 'NodeNext' }, ours.map(fileOf));
  assert.equal(diagnostics, '');
});
