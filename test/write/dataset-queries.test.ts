/**
 * The example queries of docs/dataset.md, run against a DuckDB file built
 * from the fixtures, and compared with results worked out from the
 * hand-written expected JSON files (never from the program's output).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fg from "fast-glob";
import { countedScore } from "../../src/verify/counted.js";
import { Decimal } from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Form } from "../../src/model/form.js";
import { datasetColumnsMarkdown } from "../../src/write/dataset-docs.js";
import { fixture } from "../helpers.js";
import { duckQuery, run } from "./helpers.js";

const DOC = readFileSync(fixture("../docs/dataset.md"), "utf8");
const QUERIES = new Map([...DOC.matchAll(/```sql\n-- query: ([a-z-]+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]));

type ExpectedForm = Omit<Form, "provenance" | "verification">;
// The inputs: the seed and every tab-separated variant, each with its hand-written expected forms.
const INPUTS: { path: string; forms: ExpectedForm[] }[] = [
  { path: fixture("seed/seed.txt"), forms: JSON.parse(readFileSync(fixture("seed/expected.json"), "utf8")).forms },
  ...fg.sync("variants/*/*.txt", { cwd: fixture("") }).filter((f) => !f.endsWith(".layout.txt")).sort().map((f) => ({
    path: fixture(f),
    forms: JSON.parse(readFileSync(fixture(f.replace(/\.txt$/, ".expected.json")), "utf8")).forms as ExpectedForm[],
  })),
];
const EXPECTED_FINDINGS: { form: string; rule: string; path: string; expected: string }[] =
  JSON.parse(readFileSync(fixture("seed/expected-findings.json"), "utf8"));

const db = join(mkdtempSync(join(tmpdir(), "jixiao-queries-")), "fixtures.duckdb");
const query = async (name: string) => {
  const sql = QUERIES.get(name);
  if (!sql) throw new Error(`docs/dataset.md has no query "${name}"`);
  return (await duckQuery(db, sql))[0]!;
};
const allForms = () => INPUTS.flatMap((input) => input.forms.map((form, i) => ({ input, form, formNo: i + 1 })));
const totalRow = (f: ExpectedForm) => f.funding.find((r) => r.kind === "total");

beforeAll(async () => {
  const r = await run("parse", ...INPUTS.map((i) => i.path), "--out", db);
  expect(r.err).toContain(`${INPUTS.length} document(s) added`);
}, 300_000);

describe("docs/dataset.md", () => {
  it("lists the columns exactly as the schema has them", () => {
    const m = /<!-- COLUMNS:BEGIN[^\n]*-->\n([\s\S]*?)<!-- COLUMNS:END -->/.exec(DOC);
    expect(m?.[1]).toBe(datasetColumnsMarkdown());
  });

  it("has the example queries the tests run", () => {
    expect([...QUERIES.keys()].sort()).toEqual(["proportional-findings", "qualitative-share", "total-does-not-add-up", "total-sum-findings", "underspent-high-score"]);
  });
});

describe("the example queries", () => {
  it("underspent-high-score: spent under 50 % of the budget, yet scored 90 or more", async () => {
    const expected = allForms().filter(({ form }) => {
      const t = totalRow(form);
      if (!t?.adjustedBudget || !t.executed || !form.total.score || new Decimal(t.adjustedBudget).lte(0)) return false;
      return new Decimal(t.executed).div(t.adjustedBudget).lt(0.5) && new Decimal(form.total.score).gte(90);
    }).map(({ input, form, formNo }) => ({ path: input.path, form_no: formNo, project_name: form.projectName }));
    // The seed's fifth form spent 2.19 of 14.80 and scored 91.47.
    expect(expected).toContainEqual({ path: fixture("seed/seed.txt"), form_no: 5, project_name: "缴纳残疾人就业保障金" });
    const rows = await query("underspent-high-score");
    expect(rows.map(({ path, form_no, project_name }) => ({ path, form_no, project_name }))).toEqual(expected);
    expect(rows.find((r) => r.form_no === 5 && String(r.path).endsWith("seed/seed.txt"))).toMatchObject({ spent_percent: 14.8, total_score: "91.4700" });
  });

  it("total-does-not-add-up: Σ indicator scores + execution score ≠ 总分, by department", async () => {
    const byDept = new Map<string, string[]>();
    for (const { form } of allForms()) {
      const t = totalRow(form);
      if (!t || form.total.score === null || form.indicators.length === 0) continue;
      // The score the 总分 counts (src/verify/counted.ts): 得分, or 折算得分 where 权重占比 is printed (Hebei).
      const sum = form.indicators.reduce((s, i) => s.plus(countedScore(i) ?? 0), new Decimal(t.score ?? 0));
      if (sum.minus(form.total.score).abs().gt(0.01)) byDept.set(form.department!, [...(byDept.get(form.department!) ?? []), form.projectName!]);
    }
    // The seed's sixth form: 72.00 + 9.27 = 81.27, printed 85.27.
    expect(byDept.get("上海推进科技创新中心建设办公室")).toEqual(["未来公园展厅运营项目"]);
    // ORDER BY puts a null department last, as DuckDB does by default.
    const expected = [...byDept.entries()].sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([department, projects]) => ({ department, forms: String(projects.length), projects: projects.sort().join("; ") }));
    expect(await query("total-does-not-add-up")).toEqual(expected);
  });

  it("total-sum-findings: the verifier agrees, for the seed", async () => {
    const rows = await query("total-sum-findings");
    const seedTotalSum = EXPECTED_FINDINGS.filter((f) => f.rule === "total.sum").length;
    expect(rows.find((r) => r.department === "上海推进科技创新中心建设办公室")).toEqual({ department: "上海推进科技创新中心建设办公室", forms: String(seedTotalSum) });
  });

  it("qualitative-share: indicators with a qualitative target, by year", async () => {
    const byYear = new Map<number, { n: number; q: number }>();
    for (const { form } of allForms()) {
      const y = byYear.get(form.year!) ?? { n: 0, q: 0 };
      for (const i of form.indicators) {
        y.n++;
        if (i.target.qualitative !== null) y.q++;
      }
      byYear.set(form.year!, y);
    }
    const expected = [...byYear.entries()].filter(([, y]) => y.n > 0).sort(([a], [b]) => a - b).map(([year, y]) => ({
      year, indicators: String(y.n), qualitative: String(y.q), qualitative_percent: new Decimal(100 * y.q).div(y.n).toDecimalPlaces(2).toNumber(),
    }));
    expect(expected[0]!.year).toBe(2023);
    expect(await query("qualitative-share")).toEqual(expected);
  });

  it("proportional-findings: each finding beside the indicator row it is about", async () => {
    const seed = INPUTS[0]!.forms;
    const expected = EXPECTED_FINDINGS.filter((f) => f.rule === "indicator.proportional").map((f) => {
      const formNo = seed.findIndex((x) => x.projectName === f.form) + 1;
      const index = Number(/^indicators\[(\d+)\]/.exec(f.path)![1]);
      const ind = seed[formNo - 1]!.indicators[index]!;
      return { formNo, row: { project_name: f.form, indicator_no: index + 1, name: ind.name, target_raw: ind.target.raw, actual_raw: ind.actual.raw, expected: f.expected, path: f.path } };
    }).sort((a, b) => a.formNo - b.formNo || a.row.indicator_no - b.row.indicator_no);
    const rows = await query("proportional-findings");
    expect(rows.map(({ score: _s, ...r }) => r)).toEqual(expected.map((e) => e.row));
  });
});
