/**
 * What each command accepts: its options, with the words of its help, and
 * its examples. The argument parser, the help and the unknown-option hint
 * all read these tables, so they cannot disagree.
 */
import { DEFAULT_ENGINE, ENGINE_NAMES } from "../load/pdf/engines/types.js";

import { BATCH_OPTIONS, RESUME_OPTION } from "./batch-options.js";

/** One option of a command. */
export interface OptionInfo {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Placeholder of the value in the help: FORMAT, FILE … */
  value?: string;
  /** Allowed values, when they are a fixed set (the first is the default). */
  choices?: readonly string[];
  help: string;
}

/** A command: how it is called, what it takes, and examples. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** The synopsis after `jixiao NAME`. */
  synopsis: string;
  /** Whether it reads inputs (files, folders, globs, or - for stdin). */
  inputs: boolean;
  options: Record<string, OptionInfo>;
  examples: readonly string[];
}

/** Output formats of `jixiao parse`; the first is the default. */
export const PARSE_FORMATS = ["json", "jsonl", "csv", "summary", "duckdb", "sqlite", "parquet"] as const;
/** Output formats of `jixiao verify`; the first is the default. */
export const VERIFY_FORMATS = ["text", "json", "jsonl", "csv"] as const;

/** `--engine`: which PDF engine reads PDF inputs (the first choice is the default, as in the library). */
const ENGINE: OptionInfo = {
  type: "string", value: "ENGINE", choices: [DEFAULT_ENGINE, ...ENGINE_NAMES.filter((e) => e !== DEFAULT_ENGINE)],
  help: "the engine that reads PDFs: pdfium (PDFium in WebAssembly, the default: about 5x faster) or pdfjs (pdf.js, the reference); both give the same Documents",
};

const OUT: OptionInfo = {
  type: "string", short: "o", value: "FILE",
  help: "write to FILE (- is standard output); a regular file is replaced only when the run succeeds, a device or FIFO is written through",
};

export const PARSE: CommandSpec = {
  name: "parse",
  summary: "read forms into JSON, JSON Lines, CSV or a summary",
  synopsis: "<inputs…> [options]",
  inputs: true,
  options: {
    format: { type: "string", short: "f", value: "FORMAT", choices: PARSE_FORMATS, help: "json: an array of Documents; jsonl: one per line; csv: one row per indicator; summary: a few lines per form; duckdb, sqlite: a database file (docs/dataset.md); parquet: a folder of one Parquet file per table. Default: from the --out extension (.jsonl .csv .duckdb .sqlite .db), else json" },
    out: OUT,
    pretty: { type: "boolean", help: "indent the JSON" },
    "no-verify": { type: "boolean", help: "leave the verifier's findings out" },
    provenance: { type: "string", value: "MODE", choices: ["inline", "none", "table"], help: "inline (JSON default): in each form; none: left out; table (dataset default): <out>.provenance.jsonl, or the provenance table" },
    engine: ENGINE,
    resume: RESUME_OPTION,
    ...BATCH_OPTIONS,
  },
  examples: [
    "jixiao parse fixtures/seed/seed.txt --format summary",
    "jixiao parse fixtures/seed/seed.txt --format csv --out seed.csv",
    "jixiao parse 'reports/2023/**/*.pdf' --format jsonl --out forms.jsonl",
    "jixiao parse reports/ --out reports.duckdb",
    "pdftotext -layout report.pdf - | jixiao parse - --format summary",
  ],
};

export const VERIFY: CommandSpec = {
  name: "verify",
  summary: "check that each form's numbers add up, and report what does not",
  synopsis: "<inputs…> [options]",
  inputs: true,
  options: {
    format: { type: "string", short: "f", value: "FORMAT", choices: VERIFY_FORMATS, help: "text: the readable report; json, jsonl, csv: for machines" },
    lang: { type: "string", value: "LANG", choices: ["zh", "en"], help: "language of the messages" },
    "fail-on": { type: "string", value: "SEVERITY", choices: ["error", "warning", "notice", "never"], help: "exit 1 when a finding is at or above this severity" },
    rounding: { type: "string", value: "MODE", choices: ["either", "truncate", "half-up"], help: "accepted rounding of printed 2-decimal figures" },
    disable: { type: "string", multiple: true, value: "RULE[,RULE…]", help: "switch off rules by id (funding.rate), prefix (indicator.) or family (indicators); may be repeated" },
    grades: { type: "string", value: "BANDS", help: "grade bands, highest first, e.g. 优:90,良:80,中:60 (a band at 0, 差, is added when missing)" },
    out: OUT,
    color: { type: "boolean", help: "colour the text report even when the output is not a terminal" },
    "no-color": { type: "boolean", help: "never colour the text report (NO_COLOR=1 does the same)" },
    engine: ENGINE,
    ...BATCH_OPTIONS,
  },
  examples: [
    "jixiao verify fixtures/seed/seed.txt --lang en",
    "jixiao verify reports/ --format csv --fail-on warning --out findings.csv",
    "jixiao verify reports/ --disable indicators,funding.underspent --grades 优秀:90,良好:80,合格:60",
    "cat seed.txt | jixiao verify - --format json",
  ],
};

export const REPORT: CommandSpec = {
  name: "report",
  summary: "write one self-contained HTML report: every form, every finding on its page",
  synopsis: "<inputs…> --out report.html [options]",
  inputs: true,
  options: {
    out: { type: "string", short: "o", value: "FILE", help: "the HTML file to write (needed); it is replaced only when the run succeeds" },
    lang: { type: "string", value: "LANG", choices: ["zh", "en"], help: "language of the page and of the messages" },
    rounding: VERIFY.options.rounding!,
    disable: VERIFY.options.disable!,
    grades: VERIFY.options.grades!,
    images: { type: "string", value: "FORMAT", choices: ["png", "webp"], help: "encoding of the page pictures: png, or webp (about a third of the size)" },
  },
  examples: [
    "jixiao report fixtures/seed/seed.txt fixtures/pdf/seed/narrow.pdf --out report.html",
    "jixiao report reports/ --out report.html --lang en --images webp",
  ],
};

export const SCHEMA: CommandSpec = {
  name: "schema",
  summary: "print the JSON Schema of parse's output",
  synopsis: "[options]",
  inputs: false,
  options: { out: OUT },
  examples: ["jixiao schema", "jixiao schema --out jixiao.schema.json"],
};

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandSpec[] = [PARSE, VERIFY, SCHEMA, REPORT];

/** Extensions a folder is searched for (any case). A glob or a file named on the command line may have any name. */
export const INPUT_EXTENSIONS: readonly string[] = ["txt", "tsv", "pdf", "html", "htm", "xlsx", "xls", "ods", "docx", "odt"];
