import { z } from "zod";
import { InputError } from "../load/errors.js";
import { Document } from "../model/document.js";
import { UsageError as LibraryUsageError } from "../model/usage-error.js";
import { UsageError } from "./args.js";
import { commandLine, print } from "./command-line.js";
import { EXIT, forEachInput, openSink, say, withSink } from "./common.js";
import { commandHelp, globalHelp } from "./help.js";
import { handleInterrupts } from "./interrupt.js";
import { OutputError } from "./output-error.js";
import { documentWriter } from "./parse-output.js";
import { isDataset, parseFormatOf, provenanceModeOf } from "./output-format.js";
import { provenanceLines, withoutProvenance } from "./provenance-output.js";
import { COMMANDS, PARSE, SCHEMA } from "./spec.js";
import { checkStdout, StdoutClosed, stdoutClosed, watchStdout } from "./stdout.js";
import { runVerify } from "./verify-command.js";

export const VERSION = "0.1.0";

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  watchStdout();
  const release = handleInterrupts();
  try {
    return await dispatch(argv);
  } catch (e) {
    return report(e);
  } finally {
    release();
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "parse":
      return await runParse(rest);
    case "verify":
      return await runVerify(rest);
    case "schema":
      return await runSchema(rest);
    case "report":
      return await (await import("./report-command.js")).runReport(rest);
    case "--version":
    case "-v":
      await print(`jixiao ${VERSION}\n`);
      return EXIT.ok;
    case "--help":
    case "-h":
    case "help": {
      const spec = COMMANDS.find((c) => c.name === rest[0]);
      await print(spec ? commandHelp(spec) : globalHelp());
      return EXIT.ok;
    }
    case undefined:
      process.stderr.write(globalHelp());
      return EXIT.usage;
    default:
      throw new UsageError(`unknown command "${command}" (the commands are parse, verify, schema and report)`);
  }
}

/** The exit code for what a run threw, with its one line on stderr. */
function report(e: unknown): number {
  // The reader of our output has gone (`| head`): nothing more to say, and nothing went wrong.
  if (e instanceof StdoutClosed || stdoutClosed()) return EXIT.ok;
  if (e instanceof UsageError) {
    say(`jixiao: ${e.message}; try jixiao ${e.command ? `${e.command} ` : ""}--help`);
    return EXIT.usage;
  }
  if (e instanceof LibraryUsageError) {
    say(`jixiao: ${e.message}`);
    return EXIT.usage;
  }
  if (e instanceof OutputError) {
    say(`jixiao: ${e.message}`);
    return EXIT.unreadable;
  }
  if (e instanceof InputError) {
    say(`jixiao: ${e.describe()}`);
    return EXIT.unreadable;
  }
  const err = e as Error;
  say(`jixiao: internal error: ${err?.message ?? String(e)} (please report it with the input that caused it)`);
  if (process.env.JIXIAO_DEBUG) say(String(err?.stack));
  return EXIT.internal;
}

async function runParse(argv: string[]): Promise<number> {
  const cl = await commandLine(PARSE, argv);
  if (!cl) return EXIT.ok;
  const { values, positionals, out } = cl;
  const format = parseFormatOf(values.format, out);
  const provenance = provenanceModeOf(values.provenance, format);
  const verifyOptions = values["no-verify"] ? null : {};
  if (isDataset(format)) {
    if (out === undefined || out === "-") throw new UsageError(`--format ${format} needs --out (a ${format === "parquet" ? "folder" : "file"})`, "parse");
    const { runDatasetParse } = await import("./dataset-output.js");
    const options = { parsedAt: new Date().toISOString(), version: VERSION, provenance: provenance === "table" };
    return runDatasetParse(format, out, positionals, verifyOptions, options);
  }
  if (provenance === "table" && (out === undefined || out === "-")) {
    throw new UsageError("--provenance table writes <out>.provenance.jsonl beside --out, so it needs --out FILE", "parse");
  }
  const writer = documentWriter(format, values.pretty === true);
  const sink = await openSink(out);
  const side = provenance === "table" ? await openSink(`${String(out)}.provenance.jsonl`) : null;
  const { unreadable, internal } = await withSink(sink, async (s) => {
    await s.write(writer.begin());
    let n = 0;
    const r = await forEachInput(positionals, verifyOptions, async (path, result) => {
      if ("error" in result) say(`jixiao: ${result.error.describe()}`);
      else {
        if (side) await side.write(provenanceLines(result.doc));
        await s.write(writer.item(provenance === "inline" ? result.doc : withoutProvenance(result.doc), n++));
      }
    }, out);
    await s.write(writer.end(n));
    return r;
  }).then(async (r) => {
    await side?.commit();
    return r;
  }, async (e: unknown) => {
    await side?.abort();
    throw e;
  });
  checkStdout();
  return internal > 0 ? EXIT.internal : unreadable > 0 ? EXIT.unreadable : EXIT.ok;
}

async function runSchema(argv: string[]): Promise<number> {
  const cl = await commandLine(SCHEMA, argv);
  if (!cl) return EXIT.ok;
  const schema = z.toJSONSchema(Document, { target: "draft-2020-12" });
  const text = JSON.stringify({ $id: "https://jixiao.dev/schema/document.json", title: "jixiao Document", ...schema }, null, 2) + "\n";
  await withSink(await openSink(cl.out), (s) => s.write(text));
  return EXIT.ok;
}
