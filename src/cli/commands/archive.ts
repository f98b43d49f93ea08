/** `tic-replay archive <result> --out <dir> [--to s3://…]`: keeps a recording before the service deletes it. */
import { resolve } from 'node:path';
import { RecordingError } from '../../core/recording/recording.js';
import { archiveRecording, type ArchiveReport } from '../../node/archive/archive-recording.js';
import { formatBytes, createProgressDisplay } from '../../node/progress-display.js';
import { readRecordingArg } from '../../node/read-result.js';
import { s3SdkMissingMessage, S3SdkMissingError, uploadArchive } from '../../node/s3/upload-archive.js';
import { keyOf } from '../../node/s3/s3-target.js';
import { EXIT, type Command, type CommandIo } from '../command.js';
import { requiredString, UsageError, wholeNumberOption } from '../option-values.js';
import { problemsOfError, wordProblem } from '../problem-words.js';
import { readS3Options, S3_HELP, S3_OPTIONS } from '../s3-options.js';

export const DOWNLOAD_HELP = `  --concurrency N           transfers at once (files and HLS segments), default 4
  --retries N               tries again after a network error or a 5xx/408/429 answer, default 4
  --retry-delay MS          wait before the first retry, doubled each time, default 1000
`;

const HELP = `Usage: tic-replay archive <result> --out <dir> [options]

Downloads every file of a recording into <dir> and writes:
  <dir>/recording.json   the result in its bare shape, each VideoUrl made relative
                         (<tic-replay src="…/recording.json"> plays the copy)
  <dir>/manifest.json    per file: VideoId, source URL, local path, bytes, SHA-256
  <dir>/media/…          mp4 and mp3 as they are; HLS as a folder with the playlist and segments
<result> is a file path, an http(s) URL or - (standard input), in any of the three shapes.

Partial downloads resume with HTTP Range; a file gets its final name only when complete.
Running the same command again verifies what is there and fetches the rest.

Options:
  --out DIR                 the archive folder (created if needed); nothing is written outside it
${DOWNLOAD_HELP}${S3_HELP}  -h, --help

Exit codes: 0 everything archived; 1 some files failed (named, with URL and HTTP status),
the rest archived; 2 nothing archived or the result unreadable; 64 wrong usage.
`;

export const DOWNLOAD_OPTIONS = {
  concurrency: { type: 'string' },
  retries: { type: 'string' },
  'retry-delay': { type: 'string' },
} as const;

export function readDownloadOptions(values: Record<string, unknown>) {
  return {
    concurrency: wholeNumberOption(values, 'concurrency', 4, 1),
    retries: wholeNumberOption(values, 'retries', 4, 0),
    retryDelayMs: wholeNumberOption(values, 'retry-delay', 1000, 0),
  };
}

export const archiveCommand: Command = {
  name: 'archive',
  summary: 'download every file of a recording into a folder (and optionally to S3) before it is deleted',
  help: HELP,
  options: { out: { type: 'string' }, ...DOWNLOAD_OPTIONS, ...S3_OPTIONS },
  async run({ values, positionals }, io) {
    let outDir: string;
    let download: ReturnType<typeof readDownloadOptions>;
    let s3: ReturnType<typeof readS3Options>;
    try {
      if (positionals.length !== 1) throw new UsageError('give exactly one <result> (a path, a URL or -)');
      outDir = resolve(requiredString(values, 'out'));
      download = readDownloadOptions(values);
      s3 = readS3Options(values);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`tic-replay archive: ${error.message}. Run \`tic-replay archive --help\`.\n`);
      return EXIT.usage;
    }

    const sdkMissing = s3 ? await s3SdkMissingMessage() : undefined;
    if (sdkMissing) {
      io.stderr.write(`${sdkMissing}\n`);
      return EXIT.failed;
    }

    let parsed: Awaited<ReturnType<typeof readRecordingArg>>;
    try {
      parsed = await readRecordingArg(positionals[0]!, { stdin: io.stdin, signal: io.signal });
    } catch (error) {
      if (!(error instanceof RecordingError)) throw error;
      io.stderr.write(`tic-replay archive: nothing to archive.\n`);
      for (const problem of problemsOfError(error)) io.stderr.write(`  ${wordProblem(problem)}\n`);
      return EXIT.failed;
    }
    for (const problem of parsed.problems) io.stderr.write(`skipped: ${wordProblem(problem)}\n`);

    const display = createProgressDisplay(io.stderr);
    let report: ArchiveReport;
    try {
      report = await archiveRecording(
        { document: JSON.parse(parsed.text) as unknown, recording: parsed.recording, label: parsed.label },
        { outDir, ...download, allowPrivate: true, signal: io.signal, events: display },
      );
    } catch (error) {
      if (!io.signal.aborted) throw error;
      io.stderr.write('Interrupted: run the same command again to finish; complete files are kept.\n');
      return EXIT.failed;
    } finally {
      display.finish();
    }
    writeSummary(io, outDir, report);

    if (s3 && report.files.length > 0) {
      try {
        const uploaded = await uploadArchive(outDir, s3.target, { ...s3.connection, env: io.env, concurrency: download.concurrency, signal: io.signal });
        io.stderr.write(
          `Uploaded to s3://${s3.target.bucket}/${keyOf(s3.target)}: ${uploaded.uploaded} objects (${formatBytes(uploaded.bytes)}), ${uploaded.skipped} already there.\n`,
        );
      } catch (error) {
        if (error instanceof S3SdkMissingError) {
          io.stderr.write(`${error.message}\n`);
          return EXIT.failed;
        }
        io.stderr.write(`Upload to s3://${s3.target.bucket}/${keyOf(s3.target)} failed: ${(error as Error).message}\n`);
        return EXIT.partial;
      }
    }
    if (report.failures.length === 0) return EXIT.ok;
    return report.files.length > 0 ? EXIT.partial : EXIT.failed;
  },
};

function writeSummary(io: CommandIo, outDir: string, report: ArchiveReport): void {
  const fetched = report.files.length - report.skippedCount;
  const lines = [
    `Archived ${report.files.length} file${report.files.length === 1 ? '' : 's'} (${formatBytes(report.totalBytes)}) in ${outDir}` +
      ` (${fetched} downloaded, ${report.skippedCount} already there and verified).`,
  ];
  if (report.failures.length > 0) {
    lines.push(`${report.failures.length} file${report.failures.length === 1 ? '' : 's'} could not be archived:`);
    for (const failure of report.failures) lines.push(`  ${failure.videoId}: ${failure.sourceUrl}: ${failure.reason}`);
    lines.push('Their entries in recording.json keep the source URL; run the same command again to retry them.');
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
