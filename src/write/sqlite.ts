/**
 * The SQLite dataset writer, through sql.js (SQLite compiled to WebAssembly).
 *
 * Why sql.js and not better-sqlite3: better-sqlite3 downloads its prebuilt
 * binary from GitHub, which CI here cannot reach, and then falls back to
 * compiling SQLite with node-gyp (a C++ toolchain and Node's headers on
 * every machine, a minute of build). sql.js is one npm package with no
 * install step, and runs in the browser too. Its cost: the database is held
 * in memory and written out whole, so the command writes the file once at
 * the end, atomically (see cli/dataset-output.ts).
 *
 * The module loads sql.js only when a SQLite dataset is opened.
 */
import type { Database, SqlValue, Statement } from "sql.js";
import type { Document } from "../model/document.js";
import { documentRows, type DatasetRow } from "./dataset-rows.js";
import { createTableStatements, TABLES, TABLE_NAMES, type TableName } from "./dataset-schema.js";
import { prepareSchema, type FileColumns, type SchemaAccess, type SchemaUpgrade } from "./dataset-upgrade.js";
import type { AddResult, DatasetOptions, DatasetWriter } from "./dataset-writer.js";

/** A SQLite database, in memory, that documents are added to; `bytes()` gives the file. */
export class SqliteDataset implements DatasetWriter {
  private constructor(
    private readonly db: Database,
    private readonly inserts: Map<TableName, Statement>,
    private readonly known: Map<string, string | null>,
    private readonly options: DatasetOptions,
    /** What opening the file did to its schema. */
    readonly upgrade: SchemaUpgrade,
  ) {}

  /**
   * Opens a database from the bytes of an existing file (or a new one), and
   * makes its tables.
   */
  static async open(existing: Uint8Array | null, options: DatasetOptions): Promise<SqliteDataset> {
    const initSqlJs = (await import("sql.js")).default;
    const SQL = await initSqlJs();
    const db = existing ? new SQL.Database(existing) : new SQL.Database();
    let upgrade: SchemaUpgrade;
    try {
      upgrade = await prepareSchema(sqliteSchemaAccess(db), createTableStatements("sqlite"), { jixiaoVersion: options.version, at: options.parsedAt });
    } catch (e) {
      db.close();
      throw e;
    }
    const known = new Map<string, string | null>();
    const res = db.exec("SELECT sha256, path FROM documents");
    for (const [sha, path] of res[0]?.values ?? []) known.set(String(sha), path === null ? null : String(path));
    const inserts = new Map<TableName, Statement>();
    for (const t of TABLES) {
      inserts.set(t.name, db.prepare(`INSERT INTO ${t.name} (${t.columns.map((c) => c.name).join(", ")}) VALUES (${t.columns.map(() => "?").join(", ")})`));
    }
    return new SqliteDataset(db, inserts, known, options, upgrade);
  }

  /** The SHA-256 of every document in the dataset. */
  async knownDigests(): Promise<Set<string>> {
    return new Set(this.known.keys());
  }

  pathOf(sha256: string): string | null | undefined {
    return this.known.get(sha256);
  }

  /** Adds one document in its own transaction: all its rows, or none. */
  async add(doc: Document): Promise<AddResult> {
    const sha = doc.source.sha256;
    if (this.known.has(sha)) return { added: false, refused: 0 };
    const rows = documentRows(doc, { ...this.options, decimalLimit: false });
    this.db.run("BEGIN");
    try {
      for (const name of TABLE_NAMES) {
        const insert = this.inserts.get(name)!;
        for (const row of rows[name]) insert.run(row.map(sqlValue));
      }
      this.db.run("COMMIT");
    } catch (e) {
      this.db.run("ROLLBACK");
      throw e;
    }
    this.known.set(sha, doc.source.path);
    return { added: true, refused: 0 };
  }

  /** The database file's bytes. */
  bytes(): Uint8Array {
    return this.db.export();
  }

  /** Runs a query and returns its rows as objects: for tests and scripts. */
  query(sql: string): Record<string, SqlValue>[] {
    const res = this.db.exec(sql)[0];
    if (!res) return [];
    return res.values.map((v) => Object.fromEntries(res.columns.map((c, i) => [c, v[i]!])));
  }

  async close(): Promise<void> {
    for (const s of this.inserts.values()) s.free();
    this.db.close();
  }

  async abort(): Promise<void> {
    await this.close();
  }
}

// SQLite has no boolean: 1 and 0, as its own functions return them.
function sqlValue(v: DatasetRow[number]): SqlValue {
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

function sqliteSchemaAccess(db: Database): SchemaAccess {
  const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];
  return {
    dialect: "sqlite",
    columns: async () => {
      const out: FileColumns = new Map();
      for (const [t] of rows("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        const stmt = db.prepare("SELECT name, type FROM pragma_table_info(?)");
        stmt.bind([String(t)]);
        const cols = new Map<string, string>();
        while (stmt.step()) {
          const [name, type] = stmt.get();
          cols.set(String(name), String(type));
        }
        stmt.free();
        out.set(String(t), cols);
      }
      return out;
    },
    rows: async (sql) => rows(sql),
    transaction: async (statements) => {
      db.run("BEGIN");
      try {
        for (const sql of statements) db.run(sql);
        db.run("COMMIT");
      } catch (e) {
        db.run("ROLLBACK");
        throw e;
      }
    },
  };
}
