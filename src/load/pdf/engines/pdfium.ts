/**
 * The PDFium engine: PDFium compiled to WebAssembly (@embedpdf/pdfium), read
 * through its C API.
 *
 * Text: PDFium gives characters, each with its origin, advance box and font
 * size, and marks the characters it made up itself (`\r\n` between lines, a
 * space for a wide gap). Characters are grouped into runs the way pdf.js
 * items reach the grid after items.ts has split them at spaces: a run ends
 * at a space, a change of font, size or baseline, or a gap, and
 * the run after a space says so (`spaceBefore`). The characters PDFium
 * generates (`\r\n` between lines and between some glyphs of one line,
 * spaces for gaps) are skipped: the line structure and the spaces come from
 * the geometry, in join.ts, the same way for both engines. Rotated characters go to the
 * ledger as furniture, as with pdf.js.
 *
 * Ruling lines: every path object (in form XObjects too) is handed, in page
 * space, to the same stroked/filled classification pdf.js paths get
 * (rules.ts), so both engines see the same borders.
 *
 * Memory is the caller's in this API: every document, page and text page is
 * closed, and every buffer freed, in `finally` blocks.
 */
import { UsageError } from "../../../model/usage-error.js";
import { boundMessage, InputError } from "../../errors.js";
import { mapRadicals } from "../../radicals.js";
import { IDENTITY, multiply, type Matrix, type Rules } from "../geometry.js";
import type { Run } from "../items.js";
import { OffPageText } from "../offpage.js";
import type { ResolvedPdfOptions } from "../options.js";
import { addFilled, addStroked } from "../rules.js";
import { discardPdfium, heapSize, heapWasRefused, limitHeap, pdfium, type Pdfium } from "./pdfium-module.js";
import type { EngineDocument, EnginePage, OpenContext, RotatedText } from "./types.js";

// fpdf_edit.h object types and fpdf_edit.h path segment types.
const OBJ_TEXT = 1;
const OBJ_PATH = 2;
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
const SEG_LINETO = 0;
const SEG_BEZIERTO = 1;
const SEG_MOVETO = 2;
// fpdfview.h FPDF_GetLastError codes.
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;
// pdf.js 5.x DrawOPS, the path format rules.ts reads.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE = 4;

/** A gap wider than this many ems ends a run (pdf.js would have put a space there); the joiner decides the space. */
const RUN_GAP = 0.2;
/** Baselines closer than this many ems are one line. */
const SAME_BASELINE = 0.05;
/** Form XObjects nested deeper than this are not followed (a cycle guard; PDFium has its own). */
const MAX_FORM_DEPTH = 32;

/** Scratch memory in the wasm heap for the API's out-parameters. */
class Scratch {
  readonly ptr: number;
  constructor(private readonly m: Pdfium) {
    this.ptr = m.pdfium.wasmExports.malloc(64);
  }
  f64(i: number): number {
    return this.m.pdfium.HEAPF64[(this.ptr >> 3) + i]!;
  }
  f32(i: number): number {
    return this.m.pdfium.HEAPF32[(this.ptr >> 2) + i]!;
  }
  i32(i: number): number {
    return this.m.pdfium.HEAP32[(this.ptr >> 2) + i]!;
  }
  /** An FS_MATRIX (six floats) at float offset `at`. */
  matrix(at: number): Matrix {
    return [this.f32(at), this.f32(at + 1), this.f32(at + 2), this.f32(at + 3), this.f32(at + 4), this.f32(at + 5)];
  }
  free(): void {
    this.m.pdfium.wasmExports.free(this.ptr);
  }
}

