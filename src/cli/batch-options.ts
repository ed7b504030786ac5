/**
 * The options every reading command shares: how many workers, the bounds
 * each file is read within, progress and resume. One table: the argument
 * parser, the help and the README read the same names and defaults.
 */
import { DEFAULT_MAX_MEMORY_BYTES, DEFAULT_TIMEOUT_MS, defaultJobs } from "../batch/defaults.js";
import { LIMIT_DEFAULTS } from "../load/limit-defaults.js";
import { PDF_DEFAULTS } from "../load/pdf/defaults.js";

// The shape of spec.ts's OptionInfo, written out: spec.ts imports this table.
interface OptionInfo {
  type: "string" | "boolean";
  short?: string;
  value?: string;
  help: string;
}

const MB = 1024 * 1024;

/** A bound: its option, its default in the option's unit, and how it is given to the reader. */
export interface Bound {
  option: string;
  value: string;
  unit: string;
  default: number;
  /** The option's value in the unit the reader takes (bytes, milliseconds …). */
  scale: number;
  help: string;
}

/** The bounds on one file, with their defaults. */
export const BOUNDS = {
  maxBytes: { option: "max-bytes", value: "MB", unit: "MB", default: LIMIT_DEFAULTS.maxBytes / MB, scale: MB, help: "refuse a larger file" },
  maxLineLength: { option: "max-line-length", value: "N", unit: "characters", default: LIMIT_DEFAULTS.maxLineLength, scale: 1, help: "refuse a text export with a longer line" },
  maxRows: { option: "max-rows", value: "N", unit: "rows", default: LIMIT_DEFAULTS.maxRows, scale: 1, help: "refuse a file with more rows (lines of text, rows of tables)" },
  maxForms: { option: "max-forms", value: "N", unit: "forms", default: LIMIT_DEFAULTS.maxForms, scale: 1, help: "refuse a file with more forms" },
  maxPages: { option: "max-pages", value: "N", unit: "pages", default: PDF_DEFAULTS.maxPages, scale: 1, help: "refuse a PDF with more pages" },
  timeout: { option: "timeout", value: "SECONDS", unit: "s", default: DEFAULT_TIMEOUT_MS / 1000, scale: 1000, help: "abandon a file still being read after this long (its worker is ended and replaced)" },
  maxMemory: { option: "max-memory", value: "MB", unit: "MB", default: DEFAULT_MAX_MEMORY_BYTES / MB, scale: MB, help: "abandon a file whose reading needs more memory: a worker's heap is capped at it, and the process's memory at --jobs times it" },
} as const satisfies Record<string, Bound>;

/** The options of parse and verify for batches: spread into their specs. */
export const BATCH_OPTIONS: Record<string, OptionInfo> = {
  jobs: { type: "string", short: "j", value: "N", help: `read N files at once, each in a worker thread (default: the number of cores, here ${defaultJobs()}); output keeps the input order; 0 reads on the main thread, where the time and memory bounds are checked only between PDF pages` },
  progress: { type: "boolean", help: "report progress on stderr even when it is not a terminal: a line every 5 s, and a summary" },
  quiet: { type: "boolean", short: "q", help: "no progress and no summary, even on a terminal" },
  ...Object.fromEntries(Object.values(BOUNDS).map((b): [string, OptionInfo] => [b.option, { type: "string", value: b.value, help: `${b.help} (default ${b.default} ${b.unit})` }])),
};

/** The --resume option: parse only (it needs an output to resume). */
export const RESUME_OPTION: OptionInfo = {
  type: "boolean",
  help: "with --out FILE.jsonl: append to it, one Document per file as each is read, skipping inputs whose sha256 it holds; rerun the same command after a kill to finish the batch",
};

