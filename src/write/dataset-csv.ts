/**
 * A Document's dataset rows as CSV, one piece per table, in UTF-8: what a pool
 * worker builds for the DuckDB writer, so that the main thread neither parses
 * the Document's JSON nor builds rows nor encodes text (the bytes are handed
 * over between threads, not copied, and written to DuckDB's CSV files as they
 * are), and DuckDB reads the rows with its own CSV reader (read_csv) instead
 * of taking them value by value. Pure, so it runs in a worker or on the main
 * thread alike.
 *
 * The dialect is fixed, never sniffed: comma, `"` quoting with `""` inside,
 * `\n` after each row, no header, the columns in the schema's order. Every
 * text value is quoted and a null is an empty unquoted field, so with
 * `allow_quoted_nulls = false` an empty string and a null stay apart.
 * Decimals are written as their decimal strings (DuckDB converts the digits
 * exactly); they were checked against DECIMAL(18,4) by documentRows.
 */
import type { Document } from "../model/document.js";
import { documentRows, indicatorOfPath, type CellValue, type DatasetRow, type RowOptions } from "./dataset-rows.js";
import { TABLES, TABLE_NAMES, type ColumnType, type TableName } from "./dataset-schema.js";

/** What a Document is staged with: the row options, decimals always limited to DECIMAL(18,4). */
export type StagingOptions = Omit<RowOptions, "decimalLimit">;

/** A Document ready for the DuckDB writer: its rows as UTF-8 CSV, table after table. */
export interface StagedDocument {
  sha256: string;
  /** The input's path, as the documents row holds it. */
  path: string | null;
  /**
   * Every table's rows, in the order of TABLE_NAMES, each row ending in `\n`:
   * an ArrayBuffer of its own, so that a worker can hand it over.
   */
  bytes: Uint8Array;
  /** Where each table's rows end in `bytes`, in the order of TABLE_NAMES; a table's start is the end before it (0 for the first). */
  ends: number[];
  /** How many rows `bytes` holds, in all tables. */
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

const WRITERS = TABLE_NAMES.map((name) => TABLES.find((t) => t.name === name)!.columns.map((c) => FIELD[c.type]));

const encoder = new TextEncoder();
/** Reused between documents: each is encoded into it, then copied out at its exact size. */
let scratch = new Uint8Array(1 << 20);

/**
 * Builds a Document's rows (documentRows, decimals limited to DECIMAL(18,4))
 * and writes them as CSV in UTF-8. The provenance rows, about six in seven
 * of a document's rows, are written straight from the forms' provenance
 * ({@link provenanceCsv}), without an array for each row first; both ways
 * give the same text (tested).
 */
export function stageDocument(doc: Document, options: StagingOptions): StagedDocument {
  const rows = documentRows(doc, { ...options, provenance: false, decimalLimit: true });
  const ends: number[] = [];
  let count = 0;
  let at = 0;
  for (const name of TABLE_NAMES) {
    let text: string;
    if (name === "provenance" && options.provenance) {
      const written = provenanceCsv(doc);
      text = written.text;
      count += written.rows;
    } else {
      text = csvRows(name, rows[name]);
      count += rows[name].length;
    }
    // UTF-8 takes at most 3 bytes for each UTF-16 unit.
    if (scratch.length < at + 3 * text.length) {
      const grown = new Uint8Array(Math.max(2 * scratch.length, at + 3 * text.length));
      grown.set(scratch.subarray(0, at));
      scratch = grown;
    }
    at += encoder.encodeInto(text, scratch.subarray(at)).written;
    ends.push(at);
  }
  return { sha256: doc.source.sha256, path: doc.source.path, bytes: scratch.slice(0, at), ends, rows: count, refused: rows.diagnostics.length - doc.diagnostics.length };
}

/** A table's rows as CSV text in the staging dialect, each row ending in `\n`. */
export function csvRows(name: TableName, rows: readonly DatasetRow[]): string {
  const writers = WRITERS[TABLE_NAMES.indexOf(name)]!;
  let text = "";
  for (const row of rows) {
    for (let c = 0; c < writers.length; c++) {
      const v = row[c]!;
      if (c > 0) text += ",";
      if (v !== null) text += writers[c]!(v);
    }
    text += "\n";
  }
  return text;
}

const writeText = FIELD.text;
const INDICATORS = "indicators[";

/**
 * The provenance table's rows of a Document as CSV, in the order and with
 * the values documentRows gives them (provenanceRow), built without the rows
 * in between: the document key and form number are written once per form,
 * and a path outside indicators[] is not matched against a pattern.
 */
export function provenanceCsv(doc: Document): { text: string; rows: number } {
  const sha = writeText(doc.source.sha256);
  let text = "";
  let rows = 0;
  doc.forms.forEach((form, fi) => {
    const head = `${sha},${fi + 1},`;
    const provenance = form.provenance;
    for (const path of Object.keys(provenance)) {
      const p = provenance[path]!;
      const indicator = path.startsWith(INDICATORS) ? indicatorOfPath(path) : null;
      const b = p.bbox;
      text += `${head}${writeText(path)},${indicator ?? ""},${p.page ?? ""},${p.line ?? ""},${p.cell ?? ""},` +
        (b ? `${b[0]},${b[1]},${b[2]},${b[3]}\n` : ",,,\n");
      rows++;
    }
  });
  return { text, rows };
}

/** A table's rows in a staged document's bytes (empty when it has none). */
export function stagedTable(staged: StagedDocument, name: TableName): Uint8Array {
  const t = TABLE_NAMES.indexOf(name);
  return staged.bytes.subarray(t === 0 ? 0 : staged.ends[t - 1], staged.ends[t]);
}

/** The `columns` argument of read_csv for a table: its columns in the schema's order, with their SQL types. */
export function csvColumns(name: TableName, sqlType: (type: ColumnType) => string): string {
  const t = TABLES.find((x) => x.name === name)!;
  return `{${t.columns.map((c) => `'${c.name}': '${sqlType(c.type)}'`).join(", ")}}`;
}