/** Opens a document with PDFium. */
export async function openPdfium(bytes: Uint8Array, opts: ResolvedPdfOptions, ctx: OpenContext): Promise<EngineDocument> {
  const m = await ctx.within(pdfium(opts.pdfiumWasm)).catch((err: unknown) => {
    // A caller that gave no wasm outside Node hears which option to give, as a usage error.
    if (err instanceof InputError || err instanceof UsageError) throw err;
    throw new InputError("pdf.unsupported", ctx.source, `PDFium's WebAssembly could not be loaded (${err instanceof Error ? err.message : String(err)}); check the pdfiumWasm option`);
  });
  limitHeap(heapSize(m) + opts.maxMemoryBytes);
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw pdfiumFailure(err, ctx.source, opts.maxMemoryBytes);
    }
  };
  // PDFium reads the document from the wasm heap, so the bytes are copied there and kept until it is closed.
  const data = guard(() => m.pdfium.wasmExports.malloc(Math.max(1, bytes.byteLength)));
  if (!data) throw new InputError("pdf.too-large", ctx.source, `the file does not fit in PDFium's memory bound of ${opts.maxMemoryBytes} bytes`);
  m.pdfium.HEAPU8.set(bytes, data);
  let doc = 0;
  let scratch: Scratch | undefined;
  try {
    doc = guard(() => m.FPDF_LoadMemDocument(data, bytes.byteLength, ""));
    if (!doc) throw openError(m.FPDF_GetLastError(), ctx.source);
    scratch = new Scratch(m);
  } catch (err) {
    if (doc) m.FPDF_CloseDocument(doc);
    m.pdfium.wasmExports.free(data);
    throw err;
  }
  const s = scratch;
  let closed = false;
  return {
    numPages: m.FPDF_GetPageCount(doc),
    page: (p: number) =>
      Promise.resolve(guard(() => {
        const page = readPage(m, doc, p - 1, s, ctx.source);
        // PDFium may cope with a refused allocation (an image or stream left out) instead of aborting:
        // the page would then be read short, so the bound ends the document all the same. The instance is dropped
        // with it: its heap has grown to the bound and a wasm heap never shrinks, so the next document gets a fresh one.
        if (heapWasRefused()) {
          discardPdfium();
          throw new InputError("pdf.too-large", ctx.source, boundMessage("memory", opts.maxMemoryBytes), { page: p, bound: "memory" });
        }
        return page;
      })),
    async close() {
      if (closed) return;
      closed = true;
      // After an abort the instance is gone; nothing in it can be freed.
      try {
        s.free();
        m.FPDF_CloseDocument(doc);
        m.pdfium.wasmExports.free(data);
      } catch {
        discardPdfium();
      }
    },
  };
}

function openError(code: number, source: string): InputError {
  if (code === ERR_PASSWORD) return new InputError("pdf.encrypted", source, "the PDF is password-protected; jixiao cannot read encrypted files");
  if (code === ERR_SECURITY) return new InputError("pdf.encrypted", source, "the PDF is encrypted with a security handler PDFium does not support");
  return new InputError("pdf.corrupt", source, `the PDF is damaged or truncated (PDFium error ${code})`);
}

/** A throw from inside the wasm (an abort): the instance is dropped, and the error says whether memory ran out. */
function pdfiumFailure(err: unknown, source: string, maxMemoryBytes: number): unknown {
  if (err instanceof InputError) return err;
  discardPdfium();
  if (heapWasRefused()) return new InputError("pdf.too-large", source, boundMessage("memory", maxMemoryBytes), { bound: "memory" });
  const msg = err instanceof Error ? err.message : String(err);
  return new InputError("pdf.unsupported", source, `PDFium could not read this PDF (${msg})`);
}

function readPage(m: Pdfium, doc: number, index: number, s: Scratch, source: string): EnginePage {
  const page = m.FPDF_LoadPage(doc, index);
  if (!page) throw new InputError("pdf.corrupt", source, `page ${index + 1} could not be loaded (PDFium error ${m.FPDF_GetLastError()})`);
  try {
    // Media box ∩ crop box, as pdf.js's page.view; FS_RECTF is left, top, right, bottom.
    m.FPDF_GetPageBoundingBox(page, s.ptr);
    const view: [number, number, number, number] = [s.f32(0), s.f32(3), s.f32(2), s.f32(1)];
    const rotated: RotatedText[] = [];
    const offPage = new OffPageText();
    const runs = readText(m, page, s, view, rotated, offPage);
    const rules: Rules = { h: [], v: [] };
    const images = { found: false };
    const count = m.FPDFPage_CountObjects(page);
    const f = hot(m);
    for (let i = 0; i < count; i++) readObject(f, m.FPDFPage_GetObject(page, i), IDENTITY, s, rules, images, 0);
    return { runs, rotated, rules, view, paintsImages: runs.length === 0 && images.found, offPage: offPage.text() };
  } finally {
    m.FPDF_ClosePage(page);
  }
}

