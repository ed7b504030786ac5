import { DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_MS } from "../batch/defaults.js";
import { Progress } from "../batch/progress.js";
import type { DocMeta, ErrorInfo } from "../batch/protocol.js";
import type { Pieces } from "../batch/pieces.js";
import { runBatch, settled, type BatchInput } from "../batch/run-batch.js";
import type { StreamedDocument } from "../parse.js";
import { nodeSha256, readBytes } from "../file-bytes.js";
import { InputError } from "../load/errors.js";
import { DEFAULT_ENGINE, ENGINE_NAMES } from "../load/pdf/engines/types.js";
import type { PdfOptions } from "../load/pdf/index.js";
import { choice } from "./args.js";
import type { Document } from "../model/document.js";
import type { VerifyOptions } from "../verify/index.js";
import type { StagingOptions } from "../write/dataset-csv.js";
import { expandInputs, STDIN } from "./inputs.js";
import type { BatchSettings } from "./batch-settings.js";
import { say } from "./sink.js";

export { EXIT } from "./exit.js";
export { UsageError, choice, type ArgValues } from "./args.js";
export { BOM, csvField, csvLine } from "./csv.js";
export { openSink, say, withSink } from "./sink.js";

/** The name standard input is reported under. */
export const STDIN_NAME = "<stdin>";

/**
 * Standard input's bytes, in an ArrayBuffer of their own (they are handed
 * over to a worker): Buffer.concat's when it is (a large one always is),
 * copied only when it is a view of Node's shared pool.
 */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const all = Buffer.concat(chunks);
  return all.byteOffset === 0 && all.byteLength === all.buffer.byteLength ? all : new Uint8Array(all);
}

