import { streamBytes, type StreamedDocument } from "../parse.js";
import { nodeSha256, readBytes } from "../files.js";
import { parseBytes } from "../parse.js";
import { InputError } from "../load/errors.js";
import type { PdfOptions } from "../load/pdf/index.js";
import type { Document } from "../model/document.js";
import type { VerifyOptions } from "../verify/index.js";
import { expandInputs, STDIN } from "./inputs.js";
import { say } from "./sink.js";

export { EXIT } from "./exit.js";
export { UsageError, choice, type ArgValues } from "./args.js";
export { BOM, csvField, csvLine } from "./csv.js";
export { openSink, say, withSink } from "./sink.js";

/** The name standard input is reported under. */
export const STDIN_NAME = "<stdin>";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The PDF options `--engine` gives (none: the library's default engine). */
export function pdfOptionsOf(engine: unknown): PdfOptions | undefined {
  return engine === "pdfjs" || engine === "pdfium" ? { engine } : undefined;
}

/** What to skip and how to read: the digests the output already holds (--resume, the dataset outputs), the PDF engine. */
export interface InputRun {
  /** sha256 digests already in the output: such files are read and hashed, not parsed, and not handed on. */
  known?: Set<string>;
  /** Hears each file skipped for its digest. */
  onSkip?: (path: string, sha256: string) => void;
  /** How PDFs are read (`--engine`). */
  pdf?: PdfOptions;
}

/** A file's bytes and digest, or null when the digest is one the output already holds (then `run.onSkip` has heard of it). */
async function bytesUnlessKnown(path: string, run: InputRun): Promise<{ bytes: Uint8Array; digest: string } | null> {
  const bytes = path === STDIN ? await readStdin() : await readBytes(path);
  const digest = nodeSha256(bytes);
  if (run.known?.has(digest)) {
    run.onSkip?.(path === STDIN ? STDIN_NAME : path, digest);
    return null;
  }
  return { bytes, digest };
}

/**
 * What went wrong on one input, as the InputError reported for it: bad input
 * as it was thrown, anything else as an `internal` error (a bug), which must
 * not cost the rest of the batch.
 */
export function inputFailure(e: unknown, path: string): { error: InputError; internal: boolean } {
  if (e instanceof InputError) return { error: e, internal: false };
  if (process.env.JIXIAO_DEBUG) say(String((e as Error).stack));
  return { error: new InputError("internal", path, `jixiao failed on this file: ${(e as Error).message} (a bug: please report it with the file)`), internal: true };
}

/** The counts of a run over the inputs. */
export interface InputCounts {
  files: number;
  unreadable: number;
  internal: number;
  /** Files whose digest the output already held. */
  skipped: number;
}

/**
 * Reads every input in turn and hands each Document (or the reason it could
 * not be read) to `each`. A bad file is reported and the batch goes on.
 * `out`, the run's output file, is never read as an input from a folder.
 */
export function forEachInput(
  positionals: string[],
  verifyOptions: VerifyOptions | null,
  each: (path: string, result: { doc: Document } | { error: InputError }) => Promise<void>,
  out?: string,
  run: InputRun = {},
): Promise<InputCounts> {
  const verify = verifyOptions ?? false;
  return forEachRead(positionals, run, (source, { bytes, digest }) =>
    parseBytes(bytes, { source, sha256: () => digest, verify, ...(run.pdf ? { pdf: run.pdf } : {}) }), each, out);
}

/**
 * forEachInput with each Document as a stream of forms, for outputs that
 * write forms as they are read. A failure met while `each` reads the forms
 * is for `each` to report; it returns which kind it was, to be counted.
 */
export function forEachStreamed(
  positionals: string[],
  verifyOptions: VerifyOptions | null,
  each: (path: string, result: { doc: StreamedDocument } | { error: InputError }) => Promise<void | "unreadable" | "internal">,
  out?: string,
  run: InputRun = {},
): Promise<InputCounts> {
  const verify = verifyOptions ?? false;
  return forEachRead(positionals, run, (source, { bytes, digest }) =>
    streamBytes(bytes, { source, sha256: () => digest, verify, ...(run.pdf ? { pdf: run.pdf } : {}) }), each, out);
}

async function forEachRead<T>(
  positionals: string[],
  run: InputRun,
  read: (source: string, input: { bytes: Uint8Array; digest: string }) => Promise<T>,
  each: (path: string, result: { doc: T } | { error: InputError }) => Promise<void | "unreadable" | "internal">,
  out?: string,
): Promise<InputCounts> {
  const { files, missing } = await expandInputs(positionals, out === undefined ? {} : { exclude: out });
  let unreadable = 0;
  for (const m of missing) {
    unreadable++;
    await each(m, { error: new InputError("input.not-found", m, "no such file, and no file matches it") });
  }
  let internal = 0;
  let skipped = 0;
  for (const path of files) {
    const source = path === STDIN ? STDIN_NAME : path;
    let result: { doc: T } | { error: InputError };
    try {
      const input = await bytesUnlessKnown(path, run);
      if (!input) {
        skipped++;
        continue;
      }
      result = { doc: await read(source, input) };
    } catch (e) {
      const failure = inputFailure(e, path);
      if (failure.internal) internal++;
      else unreadable++;
      result = { error: failure.error };
    }
    // Errors while writing the output are not the input's fault: they end the run.
    const late = await each(source, result);
    if (late === "unreadable") unreadable++;
    if (late === "internal") internal++;
  }
  return { files: files.length + missing.length, unreadable, internal, skipped };
}
