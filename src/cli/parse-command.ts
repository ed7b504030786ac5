import { UsageError } from "./args.js";
import { commandLine } from "./command-line.js";
import { batchSettings } from "./batch-settings.js";
import { EXIT, forEachInput, forEachStreamed, inputFailure, openSink, pdfOptionsOf, say, withSink, type InputRun } from "./common.js";
import { ReadFailure, writeStreamed } from "./document-stream.js";
import { documentWriter, jsonFrame, reusedJson } from "./parse-output.js";
import { isDataset, parseFormatOf, provenanceModeOf } from "./output-format.js";
import { provenanceLines, withoutProvenance } from "./provenance-output.js";
import { openResumed } from "./resume-output.js";
import { PARSE } from "./spec.js";
import { checkStdout } from "./stdout.js";
import { VERSION } from "./version.js";

/** `jixiao parse`: resolves to the exit code. */
export async function runParse(argv: string[]): Promise<number> {
  const cl = await commandLine(PARSE, argv);
  if (!cl) return EXIT.ok;
  const { values, positionals, out } = cl;
  const format = parseFormatOf(values.format, out);
  const provenance = provenanceModeOf(values.provenance, format);
  const verifyOptions = values["no-verify"] ? null : {};
  const pdf = pdfOptionsOf(values);
  const run: InputRun = { ...batchSettings(values, "parse"), provenance: provenance !== "none", pdf };
  if (isDataset(format)) {
    if (out === undefined || out === "-") throw new UsageError(`--format ${format} needs --out (a ${format === "parquet" ? "folder" : "file"})`, "parse");
    const { runDatasetParse } = await import("./dataset-output.js");
    const options = { parsedAt: new Date().toISOString(), version: VERSION, provenance: provenance === "table" };
    return runDatasetParse(format, out, positionals, verifyOptions, options, run);
  }
  if (provenance === "table" && (out === undefined || out === "-")) {
    throw new UsageError("--provenance table writes <out>.provenance.jsonl beside --out, so it needs --out FILE", "parse");
  }
  const writer = documentWriter(format, values.pretty === true);
  const resumed = values.resume === true ? await openResumed(format, provenance, out) : null;
  if (resumed) run.known = resumed.known;
  const sink = resumed?.sink ?? await openSink(out);
  const side = provenance === "table" ? await openSink(`${String(out)}.provenance.jsonl`) : null;
  const { unreadable, internal } = await withSink(sink, async (s) => {
    await s.write(writer.begin());
    let n = 0;
    if ((format === "json" || format === "jsonl") && run.jobs === 0) {
      // In this thread (--jobs 0), forms are written as they are read
      // (document-stream.ts): the same text as writer.item, never held whole.
      const pretty = values.pretty === true;
      const r = await forEachStreamed(positionals, verifyOptions, async (path, result) => {
        if ("error" in result) {
          say(`jixiao: ${result.error.describe()}`);
          return;
        }
        const prefix = format === "json" ? (n ? "," : "") + (pretty ? "\n" : "") : "";
        let written;
        try {
          written = await writeStreamed(result.doc, s, { pretty: format === "json" && pretty, prefix, provenance, side });
        } catch (e) {
          if (!(e instanceof ReadFailure)) throw e;
          const { error, internal } = inputFailure(e.failure, path);
          say(`jixiao: ${error.describe()}`);
          return internal ? "internal" : "unreadable";
        }
        n++;
        if (format === "jsonl") await s.write("\n");
        if (written.failure === undefined) return;
        const { error, internal } = inputFailure(written.failure, path);
        say(`jixiao: ${error.describe()} (its Document holds the ${written.forms} form(s) read before)`);
        return internal ? "internal" : "unreadable";
      }, out, run);
      await s.write(writer.end(n));
      return r;
    }
    const { mark, rewind } = s;
    if (mark && rewind && jsonFrame(format, values.pretty === true, provenance, 0)) {
      // A large file's JSON is written as its pieces come, never whole here; a
      // file that fails midway is cut back out, so no partial Document stays.
      run.onStreamed = async (_path, pieces) => {
        const at = await mark.call(s);
        const frame = jsonFrame(format, values.pretty === true, provenance, n)!;
        await s.write(frame.before);
        await pieces.each((piece) => s.write(piece));
        if ((await pieces.end()).ok) {
          await s.write(frame.after);
          n++;
        } else await rewind.call(s, at);
      };
    }
    const r = await forEachInput(positionals, verifyOptions, async (path, result) => {
      if ("error" in result) say(`jixiao: ${result.error.describe()}`);
      else {
        if (side) await side.write(provenanceLines(result.doc));
        const i = n++;
        // The worker's JSON is written as it came where the format allows it.
        const reused = reusedJson(format, values.pretty === true, provenance, result.json, i);
        if (reused) for (const chunk of reused) await s.write(chunk);
        else await s.write(writer.item(provenance === "inline" ? result.doc : withoutProvenance(result.doc), i));
      }
    }, out, run);
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