/** The PDF options `--engine` gives (always an engine: the library's default when none is named). */
export function pdfOptionsOf(values: Record<string, unknown>): PdfOptions {
  return { engine: choice("engine", values.engine, ENGINE_NAMES, DEFAULT_ENGINE) };
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

/** A read file as a command gets it: its Document (parsed from its JSON when first asked for), the JSON in UTF-8 (in pieces, to be joined), and what is known of it. */
export interface ReadFile {
  readonly doc: Document;
  readonly json: Uint8Array[];
  readonly meta: DocMeta;
}

/** How forEachInput runs its batch: the batch options of the command line, and what to skip. */
export interface InputRun extends Partial<BatchSettings> {
  /** sha256 digests already in the output (--resume, the dataset outputs): such files are not parsed, and not handed on. */
  known?: Set<string>;
  /** Hears each file skipped for its digest. */
  onSkip?: (path: string, sha256: string) => void;
  /** Whether each form's provenance is wanted (default yes). */
  provenance?: boolean;
  /** How PDFs are read (`--engine`). */
  pdf?: PdfOptions;
  /** Each file as its dataset rows (ReadFile.meta.staged), not JSON: see WorkerSetup.stage. */
  stage?: StagingOptions;
  /**
   * Takes a large file's JSON as its pieces come (run-batch.ts's
   * StreamedItem), instead of `each` getting the file whole: it must take
   * every piece, and, if `pieces.end()` says the file failed, take back what
   * it wrote of it. The failure is then reported through `each`, as any.
   */
  onStreamed?: (path: string, pieces: Pieces) => Promise<void>;
}

function readFile(json: Uint8Array[], meta: DocMeta): ReadFile {
  let doc: Document | undefined;
  return {
    get doc() {
      return (doc ??= JSON.parse(Buffer.concat(json).toString("utf8")) as Document);
    },
    json,
    meta,
  };
}

function inputErrorOf(e: ErrorInfo): InputError {
  return new InputError(e.code, e.source, e.message, { ...(e.page === undefined ? {} : { page: e.page }), ...(e.line === undefined ? {} : { line: e.line }) });
}

/**
 * Reads every input in a pool of workers (see src/batch) and hands each
 * Document (or the reason it could not be read) to `each`, in input order.
 * A bad file is reported and the batch goes on. `out`, the run's output
 * file, is never read as an input from a folder.
 */
export async function forEachInput(
  positionals: string[],
  verifyOptions: VerifyOptions | null,
  each: (path: string, result: ReadFile | { error: InputError }) => Promise<void>,
  out?: string,
  run: InputRun = {},
): Promise<{ files: number; unreadable: number; internal: number; skipped: number }> {
  const { files, missing } = await expandInputs(positionals, out === undefined ? {} : { exclude: out });
  const progress = new Progress(process.stderr, files.length + missing.length, { mode: run.progress ?? "auto" });
  let unreadable = 0;
  for (const m of missing) {
    unreadable++;
    progress.finish({ ok: false, code: "input.not-found" });
    await each(m, { error: new InputError("input.not-found", m, "no such file, and no file matches it") });
  }
  let internal = 0;
  let skipped = 0;
  const inputs = async function* (): AsyncGenerator<BatchInput> {
    for (const path of files) yield path === STDIN ? { path: STDIN_NAME, bytes: await readStdin() } : { path };
  };
  const batch = runBatch(inputs(), {
    ...(run.jobs === undefined ? {} : { jobs: run.jobs }),
    setup: {
      known: [...(run.known ?? [])],
      limits: run.limits ?? {},
      timeoutMs: run.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxMemoryBytes: run.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
      ...(run.maxPages === undefined ? {} : { maxPages: run.maxPages }),
      verify: verifyOptions ?? false,
      provenance: run.provenance ?? true,
      ...(run.pdf?.engine ? { engine: run.pdf.engine } : {}),
      ...(run.stage ? { stage: run.stage } : {}),
    },
    onStart: (input) => progress.start(input.path),
    onFinish: (_input, _i, r) => progress.finish(r.ok ? { ok: true, forms: r.meta.forms, pages: r.meta.pages ?? 0 } : r.skipped ? { ok: false, skipped: true } : { ok: false, code: r.error.code }),
  });
  try {
    for await (const item of batch) {
      const { input } = item;
      let result;
      if ("pieces" in item && run.onStreamed) {
        progress.clear();
        await run.onStreamed(input.path, item.pieces);
        const end = await item.pieces.end();
        if (end.ok) continue;
        result = end;
      } else result = await settled(item);
      if (!result.ok && result.skipped) {
        skipped++;
        run.onSkip?.(input.path, result.sha256);
        continue;
      }
      progress.clear();
      if (result.ok) {
        await each(input.path, readFile(result.json, result.meta));
        continue;
      }
      // A bug met on one file must not cost the rest of the batch.
      if (result.internal) {
        internal++;
        if (process.env.JIXIAO_DEBUG && result.stack) say(result.stack);
      } else unreadable++;
      // Errors while writing the output are not the input's fault: they end the run.
      await each(input.path, { error: inputErrorOf(result.error) });
    }
  } finally {
    progress.end();
  }
  return { files: files.length + missing.length, unreadable, internal, skipped };
}

/**
 * forEachInput with each Document as a stream of forms, read one file at a
 * time in this thread (`--jobs 0`), for outputs that write forms as they are
 * read: a file of 10,000 forms is never held whole. A failure met while `each` reads the forms
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
  return forEachRead(positionals, run, async (source, { bytes, digest }) =>
    // Imported here: a command that only hands files to the pool never loads the parser (and builds no grammar) on the main thread.
    (await import("../parse.js")).streamBytes(bytes, {
      source, sha256: () => digest, verify,
      ...(run.limits ? { limits: run.limits } : {}),
      pdf: {
        ...run.pdf,
        ...(run.timeoutMs ? { timeoutMs: run.timeoutMs } : {}),
        ...(run.maxMemoryBytes ? { maxMemoryBytes: run.maxMemoryBytes } : {}),
        ...(run.maxPages ? { maxPages: run.maxPages } : {}),
      },
    }), each, out);
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
