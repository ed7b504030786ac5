import { UsageError } from "./args.js";
import type { ParseFormat } from "./parse-output.js";
import { PARSE_FORMATS } from "./spec.js";

/** Formats of `jixiao parse` that write a dataset rather than a stream of text. */
export type DatasetFormat = "duckdb" | "sqlite" | "parquet";


/** What `--provenance` takes. */
export type ProvenanceMode = "none" | "inline" | "table";

const BY_EXTENSION: Record<string, ParseFormat | DatasetFormat> = {
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
  ".duckdb": "duckdb",
  ".ddb": "duckdb",
  ".sqlite": "sqlite",
  ".sqlite3": "sqlite",
  ".db": "sqlite",
};

/** The format of `jixiao parse`: --format, else the extension of --out, else json. */
export function parseFormatOf(format: unknown, out: unknown): ParseFormat | DatasetFormat {
  if (format !== undefined) {
    if (typeof format === "string" && (PARSE_FORMATS as readonly string[]).includes(format)) return format as ParseFormat | DatasetFormat;
    throw new UsageError(`--format takes ${PARSE_FORMATS.join(", ")}, not "${String(format)}"`);
  }
  if (typeof out === "string") {
    const ext = /\.[A-Za-z0-9]+$/.exec(out)?.[0]?.toLowerCase();
    if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  }
  return "json";
}

/** Whether a format writes a dataset. */
export function isDataset(format: ParseFormat | DatasetFormat): format is DatasetFormat {
  return format === "duckdb" || format === "sqlite" || format === "parquet";
}

/**
 * The --provenance mode for a format: inline by default for JSON and JSONL,
 * table for the datasets; csv and summary carry no provenance.
 */
export function provenanceModeOf(value: unknown, format: ParseFormat | DatasetFormat): ProvenanceMode {
  const modes = ["none", "inline", "table"] as const;
  if (value !== undefined && !(typeof value === "string" && (modes as readonly string[]).includes(value))) {
    throw new UsageError(`--provenance takes ${modes.join(", ")}, not "${String(value)}"`);
  }
  const mode = value as ProvenanceMode | undefined;
  if (isDataset(format)) {
    if (mode === "inline") throw new UsageError(`--provenance inline is for json and jsonl; a ${format} dataset has a provenance table (table) or none (none)`);
    return mode ?? "table";
  }
  if (format === "csv" || format === "summary") {
    if (mode !== undefined) throw new UsageError(`--provenance is for json, jsonl and the datasets; ${format} carries no provenance`);
    return "none";
  }
  return mode ?? "inline";
}
