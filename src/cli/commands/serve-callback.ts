/** `tic-replay serve-callback`: receives the recording-finished callbacks and archives each recording. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { ArchiveJobs } from '../../node/callback/archive-jobs.js';
import { createCallbackHandler } from '../../node/callback/callback-server.js';
import { JobJournal } from '../../node/callback/job-journal.js';
import { s3SdkMissingMessage } from '../../node/s3/upload-archive.js';
import { EXIT, type Command } from '../command.js';
import { requiredString, UsageError, wholeNumberOption, optionalString } from '../option-values.js';
import { readS3Options, S3_HELP, S3_OPTIONS } from '../s3-options.js';
import { DOWNLOAD_HELP, DOWNLOAD_OPTIONS, readDownloadOptions } from './archive.js';

const HELP = `Usage: tic-replay serve-callback --key <CallbackKey> --out <dir> [options]

Receives the recording service's callbacks (HTTP POST, JSON) and archives every finished
recording into <dir>/<TaskId>/, the layout of \`tic-replay archive\`.

  - Sign must equal md5(CallbackKey + ExpireTime) and ExpireTime must not have passed: else 403.
  - Malformed JSON: 400. A body over 1 MiB: 413. Other EventTypes: 200, logged.
  - OnlineRecordFinished: written to the job journal (<dir>/.jobs/) and answered
    200 {"error_code":0} at once; the archive runs in the background. The same TaskId twice is
    archived once; after a restart, unfinished jobs resume.
  - Only http(s) URLs are fetched, and never loopback or private addresses (every address a host
    name resolves to is checked) unless --allow-private.
  - GET /healthz answers 200 with the jobs' counts. One log line per event and per job.

Options:
  --key KEY                 the CallbackKey set with the recording service (or TIC_CALLBACK_KEY)
  --out DIR                 where archives and the job journal live
  --port N                  default 8080 (0 picks a free port)
  --host ADDRESS            default 0.0.0.0
  --path PATH               the path callbacks are posted to, default /
  --allow-private           allow downloads from loopback and private addresses
${DOWNLOAD_HELP}${S3_HELP}  -h, --help

Runs until Ctrl-C or SIGTERM; a job cut short resumes on the next start.
`;

export const serveCallbackCommand: Command = {
  name: 'serve-callback',
  summary: 'receive recording-finished callbacks and archive each recording in the background',
  help: HELP,
  options: {
    key: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    path: { type: 'string' },
    'allow-private': { type: 'boolean' },
    ...DOWNLOAD_OPTIONS,
    ...S3_OPTIONS,
  },
  async run({ values, positionals }, io) {
    let settings;
    try {
      if (positionals.length > 0) throw new UsageError(`unexpected ${JSON.stringify(positionals[0])}`);
      const path = optionalString(values, 'path') ?? '/';
      if (!path.startsWith('/')) throw new UsageError('--path must start with /');
      settings = {
        callbackKey: optionalString(values, 'key') ?? io.env['TIC_CALLBACK_KEY'] ?? requiredString(values, 'key'),
        outDir: resolve(requiredString(values, 'out')),
        port: wholeNumberOption(values, 'port', 8080, 0),
        host: optionalString(values, 'host') ?? '0.0.0.0',
        path,
        allowPrivate: values['allow-private'] === true,
        download: readDownloadOptions(values),
        s3: readS3Options(values),
      };
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`tic-replay serve-callback: ${error.message}. Run \`tic-replay serve-callback --help\`.\n`);
      return EXIT.usage;
    }

    const sdkMissing = settings.s3 ? await s3SdkMissingMessage() : undefined;
    if (sdkMissing) {
      io.stderr.write(`${sdkMissing}\n`);
      return EXIT.failed;
    }

    const log = (line: string) => io.stdout.write(`${new Date().toISOString()} ${line}\n`);
    const journal = new JobJournal(settings.outDir);
    await journal.load();
    const jobs = new ArchiveJobs(journal, {
      outDir: settings.outDir,
      ...settings.download,
      allowPrivate: settings.allowPrivate,
      ...(settings.s3 ? { s3: settings.s3 } : {}),
      env: io.env,
      signal: io.signal,
      log,
    });
    const server = createServer(createCallbackHandler({ callbackKey: settings.callbackKey, path: settings.path, journal, jobs, log }));
    try {
      await new Promise<void>((ready, fail) => {
        server.once('error', fail);
        server.listen(settings.port, settings.host, ready);
      });
    } catch (error) {
      io.stderr.write(`tic-replay serve-callback: cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    const { address, port } = server.address() as AddressInfo;
    const shown = address.includes(':') ? `[${address}]` : address;
    log(`listening on http://${shown}:${port}${settings.path} → ${settings.outDir}`);
    const resumed = jobs.resumeUnfinished();
    if (resumed > 0) log(`resuming ${resumed} unfinished job${resumed === 1 ? '' : 's'} from the journal`);

    await new Promise<void>((stop) => io.signal.addEventListener('abort', () => stop(), { once: true }));
    log('stopping: unfinished jobs resume on the next start');
    server.closeAllConnections();
    await new Promise<void>((closed) => server.close(() => closed()));
    await jobs.idle();
    return EXIT.ok;
  },
};
