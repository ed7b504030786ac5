import { parseBytes } from "../parse.js";
import { nodeSha256, parseFile } from "../files.js";
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
): Promise<{ files: number; unreadable: number; internal: number }> {
  const { files, missing } = await expandInputs(positionals, out === undefined ? {} : { exclude: out });
  let unreadable = 0;
  for (const m of missing) {
    unreadable++;
    await each(m, { error: new InputError("input.not-found", m, "no such file, and no file matches it") });
  }
  let internal = 0;
  for (const path of files) {
    let result: { doc: Document } | { error: InputError };
    try {
      result = { doc: await parseInput(path, verifyOptions ?? false) };
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
  return { files: files.length + missing.length, unreadable, internal };
}
