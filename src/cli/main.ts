import { z } from "zod";
import { InputError } from "../load/errors.js";
import { Document } from "../model/document.js";
import { args, EXIT, forEachInput, openSink, say, UsageError, withSink } from "./common.js";
import { documentWriter } from "./parse-output.js";
import { isDataset, parseFormatOf, provenanceModeOf } from "./output-format.js";
import { provenanceLines, withoutProvenance } from "./provenance-output.js";
import { runVerify } from "./verify-command.js";

export const VERSION = "0.1.0";

const HELP = `jixiao — read and verify 财政项目支出绩效自评表 (project expenditure performance self-evaluation forms)

Usage:
  jixiao parse  <files, folders or globs…> [--format json|jsonl|csv|summary|duckdb|sqlite|parquet] [--out FILE]
                [--provenance inline|none|table] [--pretty] [--no-verify]
  jixiao verify <files, folders or globs…> [--format text|json|jsonl|csv] [--lang zh|en]
                [--fail-on error|warning|notice|never] [--rounding either|truncate|half-up]
                [--disable RULE[,RULE…]] [--grades 优:90,良:80,中:60] [--out FILE]
  jixiao schema [--out FILE]          the JSON Schema of parse's output
  jixiao --help | --version

Inputs are PDFs with a text layer, tab-separated text exports, and pdftotext -layout
text, in UTF-8, UTF-16 (with BOM) or GB18030. A folder is searched for *.txt, *.tsv and *.pdf.

Examples:
  jixiao parse fixtures/seed/seed.txt --format summary
  jixiao parse fixtures/seed/seed.txt --format csv --out seed.csv
  jixiao parse 'reports/2023/**/*.pdf' --format jsonl --out forms.jsonl
  jixiao parse reports/ --out reports.duckdb        (also .sqlite; --format parquet --out dir/)
  jixiao verify fixtures/seed/seed.txt --lang en
  jixiao verify reports/ --format csv --fail-on warning --out findings.csv
  jixiao schema --out jixiao.schema.json

Exit codes: 0 done; 1 verify found findings at or above --fail-on; 2 an input could not
be read (the others are still processed); 64 wrong usage.
`;

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "parse":
        return await runParse(rest);
      case "verify":
        return await runVerify(rest);
      case "schema":
        return await runSchema(rest);
      case "--version":
      case "-v":
        process.stdout.write(`jixiao ${VERSION}\n`);
        return EXIT.ok;
      case undefined:
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        say(`jixiao: unknown command "${command}"; try jixiao --help`);
        return EXIT.usage;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      say(`jixiao: ${e.message}; try jixiao --help`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      say(`jixiao: ${e.describe()}`);
      return EXIT.unreadable;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.path) {
      say(`jixiao: ${err.path}: cannot write (${err.code})`);
      return EXIT.unreadable;
    }
    say(`jixiao: internal error: ${err.message ?? String(e)} (please report it with the input that caused it)`);
    if (process.env.JIXIAO_DEBUG) say(String(err.stack));
    return EXIT.internal;
  }
}

async function runParse(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, {
    format: { type: "string", short: "f" },
    out: { type: "string", short: "o" },
    pretty: { type: "boolean" },
    "no-verify": { type: "boolean" },
    provenance: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const format = parseFormatOf(values.format, values.out);
  const provenance = provenanceModeOf(values.provenance, format);
  const verifyOptions = values["no-verify"] ? null : {};
  if (isDataset(format)) {
    if (typeof values.out !== "string") throw new UsageError(`--format ${format} needs --out (a ${format === "parquet" ? "folder" : "file"})`);
    const { runDatasetParse } = await import("./dataset-output.js");
    const options = { parsedAt: new Date().toISOString(), version: VERSION, provenance: provenance === "table" };
    return runDatasetParse(format, values.out, positionals, verifyOptions, options);
  }
  if (provenance === "table" && typeof values.out !== "string") throw new UsageError("--provenance table writes <out>.provenance.jsonl beside --out, so it needs --out");
  const writer = documentWriter(format, values.pretty === true);
  const sink = await openSink(values.out);
  const side = provenance === "table" ? await openSink(`${String(values.out)}.provenance.jsonl`) : null;
  const { unreadable, internal } = await withSink(sink, async (s) => {
    await s.write(writer.begin());
    let n = 0;
    const r = await forEachInput(positionals, verifyOptions, async (path, result) => {
      if ("error" in result) say(`jixiao: ${result.error.describe()}`);
      else {
        if (side) await side.write(provenanceLines(result.doc));
        await s.write(writer.item(provenance === "inline" ? result.doc : withoutProvenance(result.doc), n++));
      }
    });
    await s.write(writer.end(n));
    return r;
  }).then(async (r) => {
    await side?.commit();
    return r;
  }, async (e: unknown) => {
    await side?.abort();
    throw e;
  });
  return internal > 0 ? EXIT.internal : unreadable > 0 ? EXIT.unreadable : EXIT.ok;
}

async function runSchema(argv: string[]): Promise<number> {
  const { values } = args(argv, { out: { type: "string", short: "o" } });
  const schema = z.toJSONSchema(Document, { target: "draft-2020-12" });
  const text = JSON.stringify({ $id: "https://jixiao.dev/schema/document.json", title: "jixiao Document", ...schema }, null, 2) + "\n";
  await withSink(await openSink(values.out), (s) => s.write(text));
  return EXIT.ok;
}
