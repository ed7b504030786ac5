/** Words for the file-system error codes an output meets. */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOENT: "its folder does not exist",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ENXIO: "nothing is reading from it",
  EIO: "an input/output error",
  EFBIG: "the file would be too large",
  EPIPE: "the reader has gone",
};

/**
 * The output could not be written. Names the target the user gave, never
 * the temporary file beside it; the command exits 2.
 */
export class OutputError extends Error {
  constructor(readonly target: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`${target}: cannot write the output: ${reason}`, options);
    this.name = "OutputError";
  }

  /** An OutputError for a failed file-system call on (or for) `target`. */
  static from(target: string, e: unknown): OutputError {
    if (e instanceof OutputError) return e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code ? `${REASONS[code] ?? "the system refused"} (${code})` : String((e as Error).message ?? e);
    return new OutputError(target, reason, { cause: e });
  }
}
