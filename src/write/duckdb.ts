/**
 * The DuckDB dataset writer (Node only: @duckdb/node-api is a native module,
 * and is imported only by the commands that write a dataset).
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { rmSync } from "node:fs";
import { mkdtemp, open as openFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Document } from "../model/document.js";
import { csvColumns, stageDocument, stagedTable, type StagedDocument, type StagingOptions } from "./dataset-csv.js";
import { createTableStatements, SQL_TYPES, TABLES, TABLE_NAMES, type TableName } from "./dataset-schema.js";
import { prepareSchema, type FileColumns, type SchemaAccess, type SchemaUpgrade } from "./dataset-upgrade.js";
import type { AddResult, DatasetOptions, DatasetWriter } from "./dataset-writer.js";

/**
 * When the documents gathered are committed together, in one transaction: once
 * they hold this many rows (three of DuckDB's row groups of 122,880 rows,
 * about 430 documents of the seed's 840 rows)… A document's rows are always
 * committed whole, never split. Committing every document on its own cost
 * about 4 ms each, more than parsing it; groups of 100 seed documents cost
 * DuckDB 2.0 ms of CPU a document, groups of 500 0.9 ms (a group that fills
 * row groups is written straight into the file, not through the WAL first).
 */
export const ROWS_PER_COMMIT = 3 * 122_880;
/** …or when a document comes after the first of the group has waited this long, so that a slow batch (large PDFs) still commits often. */
export const COMMIT_AFTER_MS = 10_000;

