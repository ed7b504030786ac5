import { parseBytes } from "../parse.js";
import { nodeSha256, parseFile, readBytes } from "../files.js";
import { InputError } from "../load/errors.js";
import type { PdfOptions } from "../load/pdf/index.js";
import type { Document } from "../model/document.js";
import type { VerifyOptions } from "../verify/index.js";
import type { Sink } from "./atomic-write.js";
import { expandInputs, STDIN } from "./inputs.js";
import { openOutput } from "./output.js";

export { EXIT } from "./exit.js";
export { UsageError, choice, type ArgValues } from "./args.js";
export { BOM, csvField, csvLine } from "./csv.js";

/** Prints a line to standard error. */
export function say(line: string): void {
  process.stderr.write(line + "\n");
}

/** The name standard input is reported under. */
export const STDIN_NAME = "<stdin>";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function parseInput(path: string, verify: VerifyOptions | false, pdf: PdfOptions | undefined): Promise<Document> {
  if (path !== STDIN) return parseFile(path, { verify, ...(pdf ? { pdf } : {}) });
  return parseBytes(await readStdin(), { source: STDIN_NAME, sha256: nodeSha256, verify, ...(pdf ? { pdf } : {}) });
}

/** The PDF options `--engine` gives (none: the library's default engine). */
export function pdfOptionsOf(engine: unknown): PdfOptions | undefined {
  return engine === "pdfjs" || engine === "pdfium" ? { engine } : undefined;
}

/** What to skip: the digests the output already holds (--resume, and the dataset outputs). */
export interface InputRun {
  /** sha256 digests already in the output: such files are read and hashed, not parsed, and not handed on. */
  known?: Set<string>;
  /** Hears each file skipped for its digest. */
  onSkip?: (path: string, sha256: string) => void;
  /** How PDFs are read (`--engine`). */
  pdf?: PdfOptions;
}

/** Reads and hashes a file; parses it unless its digest is known (then resolves to the digest). */
async function parseUnlessKnown(path: string, verify: VerifyOptions | false, known: Set<string>, pdf: PdfOptions | undefined): Promise<Document | { skipped: string }> {
  const bytes = path === STDIN ? await readStdin() : await readBytes(path);
  const digest = nodeSha256(bytes);
  if (known.has(digest)) return { skipped: digest };
  return parseBytes(bytes, { source: path === STDIN ? STDIN_NAME : path, sha256: () => digest, verify, ...(pdf ? { pdf } : {}) });
}

/**
 * Reads every input in turn and hands each Document (or the reason it could
 * not be read) to `each`. A bad file is reported and the batch goes on.
 * `out`, the run's output file, is never read as an input from a folder.
 */
export async function forEachInput(
  positionals: string[],
  verifyOptions: VerifyOptions | null,
  each: (path: string, result: { doc: Document } | { error: InputError }) => Promise<void>,
  out?: string,
  run: InputRun = {},
): Promise<{ files: number; unreadable: number; internal: number; skipped: number }> {
  const { files, missing } = await expandInputs(positionals, out === undefined ? {} : { exclude: out });
  let unreadable = 0;
  for (const m of missing) {
    unreadable++;
    await each(m, { error: new InputError("input.not-found", m, "no such file, and no file matches it") });
  }
  let internal = 0;
  let skipped = 0;
  for (const path of files) {
    let result: { doc: Document } | { error: InputError };
    try {
      if (run.known && run.known.size > 0) {
        const r = await parseUnlessKnown(path, verifyOptions ?? false, run.known, run.pdf);
        if ("skipped" in r) {
          skipped++;
          run.onSkip?.(path === STDIN ? STDIN_NAME : path, r.skipped);
          continue;
        }
        result = { doc: r };
      } else result = { doc: await parseInput(path, verifyOptions ?? false, run.pdf) };
    } catch (e) {
      if (e instanceof InputError) {
        unreadable++;
        result = { error: e };
      } else {
        // A bug met on one file must not cost the rest of the batch.
        internal++;
        if (process.env.JIXIAO_DEBUG) say(String((e as Error).stack));
        result = { error: new InputError("internal", path, `jixiao failed on this file: ${(e as Error).message} (a bug: please report it with the file)`) };
      }
    }
    // Errors while writing the output are not the input's fault: they end the run.
    await each(path === STDIN ? STDIN_NAME : path, result);
  }
  return { files: files.length + missing.length, unreadable, internal, skipped };
}

/** Opens --out (a checked target, see outTarget), or standard output when there is none. */
export async function openSink(out: string | undefined): Promise<Sink> {
  return openOutput(out);
}

/** Runs `body` against the sink; commits on success, removes a partial file on failure. */
export async function withSink<R>(sink: Sink, body: (sink: Sink) => Promise<R>): Promise<R> {
  try {
    const r = await body(sink);
    await sink.commit();
    return r;
  } catch (e) {
    await sink.abort();
    throw e;
  }
}
