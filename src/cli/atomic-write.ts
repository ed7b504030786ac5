import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { trackTemp, untrackTemp } from "./interrupt.js";
import { OutputError } from "./output-error.js";
import { removeStaleTemps, tempName } from "./stale-temp.js";
import { checkStdout, watchStdout } from "./stdout.js";

/** Where a command's output goes, chunk by chunk: text, or text already in UTF-8 (a worker's JSON). */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Makes the output final (for a file: renames it into place). */
  commit(): Promise<void>;
  /** Discards what was written (for a file: nothing is left behind). */
  abort(): Promise<void>;
  /**
   * Where the next chunk will go, for {@link Sink.rewind}; absent on an output
   * that cannot be taken back (standard output, a device, a FIFO).
   */
  mark?(): Promise<number>;
  /** Takes back everything written since `mark`, so the next chunk goes there. */
  rewind?(mark: number): Promise<void>;
}

/**
 * A regular file written so that it is either complete or absent: the chunks
 * go to a temporary file beside it, which is flushed and renamed into place
 * on commit. An interrupted or failed run leaves no half-written output.
 * Errors name `shown`, the target the user gave, never the temporary file.
 */
export class AtomicFileSink implements Sink {
  /** Bytes written: every write says where it goes, so a rewind's truncation leaves no hole. */
  private at = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly tmp: string,
    private readonly path: string,
    private readonly shown: string,
  ) {}

  /**
   * @param path the regular file to replace (or create)
   * @param shown the name to give in messages (the user's, when `path` is a symlink's target)
   * @param mode the permission bits of the file replaced, kept on the new one
   */
  static async open(path: string, shown: string, mode?: number): Promise<AtomicFileSink> {
    const dir = dirname(path);
    for (const name of await removeStaleTemps(dir)) {
      process.stderr.write(`jixiao: removed ${join(dir, name)}, left by an earlier run that was killed\n`);
    }
    const tmp = join(dir, tempName(basename(path)));
    let fh: FileHandle;
    try {
      fh = await open(tmp, "wx", mode ?? 0o666);
    } catch (e) {
      throw OutputError.from(shown, e);
    }
    trackTemp(tmp, shown);
    return new AtomicFileSink(fh, tmp, path, shown);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    try {
      this.at += await writeChunk(this.fh, chunk, this.at);
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async mark(): Promise<number> {
    return this.at;
  }

  async rewind(mark: number): Promise<void> {
    try {
      await this.fh.truncate(mark);
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
    this.at = mark;
  }

  async commit(): Promise<void> {
    try {
      await this.fh.sync();
      await this.fh.close();
      await rename(this.tmp, this.path);
      untrackTemp(this.tmp);
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
    untrackTemp(this.tmp);
  }
}

/**
 * A file written through in place: a device, FIFO or dangling symlink (it
 * cannot be renamed over, and a rename would replace the node itself), or,
 * opened with `"a"`, an appendable output (--resume), where each chunk is
 * one Document handed to the operating system as it is written, so a kill
 * loses only the files still being read. What was written before a failure
 * is not taken back: for --resume it is complete Documents, which the next
 * run keeps. An appended file can be rewound (a large file's Document that
 * failed after some of it was written); a device or FIFO cannot.
 */
export class DirectFileSink implements Sink {
  protected constructor(protected readonly fh: FileHandle, protected readonly shown: string, private readonly appending: boolean) {}

  static async open(path: string, flags: "w" | "a" = "w"): Promise<DirectFileSink> {
    let fh: FileHandle;
    try {
      fh = await open(path, flags);
    } catch (e) {
      throw OutputError.from(path, e);
    }
    return flags === "a" ? new AppendedFileSink(fh, path) : new DirectFileSink(fh, path, false);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (chunk.length === 0) return;
    try {
      await writeChunk(this.fh, chunk, null);
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async commit(): Promise<void> {
    try {
      // What a resumed run appended is on disk before it reports success.
      if (this.appending) await this.fh.sync();
      await this.fh.close();
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

/**
 * A regular file appended to (--resume): what was written since a mark can
 * be taken back, by cutting the file at the mark, its end then (appending
 * writes at the end, whatever the offset).
 */
class AppendedFileSink extends DirectFileSink {
  constructor(fh: FileHandle, shown: string) {
    super(fh, shown, true);
  }

  async mark(): Promise<number> {
    try {
      return (await this.fh.stat()).size;
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async rewind(mark: number): Promise<void> {
    try {
      await this.fh.truncate(mark);
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }
}

/** Standard output, respecting back-pressure so a large batch does not pile up in memory. */
export class StdoutSink implements Sink {
  constructor() {
    watchStdout();
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    checkStdout();
    if (!process.stdout.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          process.stdout.off("drain", done);
          process.stdout.off("error", done);
          resolve();
        };
        process.stdout.once("drain", done);
        process.stdout.once("error", done);
      });
    }
    checkStdout();
  }

  async commit(): Promise<void> {
    // A failed write is reported on the next tick: wait one turn to hear of it.
    await new Promise((resolve) => setImmediate(resolve));
    checkStdout();
  }

  async abort(): Promise<void> {}
}

/**
 * Writes a chunk whole, at `position` (null: where the file's offset is, or
 * its end when appending); resolves to the bytes written.
 */
async function writeChunk(fh: FileHandle, chunk: string | Uint8Array, position: number | null): Promise<number> {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  let at = 0;
  while (at < bytes.length) at += (await fh.write(bytes, at, bytes.length - at, position === null ? null : position + at)).bytesWritten;
  return at;
}
