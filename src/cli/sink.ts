/**
 * Opening and finishing a run's output, apart from the parsing code, so the
 * light commands (--help, --version, schema) load none of it.
 */
import type { Sink } from "./atomic-write.js";
import { openOutput } from "./output.js";

/** Prints a line to standard error. */
export function say(line: string): void {
  process.stderr.write(line + "\n");
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
