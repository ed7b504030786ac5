/**
 * A Document's dataset rows as CSV text, one piece per table: what a pool
 * worker builds for the DuckDB writer, so that the main thread neither parses
 * the Document's JSON nor builds rows, and DuckDB reads the rows with its own
 * CSV reader (read_csv) instead of taking them value by value. Pure, so it
 * runs in a worker or on the main thread alike.
 *
 * The dialect is fixed, never sniffed: comma, `"` quoting with `""` inside,
 * `\n` after each row, no header, the columns in the schema's order. Every
 * text value is quoted and a null is an empty unquoted field, so with
 * `allow_quoted_nulls = false` an empty string and a null stay apart.
 * Decimals are written as their decimal strings (DuckDB converts the digits
 * exactly); they were checked against DECIMAL(18,4) by documentRows.
 */
import type { Document } from "../model/document.js";
import { documentRows, type CellValue, type RowOptions } from "./dataset-rows.js";
import { TABLES, type ColumnType, type TableName } from "./dataset-schema.js";

/** What a Document is staged with: the row options, decimals always limited to DECIMAL(18,4). */
export type StagingOptions = Omit<RowOptions, "decimalLimit">;

/** A Document ready for the DuckDB writer: its rows as CSV text per table. */
export interface StagedDocument {
  sha256: string;
  /** The input's path, as the documents row holds it. */
  path: string | null;
  /** Each table's rows, every row ending in `\n`; "" when the table has none. */
  csv: Record<TableName, string>;
  /** How many rows `csv` holds, in all tables. */
  rows: number;
  /** Values refused because DECIMAL(18,4) cannot hold them (each has a `dataset.precision` diagnostic row). */
  refused: number;
}

const QUOTE = /"/g;

/** How one value of each column kind is written; null is always "". */
const FIELD: Record<ColumnType, (v: Exclude<CellValue, null>) => string> = {
  text: (v) => {
    const s = v as string;
    return s.includes('"') ? `"${s.replace(QUOTE, '""')}"` : `"${s}"`;
  },
  decimal: (v) => v as string,
  integer: (v) => String(v),
  bigint: (v) => String(v),
  double: (v) => String(v),
  boolean: (v) => (v ? "true" : "false"),
  // "2026-12-03T07:21:19.123Z" → "2026-12-03 07:21:19.123": the UTC instant, which TIMESTAMP (without a zone) holds.
  timestamp: (v) => new Date(v as string).toISOString().replace("T", " ").slice(0, -1),
};

const WRITERS = new Map(TABLES.map((t) => [t.name, t.columns.map((c) => FIELD[c.type])]));

/** Builds a Document's rows (documentRows, decimals limited to DECIMAL(18,4)) and writes them as CSV text. */
export function stageDocument(doc: Document, options: StagingOptions): StagedDocument {
  const rows = documentRows(doc, { ...options, decimalLimit: true });
  const csv = {} as Record<TableName, string>;
  let count = 0;
  for (const [name, writers] of WRITERS) {
    let text = "";
    count += rows[name].length;
    for (const row of rows[name]) {
      for (let c = 0; c < writers.length; c++) {
        const v = row[c]!;
        if (c > 0) text += ",";
        if (v !== null) text += writers[c]!(v);
      }
      text += "\n";
    }
    csv[name] = text;
  }
  return { sha256: doc.source.sha256, path: doc.source.path, csv, rows: count, refused: rows.diagnostics.length - doc.diagnostics.length };
}

/** The `columns` argument of read_csv for a table: its columns in the schema's order, with their SQL types. */
export function csvColumns(name: TableName, sqlType: (type: ColumnType) => string): string {
  const t = TABLES.find((x) => x.name === name)!;
  return `{${t.columns.map((c) => `'${c.name}': '${sqlType(c.type)}'`).join(", ")}}`;
}
