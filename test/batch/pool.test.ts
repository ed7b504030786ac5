/** The pool through parseFiles: a worker that broke a bound is replaced, and a worker's start-up is not charged to its first file. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles, type ParsedFile } from "../../src/index.js";
import { fixture } from "../helpers.js";
import { slowPdf } from "./hostile-pdfs.js";

describe("the worker pool", () => {
  it("replaces a worker ended by the time bound, twice in a row, and reads the files after it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-pool-"));
    const q = join(dir, "q.pdf");
    writeFileSync(q, slowPdf());
    const seed = fixture("seed/seed.txt");
    const got: ParsedFile[] = [];
    // 2 s: far more than the seed takes, far less than the slow PDF needs under either engine.
    for await (const f of parseFiles([q, q, seed], { jobs: 1, timeoutMs: 2000, verify: false })) got.push(f);
    expect(got.map((f) => ("document" in f ? `doc ${f.document.forms.length}` : f.error.code))).toEqual(["pdf.too-large", "pdf.too-large", "doc 7"]);
    const first = got[0]!;
    expect("error" in first && first.error.message).toBe("reading took longer than the bound of 2 s (--timeout); the file was abandoned");
  }, 60_000);
});
