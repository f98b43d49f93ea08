/**
 * `tic-replay compose`: one MP4 of the class, with the player's layout and voices.
 */
import { COMPOSE_LAYOUTS, type ComposeLayout } from '../../core/compose/plan.js';
import { RecordingError } from '../../core/recording/recording.js';
import { buildTimeline } from '../../core/timeline/timeline.js';
import { compose } from '../../node/compose/compose.js';
import { formatDuration } from '../../node/compose/progress.js';
import { findComposeTools, MissingToolError } from '../../node/compose/tools.js';
import { readRecordingArg } from '../../node/read-result.js';
import { EXIT, type Command, type CommandIo } from '../command.js';

const HELP = `Usage: tic-replay compose <result> -o <out.mp4> [options]

Composes a recording into one MP4 (H.264/AAC, +faststart): the player's layout, every
picture whole in its tile and labelled, every voice at its offset (one voice per person),
a calm background where nothing plays. <result> is a path, an http(s) URL or - (standard
input), in any of the result's three shapes; an archived recording.json works.

Options:
  -o, --output <file>   the MP4 to write (written under a temporary name, renamed when done)
  --layout <name>       presentation (default: whiteboard or screen share large, cameras in a
                        strip) or grid (every stream in equal tiles)
  --size <WxH>          frame size, even numbers (default 1280x720)
  --fps <n>             frames per second, 1-60 (default 25)
  --plan <file>         also write the edit plan as JSON (segments, tiles, audible files);
                        with --plan and no -o, only the plan is written
  -h, --help            this text

Needs ffmpeg and ffprobe on PATH (or FFMPEG_PATH / FFPROBE_PATH). Labels use fontconfig's
sans-serif font (or TIC_REPLAY_FONT); without a font the tiles are not labelled.

Exit codes: 0 composed; 1 composed, but some files could not be read (each is named);
2 nothing composed (bad or unfinished recording, ffmpeg missing or failed); 64 wrong usage;
130 interrupted (nothing half-written is left).
`;

const DEFAULT_SIZE = '1280x720';
const DEFAULT_FPS = 25;

function parseSize(text: string): { widthPx: number; heightPx: number } | undefined {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(text);
  if (!match) return undefined;
  const widthPx = Number(match[1]);
  const heightPx = Number(match[2]);
  const fine = (n: number) => n >= 64 && n <= 7680 && n % 2 === 0;
  return fine(widthPx) && fine(heightPx) ? { widthPx, heightPx } : undefined;
}

function usage(io: CommandIo, message: string): number {
  io.stderr.write(`tic-replay compose: ${message}\nRun \`tic-replay compose --help\`.\n`);
  return EXIT.usage;
}

export const composeCommand: Command = {
  name: 'compose',
  summary: 'compose a recording into one MP4 with the player\'s layout and voices (needs ffmpeg)',
  help: HELP,
  options: {
    output: { type: 'string', short: 'o' },
    layout: { type: 'string' },
    size: { type: 'string' },
    fps: { type: 'string' },
    plan: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) return usage(io, positionals.length === 0 ? 'name the recording result (a path, a URL or -)' : `one result at a time, got ${positionals.length}`);
    const outputPath = values.output as string | undefined;
    const planPath = values.plan as string | undefined;
    if (!outputPath && !planPath) return usage(io, 'say where the video goes with -o <out.mp4> (or where the plan goes with --plan)');
    const layout = (values.layout as string | undefined) ?? 'presentation';
    if (!COMPOSE_LAYOUTS.includes(layout as ComposeLayout)) return usage(io, `--layout must be ${COMPOSE_LAYOUTS.join(' or ')}, got ${JSON.stringify(layout)}`);
    const sizeText = (values.size as string | undefined) ?? DEFAULT_SIZE;
    const size = parseSize(sizeText);
    if (!size) return usage(io, `--size must be WIDTHxHEIGHT in even pixels between 64 and 7680, e.g. 1280x720, got ${JSON.stringify(sizeText)}`);
    const fpsText = (values.fps as string | undefined) ?? String(DEFAULT_FPS);
    const fps = Number(fpsText);
    if (!Number.isInteger(fps) || fps < 1 || fps > 60) return usage(io, `--fps must be a whole number from 1 to 60, got ${JSON.stringify(fpsText)}`);

    let read;
    try {
      read = await readRecordingArg(positionals[0]!, { stdin: io.stdin, signal: io.signal });
    } catch (error) {
      if (error instanceof RecordingError) {
        io.stderr.write(`tic-replay compose: ${error.message}\n`);
        for (const problem of error.problems) io.stderr.write(`  ${problem.message}\n`);
        return EXIT.failed;
      }
      throw error;
    }
    for (const problem of read.problems) io.stderr.write(`Skipped: ${problem.message}\n`);
    const timeline = buildTimeline(read.recording);
    if (timeline.files.length === 0 || timeline.durationMs <= 0) {
      io.stderr.write(`tic-replay compose: ${read.label} has no file that plays: nothing to compose.\n`);
      return EXIT.failed;
    }

    let tools;
    try {
      tools = findComposeTools(io.env);
    } catch (error) {
      if (error instanceof MissingToolError) {
        io.stderr.write(`tic-replay compose: ${error.message}\n`);
        return EXIT.failed;
      }
      throw error;
    }
    if (outputPath && !tools.fontPath) io.stderr.write('No font found (fontconfig sans-serif, DejaVu): the tiles are composed without labels.\n');
    else if (outputPath && !tools.cjkFontPath && /[\u2e80-\u9fff\uac00-\ud7af]/.test(read.recording.files.map((file) => file.userId).join(''))) {
      io.stderr.write('No font with Chinese characters found (e.g. apt-get install fonts-noto-cjk): some labels show boxes.\n');
    }

    const startedAtMs = performance.now();
    try {
      const outcome = await compose({
        timeline,
        layout: layout as ComposeLayout,
        ...size,
        fps,
        tools,
        signal: io.signal,
        ...(outputPath ? { outputPath } : {}),
        ...(planPath ? { planPath } : {}),
        log: (line) => io.stderr.write(`${line}\n`),
        progress: io.stderr,
      });
      const elapsedS = (performance.now() - startedAtMs) / 1000;
      const replayS = timeline.durationMs / 1000;
      if (outcome.outputPath) {
        io.stdout.write(
          `Composed ${formatDuration(replayS)} of class into ${outputPath} in ${formatDuration(elapsedS)} (${(replayS / elapsedS).toFixed(1)}× real time).\n`,
        );
      }
      if (planPath) io.stdout.write(`Plan: ${outcome.plan.segments.length} segments written to ${planPath}.\n`);
      return outcome.unreadable.length > 0 ? EXIT.partial : EXIT.ok;
    } catch (error) {
      if (io.signal.aborted) {
        io.stderr.write('\nInterrupted: ffmpeg stopped, nothing half-written left behind.\n');
        return 130;
      }
      io.stderr.write(`tic-replay compose: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
  },
};
