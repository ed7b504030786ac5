/**
 * Issue 16's done-when for the two hostile PDFs, under PDFium, through the
 * whole command (test/batch/hostile.test.ts runs them under pdf.js): each
 * ends with one clear bound error naming the file, exit 2, within twice the
 * time bound and with the process's peak RSS ≤ 1.5× the memory bound, and
 * the batch goes on to the next file.
 *
 * Both end at the memory bound. The inflating stream fills the wasm heap
 * with inflated bytes; the nested `q … Q` stream fills it with saved
 * graphics states (about 120 bytes each: 10 million need some 1.2 GB), so
 * the same file that holds pdf.js past its time bound is too big for PDFium
 * (pdfium.test.ts shows the depth at which that starts scale with the bound).
 *
 * Runs dist/lib (npm run build first).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boundLine, jixiaoChild, root } from "../../batch/child.js";
import { HOSTILE_Q_DEPTH, inflatingPdf, nestedQPdf } from "../../batch/hostile-pdfs.js";

const SEED = join(root, "fixtures/seed/seed.txt");
const SEED_PDF = join(root, "fixtures/pdf/seed/landscape.pdf");
const MB = 1024 * 1024;

describe("a hostile PDF in a batch, under PDFium", () => {
  it("nested q … Q, 10 million deep: ended by the memory bound (pdf.too-large, naming it) within 2× the time bound, peak RSS ≤ 1.5× the bound; the next files, a PDF among them, are read, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-pdfium-"));
    const pdf = join(dir, "nested-q.pdf");
    writeFileSync(pdf, nestedQPdf(HOSTILE_Q_DEPTH));
    const timeout = 8;
    const bound = 512;
    const args = ["--format", "jsonl", "--engine", "pdfium", "--max-memory", String(bound), "--timeout", String(timeout), "-j", "1"];
    // PDFium's wasm heap does not shrink after the bound: the PDF after it is read by a fresh worker.
    const base = await jixiaoChild(["parse", SEED, SEED_PDF, ...args]);
    expect(base.code).toBe(0);
    const r = await jixiaoChild(["parse", pdf, SEED, SEED_PDF, ...args]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(boundLine(pdf, "memory", bound));
    expect(r.out).toBe(base.out);
    expect(r.ms - base.ms).toBeLessThan(2 * timeout * 1000);
    expect(r.maxRss).toBeLessThanOrEqual(1.5 * bound * MB);
  }, 120_000);

  it("a 1 MB stream inflating to 1 GiB: ended by the memory bound (pdf.too-large, naming it), peak RSS ≤ 1.5× the bound", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-pdfium-"));
    const pdf = join(dir, "inflating.pdf");
    writeFileSync(pdf, await inflatingPdf(1024));
    const bound = 512;
    const r = await jixiaoChild(["parse", pdf, SEED, "--format", "jsonl", "--engine", "pdfium", "--max-memory", String(bound), "--timeout", "60", "-j", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(boundLine(pdf, "memory", bound));
    expect(r.out.trim().split("\n")).toHaveLength(1);
    expect(r.maxRss).toBeLessThanOrEqual(1.5 * bound * MB);
  }, 120_000);
});
