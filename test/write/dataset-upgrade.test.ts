import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit.js";
import { DATASET_SCHEMA_VERSION } from "../../src/write/dataset-upgrade.js";
import { fixture } from "../helpers.js";
import { duckQuery, run } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "jixiao-upgrade-"));
const SEED = fixture("seed/seed.txt");
const V1 = (dialect: "duckdb" | "sqlite") => readFileSync(new URL(`./fixtures/schema-v1.${dialect}.sql`, import.meta.url), "utf8");
const statements = (ddl: string) => ddl.replace(/^--.*\n/gm, "").split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
// A document of last year's file, as version 1 wrote it.
/** What version 4 adds (the criteria family): forms columns, then two tables. */
const V4_FORMS = "column forms.project_attribute, column forms.self_evaluation_total, column forms.total_review, column forms.source_central, column forms.source_provincial, column forms.source_local, column forms.source_other, column forms.source_total, column forms.source_executed, column forms.source_rate";
const V4_TABLES = "table criteria, table criteria_subtotals";
const OLD_DOC = "INSERT INTO documents VALUES ('" + "a".repeat(64) + "', 'old/2025.txt', 'text-tsv', 'utf-8', 1, 100, 0, '2025-06-01 00:00:00', '0.0.9', '1')";

async function duckFile(name: string, ddl: string[]): Promise<string> {
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  for (const sql of ddl) await c.run(sql);
  c.closeSync();
  instance.closeSync();
  return path;
}

async function sqliteFile(name: string, ddl: string[]): Promise<string> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  for (const sql of ddl) db.run(sql);
  const path = join(dir, name);
  writeFileSync(path, db.export());
  db.close();
  return path;
}

