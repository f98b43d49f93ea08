// Builds the command line (src/cli, src/node, and the core they use) for Node 20 into dist/node/:
// unbundled ES modules, dependencies left as imports, so the S3 SDK stays an optional import.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

await build({
  // src/view/labels.ts: the tile labels, shared by the player's stage and the composed video.
  entryPoints: [...['src/cli', 'src/node', 'src/core', 'src/i18n'].flatMap(sources), 'src/view/labels.ts'],
  outdir: 'dist/node',
  outbase: 'src',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
