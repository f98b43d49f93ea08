// Runs the Node-side tests (core, engine controllers on fakes, the command line) with Node's own
// test runner, TypeScript loaded through tsx. Node 20's `--test` does not expand globs, so the
// files are listed here. `TEST_FILES=a,b` filters, as for the browser tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.env.TEST_FILES;
const files = testFiles('test/node').filter((path) => !only || only.split(',').some((part) => path.includes(part)));
if (files.length === 0) {
  console.log('No Node tests match TEST_FILES.');
  process.exit(only ? 0 : 1);
}
const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(status ?? 1);