describe("a DuckDB file written by dataset schema version 1", () => {
  it("is upgraded in place: the version table is added, last year's rows stay, and new documents are added", async () => {
    const file = await duckFile("v1.duckdb", [...statements(V1("duckdb")), OLD_DOC]);
    const r = await run("parse", SEED, "--out", file);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain(`jixiao: ${file}: upgraded in place from dataset schema version 1 to ${DATASET_SCHEMA_VERSION} (added column forms.template, ${V4_FORMS}, column funding.received, column indicators.weight_share, column indicators.weighted_score, ${V4_TABLES}, table dataset_schema)`);
    const [versions, docs] = await duckQuery(file,
      "SELECT version, jixiao_version FROM dataset_schema ORDER BY version",
      "SELECT path FROM documents ORDER BY path");
    expect(versions).toEqual([{ version: 4, jixiao_version: expect.any(String) }]);
    expect(docs.map((d) => d.path)).toEqual(["old/2025.txt", SEED].sort());

    // The second run finds version 4: nothing to upgrade, nothing said.
    const again = await run("parse", SEED, "--out", file);
    expect(again.err).not.toContain("upgraded");
    expect(again.err).toContain("0 document(s) added, 1 already present");
  });

  it("lacking a nullable column, gets it added (last in the file) and the writer fills every column by name", async () => {
    // Not a schema that shipped: version 1 without forms.notices, to exercise an additive column upgrade.
    const ddl = statements(V1("duckdb")).map((s) => s.replace(/,\n {2}notices INTEGER/, ""));
    expect(ddl.join("\n")).not.toContain("notices");
    const file = await duckFile("v1-no-notices.duckdb", ddl);
    const r = await run("parse", SEED, "--out", file);
    expect(r.err).toContain(`(added column forms.notices, column forms.template, ${V4_FORMS}, column funding.received, column indicators.weight_share, column indicators.weighted_score, ${V4_TABLES}, table dataset_schema)`);
    const fresh = join(dir, "fresh.duckdb");
    await run("parse", SEED, "--out", fresh);
    const cols = "form_no, title, year, total_score, complete, rounding, errors, warnings, notices, template, source_rate";
    const [upgraded, [last]] = await duckQuery(file, `SELECT ${cols} FROM forms ORDER BY form_no`,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'forms' ORDER BY ordinal_position DESC LIMIT 1");
    const [expected] = await duckQuery(fresh, `SELECT ${cols} FROM forms ORDER BY form_no`);
    // The columns it lacked come after its own, in the schema's order: notices, then template (version 3), then source_rate last (version 4).
    expect(last).toEqual({ column_name: "source_rate" });
    expect(upgraded.length).toBeGreaterThan(0);
    expect(upgraded).toEqual(expected);
  });

  it("whose change is not additive (a column of another type) is refused in one line, and left as it was", async () => {
    const ddl = statements(V1("duckdb")).map((s) => s.replace("  year INTEGER,", "  year VARCHAR,"));
    const file = await duckFile("v1-year-text.duckdb", ddl);
    const r = await run("parse", SEED, "--out", file);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err.trim().split("\n")).toEqual([
      `jixiao: ${file}: cannot open as a duckdb dataset: dataset schema version 1, this jixiao writes dataset schema version 4, ` +
      "and the change is not additive (column forms.year is VARCHAR, expected INTEGER): export what you need from the old file and write to a new one",
    ]);
    const [tables] = await duckQuery(file, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'dataset_schema'");
    expect(tables).toEqual([{ n: "0" }]);
  });
});

describe("a file from a newer jixiao", () => {
  it("DuckDB: refused in one line naming both versions and what to do", async () => {
    const file = join(dir, "v5.duckdb");
    await run("parse", SEED, "--out", file);
    await duckQuery(file, "INSERT INTO dataset_schema VALUES (5, '9.0.0', '2027-01-01 00:00:00')");
    const r = await run("parse", SEED, "--out", file);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err.trim().split("\n")).toEqual([
      `jixiao: ${file}: cannot open as a duckdb dataset: dataset schema version 5, newer than this jixiao writes dataset schema version 4: ` +
      "use the newer jixiao that wrote it, or write to a new file",
    ]);
  });

  it("SQLite: refused the same way, the file's bytes unchanged", async () => {
    const file = await sqliteFile("v5.sqlite", [...statements(V1("sqlite")),
      "CREATE TABLE dataset_schema (version INTEGER NOT NULL, jixiao_version TEXT NOT NULL, applied_at TEXT NOT NULL)",
      "INSERT INTO dataset_schema VALUES (5, '9.0.0', '2027-01-01T00:00:00Z')"]);
    const before = readFileSync(file);
    const r = await run("parse", SEED, "--out", file);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^jixiao: ${file}: cannot open as a sqlite dataset: dataset schema version 5, newer than this jixiao writes dataset schema version 4`))]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("a SQLite file written by dataset schema version 1", () => {
  it("is upgraded in place and keeps its rows", async () => {
    const file = await sqliteFile("v1.sqlite", [...statements(V1("sqlite")), OLD_DOC.replace("'2025-06-01 00:00:00'", "'2025-06-01T00:00:00.000Z'")]);
    const r = await run("parse", SEED, "--out", file);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain(`upgraded in place from dataset schema version 1 to 4 (added column forms.template, ${V4_FORMS}, column funding.received, column indicators.weight_share, column indicators.weighted_score, ${V4_TABLES}, table dataset_schema)`);
    expect(existsSync(file)).toBe(true);
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(file));
    expect(db.exec("SELECT version FROM dataset_schema")[0]!.values).toEqual([[4]]);
    expect(db.exec("SELECT path FROM documents ORDER BY path")[0]!.values).toEqual(["old/2025.txt", SEED].sort().map((p) => [p]));
    db.close();
  });
});

describe("a DuckDB file written by dataset schema version 3", () => {
  // Version 3 as it shipped: version 1's tables, the Hebei columns, and the version table.
  const v3 = [
    ...statements(V1("duckdb")),
    "ALTER TABLE forms ADD COLUMN template VARCHAR",
    "ALTER TABLE funding ADD COLUMN received DECIMAL(18,4)",
    "ALTER TABLE indicators ADD COLUMN weight_share DECIMAL(18,4)",
    "ALTER TABLE indicators ADD COLUMN weighted_score DECIMAL(18,4)",
    "CREATE TABLE dataset_schema (version INTEGER NOT NULL, jixiao_version VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
    "INSERT INTO dataset_schema VALUES (3, '0.1.0', '2026-11-01 00:00:00')",
  ];

  it("is upgraded to 4 in place: the criteria tables and the forms columns are added, and a criteria form's rows are those of a new file", async () => {
    const form = fixture("variants/criteria/ningxia-wetland.txt");
    const file = await duckFile("v3.duckdb", [...v3, OLD_DOC]);
    const r = await run("parse", form, "--out", file);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain(`upgraded in place from dataset schema version 3 to 4 (added ${V4_FORMS}, ${V4_TABLES})`);
    const fresh = join(dir, "fresh-v4.duckdb");
    await run("parse", form, "--out", fresh);
    const queries = [
      "SELECT criterion_no, level1, level2, content, weight, self_score, review_score, basis FROM criteria ORDER BY criterion_no",
      "SELECT subtotal_no, level1, weight, self_score, review_score FROM criteria_subtotals ORDER BY subtotal_no",
      "SELECT project_attribute, self_evaluation_total, total_review, source_total, source_executed, source_rate FROM forms WHERE template = 'criteria'",
      "SELECT version FROM dataset_schema ORDER BY version",
      "SELECT path FROM documents ORDER BY path",
    ];
    const [criteria, subtotals, forms, versions, docs] = await duckQuery(file, ...queries);
    const [freshCriteria, freshSubtotals, freshForms] = await duckQuery(fresh, ...queries);
    expect(criteria).toHaveLength(8);
    expect(criteria).toEqual(freshCriteria);
    expect(subtotals).toEqual(freshSubtotals);
    expect(subtotals).toHaveLength(4);
    expect(forms).toEqual(freshForms);
    expect(forms).toHaveLength(1);
    expect(versions!.map((v) => v.version)).toEqual([3, 4]);
    expect(docs!.map((d) => d.path)).toEqual(["old/2025.txt", form].sort());
  });
});
