import { z } from "zod";
import { DroppedText } from "./ledger.js";
import type { Diagnostic } from "./diagnostic.js";

/**
 * Where a cell sits in a structured container (HTML, Word, spreadsheet): the
 * address a user can go back to. A merged cell is one cell, at its first row
 * and column, with its span.
 */
export const CellOrigin = z.object({
  sheet: z.string().optional().describe("Worksheet name, for spreadsheets"),
  address: z.string().optional().describe("A1 address of the cell (of a merged range, its top-left cell), for spreadsheets"),
  table: z.number().int().nonnegative().optional().describe("0-based index of the <table> / Word table in the document, in document order (nested tables counted too)"),
  row: z.number().int().nonnegative().optional().describe("0-based row within that table"),
  column: z.number().int().nonnegative().optional().describe("0-based grid column within that table (spans expanded)"),
  rowSpan: z.number().int().positive().optional().describe("Rows a merged cell spans, when more than 1"),
  colSpan: z.number().int().positive().optional().describe("Columns a merged cell spans, when more than 1"),
});
export type CellOrigin = z.infer<typeof CellOrigin>;

/** One cell of the intermediate representation every loader produces. */
export const Cell = z.object({
  text: z.string().describe("The cell's text as extracted (not yet normalised)"),
  col: z.number().int().nonnegative().describe("0-based position of the cell in its row"),
  page: z.number().int().positive().describe("1-based page (text inputs: form feeds count pages, else 1)"),
  line: z.number().int().positive().optional().describe("1-based source line, for text inputs"),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional()
    .describe("[x0, y0, x1, y1] in PDF user space, for PDF inputs"),
  origin: CellOrigin.optional().describe("Sheet and A1 address, or table, row and column, for HTML, Word and spreadsheet inputs"),
  offset: z.number().int().nonnegative().optional()
    .describe("0-based character offset where the cell starts in its line, for flattened text (whose col is the column the loader placed the cell in)"),
});
export type Cell = z.infer<typeof Cell>;

/** A row of cells: a line of a text export, or a table row of a PDF page. */
export const Row = z.object({
  page: z.number().int().positive(),
  line: z.number().int().positive().optional(),
  cells: z.array(Cell),
});
export type Row = z.infer<typeof Row>;

/** The input layouts jixiao reads. */
export const SourceKind = z.enum([
  "text-tsv",
  "text-layout",
  "pdf",
  "html",
  "xlsx",
  "xls",
  "ods",
  "docx",
  "text-flat",
  "odt",
]);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * The one intermediate representation between the loaders and the grammar:
 * rows of cells, each cell carrying its provenance.
 */
export const Sheet = z.object({
  source: z.string().describe("Name of the input (file path or caller-supplied name)"),
  kind: SourceKind,
  pages: z.number().int().nonnegative(),
  rows: z.array(Row),
  furniture: z.array(DroppedText).optional()
    .describe("Text the loader dropped as page furniture (page numbers, running headers, repeated headers …), so nothing it read is lost unseen"),
});
export type Sheet = z.infer<typeof Sheet>;

/**
 * A Sheet whose rows may be produced as they are read (a generator): what the
 * text loader hands the grammar, so a large file is never held as cells all at
 * once. Every Sheet is one.
 */
export type SheetStream = Omit<Sheet, "rows"> & {
  rows: Iterable<Row>;
  /** What the loader assumed or could not read (flattened text), reported before the grammar's own. */
  diagnostics?: Diagnostic[];
};
