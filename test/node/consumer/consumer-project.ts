// A project that installs tic-replay as a user would: `npm pack` of this checkout unpacked into
// node_modules/tic-replay, every other dependency a symlink to this project's own node_modules (no
// registry needed). The tests bundle, run and type-check code in it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

export interface ConsumerProject {
  /** The consumer's folder (its package.json and node_modules). */
  readonly dir: string;
  /** The files in the tarball, as `npm pack` listed them. */
  readonly packedFiles: readonly PackedFile[];
  readonly unpackedSizeBytes: number;
  /** node_modules/tic-replay. */
  readonly packageDir: string;
  remove(): void;
}

/** Packs dist/ as built (`npm pack --ignore-scripts`: the test run has just built it). */
export function makeConsumerProject(): ConsumerProject {
  if (!existsSync(join(PROJECT_ROOT, 'dist/esm/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` before the consumer tests (npm test does).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tic-replay-consumer-'));
  const packOutput = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(packOutput) as [{ filename: string; files: PackedFile[]; unpackedSize: number }];
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', dir]);
  const packageDir = join(modules, 'tic-replay');
  renameSync(join(dir, 'package'), packageDir);

  const ownModules = realpathSync(join(PROJECT_ROOT, 'node_modules'));
  for (const name of readdirSync(ownModules)) {
    if (name === 'tic-replay' || name.startsWith('.')) continue;
    symlinkSync(join(ownModules, name), join(modules, name), 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  return {
    dir,
    packedFiles: packed.files,
    unpackedSizeBytes: packed.unpackedSize,
    packageDir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
