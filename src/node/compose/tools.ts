/**
 * Finds the programs composing needs: ffmpeg and ffprobe (`FFMPEG_PATH` / `FFPROBE_PATH`, else
 * `PATH`; ffprobe also beside ffmpeg) and a font for the tile labels (fontconfig's choice for
 * sans-serif, else DejaVu where Debian, Fedora and macOS put it).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

export interface ComposeTools {
  readonly ffmpegPath: string;
  readonly ffprobePath: string;
  /** A TrueType/OpenType font for drawtext; undefined when none was found (labels are then left out). */
  readonly fontPath: string | undefined;
  /** A font with Chinese, Japanese and Korean characters, for user ids written in them (TIC classes often are). */
  readonly cjkFontPath: string | undefined;
}

export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';
}

export const INSTALL_HINT =
  'install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg · macOS: brew install ffmpeg · Windows: winget install ffmpeg) or set FFMPEG_PATH to its path';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const candidate of names) if (isExecutable(join(dir, candidate))) return join(dir, candidate);
  }
  return undefined;
}

/** ffmpeg and ffprobe, or a `MissingToolError` whose message says how to install them. */
export function findFfmpeg(env: NodeJS.ProcessEnv): { ffmpegPath: string; ffprobePath: string } {
  const fromEnv = env.FFMPEG_PATH;
  if (fromEnv && !isExecutable(fromEnv)) throw new MissingToolError(`FFMPEG_PATH=${fromEnv} is not an executable file: ${INSTALL_HINT}.`);
  const ffmpegPath = fromEnv || onPath('ffmpeg', env);
  if (!ffmpegPath) throw new MissingToolError(`ffmpeg was not found on PATH: ${INSTALL_HINT}.`);
  const besideFfmpeg = join(dirname(ffmpegPath), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
  const ffprobePath = env.FFPROBE_PATH || (isExecutable(besideFfmpeg) ? besideFfmpeg : onPath('ffprobe', env));
  if (!ffprobePath) throw new MissingToolError(`ffprobe (which comes with ffmpeg) was not found beside ${ffmpegPath} or on PATH: ${INSTALL_HINT}.`);
  return { ffmpegPath, ffprobePath };
}

const KNOWN_FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** A font file for the labels: `TIC_REPLAY_FONT`, fontconfig's sans-serif, or a well-known path. */
export function findLabelFont(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TIC_REPLAY_FONT) return existsSync(env.TIC_REPLAY_FONT) ? env.TIC_REPLAY_FONT : undefined;
  const matched = spawnSync('fc-match', ['-f', '%{file}', 'sans-serif'], { encoding: 'utf8' });
  if (matched.status === 0 && matched.stdout && /\.(ttf|otf|ttc)$/i.test(matched.stdout) && existsSync(matched.stdout)) return matched.stdout;
  return KNOWN_FONTS.find((path) => existsSync(path));
}

/** fontconfig's first font that covers Chinese, if any (e.g. Noto Sans CJK from fonts-noto-cjk). */
export function findCjkFont(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TIC_REPLAY_CJK_FONT) return existsSync(env.TIC_REPLAY_CJK_FONT) ? env.TIC_REPLAY_CJK_FONT : undefined;
  const listed = spawnSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8' });
  if (listed.status !== 0 || !listed.stdout) return undefined;
  return listed.stdout
    .split('\n')
    .map((line) => line.replace(/:\s*$/, '').trim())
    .find((path) => /\.(ttf|otf|ttc)$/i.test(path) && existsSync(path));
}

export function findComposeTools(env: NodeJS.ProcessEnv): ComposeTools {
  return { ...findFfmpeg(env), fontPath: findLabelFont(env), cjkFontPath: findCjkFont(env) };
}
