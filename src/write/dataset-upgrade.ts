/**
 * The dataset schema's version, kept in the database file itself, and the
 * in-place upgrade of a file written by an older jixiao.
 *
 * The policy (docs/dataset.md, "Schema versions"): a change that only adds
 * tables, or nullable columns, is additive; opening an older file applies it
 * in place, in one transaction, and keeps every row. Anything else (a column
 * whose type changed, a column the file lacks that cannot be null, a column
 * this jixiao does not know, a file from a newer jixiao) is refused with one
 * line naming the versions, and the file is left as it was.
 */
import { DATASET_SCHEMA_VERSION_TABLE, SQL_TYPES, TABLES, type Column } from "./dataset-schema.js";

/**
 * The version of the dataset schema this jixiao writes.
 *
 * 1: the first schema (tables documents … provenance), which had no version table.
 * 2: adds the `dataset_schema` table, one row per version a file was created or upgraded to.
 * 3: adds forms.template, funding.received, indicators.weight_share and
 *    indicators.weighted_score, for the Hebei family's 资金到位情况, 权重占比 and 折算得分.
 * 4: adds the tables criteria and criteria_subtotals, and forms.project_attribute,
 *    forms.self_evaluation_total, forms.total_review and forms.source_* (the funding
 *    block by source), for the evaluation-criteria family (Hubei, Ningxia).
 */
export const DATASET_SCHEMA_VERSION = 4;

/** The columns of every table of a database file: table → column → declared type. */
export type FileColumns = Map<string, Map<string, string>>;

/** What prepareSchema needs of a database. */
export interface SchemaAccess {
  readonly dialect: "duckdb" | "sqlite";
  /** Every table of the file and its columns, in the file's column order. */
  columns(): Promise<FileColumns>;
  /** Rows of a query, as arrays. */
  rows(sql: string): Promise<unknown[][]>;
  /** Runs statements in one transaction: all or none. */
  transaction(statements: string[]): Promise<void>;
}

/** What opening a file did to its schema. */
export interface SchemaUpgrade {
  /** The version the file was at; null for a new file. */
  from: number | null;
  to: number;
  /** What was added: "table dataset_schema", "column forms.notices" … */
  added: string[];
}

/** A database file this jixiao cannot write to as it is: the message is one line naming the versions and what to do. */
export class DatasetSchemaError extends Error {
  override name = "DatasetSchemaError";
}

/** The CREATE TABLE statement of the version table. */
export function versionTableStatement(dialect: "duckdb" | "sqlite"): string {
  const t = SQL_TYPES[dialect];
  return `CREATE TABLE IF NOT EXISTS ${DATASET_SCHEMA_VERSION_TABLE} (\n  version ${t.integer} NOT NULL,\n  jixiao_version ${t.text} NOT NULL,\n  applied_at ${t.timestamp} NOT NULL\n)`;
}

/**
 * Makes a database file ready for this jixiao's rows: creates the tables of
 * a new file, upgrades an older file in place when the change is additive,
 * and otherwise throws a DatasetSchemaError (the file untouched).
 *
 * @param createStatements the CREATE TABLE statements of the current schema, parents first
 * @param stamp who applies the version and when (ISO-8601 UTC)
 */
export async function prepareSchema(
  db: SchemaAccess,
  createStatements: string[],
  stamp: { jixiaoVersion: string; at: string },
): Promise<SchemaUpgrade> {
  const file = await db.columns();
  const record = `INSERT INTO ${DATASET_SCHEMA_VERSION_TABLE} VALUES (${DATASET_SCHEMA_VERSION}, ${sqlText(stamp.jixiaoVersion)}, ${sqlText(stamp.at)})`;
  const ours = TABLES.filter((t) => file.has(t.name));
  if (ours.length === 0 && !file.has(DATASET_SCHEMA_VERSION_TABLE)) {
    await db.transaction([...createStatements, versionTableStatement(db.dialect), record]);
    return { from: null, to: DATASET_SCHEMA_VERSION, added: [] };
  }

  const found = file.has(DATASET_SCHEMA_VERSION_TABLE) ? await recordedVersion(db) : 1;
  const expected = `this jixiao writes dataset schema version ${DATASET_SCHEMA_VERSION}`;
  if (found > DATASET_SCHEMA_VERSION) {
    throw new DatasetSchemaError(`dataset schema version ${found}, newer than ${expected}: use the newer jixiao that wrote it, or write to a new file`);
  }

  const statements: string[] = [];
  const added: string[] = [];
  const refuse = (what: string) => {
    throw new DatasetSchemaError(`dataset schema version ${found}, ${expected}, and the change is not additive (${what}): ` +
      "export what you need from the old file and write to a new one");
  };
  TABLES.forEach((t, i) => {
    const have = file.get(t.name);
    if (!have) {
      statements.push(createStatements[i]!);
      added.push(`table ${t.name}`);
      return;
    }
    const known = new Set(t.columns.map((c) => c.name));
    const unknown = [...have.keys()].find((c) => !known.has(c));
    if (unknown !== undefined) refuse(`column ${t.name}.${unknown} is not in version ${DATASET_SCHEMA_VERSION}`);
    for (const c of t.columns) {
      const type = SQL_TYPES[db.dialect][c.type];
      const declared = have.get(c.name);
      if (declared === undefined) {
        if (!c.nullable) refuse(`column ${t.name}.${c.name} is missing and cannot be null`);
        statements.push(addColumn(t.name, c, type));
        added.push(`column ${t.name}.${c.name}`);
      } else if (declared.toUpperCase() !== type) {
        refuse(`column ${t.name}.${c.name} is ${declared}, expected ${type}`);
      }
    }
  });
  if (found < DATASET_SCHEMA_VERSION && !file.has(DATASET_SCHEMA_VERSION_TABLE)) {
    statements.push(versionTableStatement(db.dialect));
    added.push(`table ${DATASET_SCHEMA_VERSION_TABLE}`);
  }
  if (found < DATASET_SCHEMA_VERSION || statements.length > 0) statements.push(record);
  if (statements.length > 0) await db.transaction(statements);
  return { from: found, to: DATASET_SCHEMA_VERSION, added };
}

async function recordedVersion(db: SchemaAccess): Promise<number> {
  const [[v] = []] = await db.rows(`SELECT max(version) FROM ${DATASET_SCHEMA_VERSION_TABLE}`);
  if (v === null || v === undefined) throw new DatasetSchemaError(`the ${DATASET_SCHEMA_VERSION_TABLE} table holds no version: not a file jixiao wrote, or a damaged one; write to a new file`);
  return Number(v);
}

function addColumn(table: string, c: Column, type: string): string {
  return `ALTER TABLE ${table} ADD COLUMN ${c.name} ${type}`;
}

function sqlText(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
