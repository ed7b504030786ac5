/** The pool through parseFiles: a worker that broke a bound is replaced, and a worker's start-up is not charged to its first file. */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles, type ParsedFile } from "../../src/index.js";
import { fixture } from "../helpers.js";
import { nestedQPdf, slowPdf } from "./hostile-pdfs.js";

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

  it("a file queued behind one that breaks the time bound is read once, by the next worker, with its own full bound", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-pool-"));
    const q = join(dir, "q.pdf");
    writeFileSync(q, slowPdf());
    const texts = [0, 1, 2, 3, 4].map((i) => join(dir, `t${i}.txt`));
    for (const t of texts) copyFileSync(fixture("seed/seed.txt"), t);
    const paths = [texts[0]!, q, texts[1]!, texts[2]!, q, texts[3]!, texts[4]!];
    for (const jobs of [1, 2]) {
      const got: string[] = [];
      // The texts behind each q wait out its 2 s bound and a new worker's start-up, and are still read.
      for await (const f of parseFiles(paths, { jobs, timeoutMs: 2000, verify: false })) got.push(`${f.path} ${"document" in f ? `doc ${f.document.forms.length}` : f.error.code}`);
      expect(got).toEqual(paths.map((p) => `${p} ${p === q ? "pdf.too-large" : "doc 7"}`));
    }
  }, 120_000);

  it("reads PDFs with the engine it is given: 100,000 nested q … Q is a page without text to PDFium and past a 3 s bound for pdf.js", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-pool-"));
    const q = join(dir, "q.pdf");
    writeFileSync(q, nestedQPdf());
    const codes = [];
    for (const engine of [undefined, "pdfium", "pdfjs"] as const) {
      for await (const f of parseFiles([q], { jobs: 1, timeoutMs: 3000, verify: false, ...(engine ? { pdf: { engine } } : {}) })) codes.push("error" in f ? f.error.code : "doc");
    }
    expect(codes).toEqual(["pdf.no-text", "pdf.no-text", "pdf.too-large"]);
  }, 60_000);
});
