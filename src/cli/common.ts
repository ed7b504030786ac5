import { DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_MS } from "../batch/defaults.js";
import { Progress } from "../batch/progress.js";
import type { DocMeta, ErrorInfo } from "../batch/protocol.js";
import { runBatch, type BatchInput } from "../batch/run-batch.js";
import { InputError } from "../load/errors.js";
import type { Document } from "../model/document.js";
import type { VerifyOptions } from "../verify/index.js";
import type { Sink } from "./atomic-write.js";
import { expandInputs, STDIN } from "./inputs.js";
import { openOutput } from "./output.js";
import type { BatchSettings } from "./batch-settings.js";

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

/** A read file as a command gets it: its Document (parsed from its JSON when first asked for), the JSON, and what is known of it. */
export interface ReadFile {
  readonly doc: Document;
  readonly json: string;
  readonly meta: DocMeta;
}

/** How forEachInput runs its batch: the batch options of the command line, and what to skip. */
export interface InputRun extends Partial<BatchSettings> {
  /** sha256 digests already in the output (--resume): such files are not handed on. */
  known?: Set<string>;
  /** Whether each form's provenance is wanted (default yes). */
  provenance?: boolean;
}

function readFile(json: string, meta: DocMeta): ReadFile {
  let doc: Document | undefined;
  return {
    get doc() {
      return (doc ??= JSON.parse(json) as Document);
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
    },
    onStart: (input) => progress.start(input.path),
    onFinish: (_input, _i, r) => progress.finish(r.ok ? { ok: true, forms: r.meta.forms, pages: r.meta.pages ?? 0 } : r.skipped ? { ok: false, skipped: true } : { ok: false, code: r.error.code }),
  });
  try {
    for await (const { input, result } of batch) {
      if (!result.ok && result.skipped) {
        skipped++;
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
