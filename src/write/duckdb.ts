/**
 * The DuckDB dataset writer (Node only: @duckdb/node-api is a native module,
 * and is imported only by the commands that write a dataset).
 */
import {
  BIGINT, BOOLEAN, DECIMAL, DOUBLE, DuckDBDataChunk, DuckDBDecimalValue, DuckDBInstance, DuckDBTimestampValue, INTEGER, TIMESTAMP, VARCHAR,
  type DuckDBAppender, type DuckDBConnection, type DuckDBType, type DuckDBValue,
} from "@duckdb/node-api";
import type { Document } from "../model/document.js";
import { documentRows, scaledDecimal, type CellValue, type DatasetRow, type DocumentRows } from "./dataset-rows.js";
import { createTableStatements, DECIMAL_PRECISION, DECIMAL_SCALE, TABLES, TABLE_NAMES, type ColumnType, type TableName } from "./dataset-schema.js";
import { prepareSchema, type FileColumns, type SchemaAccess, type SchemaUpgrade } from "./dataset-upgrade.js";
import type { AddResult, DatasetOptions, DatasetWriter } from "./dataset-writer.js";

/**
 * How many documents are committed together. Each document's rows are
 * always committed whole, in one transaction, never split; committing every
 * document on its own cost about 4 ms each (measured: 5,000 documents of
 * 840 rows, 33 s with a commit per document, 11 s without), more than
 * parsing it. An interrupted run loses at most the last groups, which a
 * rerun adds.
 */
export const DOCUMENTS_PER_COMMIT = 100;

/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/** Each column kind's DuckDB type and how a row value becomes a DuckDB value. */
const COLUMN: Record<ColumnType, { type: DuckDBType; value: (v: CellValue) => DuckDBValue }> = {
  text: { type: VARCHAR, value: (v) => v as string },
  // Exact: the decimal string's digits as a scaled integer; dataset-rows
  // refused every value DECIMAL(18,4) cannot hold.
  decimal: { type: DECIMAL(DECIMAL_PRECISION, DECIMAL_SCALE), value: (v) => new DuckDBDecimalValue(scaledDecimal(v as string), DECIMAL_PRECISION, DECIMAL_SCALE) },
  timestamp: { type: TIMESTAMP, value: (v) => new DuckDBTimestampValue(BigInt(Date.parse(v as string)) * 1000n) },
  integer: { type: INTEGER, value: (v) => v as number },
  bigint: { type: BIGINT, value: (v) => BigInt(v as number) },
  double: { type: DOUBLE, value: (v) => v as number },
  boolean: { type: BOOLEAN, value: (v) => v as boolean },
};

/** A table's appender, and how to make its data chunks. */
interface TableBuffer {
  appender: DuckDBAppender;
  /** Per column of the file's table, in the file's order (an upgraded file has its added columns last): */
  types: DuckDBType[];
  values: Array<(v: CellValue) => DuckDBValue>;
  /** …and the index of its value in a row (the schema's order). */
  source: number[];
}

