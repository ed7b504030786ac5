/**
 * JSON and JSONL outputs are written form by form (src/cli/document-stream.ts);
 * their text must be exactly what the whole Document gives.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../../src/files.js";
import { parseBytes, streamBytes, type StreamedDocument } from "../../src/parse.js";
import type { Sink } from "../../src/cli/atomic-write.js";
import { ReadFailure, writeStreamed } from "../../src/cli/document-stream.js";
import { documentWriter } from "../../src/cli/parse-output.js";
import { provenanceLines, withoutProvenance } from "../../src/cli/provenance-output.js";
import { fixture } from "../helpers.js";

function memorySink(): Sink & { text: string } {
  const sink = { text: "", write: async (c: string) => void (sink.text += c), commit: async () => undefined, abort: async () => undefined };
  return sink;
}

const FILES = ["seed/seed.txt", "seed/seed.gb18030.txt", "pdf/seed/landscape-one.pdf", "flat/narrow.viewer.txt", "variants/department/department.txt"];

describe("a Document written as its forms are read", () => {
  for (const f of FILES) {
    it(`${f}: the same text as the whole Document, in JSON, pretty JSON and JSONL, with provenance inline, none or in a table`, async () => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(fixture(f)));
      } catch {
        return expect.fail(`fixture ${f} is missing`);
      }
      const options = { source: f, sha256: nodeSha256 };
      const doc = await parseBytes(bytes, options);
      for (const pretty of [false, true]) {
        for (const provenance of ["inline", "none", "table"] as const) {
          const out = memorySink();
          const side = provenance === "table" ? memorySink() : null;
          const r = await writeStreamed(await streamBytes(bytes, options), out, { pretty, prefix: pretty ? "\n" : "", provenance, side });
          const whole = provenance === "inline" ? doc : withoutProvenance(doc);
          expect(out.text).toBe(documentWriter("json", pretty).item(whole, 0));
          expect(r).toEqual({ forms: doc.forms.length });
          if (side) expect(side.text).toBe(provenanceLines(doc));
        }
      }
    });
  }

  it("writes nothing for an input without a form, and hands back its InputError", async () => {
    const out = memorySink();
    const doc = await streamBytes(new TextEncoder().encode("nothing here\tat all\n"), { source: "x.txt" });
    const e = await writeStreamed(doc, out, { pretty: false, prefix: "[", provenance: "inline", side: null }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReadFailure);
    expect(String(((e as ReadFailure).failure as Error).message)).toMatch(/no 自评表 found/);
    expect(out.text).toBe("");
  });

  it("a failure after some forms closes the Document with what was read and a diagnostic saying where it stopped", async () => {
    const real = await streamBytes(readFileSync(fixture("seed/seed.txt")), { source: "seed.txt" });
    const forms = [...real.forms].slice(0, 2);
    const broken: StreamedDocument = {
      ...real,
      forms: (function* () {
        yield* forms;
        throw new Error("boom");
      })(),
      end: () => ({ diagnostics: [] }),
    };
    const out = memorySink();
    const r = await writeStreamed(broken, out, { pretty: false, prefix: "", provenance: "none", side: null });
    expect((r.failure as Error).message).toBe("boom");
    const doc = JSON.parse(out.text) as { forms: unknown[]; diagnostics: Array<{ code: string; message: string }> };
    expect(doc.forms).toHaveLength(2);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: "internal", message: expect.stringMatching(/^reading stopped after form 2: boom/) })]);
  });
});
