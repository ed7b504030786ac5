import type { Diagnostic } from "../model/diagnostic.js";
import type { Form } from "../model/form.js";
import type { StreamedDocument } from "../parse.js";
import type { Sink } from "./atomic-write.js";
import { formProvenanceLines, formWithoutProvenance } from "./provenance-output.js";

/** Bytes gathered before one write to the output: few system calls, little held. */
const FLUSH_AT = 256 * 1024;

/**
 * Writes one Document as its forms are read: the envelope, each form as the
 * grammar yields it, then the diagnostics, which are complete only then and
 * which Document's key order puts last. The text is exactly
 * JSON.stringify(document) (indented by 2 with `pretty`), so JSON and JSONL
 * outputs keep their shape while a file of 10,000 forms never sits in memory
 * whole (issue 12: 852 MB for 20 MB of text, before).
 *
 * Nothing is written before the first form, so an input with no form (an
 * InputError from `end()`) leaves no trace in the output. A failure while
 * reading after that closes the Document the JSON has opened, with the forms
 * read so far and an `internal` (or the InputError's) diagnostic saying where
 * reading stopped; the failure is then returned for the caller to report.
 * Failures of the output itself are thrown.
 *
 * `flushAt`: characters gathered before a write (default 256 K); 0 writes
 * each form's text as it is made, for a sink that gathers it itself.
 */
export async function writeStreamed(
  doc: StreamedDocument,
  out: Sink,
  options: { pretty: boolean; prefix: string; provenance: "inline" | "none" | "table"; side: Sink | null; flushAt?: number },
): Promise<{ forms: number; failure?: unknown }> {
  const { pretty } = options;
  const indent = (text: string, by: string) => (pretty ? text.replace(/\n/g, "\n" + by) : text);
  let buffer = "";
  let side = "";
  const flush = async () => {
    if (buffer) await out.write(buffer);
    if (side) await options.side!.write(side);
    buffer = side = "";
  };
  let forms = 0;
  let failure: unknown;
  const it = doc.forms[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<Form>;
    try {
      next = it.next();
    } catch (e) {
      failure = e;
      break;
    }
    if (next.done) break;
    const form = next.value;
    if (forms === 0) buffer += options.prefix + head(doc, pretty);
    else buffer += pretty ? ",\n    " : ",";
    if (options.side) side += formProvenanceLines(doc.source.sha256, form, forms + 1);
    buffer += indent(JSON.stringify(options.provenance === "inline" ? form : formWithoutProvenance(form), null, pretty ? 2 : undefined), "    ");
    forms++;
    if (buffer.length >= (options.flushAt ?? FLUSH_AT)) await flush();
  }
  let diagnostics: Diagnostic[];
  if (failure === undefined) {
    try {
      diagnostics = doc.end().diagnostics;
    } catch (e) {
      failure = e;
    }
  }
  if (failure !== undefined) {
    // Nothing written yet: the caller reports the input as unread.
    if (forms === 0) throw new ReadFailure(failure);
    diagnostics = [{
      code: "internal",
      severity: "error",
      message: `reading stopped after form ${forms}: ${(failure as Error)?.message ?? String(failure)}; the forms after it, and the diagnostics of those read, are missing`,
    }];
  }
  buffer += (pretty ? "\n  ],\n  \"diagnostics\": " : "],\"diagnostics\":") + indent(JSON.stringify(diagnostics!, null, pretty ? 2 : undefined), "  ") + (pretty ? "\n}" : "}");
  await flush();
  return failure === undefined ? { forms } : { forms, failure };
}

/** A failure while reading an input, before any of its Document was written. */
export class ReadFailure extends Error {
  constructor(readonly failure: unknown) {
    super("reading failed");
  }
}

/** The Document's text up to the first form: `{"schemaVersion":…,"source":{…},"forms":[`. */
function head(doc: StreamedDocument, pretty: boolean): string {
  const envelope = JSON.stringify({ schemaVersion: doc.schemaVersion, source: doc.source }, null, pretty ? 2 : undefined);
  // The envelope without its closing brace, then the forms key.
  return pretty ? envelope.slice(0, -2) + ",\n  \"forms\": [\n    " : envelope.slice(0, -1) + ",\"forms\":[";
}
