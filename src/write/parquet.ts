/**
 * The Parquet dataset without DuckDB, through hyparquet-writer (plain
 * JavaScript, no native code, no file access): one Parquet file per table, as
 * bytes. The browser build uses it, and the CLI when DuckDB cannot be loaded.
 *
 * The files carry the same physical and logical types as DuckDB's COPY …
 * (FORMAT parquet) writes for the dataset's tables, so a reader sees the same
 * columns and types whichever wrote them: DECIMAL(18,4) is an INT64 holding
 * the value × 10^4 (exact, no float on the way), TIMESTAMP an INT64 of
 * microseconds not adjusted to UTC, text UTF-8 strings.
 */
import type { SchemaElement } from "hyparquet";
import { parquetWriteBuffer, type ColumnSource } from "hyparquet-writer/src/index.js";
import type { Document } from "../model/document.js";
import { documentRows, scaledDecimal, type CellValue, type DatasetRow } from "./dataset-rows.js";
import { DECIMAL_PRECISION, DECIMAL_SCALE, TABLES, TABLE_NAMES, type Column, type ColumnType, type Table, type TableName } from "./dataset-schema.js";
import type { AddResult, DatasetOptions, DatasetWriter } from "./dataset-writer.js";

/** Each column kind's Parquet schema element (without name and repetition) and how a row value is stored. */
const PARQUET: Record<ColumnType, { element: Omit<SchemaElement, "name">; value: (v: CellValue) => unknown }> = {
  text: { element: { type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" } }, value: (v) => v },
  integer: { element: { type: "INT32" }, value: (v) => v },
  bigint: { element: { type: "INT64" }, value: (v) => BigInt(v as number) },
  decimal: {
    element: {
      type: "INT64", converted_type: "DECIMAL", precision: DECIMAL_PRECISION, scale: DECIMAL_SCALE,
      logical_type: { type: "DECIMAL", precision: DECIMAL_PRECISION, scale: DECIMAL_SCALE },
    },
    // A bigint is taken by hyparquet-writer as the unscaled value, written as is.
    value: (v) => scaledDecimal(v as string),
  },
  double: { element: { type: "DOUBLE" }, value: (v) => v },
  boolean: { element: { type: "BOOLEAN" }, value: (v) => v },
  timestamp: {
    element: { type: "INT64", converted_type: "TIMESTAMP_MICROS", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MICROS" } },
    value: (v) => BigInt(Date.parse(v as string)) * 1000n,
  },
};

function schemaOf(t: Table): SchemaElement[] {
  return [
    { name: "duckdb_schema", num_children: t.columns.length },
    ...t.columns.map((c: Column): SchemaElement => ({ name: c.name, repetition_type: c.nullable ? "OPTIONAL" : "REQUIRED", ...PARQUET[c.type].element })),
  ];
}

/**
 * One table's rows as the bytes of a Parquet file, in key order as DuckDB's
 * export writes them.
 */
export function parquetTable(name: TableName, rows: readonly DatasetRow[]): Uint8Array {
  const t = TABLES.find((x) => x.name === name)!;
  const keyIdx = t.key.map((k) => t.columns.findIndex((c) => c.name === k));
  const sorted = [...rows].sort((a, b) => {
    for (const i of keyIdx) {
      const d = compareKey(a[i]!, b[i]!);
      if (d !== 0) return d;
    }
    return 0;
  });
  const columnData: ColumnSource[] = t.columns.map((c, i) => ({
    name: c.name,
    data: sorted.map((r) => (r[i] === null ? null : PARQUET[c.type].value(r[i]!))),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, schema: schemaOf(t) }));
}

// Keys are hex digests, numbers and labels; UTF-16 order equals DuckDB's byte order for them (no text outside the BMP).
function compareKey(a: CellValue, b: CellValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A Parquet dataset gathered in memory: documents are added one at a time
 * (a document already added, by SHA-256, is skipped), and `files()` gives one
 * Parquet file per table. Browser-safe.
 *
 * @example
 * const ds = new ParquetDataset({ parsedAt: new Date().toISOString(), version: "0.1.0", provenance: true });
 * for (const doc of docs) await ds.add(doc);
 * const files = ds.files(); // { "documents.parquet": Uint8Array, … }
 */
export class ParquetDataset implements DatasetWriter {
  private readonly rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as DatasetRow[]])) as Record<TableName, DatasetRow[]>;
  private readonly known = new Map<string, string | null>();

  constructor(private readonly options: DatasetOptions) {}

  /** The SHA-256 of every document in the dataset. */
  async knownDigests(): Promise<Set<string>> {
    return new Set(this.known.keys());
  }

  pathOf(sha256: string): string | null | undefined {
    return this.known.get(sha256);
  }

  async add(doc: Document): Promise<AddResult> {
    const sha = doc.source.sha256;
    if (this.known.has(sha)) return { added: false, refused: 0 };
    const rows = documentRows(doc, { ...this.options, decimalLimit: true });
    for (const name of TABLE_NAMES) for (const row of rows[name]) this.rows[name].push(row);
    this.known.set(sha, doc.source.path);
    return { added: true, refused: rows.diagnostics.length - doc.diagnostics.length };
  }

  /** One Parquet file per table, named `<table>.parquet`. */
  files(): Record<string, Uint8Array> {
    return Object.fromEntries(TABLE_NAMES.map((t) => [`${t}.parquet`, parquetTable(t, this.rows[t])]));
  }

  async close(): Promise<void> {}

  async abort(): Promise<void> {
    for (const t of TABLE_NAMES) this.rows[t].length = 0;
  }
}
