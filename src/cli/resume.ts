/**
 * --resume: what an output already holds, so a killed batch picks up where
 * it stopped. Each appendable output kind answers with the SHA-256 digests
 * of the Documents it holds; the dataset sinks (keyed by sha256) plug in
 * the same way.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { OutputError } from "./output-error.js";

/** An output a batch can resume into. */
export interface ResumableOutput {
  /** The sha256 of every Document already in the output (empty when it does not exist yet). */
  knownDigests(): Promise<Set<string>>;
}

// JSON.stringify writes a Document's keys in schema order: schemaVersion, then
// source with path and sha256 first. A line that does not start so (written by
// another tool, reformatted) is read the slow way.
const HEAD = /^\{"schemaVersion":[^,]*,"source":\{"path":(?:null|"(?:[^"\\]|\\.)*"),"sha256":"([0-9a-f]{64})"/;

/**
 * A JSON Lines file of Documents. A last line without its newline is what a
 * kill left mid-write: it is cut off (and said so), so appending starts
 * clean and that file is read again.
 */
export function jsonlOutput(path: string, warn: (line: string) => void): ResumableOutput {
  return {
    async knownDigests() {
      const info = await stat(path).catch(() => null);
      if (info === null || info.size === 0) return new Set();
      if (!info.isFile()) throw new OutputError(path, "--resume needs a regular file to append to");
      await cutPartialLine(path, info.size, warn);
      const known = new Set<string>();
      let n = 0;
      const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
      for await (const line of lines) {
        n++;
        if (line.trim() === "") continue;
        const digest = HEAD.exec(line)?.[1] ?? digestOf(line);
        if (digest === undefined) throw new OutputError(path, `line ${n} is not a jixiao Document, so --resume cannot tell what it holds`);
        known.add(digest);
      }
      return known;
    },
  };
}

function digestOf(line: string): string | undefined {
  try {
    const doc = JSON.parse(line) as { source?: { sha256?: unknown } };
    const d = doc?.source?.sha256;
    return typeof d === "string" && /^[0-9a-f]{64}$/.test(d) ? d : undefined;
  } catch {
    return undefined;
  }
}

/** Truncates the file after its last newline, when something follows it. */
async function cutPartialLine(path: string, size: number, warn: (line: string) => void): Promise<void> {
  const fh = await open(path, "r+");
  try {
    const chunk = 64 * 1024;
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk);
      const buf = Buffer.alloc(end - start);
      await fh.read(buf, 0, buf.length, start);
      const nl = buf.lastIndexOf(0x0a);
      if (nl >= 0) {
        const keep = start + nl + 1;
        if (keep < size) {
          await fh.truncate(keep);
          warn(`jixiao: ${path}: removed an unfinished last line of ${size - keep} bytes, left by a run that was stopped; its file is read again`);
        }
        return;
      }
      end = start;
    }
    await fh.truncate(0);
    warn(`jixiao: ${path}: removed an unfinished line of ${size} bytes, left by a run that was stopped`);
  } finally {
    await fh.close();
  }
}
