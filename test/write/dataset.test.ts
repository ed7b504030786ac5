import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fg from "fast-glob";
import { Decimal } from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";
import { DuckDBDataset } from "../../src/write/duckdb.js";
import { SqliteDataset } from "../../src/write/sqlite.js";
import { fitsDecimal } from "../../src/write/dataset-rows.js";
import { TABLE_NAMES } from "../../src/write/dataset-schema.js";
import { INPUT_EXTENSIONS } from "../../src/cli/spec.js";
import { fixture, SEED_TEXT } from "../helpers.js";
import { duckQuery, run } from "./helpers.js";

const FIXTURES = fixture("");
const SEED = fixture("seed/seed.txt");
const dir = mkdtempSync(join(tmpdir(), "jixiao-dataset-"));
const db = join(dir, "t.duckdb");
const OPTIONS = { parsedAt: "2026-01-01T00:00:00.000Z", version: "test", provenance: true };

let first: { code: number; err: string };
let second: { code: number; err: string };
let countsAfterFirst: Record<string, unknown>[];

const countAll = `SELECT ${TABLE_NAMES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(", ")}`;

beforeAll(async () => {
  first = await run("parse", FIXTURES, "--out", db);
  [countsAfterFirst] = await duckQuery(db, countAll) as [Record<string, unknown>[]];
  second = await run("parse", FIXTURES, "--out", db);
}, 300_000);

/** The input files a folder scan of the fixtures reads, those the first run could read, and their distinct contents. */
async function readableInputs(): Promise<{ unreadable: string[]; readable: string[]; distinct: Set<string> }> {
  const pattern = `**/*.{${INPUT_EXTENSIONS.join(",")}}`;
  const inputs = (await fg(pattern, { cwd: FIXTURES, caseSensitiveMatch: false })).map((f) => join(FIXTURES, f));
  const unreadable = inputs.filter((f) => first.err.includes(`${f}:`) && !first.err.includes(`${f}: same content as`));
  const readable = inputs.filter((f) => !unreadable.includes(f));
  const distinct = new Set(readable.map((f) => createHash("sha256").update(readFileSync(f)).digest("hex")));
  return { unreadable, readable, distinct };
}

