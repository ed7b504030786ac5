import { InputError } from "../load/errors.js";
import type { InputLimits } from "../load/limits.js";
import type { Document } from "../model/document.js";
import type { EngineName } from "../load/pdf/engines/types.js";
import type { VerifyOptions } from "../verify/index.js";
import { DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_MS } from "./defaults.js";
import { runBatch, settled } from "./run-batch.js";

/** Options of {@link parseFiles}. */
export interface ParseFilesOptions {
  /** Worker threads reading files at once. Default: the number of cores. */
  jobs?: number;
  /** Verifier options, or false to skip verification (as in parseFile). */
  verify?: VerifyOptions | false;
  /** Bounds on bytes, line length, rows and forms of each file. */
  limits?: InputLimits;
  /** Per-file time bound in milliseconds, enforced by ending the file's worker. Default 60,000. */
  timeoutMs?: number;
  /** Per-file memory bound in bytes (the worker's heap, and the process's RSS). Default 1 GiB. */
  maxMemoryBytes?: number;
  /** The engine that reads PDFs, as parseFile's `pdf.engine`: `pdfium` (the default) or `pdfjs`. */
  pdf?: { engine?: EngineName };
}

/** One file of {@link parseFiles}: its Document, or why it could not be read. */
export type ParsedFile = { path: string; document: Document } | { path: string; error: InputError };

/**
 * Parses many files in a pool of worker threads (Node only), yielding each
 * file's Document, or the InputError it failed with, in the order of
 * `paths`, as soon as every file before it is done. A file that breaks the
 * time or memory bound ends with `pdf.too-large` or `input.too-large`, its
 * worker is replaced, and the batch goes on.
 *
 * ```ts
 * for await (const f of parseFiles(["a.pdf", "b.txt"], { jobs: 2 })) {
 *   if ("document" in f) console.log(f.path, f.document.forms.length);
 *   else console.error(f.error.describe());
 * }
 * ```
 */
export async function* parseFiles(paths: Iterable<string> | AsyncIterable<string>, options: ParseFilesOptions = {}): AsyncGenerator<ParsedFile> {
  const inputs = (async function* () {
    for await (const path of paths) yield { path };
  })();
  const batch = runBatch(inputs, {
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    setup: {
      known: [],
      limits: options.limits ?? {},
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
      verify: options.verify ?? {},
      provenance: true,
      ...(options.pdf?.engine ? { engine: options.pdf.engine } : {}),
    },
  });
  for await (const item of batch) {
    const { input } = item;
    // A Document is wanted whole here, so a large file's pieces are gathered.
    const result = await settled(item);
    if (result.ok) yield { path: input.path, document: JSON.parse(Buffer.concat(result.json).toString("utf8")) as Document };
    else if (!result.skipped) {
      const e = result.error;
      yield { path: input.path, error: new InputError(e.code, e.source, e.message, { ...(e.page === undefined ? {} : { page: e.page }), ...(e.line === undefined ? {} : { line: e.line }) }) };
    }
  }
}
