import { z } from "zod";
import { DEFAULT_ENGINE, ENGINE_NAMES } from "./engines/types.js";
import { PDF_DEFAULTS } from "./defaults.js";

/**
 * Options of the PDF loader. Every bound has a default that admits any
 * published 自评表 collection we know of and stops a hostile file early.
 */
export const PdfOptions = z.object({
  /** Documents with more pages are refused with `pdf.too-large`. */
  maxPages: z.number().int().positive().default(PDF_DEFAULTS.maxPages),
  /** Wall-clock bound for one document, from open to last page, in milliseconds. */
  timeoutMs: z.number().int().positive().default(PDF_DEFAULTS.timeoutMs),
  /** Files larger than this many bytes are refused before pdf.js sees them. */
  maxBytes: z.number().int().positive().default(PDF_DEFAULTS.maxBytes),
  /**
   * Bound on the growth of the JavaScript heap plus array buffers while one
   * document is read, in bytes. Checked after every page where the runtime
   * reports memory (Node); ignored elsewhere.
   */
  maxMemoryBytes: z.number().int().positive().default(PDF_DEFAULTS.maxMemoryBytes),
  /**
   * Bytes in use, for the memory bound. Defaults to Node's heap plus array
   * buffers; a browser caller may pass its own measure (or none: unbounded).
   */
  memoryUsage: z.custom<() => number>((v) => typeof v === "function").optional(),
  /**
   * Where pdf.js finds its packed CMaps (directory URL or path ending in `/`).
   * Needed for fonts that are not embedded (STSong-Light, Adobe-GB1): without
   * them such PDFs yield no text at all. Defaults to pdfjs-dist's own copy in Node.
   */
  cMapUrl: z.string().optional(),
  /** Where pdf.js finds the standard 14 fonts' data. Defaults like `cMapUrl`. */
  standardFontDataUrl: z.string().optional(),
  /**
   * The engine that reads the pages: `pdfium` (PDFium compiled to
   * WebAssembly, the default: faster, and equal to pdf.js on every fixture)
   * or `pdfjs` (pdf.js, the reference). Everything after the engine is shared.
   */
  engine: z.enum(ENGINE_NAMES).default(DEFAULT_ENGINE),
  /**
   * PDFium's WebAssembly binary, as bytes or a URL to fetch; read once per
   * process or worker. Defaults to the copy inside @embedpdf/pdfium in Node;
   * a browser caller must give it to use the `pdfium` engine.
   */
  pdfiumWasm: z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer), z.string(), z.instanceof(URL)]).optional(),
});

/** Options as a caller passes them (every field optional). */
export type PdfOptions = z.input<typeof PdfOptions>;
/** Options with their defaults filled in. */
export type ResolvedPdfOptions = z.output<typeof PdfOptions>;
