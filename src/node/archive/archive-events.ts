/** What an archive run reports while it works; a display (TTY or plain lines) or a log listens. */
export interface ArchiveEvents {
  /** Called once the plan is known. */
  planned?(fileCount: number): void;
  fileStarted?(videoId: string, url: string): void;
  /** Bytes of one transfer (a file or an HLS segment) so far, and its total when known. */
  bytes?(key: string, label: string, receivedBytes: number, totalBytes: number | undefined): void;
  transferEnded?(key: string): void;
  retry?(url: string, attempt: number, reason: string): void;
  /** `skipped`: already in the archive and verified by its SHA-256. */
  fileDone?(videoId: string, localPath: string, bytes: number, skipped: boolean): void;
  fileFailed?(videoId: string, url: string, reason: string): void;
}
