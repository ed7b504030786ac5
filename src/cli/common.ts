import { parseBytes, streamBytes, type StreamedDocument } from "../parse.js";
import { nodeSha256, parseFile, readBytes } from "../files.js";
import { InputError } from "../load/errors.js";
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

async function parseInput(path: string, verify: VerifyOptions | false): Promise<Document> {
  if (path !== STDIN) return parseFile(path, { verify });
  return parseBytes(await readStdin(), { source: STDIN_NAME, sha256: nodeSha256, verify });
}

/** A file read as a stream of forms (see StreamedDocument). */
async function streamInput(path: string, verify: VerifyOptions | false): Promise<StreamedDocument> {
  const bytes = path === STDIN ? await readStdin() : await readBytes(path);
  return streamBytes(bytes, { source: path === STDIN ? STDIN_NAME : path, sha256: nodeSha256, verify });
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
): Promise<{ files: number; unreadable: number; internal: number }> {
  return forEachRead(positionals, (path) => parseInput(path, verifyOptions ?? false), each, out);
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
): Promise<{ files: number; unreadable: number; internal: number }> {
  return forEachRead(positionals, (path) => streamInput(path, verifyOptions ?? false), each, out);
}

async function forEachRead<T>(
  positionals: string[],
  read: (path: string) => Promise<T>,
  each: (path: string, result: { doc: T } | { error: InputError }) => Promise<void | "unreadable" | "internal">,
  out?: string,
): Promise<{ files: number; unreadable: number; internal: number }> {
  const { files, missing } = await expandInputs(positionals, out === undefined ? {} : { exclude: out });
  let unreadable = 0;
  for (const m of missing) {
    unreadable++;
    await each(m, { error: new InputError("input.not-found", m, "no such file, and no file matches it") });
  }
  let internal = 0;
  for (const path of files) {
    let result: { doc: T } | { error: InputError };
    try {
      result = { doc: await read(path) };
    } catch (e) {
      const failure = inputFailure(e, path);
      if (failure.internal) internal++;
      else unreadable++;
      result = { error: failure.error };
    }
    // Errors while writing the output are not the input's fault: they end the run.
    const late = await each(path === STDIN ? STDIN_NAME : path, result);
    if (late === "unreadable") unreadable++;
    if (late === "internal") internal++;
  }
  return { files: files.length + missing.length, unreadable, internal };
}
