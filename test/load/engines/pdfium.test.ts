/**
 * The PDFium engine on its own: the loader's bounds hold for it (pages,
 * bytes, time, memory through the wasm heap's limit), hostile files end with
 * a clear error, every handle is freed (the heap stops growing over repeated
 * reads), an aborted instance is replaced, and it runs in a worker thread.
 * The hostile files end with a clear bound error under pdf.js too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/load/errors.js";
import { heapSize, pdfium } from "../../../src/load/pdf/engines/pdfium-module.js";
import { loadPdf } from "../../../src/load/pdf/index.js";
import { nestedQPdf } from "../../batch/hostile-pdfs.js";

const path = (name: string) => fileURLToPath(new URL(`../../../fixtures/pdf/${name}`, import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(path(name)));
const engine = "pdfium" as const;

async function failure(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("PDFium: bounds", () => {
  it("pages", async () => {
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { engine, maxPages: 2 }));
    expect(e.code).toBe("pdf.too-large");
    expect(e.message).toMatch(/8 pages/);
  });

  it("bytes", async () => {
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { engine, maxBytes: 1000 }));
    expect(e.code).toBe("pdf.too-large");
  });

  it("time: checked after every page, since PDFium reads a page without yielding", async () => {
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { engine, timeoutMs: 1 }));
    expect(e.code).toBe("pdf.too-large");
    expect(e.message).toMatch(/longer than the bound of 1 ms/);
  });

  it("memory: a stream inflating to 1 GiB stops at the wasm heap's limit", async () => {
    const t = performance.now();
    const e = await failure(loadPdf(read("bad/hostile/inflate-1gib.pdf"), "inflate-1gib.pdf", { engine, maxMemoryBytes: 128 * 1024 * 1024 }));
    expect(e.code).toBe("pdf.too-large");
    expect(e.message).toMatch(/more memory than the bound of 128 MB/);
    expect(performance.now() - t).toBeLessThan(30_000);
    // The aborted instance was dropped; the next document gets a fresh one.
    const sheet = await loadPdf(read("seed/narrow-one.pdf"), "narrow-one.pdf", { engine });
    expect(sheet.rows.length).toBeGreaterThan(10);
  });

  it("nested q: 100,000 levels of save/restore end at once, as a page without text", async () => {
    const t = performance.now();
    const e = await failure(loadPdf(read("bad/hostile/nested-q.pdf"), "nested-q.pdf", { engine }));
    expect(e.code).toBe("pdf.no-text");
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});

describe("PDFium: nested q is bounded by memory, not immune", () => {
  // PDFium keeps every saved graphics state in its wasm heap, about 120 bytes each, so the depth it can
  // read grows with the memory bound: 100,000 levels (some 12 MB) and 1,000,000 (some 120 MB) are read
  // under a bound of 256 MB, and the million is ended by a bound of 64 MB. In a worker, as the pool runs
  // it, so the grown heap goes with the worker.
  const dir = mkdtempSync(join(tmpdir(), "jixiao-nested-q-"));
  const file = (depth: number) => {
    const f = join(dir, `q-${depth}.pdf`);
    writeFileSync(f, nestedQPdf(depth));
    return f;
  };
  const MB = 1024 * 1024;
  it.each([
    [100_000, 64, "pdf.no-text"],
    [1_000_000, 256, "pdf.no-text"],
    [1_000_000, 64, "pdf.too-large"],
  ])("%i levels under a bound of %i MB: %s", async (depth, bound, code) => {
    const r = await inWorker(file(depth), "pdfium", { maxMemoryBytes: bound * MB });
    expect(r.code).toBe(code);
    if (code === "pdf.too-large") expect(r.message).toBe(`reading needed more memory than the bound of ${bound} MB`);
  });
});

describe("PDFium: errors", () => {
  it.each([
    ["bad/encrypted.pdf", "pdf.encrypted"],
    ["bad/truncated.pdf", "pdf.corrupt"],
    ["bad/image-only.pdf", "pdf.no-text"],
  ])("%s: %s", async (file, code) => {
    const e = await failure(loadPdf(read(file), file, { engine }));
    expect(e.code).toBe(code);
  });

  it("damaged inside: pdf.corrupt, and the engine stays usable", async () => {
    const broken = read("seed/narrow-one.pdf");
    // Keep the header and the %%EOF marker, wipe everything between.
    broken.fill(0x20, 16, broken.length - 16);
    const e = await failure(loadPdf(broken, "wiped.pdf", { engine }));
    expect(e.code).toBe("pdf.corrupt");
    expect((await loadPdf(read("seed/narrow-one.pdf"), "narrow-one.pdf", { engine })).rows.length).toBeGreaterThan(10);
  });
});

describe("PDFium: where it differs from pdf.js", () => {
  it("reads a non-embedded STSong-Light font with its own CMaps, whatever pdf.js's cMapUrl says", async () => {
    const sheet = await loadPdf(read("bad/nonembedded-font.pdf"), "nonembedded-font.pdf", { engine, cMapUrl: "/nonexistent/", standardFontDataUrl: "/nonexistent/" });
    expect(sheet.rows.some((r) => r.cells.some((c) => c.text === "信息化建设项目"))).toBe(true);
  });

  it("reads the page of a PDF whose page tree says /Count -1 (pdf.js calls it damaged)", async () => {
    const pdf = Buffer.from(read("seed/narrow-one.pdf")).toString("latin1");
    const bytes = new Uint8Array(Buffer.from(pdf.replace("/Count 1\n", "/Count -1"), "latin1"));
    const sheet = await loadPdf(bytes, "count.pdf", { engine });
    expect(sheet.pages).toBe(1);
    expect(sheet.rows.some((r) => r.cells.some((c) => c.text === "信息化建设项目"))).toBe(true);
  });
});

describe("PDFium: memory is freed", () => {
  it("reading one PDF 30 times does not grow the wasm heap after the first reads", async () => {
    const bytes = read("seed/narrow.pdf");
    for (let i = 0; i < 3; i++) await loadPdf(bytes, "narrow.pdf", { engine });
    const m = await pdfium();
    const before = heapSize(m);
    for (let i = 0; i < 30; i++) await loadPdf(bytes, "narrow.pdf", { engine });
    expect(heapSize(m)).toBe(before);
  });
});

function inWorker(file: string, engineName: "pdfjs" | "pdfium", options?: Record<string, number>, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const worker = new Worker(new URL("./read-in-worker.mjs", import.meta.url), {
    workerData: { file, engine: engineName, options },
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return new Promise((resolve, reject) => {
    // The time bound of a worker pool: a worker that does not answer is terminated.
    const timer = setTimeout(() => void worker.terminate().then(() => resolve({ terminated: true })), timeoutMs);
    worker.once("message", (m: Record<string, unknown>) => {
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(m));
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe("in a worker thread (as the worker pool runs them)", () => {
  it("reads a PDF as it does in the main thread", async () => {
    const main = await loadPdf(read("seed/narrow-one.pdf"), "x", { engine });
    const r = await inWorker(path("seed/narrow-one.pdf"), "pdfium");
    expect(r.rows).toBe(main.rows.length);
    expect(r.cells).toBe(main.rows.flatMap((row) => row.cells.map((c) => c.text)).join("|"));
  });

  it("ends the inflating PDF with the memory bound inside the worker's resource limits", async () => {
    const r = await inWorker(path("bad/hostile/inflate-1gib.pdf"), "pdfium", { maxMemoryBytes: 128 * 1024 * 1024 });
    expect(r.code).toBe("pdf.too-large");
    expect(String(r.message)).toMatch(/more memory than the bound of/);
  });

  it("nested q under pdf.js: its time bound, or failing that the pool's termination, ends it", async () => {
    // Alone, pdf.js's timer fires after 1 s; in a loaded suite its synchronous parsing sometimes keeps the
    // timer from ever running (once, in-process, it was still busy after 15 minutes), so only the worker's
    // termination is sure. Nothing else may come out: no rows, no other error.
    const r = await inWorker(path("bad/hostile/nested-q.pdf"), "pdfjs", { timeoutMs: 1_000 }, 30_000);
    expect([{ code: "pdf.too-large", message: "reading took longer than the bound of 1 s" }, { terminated: true }]).toContainEqual(r);
  });

  it("the inflating PDF under pdf.js: its time bound, or failing that the pool's termination, ends it", async () => {
    const r = await inWorker(path("bad/hostile/inflate-1gib.pdf"), "pdfjs", { timeoutMs: 2_000, maxMemoryBytes: 128 * 1024 * 1024 }, 30_000);
    expect([{ code: "pdf.too-large", message: "reading took longer than the bound of 2 s" }, { terminated: true }]).toContainEqual(r);
  });
});
