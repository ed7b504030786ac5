import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Where a command's output goes, chunk by chunk. */
export interface Sink {
  write(chunk: string): Promise<void>;
  /** Makes the output final (for a file: renames it into place). */
  commit(): Promise<void>;
  /** Discards what was written (for a file: nothing is left behind). */
  abort(): Promise<void>;
}

/**
 * A file written so that it is either complete or absent: the chunks go to a
 * temporary file beside the target, which is flushed and renamed into place
 * on commit. An interrupted or failed run leaves no half-written output.
 */
export class AtomicFileSink implements Sink {
  private constructor(private readonly fh: FileHandle, private readonly tmp: string, private readonly path: string) {}

  static async open(path: string): Promise<AtomicFileSink> {
    const tmp = join(dirname(path), `.jixiao-tmp-${process.pid}-${Date.now()}-${basename(path)}`);
    return new AtomicFileSink(await open(tmp, "wx"), tmp, path);
  }

  async write(chunk: string): Promise<void> {
    await this.fh.write(chunk);
  }

  async commit(): Promise<void> {
    await this.fh.sync();
    await this.fh.close();
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}

/** Standard output, respecting back-pressure so a large batch does not pile up in memory. */
export class StdoutSink implements Sink {
  async write(chunk: string): Promise<void> {
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
  }
  async commit(): Promise<void> {}
  async abort(): Promise<void> {}
}
