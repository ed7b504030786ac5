import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TABLE_NAMES } from "../../src/write/dataset-schema.js";
import { fixture } from "../helpers.js";
import { duckQuery, run } from "./helpers.js";

// The seed in both encodings and the variants: every table gets rows (findings, notes, diagnostics).
const INPUTS = [fixture("seed"), fixture("variants")];
const dir = mkdtempSync(join(tmpdir(), "jixiao-hyparquet-"));
const byDuck = join(dir, "duck");
const byHyparquet = join(dir, "hyparquet");

async function withoutDuckDB<T>(f: () => Promise<T>): Promise<T> {
  process.env.JIXIAO_DUCKDB = "off";
  try {
    return await f();
  } finally {
    delete process.env.JIXIAO_DUCKDB;
  }
}

let duck: { code: number; err: string };
let hyp: { code: number; err: string };
beforeAll(async () => {
  duck = await run("parse", ...INPUTS, "--format", "parquet", "--out", byDuck);
  hyp = await withoutDuckDB(() => run("parse", ...INPUTS, "--format", "parquet", "--out", byHyparquet));
}, 300_000);
afterEach(() => {
  delete process.env.JIXIAO_DUCKDB;
});

describe("--format parquet without DuckDB (hyparquet-writer)", () => {
  it("says which writer it used, and writes one file per table", () => {
    expect(hyp.code).toBe(duck.code);
    expect(hyp.err).toContain("DuckDB could not be loaded (JIXIAO_DUCKDB=off); writing Parquet with hyparquet-writer");
    expect(duck.err).not.toContain("hyparquet-writer");
    expect(readdirSync(byHyparquet).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.parquet`).sort());
  });

  it("files that DuckDB reads with the same column names and types, and the same rows, as DuckDB's own", async () => {
    for (const t of TABLE_NAMES) {
      const a = `read_parquet('${join(byDuck, `${t}.parquet`)}')`;
      const b = `read_parquet('${join(byHyparquet, `${t}.parquet`)}')`;
      const cols = t === "documents" ? "* EXCLUDE (parsed_at)" : "*"; // parsed_at is each run's own time
      const [typesA, typesB, [n], [missing], [extra]] = await duckQuery(":memory:",
        `SELECT column_name, column_type, "null" FROM (DESCRIBE SELECT * FROM ${a})`,
        `SELECT column_name, column_type, "null" FROM (DESCRIBE SELECT * FROM ${b})`,
        `SELECT count(*) AS n FROM ${a}`,
        `SELECT count(*) AS n FROM (SELECT ${cols} FROM ${a} EXCEPT ALL SELECT ${cols} FROM ${b})`,
        `SELECT count(*) AS n FROM (SELECT ${cols} FROM ${b} EXCEPT ALL SELECT ${cols} FROM ${a})`);
      expect(typesB, t).toEqual(typesA);
      expect(Number(n!.n), t).toBeGreaterThan(0);
      expect({ t, missing: missing!.n, extra: extra!.n }).toEqual({ t, missing: "0", extra: "0" });
    }
  });

  it("keeps 1121.92 as 1121.92, a DECIMAL(18,4) in the Parquet file's own schema", async () => {
    const file = join(byHyparquet, "funding.parquet");
    const [[row], [meta]] = await duckQuery(":memory:",
      `SELECT initial_budget::VARCHAR AS text, initial_budget = 1121.92 AS exact, typeof(initial_budget) AS type FROM read_parquet('${file}') WHERE initial_budget = 1121.92 LIMIT 1`,
      `SELECT type, converted_type, scale, "precision", logical_type FROM parquet_schema('${file}') WHERE name = 'initial_budget'`);
    expect(row).toEqual({ text: "1121.9200", exact: true, type: "DECIMAL(18,4)" });
    expect(new Decimal(row!.text as string).equals("1121.92")).toBe(true);
    expect(meta).toMatchObject({ type: "INT64", converted_type: "DECIMAL", scale: "4", precision: "18" });
  });

  it("refuses, in one line, to add to a folder written before (that needs DuckDB), and leaves it as it was", async () => {
    const again = await withoutDuckDB(() => run("parse", fixture("seed/seed.txt"), "--format", "parquet", "--out", byHyparquet));
    expect(again.code).not.toBe(0);
    const lines = again.err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^jixiao: ${byHyparquet}: cannot open as a parquet dataset: already holds documents\\.parquet.*needs DuckDB.*write to a new folder$`));
    expect(readdirSync(byHyparquet).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.parquet`).sort());
  });
});