/** A run being built, with what decides where it ends. */
interface Open {
  run: Run;
  /** Where the next character of the run would start. */
  next: number;
  /** Its font: pdf.js starts a new item when the font changes. */
  font: number;
}

/** The per-character calls, straight to the wasm exports: the cwrap'd ones cost more than the calls themselves. */
type Raw = (...args: number[]) => number;
function hot(m: Pdfium) {
  const exports = m.pdfium.wasmExports as unknown as Record<string, Raw | undefined>;
  const pick = (name: keyof Pdfium & string): Raw => exports[name] ?? (m[name] as unknown as Raw);
  return {
    unicode: pick("FPDFText_GetUnicode"),
    generated: pick("FPDFText_IsGenerated"),
    origin: pick("FPDFText_GetCharOrigin"),
    looseBox: pick("FPDFText_GetLooseCharBox"),
    matrix: pick("FPDFText_GetMatrix"),
    fontSize: pick("FPDFText_GetFontSize"),
    object: pick("FPDFText_GetTextObject"),
    font: pick("FPDFTextObj_GetFont"),
    objectType: pick("FPDFPageObj_GetType"),
    objectMatrix: pick("FPDFPageObj_GetMatrix"),
    drawMode: pick("FPDFPath_GetDrawMode"),
    segments: pick("FPDFPath_CountSegments"),
    segment: pick("FPDFPath_GetPathSegment"),
    point: pick("FPDFPathSegment_GetPoint"),
    segmentType: pick("FPDFPathSegment_GetType"),
    segmentClose: pick("FPDFPathSegment_GetClose"),
    formCount: pick("FPDFFormObj_CountObjects"),
    formObject: pick("FPDFFormObj_GetObject"),
  };
}
type Hot = ReturnType<typeof hot>;

function readText(m: Pdfium, page: number, s: Scratch, view: readonly number[], rotated: RotatedText[], offPage: OffPageText): Run[] {
  const f = hot(m);
  const text = m.FPDFText_LoadPage(page);
  if (!text) return [];
  const runs: Run[] = [];
  try {
    const n = m.FPDFText_CountChars(text);
    let open: Open | undefined;
    let spaced = false;
    let tilted: RotatedText | undefined;
    let lastObject = 0;
    let font = 0;
    const end = () => {
      if (open) runs.push({ ...open.run, text: mapRadicals(open.run.text) });
      open = undefined;
    };
    for (let i = 0; i < n; i++) {
      const code = f.unicode(text, i);
      const ch = code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
      // PDFium's own characters (line breaks, spaces for gaps; even between glyphs of one line) say nothing
      // pdf.js would: the geometry decides.
      if (f.generated(text, i) === 1) continue;
      if (/\s/u.test(ch) || code === 0) {
        offPage.separate();
        end();
        tilted = undefined;
        spaced = true;
        continue;
      }
      f.origin(text, i, s.ptr, s.ptr + 8);
      const x = s.f64(0), y = s.f64(1);
      f.looseBox(text, i, s.ptr);
      const right = Math.max(s.f32(2), x);
      // A glyph whose origin lies outside the page box is not printed; pdf.js's getTextContent drops it by
      // this very test (its compareWithLastPosition), so the two engines keep the same characters, and
      // both list the dropped ones (offpage.ts).
      if (right < view[0]! || x > view[2]! || y < view[1]! || y > view[3]!) {
        offPage.drop(ch);
        continue;
      }
      offPage.separate();
      f.matrix(text, i, s.ptr);
      const [a, b, c, d] = s.matrix(0);
      if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d)) {
        end();
        if (tilted) tilted.text += ch;
        else rotated.push((tilted = { text: ch, x, y }));
        continue;
      }
      tilted = undefined;
      // The font size PDFium reports is the text state's; the glyphs are scaled by the matrix too (Skia's 0.75).
      const size = f.fontSize(text, i) * Math.abs(d) || 1;
      const object = f.object(text, i);
      if (object !== lastObject) font = f.font((lastObject = object));
      if (open) {
        const r: Run = open.run;
        const sameLine = Math.abs(r.y - y) <= SAME_BASELINE * Math.max(r.size, size);
        const gap = x - open.next;
        if (!sameLine || font !== open.font || Math.abs(r.size - size) > 0.01 || gap > RUN_GAP * size || gap < -RUN_GAP * size) end();
      }
      if (open) {
        open.run.text += ch;
        open.run.x1 = right;
        open.next = right;
      } else {
        open = { run: { text: ch, x0: x, x1: right, y, size, ...(spaced ? { spaceBefore: true } : {}) }, next: right, font };
      }
      spaced = false;
    }
    end();
  } finally {
    m.FPDFText_ClosePage(text);
  }
  return runs;
}

