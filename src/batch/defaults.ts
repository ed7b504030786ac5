import { availableParallelism } from "node:os";
import { PDF_DEFAULTS } from "../load/pdf/defaults.js";

/** The per-file time bound, in milliseconds: the PDF loader's own default. */
export const DEFAULT_TIMEOUT_MS = PDF_DEFAULTS.timeoutMs;
/** The per-file memory bound, in bytes: the PDF loader's own default. */
export const DEFAULT_MAX_MEMORY_BYTES = PDF_DEFAULTS.maxMemoryBytes;

/** The number of workers when none is given: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}
