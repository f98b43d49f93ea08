// The README's code a consumer would paste: fenced blocks whose info string carries `typecheck`
// (```js typecheck, ```ts typecheck). The tests compile them in a consumer project.
import { readFileSync } from 'node:fs';

export interface Snippet {
  readonly language: 'js' | 'ts';
  readonly code: string;
  /** 1-based line of the opening fence, to name the snippet in failures. */
  readonly line: number;
}

const FENCE = /^```(js|ts)\s+typecheck\s*$/;

export function readmeSnippets(readmePath: string): Snippet[] {
  const lines = readFileSync(readmePath, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = FENCE.exec(lines[index]!);
    if (!opening) continue;
    const closing = lines.indexOf('```', index + 1);
    if (closing < 0) throw new Error(`README.md line ${index + 1}: the typecheck block is never closed`);
    snippets.push({ language: opening[1] as Snippet['language'], code: lines.slice(index + 1, closing).join('\n') + '\n', line: index + 1 });
    index = closing;
  }
  return snippets;
}