/** Collects the ruling lines of one page object (recursing into forms) and notes images. */
function readObject(f: Hot, obj: number, outer: Matrix, s: Scratch, rules: Rules, images: { found: boolean }, depth: number): void {
  const type = f.objectType(obj);
  if (type === OBJ_TEXT) return;
  if (type === OBJ_IMAGE) {
    images.found = true;
    return;
  }
  if (type === OBJ_FORM) {
    if (depth >= MAX_FORM_DEPTH) return;
    const ctm = f.objectMatrix(obj, s.ptr) ? multiply(s.matrix(0), outer) : outer;
    const count = f.formCount(obj);
    for (let i = 0; i < count; i++) readObject(f, f.formObject(obj, i), ctm, s, rules, images, depth + 1);
    return;
  }
  if (type !== OBJ_PATH) return;
  if (!f.drawMode(obj, s.ptr, s.ptr + 4)) return;
  const fillMode = s.i32(0), stroke = s.i32(1) !== 0;
  if (!stroke && fillMode === 0) return; // neither painted: a clip or an empty path
  const ctm = f.objectMatrix(obj, s.ptr) ? multiply(s.matrix(0), outer) : outer;
  const path = pathBuffer(f, obj, ctm, s);
  // As in pdf.js: a path both filled and stroked counts as stroked.
  if (stroke) addStroked(path, IDENTITY, rules);
  else addFilled(path, IDENTITY, rules);
}

/** The path's segments in page space, as a pdf.js path buffer. */
function pathBuffer(f: Hot, obj: number, ctm: Matrix, s: Scratch): Float32Array {
  const out: number[] = [];
  const n = f.segments(obj);
  let curve: number[] = [];
  for (let i = 0; i < n; i++) {
    const seg = f.segment(obj, i);
    if (!seg || !f.point(seg, s.ptr, s.ptr + 4)) continue;
    const px = s.f32(0), py = s.f32(1);
    const x = ctm[0] * px + ctm[2] * py + ctm[4];
    const y = ctm[1] * px + ctm[3] * py + ctm[5];
    const type = f.segmentType(seg);
    if (type === SEG_MOVETO) out.push(MOVE_TO, x, y);
    else if (type === SEG_LINETO) out.push(LINE_TO, x, y);
    else if (type === SEG_BEZIERTO) {
      // PDFium gives a cubic Bézier as three segments; pdf.js as one op of six coordinates.
      curve.push(x, y);
      if (curve.length === 6) {
        out.push(CURVE_TO, ...curve);
        curve = [];
      }
    }
    if (f.segmentClose(seg)) out.push(CLOSE);
  }
  return Float32Array.from(out);
}
