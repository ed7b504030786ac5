import { parseArgs } from "node:util";
import { parseFile } from "../files.js";
import { InputError } from "../load/errors.js";
import type { Document } from "../model/document.js";
import type { VerifyOptions } from "../verify/index.js";
import { AtomicFileSink, StdoutSink, type Sink } from "./atomic-write.js";
import { expandInputs } from "./inputs.js";

/** Exit codes: 0 done, 1 findings at or above --fail-on (verify), 2 an input could not be read, 64 usage. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 64, internal: 70 } as const;

/** Prints a line to standard error. */
export function say(line: string): void {
  process.stderr.write(line + "\n");
}

/** A command line that does not make sense. */
export class UsageError extends Error {}

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** Parsed command-line values: strings, flags, or lists for repeated options. */
export type ArgValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** parseArgs with its complaints turned into UsageErrors. */
export function args(argv: string[], options: OptionSpec): { values: ArgValues; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: r.values as ArgValues, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** One of a fixed set of words, or a UsageError naming the choices. */
export function choice<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} takes ${allowed.join(", ")}, not "${String(value)}"`);
}

/**
 * Reads every input in turn and hands each Document (or the reason it could
 * not be read) to `each`. A bad file is reported and the batch goes on.
 */
export async function forEachInput(
  positionals: string[],
  verifyOptions: VerifyOptions | null,
  each: (path: string, result: { doc: Document } | { error: InputError }) => Promise<void>,
): Promise<{ files: number; unreadable: number; internal: number }> {
  if (positionals.length === 0) throw new UsageError("no input files given");
  const { files, missing } = await expandInputs(positionals);
  let unreadable = 0;
  for (const m of missing) {
    unreadable++;
    await each(m, { error: new InputError("input.not-found", m, "no such file, and no file matches it") });
  }
  let internal = 0;
  for (const path of files) {
    let result: { doc: Document } | { error: InputError };
    try {
      result = { doc: await parseFile(path, { verify: verifyOptions ?? false }) };
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
    await each(path, result);
  }
  return { files: files.length + missing.length, unreadable, internal };
}

/** Opens --out atomically, or standard output. */
export async function openSink(out: unknown): Promise<Sink> {
  return typeof out === "string" ? AtomicFileSink.open(out) : new StdoutSink();
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

