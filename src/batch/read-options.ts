/** The options a pool worker reads a file with: the same for a file read whole and one read form by form. */
import type { ParseOptions } from "../parse.js";
import type { WorkerSetup } from "./protocol.js";

/** parseBytes' or streamBytes' options for `source`, whose digest the worker has already taken. */
export function readOptions(source: string, digest: string, setup: WorkerSetup): ParseOptions {
  return {
    source,
    sha256: () => digest,
    verify: setup.verify,
    limits: setup.limits,
    pdf: {
      timeoutMs: setup.timeoutMs,
      maxMemoryBytes: setup.maxMemoryBytes,
      ...(setup.maxPages ? { maxPages: setup.maxPages } : {}),
      ...(setup.engine ? { engine: setup.engine } : {}),
    },
  };
}
