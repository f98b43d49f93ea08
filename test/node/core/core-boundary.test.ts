// The core returns facts and the edges word them: nothing under src/core may import i18n, the DOM
// side of the project, lit or video.js. Dependencies run i18n → core only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const CORE = join(import.meta.dirname, '../../../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN = [/\/i18n\//, /^lit(\/|$)/, /^video\.js/, /^hls\.js/, /\.\.\/\.\.\/(element|engine|media|player|view|recording|node|cli)\//];

test('src/core imports nothing from i18n, the browser side, lit or video.js', () => {
  const files = sources(CORE);
  assert.ok(files.length > 10);
  for (const path of files) {
    const code = readFileSync(path, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      for (const pattern of FORBIDDEN) {
        assert.doesNotMatch(specifier!, pattern, `${relative(CORE, path)} imports ${specifier}`);
      }
    }
  }
});
