import { z } from "zod";

/**
 * A decimal number as printed, normalised to ASCII: optional minus sign, digits,
 * optional fraction ("1121.92", "-3", "0.125"). Money, rates and scores always
 * travel in this form so no value ever passes through a binary float.
 */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "a decimal string such as \"1121.92\"")
  .describe("Decimal number as a string, e.g. \"1121.92\"; never a float.");
export type DecimalString = z.infer<typeof DecimalString>;

/**
 * Where a value came from.
 * - Tab-separated text: `line` (1-based) and `cell`, the 0-based index of the
 *   tab-separated cell on that line.
 * - `pdftotext -layout` text: `line`, and `cell` the 0-based character column
 *   where the cell's text starts (moved right under its header when the
 *   header starts further right).
 * - PDF: `page` (1-based) and `bbox` as [x0, y0, x1, y1] in PDF user space
 *   (points, origin at the page's bottom-left corner): for a table cell the
 *   drawn cell rectangle (a merged cell's whole area), outside tables the box
 *   of the text; `line` is then the row index in the Sheet.
 * - Spreadsheets (xlsx, xls, ods): `sheet` and the A1 `address` (a merged
 *   range by its top-left cell); `line` is the Sheet row, `cell` the column.
 * - HTML and Word: `table` (0-based, in document order), `row` and `column`
 *   within it (0-based, spans expanded); text outside tables has `line` only.
 *
 * A value read from several cells (a wrapped label completed from its pieces,
 * a target joined from 指标性质 | 指标值 | 计量单位, a note over several cells)
 * has its first cell at its path and each further cell at `path#2`, `path#3` …,
 * so that every cell a value was read from is named (see `ledger`).
 */
export const Provenance = z
  .object({
    line: z.number().int().positive().optional().describe("1-based line (text) or Sheet row (PDF)"),
    cell: z.number().int().nonnegative().optional().describe("0-based cell index on that line (TSV), or character column (pdftotext -layout)"),
    page: z.number().int().positive().optional().describe("1-based page number"),
    bbox: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .optional()
      .describe("[x0, y0, x1, y1] in PDF user space (points, origin bottom-left of the page): the drawn cell for table cells, the text's box elsewhere"),
    sheet: z.string().optional().describe("Worksheet name (spreadsheet inputs)"),
    address: z.string().optional().describe("A1 address of the cell, or of a merged range's top-left cell (spreadsheet inputs)"),
    table: z.number().int().nonnegative().optional().describe("0-based table index in document order (HTML and Word inputs)"),
    row: z.number().int().nonnegative().optional().describe("0-based row within the table (HTML and Word inputs)"),
    column: z.number().int().nonnegative().optional().describe("0-based grid column within the table, spans expanded (HTML and Word inputs)"),
  })
  .describe("Where a value was read in the source document");
export type Provenance = z.infer<typeof Provenance>;
