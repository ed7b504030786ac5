/**
 * Issue 16's done-when for the two hostile PDFs, under PDFium, through the
 * whole command (test/batch/hostile.test.ts runs them under pdf.js, the
 * default): each ends with one clear error line naming the file, exit 2, and
 * the batch goes on to the next file.
 *
 * The inflating stream ends at the memory bound (the wasm heap's limit). The
 * nested `q … Q` stream is no hazard to PDFium: it reads the page at once
 * and finds what is there, no text, so the error is pdf.no-text rather than
 * a bound (the time bound's own message would show it had fired instead).
 *
 * Runs dist/lib (npm run build first).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jixiaoChild, root } from "../../batch/child.js";
import { inflatingPdf, nestedQPdf } from "../../batch/hostile-pdfs.js";

const SEED = join(root, "fixtures/seed/seed.txt");
const MB = 1024 * 1024;

describe("a hostile PDF in a batch, under PDFium", () => {
  it("nested q … Q: read, one pdf.no-text line and not the time bound's; the next file is read, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-pdfium-"));
    const pdf = join(dir, "nested-q.pdf");
    writeFileSync(pdf, nestedQPdf());
    const timeout = 8;
    const r = await jixiaoChild(["parse", pdf, SEED, "--format", "jsonl", "--engine", "pdfium", "--timeout", String(timeout), "-j", "1"]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toEqual([`jixiao: ${pdf}: no text layer: the 1 page(s) hold no extractable text (OCR may be needed) [pdf.no-text]`]);
    const docs = r.out.trim().split("\n").map((l) => JSON.parse(l) as { source: { path: string } });
    expect(docs.map((d) => d.source.path)).toEqual([SEED]);
  }, 120_000);

  it("a 1 MB stream inflating to 1 GiB: ended by the memory bound (pdf.too-large, naming it), peak RSS ≤ 1.5× the bound", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-pdfium-"));
    const pdf = join(dir, "inflating.pdf");
    writeFileSync(pdf, await inflatingPdf(1024));
    const bound = 512;
    const r = await jixiaoChild(["parse", pdf, SEED, "--format", "jsonl", "--engine", "pdfium", "--max-memory", String(bound), "--timeout", "60", "-j", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${pdf}: reading needed more memory than the bound of ${bound} MB (--max-memory); the file was abandoned [pdf.too-large]`);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    expect(r.maxRss).toBeLessThanOrEqual(1.5 * bound * MB);
  }, 120_000);
});
