import { open, type FileHandle } from "node:fs/promises";
import type { Sink } from "./atomic-write.js";
import { OutputError } from "./output-error.js";

/**
 * An appendable output (--resume): each chunk is handed to the operating
 * system as it is written, one Document at a time, so a kill loses only the
 * files still being read. Nothing is taken back on failure: what is written
 * is complete Documents, which the next --resume keeps.
 */
export class AppendFileSink implements Sink {
  private constructor(private readonly fh: FileHandle, private readonly shown: string) {}

  static async open(path: string): Promise<AppendFileSink> {
    try {
      return new AppendFileSink(await open(path, "a"), path);
    } catch (e) {
      throw OutputError.from(path, e);
    }
  }

  async write(chunk: string): Promise<void> {
    if (chunk === "") return;
    try {
      await this.fh.write(chunk);
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async commit(): Promise<void> {
    try {
      await this.fh.sync();
      await this.fh.close();
    } catch (e) {
      throw OutputError.from(this.shown, e);
    }
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}