/** A DuckDB database file that documents are added to. */
export class DuckDBDataset implements DatasetWriter {
  /** Rows of the documents not yet handed to DuckDB. */
  private group: DocumentRows[] = [];
  /** The groups being written, one after the other. */
  private writing: Promise<void> = Promise.resolve();
  private error: unknown = undefined;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: Map<TableName, TableBuffer>,
    private readonly known: Map<string, string | null>,
    private readonly options: DatasetOptions,
    /** What opening the file did to its schema. */
    readonly upgrade: SchemaUpgrade,
  ) {}

  /**
   * Opens (or creates) a database file and its tables, and reads which
   * documents it already holds.
   *
   * @param path a file path, or ":memory:"
   */
  static async open(path: string, options: DatasetOptions): Promise<DuckDBDataset> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    let upgrade: SchemaUpgrade;
    try {
      upgrade = await prepareSchema(duckSchemaAccess(connection), createTableStatements("duckdb"), { jixiaoVersion: options.version, at: options.parsedAt });
    } catch (e) {
      connection.closeSync();
      instance.closeSync();
      throw e;
    }
    const fileColumns = await duckColumns(connection);
    const known = new Map<string, string | null>();
    const existing = await connection.runAndReadAll("SELECT sha256, path FROM documents");
    for (const [sha, p] of existing.getRows()) known.set(String(sha), p === null ? null : String(p));
    const appenders = new Map<TableName, TableBuffer>();
    for (const t of TABLES) {
      const source = [...fileColumns.get(t.name)!.keys()].map((name) => t.columns.findIndex((c) => c.name === name));
      appenders.set(t.name, {
        appender: await connection.createAppender(t.name),
        types: source.map((i) => COLUMN[t.columns[i]!.type].type),
        values: source.map((i) => COLUMN[t.columns[i]!.type].value),
        source,
      });
    }
    return new DuckDBDataset(instance, connection, appenders, known, options, upgrade);
  }

  /** The SHA-256 of every document in the dataset. */
  async knownDigests(): Promise<Set<string>> {
    return new Set(this.known.keys());
  }

  /** The path the document with this SHA-256 was first added from, or undefined when it is not in the dataset. */
  pathOf(sha256: string): string | null | undefined {
    return this.known.get(sha256);
  }

  async add(doc: Document): Promise<AddResult> {
    const sha = doc.source.sha256;
    if (this.known.has(sha)) return { added: false, refused: 0 };
    const rows = documentRows(doc, { ...this.options, decimalLimit: true });
    this.group.push(rows);
    this.known.set(sha, doc.source.path);
    if (this.group.length >= DOCUMENTS_PER_COMMIT) this.commitGroup();
    // A failed commit is reported by the next add, or by close.
    await this.failure();
    return { added: true, refused: rows.diagnostics.length - doc.diagnostics.length };
  }

  /**
   * Starts writing the group of documents gathered so far, in one
   * transaction, after the group before it. The commit runs on DuckDB's own
   * threads while the next files are parsed; the next group gathers in memory.
   */
  private commitGroup(): void {
    if (this.group.length === 0) return;
    const group = this.group;
    this.group = [];
    this.writing = this.writing.then(() => this.writeGroup(group));
    this.writing.catch((e: unknown) => {
      this.error ??= e;
    });
  }

  private async failure(): Promise<void> {
    if (this.error !== undefined) throw this.error;
  }

  private async writeGroup(group: DocumentRows[]): Promise<void> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      for (const name of TABLE_NAMES) {
        const rows: DatasetRow[] = [];
        for (const doc of group) for (const row of doc[name]) rows.push(row);
        appendChunks(this.appenders.get(name)!, rows);
      }
      for (const { appender } of this.appenders.values()) appender.flushSync();
      await this.connection.run("COMMIT");
    } catch (e) {
      for (const { appender } of this.appenders.values()) appender.clear();
      await this.connection.run("ROLLBACK").catch(() => undefined);
      throw e;
    }
  }

  /** Writes what is gathered and waits until every group is committed. */
  private async settle(): Promise<void> {
    this.commitGroup();
    await this.writing;
  }

  async close(): Promise<void> {
    try {
      await this.settle();
    } finally {
      for (const { appender } of this.appenders.values()) appender.closeSync();
      this.connection.closeSync();
      this.instance.closeSync();
    }
  }

  async abort(): Promise<void> {
    // What was committed stays: those documents are whole, and a rerun skips them.
    this.group = [];
    await this.writing.catch(() => undefined);
    for (const { appender } of this.appenders.values()) {
      try {
        appender.closeSync();
      } catch {
        // cleared when its group failed; nothing is left to flush
      }
    }
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /**
   * Writes every table to a Parquet file (COPY … TO … (FORMAT parquet)),
   * once all documents are committed.
   *
   * @param fileOf the file each table goes to
   */
  async exportParquet(fileOf: (table: TableName) => string): Promise<void> {
    await this.settle();
    for (const name of TABLE_NAMES) {
      await this.connection.run(`COPY (SELECT ${columnList(name)} FROM ${name} ORDER BY ${orderOf(name)}) TO '${sqlString(fileOf(name))}' (FORMAT parquet)`);
    }
  }

  /**
   * Adds the rows of Parquet files written before (a rerun into the same
   * folder), so that what they hold is kept and not added twice.
   */
  async importParquet(fileOf: (table: TableName) => string): Promise<void> {
    for (const name of TABLE_NAMES) {
      await this.connection.run(`INSERT INTO ${name} (${columnList(name)}) SELECT ${columnList(name)} FROM read_parquet('${sqlString(fileOf(name))}')`);
    }
    const existing = await this.connection.runAndReadAll("SELECT sha256, path FROM documents");
    for (const [sha, p] of existing.getRows()) this.known.set(String(sha), p === null ? null : String(p));
  }

  /** Runs a query and returns its rows as JSON-safe objects (decimals as strings): for tests and scripts. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    await this.settle();
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  }
}

/**
 * Appends rows a data chunk (2,048 rows, column by column) at a time:
 * numbers and nulls are written into the chunk's memory, where appending
 * row by row crossed into native code for every value.
 */
function appendChunks(buffer: TableBuffer, rows: DatasetRow[]): void {
  const { types, values, appender, source } = buffer;
  let start = 0;
  while (start < rows.length) {
    const n = Math.min(CHUNK_ROWS, rows.length - start);
    const chunk = DuckDBDataChunk.create(types, n);
    const column = new Array<DuckDBValue>(n);
    for (let c = 0; c < types.length; c++) {
      const value = values[c]!;
      const at = source[c]!;
      for (let r = 0; r < n; r++) {
        const v = rows[start + r]![at]!;
        column[r] = v === null ? null : value(v);
      }
      chunk.setColumnValues(c, column);
    }
    appender.appendDataChunk(chunk);
    start += n;
  }
}

/** The columns of a table in the schema's order: an upgraded file holds them in another. */
function columnList(name: TableName): string {
  return TABLES.find((t) => t.name === name)!.columns.map((c) => c.name).join(", ");
}

async function duckColumns(connection: DuckDBConnection): Promise<FileColumns> {
  const res = await connection.runAndReadAll(
    "SELECT table_name, column_name, data_type FROM information_schema.columns " +
    "WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position");
  const out: FileColumns = new Map();
  for (const [t, c, type] of res.getRows()) {
    const cols = out.get(String(t)) ?? new Map<string, string>();
    cols.set(String(c), String(type));
    out.set(String(t), cols);
  }
  return out;
}

function duckSchemaAccess(connection: DuckDBConnection): SchemaAccess {
  return {
    dialect: "duckdb",
    columns: () => duckColumns(connection),
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRows(),
    transaction: async (statements) => {
      await connection.run("BEGIN TRANSACTION");
      try {
        for (const sql of statements) await connection.run(sql);
        await connection.run("COMMIT");
      } catch (e) {
        await connection.run("ROLLBACK").catch(() => undefined);
        throw e;
      }
    },
  };
}

function orderOf(name: TableName): string {
  return TABLES.find((t) => t.name === name)!.key.join(", ");
}

function sqlString(s: string): string {
  return s.replace(/'/g, "''");
}
