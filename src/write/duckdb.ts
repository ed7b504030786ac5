/**
 * The DuckDB dataset writer (Node only: @duckdb/node-api is a native module,
 * and is imported only by the commands that write a dataset).
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import type { Document } from "../model/document.js";
import { documentRows, type CellValue, type DatasetRow, type DocumentRows } from "./dataset-rows.js";
import { createTableStatements, TABLES, TABLE_NAMES, type ColumnType, type TableName } from "./dataset-schema.js";
import type { AddResult, DatasetOptions, DatasetWriter } from "./dataset-writer.js";

/**
 * How many documents are committed together. Each document's rows are
 * always committed whole, in one transaction, never split; committing every
 * document on its own cost about 4 ms of WAL sync each, more than parsing it.
 * An interrupted run loses at most the last group, which a rerun adds.
 */
export const DOCUMENTS_PER_COMMIT = 100;

type Append = (a: DuckDBAppender, v: CellValue) => void;

// Decimals and timestamps go in as their strings and DuckDB casts them:
// exact, since dataset-rows refused every decimal DECIMAL(18,4) cannot hold.
const APPEND: Record<ColumnType, Append> = {
  text: (a, v) => a.appendVarchar(v as string),
  decimal: (a, v) => a.appendVarchar(v as string),
  timestamp: (a, v) => a.appendVarchar(v as string),
  integer: (a, v) => a.appendInteger(v as number),
  bigint: (a, v) => a.appendBigInt(BigInt(v as number)),
  double: (a, v) => a.appendDouble(v as number),
  boolean: (a, v) => a.appendBoolean(v as boolean),
};

/** A DuckDB database file that documents are added to. */
export class DuckDBDataset implements DatasetWriter {
  private pending = 0;
  private inTransaction = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appenders: Map<TableName, { appender: DuckDBAppender; appends: Append[] }>,
    private readonly known: Map<string, string | null>,
    private readonly options: DatasetOptions,
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
    for (const sql of createTableStatements("duckdb")) await connection.run(sql);
    const known = new Map<string, string | null>();
    const existing = await connection.runAndReadAll("SELECT sha256, path FROM documents");
    for (const [sha, p] of existing.getRows()) known.set(String(sha), p === null ? null : String(p));
    const appenders = new Map<TableName, { appender: DuckDBAppender; appends: Append[] }>();
    for (const t of TABLES) {
      appenders.set(t.name, { appender: await connection.createAppender(t.name), appends: t.columns.map((c) => APPEND[c.type]) });
    }
    return new DuckDBDataset(instance, connection, appenders, known, options);
  }

  /** The path the document with this SHA-256 was first added from, or undefined when it is not in the dataset. */
  pathOf(sha256: string): string | null | undefined {
    return this.known.get(sha256);
  }

  async add(doc: Document): Promise<AddResult> {
    const sha = doc.source.sha256;
    if (this.known.has(sha)) return { added: false, refused: 0 };
    const rows = documentRows(doc, { ...this.options, decimalLimit: true });
    if (!this.inTransaction) {
      await this.connection.run("BEGIN TRANSACTION");
      this.inTransaction = true;
    }
    this.appendAll(rows);
    this.known.set(sha, doc.source.path);
    if (++this.pending >= DOCUMENTS_PER_COMMIT) await this.commitGroup();
    return { added: true, refused: rows.diagnostics.length - doc.diagnostics.length };
  }

  private appendAll(rows: DocumentRows): void {
    for (const name of TABLE_NAMES) {
      const { appender, appends } = this.appenders.get(name)!;
      for (const row of rows[name]) appendRow(appender, appends, row);
    }
  }

  private async commitGroup(): Promise<void> {
    if (!this.inTransaction) return;
    for (const { appender } of this.appenders.values()) appender.flushSync();
    await this.connection.run("COMMIT");
    this.inTransaction = false;
    this.pending = 0;
  }

  async close(): Promise<void> {
    try {
      await this.commitGroup();
    } finally {
      for (const { appender } of this.appenders.values()) appender.closeSync();
      this.connection.closeSync();
      this.instance.closeSync();
    }
  }

  async abort(): Promise<void> {
    // What was committed stays: those documents are whole, and a rerun skips them.
    for (const { appender } of this.appenders.values()) appender.clear();
    if (this.inTransaction) await this.connection.run("ROLLBACK").catch(() => undefined);
    for (const { appender } of this.appenders.values()) {
      try {
        appender.closeSync();
      } catch {
        // cleared above; nothing is left to flush
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
    await this.commitGroup();
    for (const name of TABLE_NAMES) {
      await this.connection.run(`COPY (SELECT * FROM ${name} ORDER BY ${orderOf(name)}) TO '${sqlString(fileOf(name))}' (FORMAT parquet)`);
    }
  }

  /**
   * Adds the rows of Parquet files written before (a rerun into the same
   * folder), so that what they hold is kept and not added twice.
   */
  async importParquet(fileOf: (table: TableName) => string): Promise<void> {
    for (const name of TABLE_NAMES) {
      await this.connection.run(`INSERT INTO ${name} SELECT * FROM read_parquet('${sqlString(fileOf(name))}')`);
    }
    const existing = await this.connection.runAndReadAll("SELECT sha256, path FROM documents");
    for (const [sha, p] of existing.getRows()) this.known.set(String(sha), p === null ? null : String(p));
  }

  /** Runs a query and returns its rows as JSON-safe objects (decimals as strings): for tests and scripts. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    await this.commitGroup();
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  }
}

function appendRow(appender: DuckDBAppender, appends: Append[], row: DatasetRow): void {
  for (let i = 0; i < appends.length; i++) {
    const v = row[i]!;
    if (v === null) appender.appendNull();
    else appends[i]!(appender, v);
  }
  appender.endRow();
}

function orderOf(name: TableName): string {
  return TABLES.find((t) => t.name === name)!.key.join(", ");
}

function sqlString(s: string): string {
  return s.replace(/'/g, "''");
}
