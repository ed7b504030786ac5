/**
 * The one table from a detected kind of binary input to its loader (text
 * exports, which parseText also reads from strings, go to the text loaders
 * in parse.ts). Each loader is imported when first needed, so reading a text
 * export never loads pdf.js, SheetJS or the HTML parser. Adding a format is
 * a loader folder and a row here.
 */
import type { DocxOptions } from "./docx/index.js";
import type { HtmlOptions, LoadedSheet } from "./html/index.js";
import type { PdfOptions } from "./pdf/index.js";
import type { SpreadsheetOptions } from "./xlsx/index.js";

export type { LoadedSheet } from "./html/index.js";

/** Kinds of input read by a container loader (see detectInput). */
export type ContainerKind = "pdf" | "html" | "xlsx" | "xls" | "ods" | "docx" | "odt";

/** Bounds of the container loaders. */
export interface ContainerOptions {
  pdf?: PdfOptions;
  html?: HtmlOptions;
  spreadsheet?: SpreadsheetOptions;
  /** Bounds of the Word loader, which the OpenDocument text loader shares. */
  docx?: DocxOptions;
}

type Loader = (bytes: Uint8Array, source: string, options: ContainerOptions) => Promise<LoadedSheet>;

const LOADERS: Record<ContainerKind, Loader> = {
  pdf: async (b, s, o) => ({ sheet: await (await import("./pdf/index.js")).loadPdf(b, s, o.pdf), encoding: null, diagnostics: [] }),
  html: async (b, s, o) => (await import("./html/index.js")).loadHtml(b, s, o.html),
  xlsx: async (b, s, o) => (await import("./xlsx/index.js")).loadSpreadsheet(b, s, "xlsx", o.spreadsheet),
  xls: async (b, s, o) => (await import("./xlsx/index.js")).loadSpreadsheet(b, s, "xls", o.spreadsheet),
  ods: async (b, s, o) => (await import("./xlsx/index.js")).loadSpreadsheet(b, s, "ods", o.spreadsheet),
  docx: async (b, s, o) => (await import("./docx/index.js")).loadDocx(b, s, o.docx),
  odt: async (b, s, o) => (await import("./odt/index.js")).loadOdt(b, s, o.docx),
};

/** True for the kinds this table holds. */
export function isContainerKind(kind: string): kind is ContainerKind {
  return Object.prototype.hasOwnProperty.call(LOADERS, kind);
}

/** Reads a container of the given kind into a Sheet, with its loader's diagnostics. */
export function loadContainer(kind: ContainerKind, bytes: Uint8Array, source: string, options: ContainerOptions = {}): Promise<LoadedSheet> {
  return LOADERS[kind](bytes, source, options);
}
