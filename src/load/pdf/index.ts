/**
 * The PDF loader: bytes of a published PDF in, a Sheet out.
 *
 * Per page, an engine (pdf.js or PDFium, see engines/) gives text runs and
 * ruling lines; the ruling lines make the table grid, the runs are placed
 * into its cells, text outside tables becomes lines, and page furniture is
 * dropped. Every cell carries its page and its
 * bbox in PDF user space (origin bottom-left, 1/72 inch, as the page's media
 * box; the box is that of the cell's text, not of the drawn cell).
 *
 * Untrusted input: each document is bounded in bytes, pages, wall-clock time
 * and memory, and closed after use, whichever engine reads it.
 *
 * This module is browser-safe: the one Node-only import (asset paths and
 * PDFium's wasm) is loaded lazily, and only when the caller gives none.
 */
import type { DroppedText } from "../../model/ledger.js";
import type { Row, Sheet } from "../../model/sheet.js";
import { UsageError } from "../../model/usage-error.js";
import { boundMessage, InputError } from "../errors.js";
import { assemblePages } from "./cells.js";
import { markAutospace } from "./autospace.js";
import type { PageRow } from "./rows.js";
import { dropRepeatedHeaders } from "./continuation.js";
import { openEngine } from "./engines/open.js";
import { toInputError } from "./errors.js";
import { dropFurniture } from "./furniture.js";
import { round2 } from "./geometry.js";
import { buildTables, type Table } from "./grid.js";
import type { Run } from "./items.js";
import { noTextMessage } from "./notext.js";
import { PdfOptions, type ResolvedPdfOptions } from "./options.js";
import { joinSpills } from "./spill.js";
import { stitchPages } from "./stitch.js";

export { PdfOptions } from "./options.js";
export type { ResolvedPdfOptions } from "./options.js";
export { ENGINE_NAMES, type EngineName } from "./engines/types.js";

interface NodeV8 {
  getHeapStatistics(): { used_heap_size: number; external_memory: number };
}

/**
 * The caller's measure of memory in use, else V8's heap plus the memory held
 * outside it (array buffers, and the wasm heap); undefined in a browser.
 * Not process.memoryUsage(): it reads the resident set size from /proc each
 * time, which here cost about a millisecond a call, several calls a file.
 */
function memoryProbe(opts: ResolvedPdfOptions): (() => number) | undefined {
  if (opts.memoryUsage) return opts.memoryUsage;
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const v8 = typeof get === "function" ? (get("v8") as NodeV8 | undefined) : undefined;
  if (!v8?.getHeapStatistics) return undefined;
  return () => {
    const h = v8.getHeapStatistics();
    return h.used_heap_size + h.external_memory;
  };
}

/** Cheap structural checks before pdf.js: a header, and an end-of-file marker (a truncated download has none). */
function checkFraming(bytes: Uint8Array, source: string): void {
  if (!includesAscii(bytes.subarray(0, 1024), "%PDF-")) throw new InputError("pdf.corrupt", source, "not a PDF: no %PDF- header");
  // Producers may append padding or junk after %%EOF; 64 KiB of slack admits them.
  if (!includesAscii(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)), "%%EOF")) {
    throw new InputError("pdf.corrupt", source, "the PDF is truncated: it does not end with %%EOF (an interrupted download?)");
  }
}

/**
 * True when the bytes hold the ASCII `marker`. (A hand-written byte search
 * in place of this decoding was within noise of the whole command: issue 12,
 * item 9.)
 */
function includesAscii(b: Uint8Array, marker: string): boolean {
  return new TextDecoder("latin1").decode(b).includes(marker);
}

/**
 * Reads a PDF into a Sheet.
 *
 * @param bytes the file's bytes, a Uint8Array or Node Buffer (not modified; the engine gets a copy)
 * @param source the name to report in errors and in the Sheet
 * @param options bounds and asset locations, see {@link PdfOptions}
 * @throws InputError `pdf.encrypted`, `pdf.corrupt`, `pdf.no-text`, `pdf.too-large` or `pdf.unsupported`
 */