describe("jixiao parse fixtures/ --out t.duckdb, twice", () => {
  it("leaves exactly one row per document, and the rerun adds nothing to any table", async () => {
    // The readable inputs: every input file the folder holds, less those reported as unreadable.
    const { unreadable, readable, distinct } = await readableInputs();
    expect(unreadable.length).toBeGreaterThan(0); // fixtures/pdf/bad
    expect(first.code).toBe(2); // the bad PDFs, reported, the batch went on
    const [[docs], counts] = await duckQuery(db, "SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM documents", countAll);
    expect(docs).toEqual({ n: String(distinct.size), d: String(distinct.size) });
    expect(counts).toEqual(countsAfterFirst);
    expect(second.err).toContain(`${readable.length} already present`); // every readable file: its bytes are in the database
    expect(second.err).toContain("0 document(s) added");
  });

  it("keeps 1121.92 as 1121.92 in a DECIMAL(18,4) column", async () => {
    const [rows, [type]] = await duckQuery(db,
      "SELECT fu.initial_budget, fu.initial_budget = 1121.92 AS exact FROM funding fu JOIN documents d USING (sha256) " +
      "WHERE d.path LIKE '%seed/seed.txt' AND fu.kind = 'total' AND fu.form_no = 6",
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'funding' AND column_name = 'initial_budget'");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.exact).toBe(true);
    expect(new Decimal(rows[0]!.initial_budget as string).equals("1121.92")).toBe(true);
    expect(type).toEqual({ data_type: "DECIMAL(18,4)" });
  });

  it("writes every table to Parquet, and DuckDB reads back the same rows", async () => {
    const pq = join(dir, "pq");
    const r = await run("parse", FIXTURES, "--format", "parquet", "--out", pq);
    // A fresh folder: only files that repeat another's bytes within the run are "already present".
    const { readable, distinct } = await readableInputs();
    expect(r.err).toContain(`${distinct.size} document(s) added, ${readable.length - distinct.size} already present`);
    expect(readdirSync(pq).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.parquet`).sort());
    for (const t of TABLE_NAMES) {
      const cols = t === "documents" ? "* EXCLUDE (parsed_at)" : "*"; // parsed_at is the run's own time
      const file = join(pq, `${t}.parquet`);
      const [[n], [missing], [extra]] = await duckQuery(db,
        `SELECT count(*) AS n FROM read_parquet('${file}')`,
        `SELECT count(*) AS n FROM (SELECT ${cols} FROM ${t} EXCEPT ALL SELECT ${cols} FROM read_parquet('${file}'))`,
        `SELECT count(*) AS n FROM (SELECT ${cols} FROM read_parquet('${file}') EXCEPT ALL SELECT ${cols} FROM ${t})`);
      expect({ t, n: n!.n, missing: missing!.n, extra: extra!.n }).toEqual({ t, n: countsAfterFirst[0]![t], missing: "0", extra: "0" });
    }
    const [[exact]] = await duckQuery(":memory:",
      `SELECT initial_budget = 1121.92 AS exact, typeof(initial_budget) AS type FROM read_parquet('${join(pq, "funding.parquet")}') WHERE initial_budget = 1121.92 LIMIT 1`);
    expect(exact).toEqual({ exact: true, type: "DECIMAL(18,4)" });

    // A rerun into the same folder keeps what is there and adds nothing.
    const again = await run("parse", fixture("seed/seed.txt"), "--format", "parquet", "--out", pq);
    expect(again.err).toContain("0 document(s) added, 1 already present");
    const [[docs]] = await duckQuery(":memory:", `SELECT count(*) AS n FROM read_parquet('${join(pq, "documents.parquet")}')`);
    expect(docs!.n).toBe(countsAfterFirst[0]!.documents);
    expect(readdirSync(pq).filter((f) => f.startsWith(".jixiao-tmp"))).toEqual([]);
  }, 300_000);

  // A finding about a level-1 group (weights.split) points at its first row, indicators[0].level1.
  it("joins findings to indicator rows by (sha256, form_no, indicator_no): the row is the one the finding names", async () => {
    const [[counts], mismatched] = await duckQuery(db,
      "SELECT count(*) AS findings, count(i.name) AS joined FROM findings x LEFT JOIN indicators i USING (sha256, form_no, indicator_no) WHERE x.indicator_no IS NOT NULL",
      "SELECT x.path, x.row_label, i.name FROM findings x JOIN indicators i USING (sha256, form_no, indicator_no) WHERE x.row_label NOT IN (i.name, i.level1, i.level2) OR x.path NOT LIKE 'indicators[' || (i.indicator_no - 1) || ']%'");
    expect(Number(counts!.findings)).toBeGreaterThan(0);
    expect(counts!.joined).toBe(counts!.findings);
    expect(mismatched).toEqual([]);
  });
});

describe("one numbering through the CSVs and the database", () => {
  it("a verify CSV finding joins the parse CSV's indicator row on (path, form_no, indicator_no), as in the database", async () => {
    const parseCsv = join(dir, "seed.csv");
    const verifyCsv = join(dir, "findings.csv");
    expect((await run("parse", SEED, "--format", "csv", "--out", parseCsv)).code).toBe(0);
    await run("verify", SEED, "--format", "csv", "--lang", "en", "--out", verifyCsv);
    const seedDb = join(dir, "seed.duckdb");
    await run("parse", SEED, "--out", seedDb);
    const [viaCsv, viaDb] = await duckQuery(seedDb,
      // No identifier needs quoting: the CSV's names are the database's.
      `SELECT v.form, v.indicator, v.rule, p.name FROM read_csv('${verifyCsv}', all_varchar = true) v ` +
      `JOIN read_csv('${parseCsv}', all_varchar = true) p ON p.path = v.file AND p.form_no = v.form AND p.indicator_no = v.indicator ORDER BY 1, 2, 3`,
      "SELECT CAST(x.form_no AS VARCHAR) AS form, CAST(x.indicator_no AS VARCHAR) AS indicator, x.rule, i.name " +
      "FROM findings x JOIN indicators i USING (sha256, form_no, indicator_no) ORDER BY 1, 2, 3");
    // From the hand-written expected-findings.json: form 6 (未来公园展厅运营项目) has
    // indicator.proportional on indicators[2] and [11], i.e. indicators 3 and 12.
    expect(viaCsv).toContainEqual({ form: "6", indicator: "3", rule: "indicator.proportional", name: "年度完成接待任务数" });
    expect(viaCsv).toContainEqual({ form: "6", indicator: "12", rule: "indicator.proportional", name: "参观人数" });
    expect(viaCsv).toEqual(viaDb);
  }, 120_000);
});

describe("exact decimals, refused rather than rounded", () => {
  // The sixth form's 年初预算数 given five decimals: DuckDB cannot hold it exactly.
  const text = SEED_TEXT.replace("1,121.92", "1,121.92345");

  it("DuckDB: stores null and a dataset.precision diagnostic quoting the value", async () => {
    const doc = await parseText(text, { source: "five-decimals.txt" });
    expect(doc.forms[5]!.funding[0]!.initialBudget).toBe("1121.92345");
    const ds = await DuckDBDataset.open(":memory:", OPTIONS);
    // Two refusals: the amount, and the funding.rows-sum difference computed from it (-90.00345).
    expect(await ds.add(doc)).toEqual({ added: true, refused: 2 });
    expect(await ds.add(doc)).toEqual({ added: false, refused: 0 });
    const [row] = await ds.query("SELECT initial_budget FROM funding WHERE form_no = 6 AND kind = 'total'");
    expect(row).toEqual({ initial_budget: null });
    const diags = await ds.query("SELECT form_no, code, message FROM diagnostics WHERE code = 'dataset.precision'");
    expect(diags).toHaveLength(2);
    expect(diags.map((d) => d.form_no)).toEqual([6, 6]);
    expect(diags[0]!.message).toContain("funding[0].initialBudget: \"1121.92345\"");
    expect(diags[1]!.message).toContain("\"-90.00345\"");
    // The finding's own expected and found are text, and keep every digit.
    expect(await ds.query("SELECT count(*) AS n FROM findings WHERE found = '1121.92345' OR expected = '1121.92345'")).not.toEqual([{ n: "0" }]);
    await ds.close();
  });

  it("SQLite: keeps the decimal string as TEXT, exactly", async () => {
    const doc = await parseText(text, { source: "five-decimals.txt" });
    const seed = await parseText(SEED_TEXT, { source: "seed.txt" });
    const ds = await SqliteDataset.open(null, OPTIONS);
    expect(await ds.add(doc)).toEqual({ added: true, refused: 0 });
    await ds.add(seed);
    expect(ds.query("SELECT d.path, f.initial_budget, typeof(f.initial_budget) AS type FROM funding f JOIN documents d USING (sha256) WHERE f.form_no = 6 AND f.kind = 'total' ORDER BY d.path")).toEqual([
      { path: "five-decimals.txt", initial_budget: "1121.92345", type: "text" },
      { path: "seed.txt", initial_budget: "1121.92", type: "text" },
    ]);
    // Reopened from its bytes, the file still knows its documents.
    const again = await SqliteDataset.open(ds.bytes(), OPTIONS);
    expect(await again.add(seed)).toEqual({ added: false, refused: 0 });
    expect(again.query("SELECT count(*) AS n FROM documents")).toEqual([{ n: 2 }]);
    await ds.close();
    await again.close();
  });

  it("fitsDecimal: 4 decimals and 14 integer digits, trailing zeros free", () => {
    expect(["1121.92", "0.1234", "1.23450000", "99999999999999.9999", "-3", "007.5"].every(fitsDecimal)).toBe(true);
    expect(["1.23456", "123456789012345", "1e5", "", "1,121.92"].some(fitsDecimal)).toBe(false);
  });
});

describe("jixiao parse --out x.sqlite, twice", () => {
  it("adds each document once, and writes the file atomically", async () => {
    const file = join(dir, "t.sqlite");
    const variants = fixture("variants/closing");
    expect((await run("parse", SEED, variants, "--out", file)).err).toMatch(/: \d+ document\(s\) added, 0 already present/);
    const r = await run("parse", SEED, variants, "--out", file);
    expect(r.err).toMatch(/: 0 document\(s\) added, \d+ already present/);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe("SQLite format 3");
    expect(readdirSync(dir).filter((f) => f.includes("jixiao-tmp"))).toEqual([]);
  }, 120_000);
});

describe("--provenance", () => {
  it("none leaves it out of JSON; table writes <out>.provenance.jsonl in long form; inline is the default", async () => {
    const lean = await run("parse", SEED, "--provenance", "none");
    expect(JSON.parse(lean.out)[0].forms[0]).not.toHaveProperty("provenance");
    const inline = await run("parse", SEED);
    expect(JSON.parse(inline.out)[0].forms[5].provenance["total.score"]).toEqual({ line: 164, cell: 6, page: 1 });
    expect(lean.out.length).toBeLessThan(inline.out.length / 1.5);

    const out = join(dir, "lean.jsonl");
    expect((await run("parse", SEED, "--format", "jsonl", "--provenance", "table", "--out", out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).forms[0]).not.toHaveProperty("provenance");
    const lines = readFileSync(`${out}.provenance.jsonl`, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    // The seed's line 164 holds 总分 of form 6: weight in cell 5, score in cell 6.
    expect(lines).toContainEqual(expect.objectContaining({ form_no: 6, path: "total.score", indicator_no: null, page: 1, line: 164, cell: 6 }));
    expect(lines.find((l) => l.form_no === 6 && l.path === "indicators[11].score")).toMatchObject({ form_no: 6, indicator_no: 12, line: 159 });
  });

  it("is refused where it makes no sense", async () => {
    expect((await run("parse", SEED, "--provenance", "table")).err).toContain("needs --out");
    expect((await run("parse", SEED, "--format", "csv", "--provenance", "none")).code).toBe(64);
    expect((await run("parse", SEED, "--out", join(dir, "x.duckdb"), "--provenance", "inline")).code).toBe(64);
    expect((await run("parse", SEED, "--provenance", "sideways")).code).toBe(64);
    expect((await run("parse", SEED, "--format", "duckdb")).err).toContain("needs --out");
    expect(existsSync(join(dir, "x.duckdb"))).toBe(false);
  });

  it("a file that is not a database: one line naming it, exit 2", async () => {
    const notDb = join(dir, "not-a-db.txt");
    writeFileSync(notDb, SEED_TEXT);
    const r = await run("parse", SEED, "--format", "duckdb", "--out", notDb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not-a-db\.txt: cannot open as a duckdb dataset: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

