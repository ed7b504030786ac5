import { defaultJobs } from "../batch/defaults.js";
import { UsageError } from "./args.js";
import { BOUNDS, type Bound } from "./batch-options.js";

/** What the batch options of a command line say. */
export interface BatchSettings {
  jobs: number;
  progress: "auto" | "always" | "never";
  limits: { maxBytes: number; maxLineLength: number; maxRows: number; maxForms: number };
  maxPages: number;
  timeoutMs: number;
  maxMemoryBytes: number;
}

/** A positive whole number (or a decimal, for the units that allow one), or a UsageError naming the option. */
function positive(option: string, raw: unknown, whole: boolean, command: string): number {
  const s = String(raw).trim();
  const n = Number(s);
  if (s === "" || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
    throw new UsageError(`--${option} takes a positive ${whole ? "whole number" : "number"}, not "${String(raw)}"`, command);
  }
  return n;
}

function jobsOf(raw: unknown, command: string): number {
  if (String(raw).trim() === "0") return 0;
  return positive("jobs", raw, true, command);
}

/** Reads the batch options of a parsed command line. */
export function batchSettings(values: Record<string, unknown>, command: string): BatchSettings {
  if (values.quiet === true && values.progress === true) throw new UsageError("--quiet and --progress contradict each other", command);
  const bound = (key: keyof typeof BOUNDS): number => {
    const b: Bound = BOUNDS[key];
    const raw = values[b.option];
    const n = raw === undefined ? b.default : positive(b.option, raw, b.scale === 1, command);
    return Math.max(1, Math.round(n * b.scale));
  };
  return {
    jobs: values.jobs === undefined ? defaultJobs() : jobsOf(values.jobs, command),
    progress: values.quiet === true ? "never" : values.progress === true ? "always" : "auto",
    limits: { maxBytes: bound("maxBytes"), maxLineLength: bound("maxLineLength"), maxRows: bound("maxRows"), maxForms: bound("maxForms") },
    maxPages: bound("maxPages"),
    timeoutMs: bound("timeout"),
    maxMemoryBytes: bound("maxMemory"),
  };
}