export async function loadPdf(bytes: Uint8Array, source: string, options: PdfOptions = {}): Promise<Sheet> {
  const opts = PdfOptions.parse(options);
  if (bytes.byteLength > opts.maxBytes) {
    throw new InputError("pdf.too-large", source, `the file has ${bytes.byteLength} bytes, more than the bound of ${opts.maxBytes}`);
  }
  checkFraming(bytes, source);
  // Measured before the engine gets its copy of the bytes, which counts against the bound.
  const probe = memoryProbe(opts);
  const memAtStart = probe ? probe() : 0;
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new InputError("pdf.too-large", source, boundMessage("time", opts.timeoutMs), { bound: "time" }));
    }, opts.timeoutMs);
  });
  const within = <T>(p: Promise<T>): Promise<T> => Promise.race([p, timeout]);

  let doc: Awaited<ReturnType<typeof openEngine>> | undefined;
  try {
    doc = await within(openEngine(bytes, opts, { source, within }));
    // pdf.js takes the page count from the page tree's /Count and reads no page past it.
    if (!Number.isInteger(doc.numPages) || doc.numPages < 1) {
      throw new InputError("pdf.corrupt", source, `the page tree is damaged: it gives the page count (/Count) as ${doc.numPages}, so no page can be read`);
    }
    if (doc.numPages > opts.maxPages) {
      throw new InputError("pdf.too-large", source, `the PDF has ${doc.numPages} pages, more than the bound of ${opts.maxPages}`);
    }
    const read: { runs: Run[]; tables: Table[] }[] = [];
    const furniture: DroppedText[] = [];
    const bottoms: number[] = [];
    const heights: number[] = [];
    let imagePages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await within(doc.page(p));
      for (const r of page.rotated) furniture.push({ text: r.text, kind: "rotated", page: p, bbox: [round2(r.x), round2(r.y), round2(r.x), round2(r.y)] });
      if (page.offPage) furniture.push({ text: page.offPage, kind: "off-page", page: p });
      if (page.runs.length === 0 && page.paintsImages) imagePages++;
      read.push({ runs: page.runs, tables: buildTables(page.rules) });
      const [, y0, , y1] = page.view;
      bottoms.push(Math.min(y0, y1));
      heights.push(Math.abs(y1 - y0));
      // An engine that reads a page synchronously (PDFium) gives the timer no turn, so time is also checked here.
      if (Date.now() - started > opts.timeoutMs) {
        throw new InputError("pdf.too-large", source, boundMessage("time", opts.timeoutMs), { page: p, bound: "time" });
      }
      if (probe && probe() - memAtStart > opts.maxMemoryBytes) {
        throw new InputError("pdf.too-large", source, boundMessage("memory", opts.maxMemoryBytes), { page: p, bound: "memory" });
      }
    }
    const spacedRuns = markAutospace(read.map((p) => p.runs));
    const pages = assemblePages(read.map((p, i) => ({ ...p, runs: spacedRuns[i]! })), bottoms, heights);
    const kept = stitchPages(dropRepeatedHeaders(joinSpills(dropFurniture(pages, bottoms, heights, furniture)), furniture), furniture);
    const sheet = toSheet(kept, source, doc.numPages);
    sheet.furniture = furniture;
    if (sheet.rows.length === 0) throw new InputError("pdf.no-text", source, noTextMessage(doc.numPages, imagePages));
    return sheet;
  } catch (err) {
    // A caller's mistake (no asset locations outside Node) stays the UsageError that names the option.
    if (err instanceof UsageError) throw err;
    throw toInputError(err, source);
  } finally {
    clearTimeout(timer);
    await doc?.close();
  }
}

/** Flattens pages of rows into the Sheet: `line` is the 1-based row index. */
function toSheet(pages: PageRow[][], source: string, numPages: number): Sheet {
  const rows: Row[] = [];
  pages.forEach((pageRows, p) => {
    for (const r of pageRows) {
      const line = rows.length + 1;
      rows.push({
        page: p + 1,
        line,
        cells: r.cells.map((c) => ({
          text: c.text,
          col: c.col,
          page: p + 1,
          line,
          bbox: [round2(c.box[0]), round2(c.box[1]), round2(c.box[2]), round2(c.box[3])],
        })),
      });
    }
  });
  return { source, kind: "pdf", pages: numPages, rows };
}