/** A DuckDB database file that documents are added to. */
export class DuckDBDataset implements DatasetWriter {
  /** The documents not yet handed to DuckDB, their rows, and when the first of them came. */
  private group: StagedDocument[] = [];
  private groupRows = 0;
  private groupSince = 0;
  /** The groups being written, one after the other. */
  private writing: Promise<void> = Promise.resolve();
  private error: unknown = undefined;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** A folder of this writer's own, holding the CSV of the group being committed. */
    private readonly stage: string,
    private readonly known: Map<string, string | null>,
    private readonly options: DatasetOptions,
    /** What opening the file did to its schema. */
    readonly upgrade: SchemaUpgrade,
  ) {
    // An interrupted command ends in process.exit (src/cli/interrupt.ts): the stage goes with it.
    process.on("exit", this.dropStage);
  }

  private readonly dropStage = (): void => {
    rmSync(this.stage, { recursive: true, force: true });
  };

  /**
   * Opens (or creates) a database file and its tables, and reads which
   * documents it already holds.
   *
   * @param path a file path, or ":memory:"
   */
  static async open(path: string, options: DatasetOptions): Promise<DuckDBDataset> {
    // One thread: each group is small (100 documents), and the pool's
    // workers want the cores; DuckDB's default of a thread per core spent
    // about 1.8 times the CPU on the same inserts (measured on 1,000 seed
    // documents, 3.0 s against 1.7 s), most of it in handing work between threads.
    // No FSST string compression: analysing every text column for it was
    // about a fifth of each commit's CPU, and the seed's file is no larger
    // without it (9.2 MB against 9.7 MB for 1,000 documents: dictionary
    // compression suits columns such as sha256 and path better).
    const instance = await DuckDBInstance.create(path, { threads: "1", disabled_compression_methods: "fsst" });
    const connection = await instance.connect();
    let upgrade: SchemaUpgrade;
    const known = new Map<string, string | null>();
    try {
      upgrade = await prepareSchema(duckSchemaAccess(connection), createTableStatements("duckdb"), { jixiaoVersion: options.version, at: options.parsedAt });
      const existing = await connection.runAndReadAll("SELECT sha256, path FROM documents");
      for (const [sha, p] of existing.getRows()) known.set(String(sha), p === null ? null : String(p));
    } catch (e) {
      connection.closeSync();
      instance.closeSync();
      throw e;
    }
    const stage = await mkdtemp(join(tmpdir(), "jixiao-duckdb-"));
    return new DuckDBDataset(instance, connection, stage, known, options, upgrade);
  }

  /**
   * The row options a pool worker needs to stage documents for this writer
   * ({@link stageDocument}): with them, the main thread hands
   * {@link addStaged} what the worker built.
   */
  get stagingOptions(): StagingOptions {
    return { parsedAt: this.options.parsedAt, version: this.options.version, provenance: this.options.provenance };
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
    if (this.known.has(doc.source.sha256)) return { added: false, refused: 0 };
    return this.addStaged(stageDocument(doc, this.stagingOptions));
  }

  /** Adds a document staged by {@link stageDocument} (in a pool worker) with this writer's {@link stagingOptions}. */
  async addStaged(staged: StagedDocument): Promise<AddResult> {
    if (this.known.has(staged.sha256)) return { added: false, refused: 0 };
    if (this.group.length === 0) this.groupSince = Date.now();
    this.group.push(staged);
    this.groupRows += staged.rows;
    this.known.set(staged.sha256, staged.path);
    if (this.groupRows >= ROWS_PER_COMMIT || Date.now() - this.groupSince >= COMMIT_AFTER_MS) this.commitGroup();
    // A failed commit is reported by the next add, or by close.
    await this.failure();
    return { added: true, refused: staged.refused };
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
    this.groupRows = 0;
    this.writing = this.writing.then(() => this.writeGroup(group));
    this.writing.catch((e: unknown) => {
      this.error ??= e;
    });
  }

  private async failure(): Promise<void> {
    if (this.error !== undefined) throw this.error;
  }

  /**
   * Writes a group in one transaction: each table's rows as one CSV file in
   * the stage folder, then one INSERT … SELECT FROM read_csv per table.
   * DuckDB's CSV reader runs on its own threads; appending the same rows
   * value by value through the appender cost the main thread about twice
   * what writing JSONL costs in all.
   */
  private async writeGroup(group: StagedDocument[]): Promise<void> {
    const statements: string[] = [];
    for (const name of TABLE_NAMES) {
      const pieces = group.map((doc) => stagedTable(doc, name)).filter((b) => b.byteLength > 0);
      if (pieces.length === 0) continue;
      const file = join(this.stage, `${name}.csv`);
      await writePieces(file, pieces);
      statements.push(insertCsv(name, file));
    }
    await this.connection.run("BEGIN TRANSACTION");
    try {
      for (const sql of statements) await this.connection.run(sql);
      await this.connection.run("COMMIT");
    } catch (e) {
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
      await this.release();
    }
  }

  async abort(): Promise<void> {
    // What was committed stays: those documents are whole, and a rerun skips them.
    this.group = [];
    this.groupRows = 0;
    await this.writing.catch(() => undefined);
    await this.release();
  }

  private async release(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    process.off("exit", this.dropStage);
    await rm(this.stage, { recursive: true, force: true });
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

/** How many buffers one writev is given: the system takes at most IOV_MAX (1,024 on Linux) at a time. */
const WRITEV_BUFFERS = 1024;

/** Writes the pieces one after the other into a new file, as they are: no copy, no encoding. */
async function writePieces(file: string, pieces: Uint8Array[]): Promise<void> {
  const handle = await openFile(file, "w");
  try {
    for (let i = 0; i < pieces.length; i += WRITEV_BUFFERS) await handle.writev(pieces.slice(i, i + WRITEV_BUFFERS));
  } finally {
    await handle.close();
  }
}

/**
 * Inserts a table's staged CSV (the dialect of dataset-csv.ts). Nothing is
 * sniffed: the columns and their types are the schema's, in its order, and
 * are named in the INSERT, because an upgraded file holds its added columns
 * last. A line may be long (a note of many paragraphs), so its bound is 1 GiB
 * rather than DuckDB's 2 MB.
 */
function insertCsv(name: TableName, file: string): string {
  return `INSERT INTO ${name} (${columnList(name)}) SELECT * FROM read_csv('${sqlString(file)}', ` +
    `columns = ${csvColumns(name, (type) => SQL_TYPES.duckdb[type])}, header = false, delim = ',', quote = '"', escape = '"', ` +
    `new_line = '\\n', auto_detect = false, allow_quoted_nulls = false, max_line_size = 1073741824)`;
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
