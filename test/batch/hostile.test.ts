/**
 * The two PDFs issue 12 names, each ended by its bound while the batch goes
 * on, under pdf.js (test/load/engines/hostile-batch.test.ts runs them under
 * PDFium): a nested `q … Q` stream that holds pdf.js's thread (only ending
 * the worker stops it), and a stream that inflates to 1 GiB in array
 * buffers, outside the V8 heap that resourceLimits caps.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boundLine, jixiaoChild, root } from "./child.js";
import { HOSTILE_Q_DEPTH, inflatingPdf, nestedQPdf } from "./hostile-pdfs.js";

const SEED = join(root, "fixtures/seed/seed.txt");
const MB = 1024 * 1024;

// Both files run under both bounds, so each is checked against the done-when
// of issue 12 in full: a clear bound error within 2× the time bound, and the
// whole process's peak RSS (threads included: getrusage of the process) ≤ 1.5× the memory bound.
const TIMEOUT = 8;
const MEMORY = 512;

describe("a hostile PDF in a batch, under pdf.js", () => {
  it("nested q … Q: ended by the time bound (pdf.too-large, naming it) within 2× the bound, peak RSS ≤ 1.5× the memory bound; the files around it are read, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-"));
    const pdf = join(dir, "nested-q.pdf");
    writeFileSync(pdf, nestedQPdf(HOSTILE_Q_DEPTH));
    const timeout = TIMEOUT;
    const others = [SEED, join(root, "fixtures/seed/seed.gb18030.txt")];
    // The same command without the hostile file, for what start-up and the
    // other files cost on this machine now (a loaded one takes seconds).
    const base = await jixiaoChild(["parse", ...others, "--format", "jsonl", "--engine", "pdfjs", "--timeout", String(timeout), "--max-memory", String(MEMORY), "-j", "1"]);
    expect(base.code).toBe(0);
    const r = await jixiaoChild(["parse", others[0]!, pdf, others[1]!, "--format", "jsonl", "--engine", "pdfjs", "--timeout", String(timeout), "--max-memory", String(MEMORY), "-j", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(boundLine(pdf, "time", timeout));
    const docs = r.out.trim().split("\n").map((l) => JSON.parse(l) as { source: { path: string } });
    expect(docs.map((d) => d.source.path)).toEqual(others);
    expect(r.out).toBe(base.out);
    // What the hostile file added (its bound, and the start of the worker that replaced its own) is within twice the bound.
    expect(r.ms - base.ms).toBeLessThan(2 * timeout * 1000);
    expect(r.maxRss).toBeLessThanOrEqual(1.5 * MEMORY * MB);
  }, 120_000);

  it("a 1 MB stream inflating to 1 GiB: ended by the memory bound (pdf.too-large, naming it) within 2× the time bound, peak RSS ≤ 1.5× the memory bound", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-hostile-"));
    const pdf = join(dir, "inflating.pdf");
    const bytes = await inflatingPdf(1024);
    expect(bytes.length).toBeLessThan(1.1 * MB);
    writeFileSync(pdf, bytes);
    const bound = MEMORY;
    const base = await jixiaoChild(["parse", SEED, "--format", "jsonl", "--engine", "pdfjs", "--max-memory", String(bound), "--timeout", String(TIMEOUT), "-j", "1"]);
    expect(base.code).toBe(0);
    const r = await jixiaoChild(["parse", pdf, SEED, "--format", "jsonl", "--engine", "pdfjs", "--max-memory", String(bound), "--timeout", String(TIMEOUT), "-j", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(boundLine(pdf, "memory", bound));
    expect(r.out).toBe(base.out);
    // Ended by memory, not by the clock: well within twice the time bound of what the command costs without it.
    expect(r.ms - base.ms).toBeLessThan(2 * TIMEOUT * 1000);
    expect(r.maxRss).toBeLessThanOrEqual(1.5 * bound * MB);
  }, 120_000);
});
