import { availableParallelism } from "node:os";

/** The per-file time bound, in milliseconds: the PDF loader's own default. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** The per-file memory bound, in bytes: the PDF loader's own default. */
export const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;

/** The number of workers when none is given: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}
