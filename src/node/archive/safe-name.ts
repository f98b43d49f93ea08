/**
 * Local names for things named by the recording (a `VideoId`, a segment URI): whatever the JSON
 * says (`../../x`, `/etc/passwd`, NUL, 10,000 characters, `CON`), the result is one plain path
 * segment of letters, digits, `.`, `_` and `-`, never `.` or `..`, never hidden, at most
 * `MAX_STEM` characters, and distinct from every name already given out in its folder (also when
 * the file system ignores case).
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

const MAX_STEM = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export class NameAllocator {
  readonly #taken = new Set<string>();

  /** A safe, unique `stem + extension` for `wanted`; `extension` (with its dot) must already be safe. */
  allocate(wanted: string, extension = ''): string {
    const cleaned = cleanStem(wanted);
    const needsHash = cleaned !== wanted || cleaned === '' || WINDOWS_RESERVED.test(cleaned);
    let name = `${needsHash ? withHash(cleaned, wanted) : cleaned}${extension}`;
    for (let n = 2; this.#taken.has(name.toLowerCase()); n++) name = `${withHash(cleaned, `${wanted}\u0000${n}`)}${extension}`;
    this.#taken.add(name.toLowerCase());
    return name;
  }
}

function cleanStem(wanted: string): string {
  return wanted
    .normalize('NFC')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, MAX_STEM);
}

/** The cleaned name cut short, plus a hash of the original so different originals stay different. */
function withHash(cleaned: string, original: string): string {
  const hash = createHash('sha256').update(original).digest('hex').slice(0, 10);
  const stem = cleaned.slice(0, MAX_STEM - 11).replace(/[._-]+$/, '');
  return stem === '' ? hash : `${stem}-${hash}`;
}

/** The absolute path of `relativePath` under `root`; throws if it would leave `root` (a last guard). */
export function pathInside(root: string, relativePath: string): string {
  const rootPath = resolve(root);
  const target = resolve(rootPath, relativePath);
  const rel = relative(rootPath, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new Error(`refusing to write ${JSON.stringify(relativePath)}: it is not inside ${rootPath}`);
  }
  return target;
}
