/**
 * The verifier on the Shandong and Sichuan 2023 families (issue 11): each
 * fixture is verified clean by the corpus test; here one printed figure is
 * made wrong at a time, and the family's own rule must catch it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/variants/${name}.txt`, import.meta.url), "utf8");

/** The text with one cell of the row starting `rowStart` replaced. */
function withCell(text: string, rowStart: string, from: string, to: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.split("\t").some((c) => c === rowStart));
  expect(i, `row ${rowStart}`).toBeGreaterThanOrEqual(0);
  const cells = lines[i]!.split("\t");
  const k = cells.indexOf(from);
  expect(k, `cell ${from} in row ${rowStart}`).toBeGreaterThanOrEqual(0);
  cells[k] = to;
  lines[i] = cells.join("\t");
  return lines.join("\n");
}

async function errors(text: string): Promise<Array<{ rule: string; expected: string | null; found: string | null }>> {
  const doc = await parseText(text, { source: "family.txt" });
  return (doc.forms[0]!.verification?.findings ?? [])
    .filter((f) => f.severity === "error")
    .map((f) => ({ rule: f.rule, expected: f.expected, found: f.found }));
}

describe("Shandong (执行率 = B / A on 年初预算数)", () => {
  const text = fixture("shandong/student-aid");

  it("is clean as printed", async () => {
    expect(await errors(text)).toEqual([]);
  });

  it("a deliberately wrong 总分 is total.sum", async () => {
    const found = await errors(withCell(text, "总分", "99.28", "98.28"));
    expect(found).toEqual([expect.objectContaining({ rule: "total.sum", found: "98.28" })]);
  });

  it("a rate that is not 全年执行数(B) / 年初预算数(A) is funding.rate", async () => {
    const found = await errors(withCell(text, "其中：财政资金", "96.67%", "97.67%"));
    expect(found.map((f) => f.rule)).toEqual(["funding.rate"]);
    expect(found[0]).toMatchObject({ expected: "96.67", found: "97.67" });
  });

  it("a sub-row that breaks the total is one funding.rows-sum, on 年初预算数 (not again as 全年预算数)", async () => {
    const found = await errors(withCell(text, "其中：财政资金", "450.00", "460.00"));
    // The row's rate, 435 / 460, no longer matches its printed 96.67 either.
    expect(found.map((f) => f.rule)).toEqual(["funding.rows-sum", "funding.rate"]);
    expect(found[0]).toMatchObject({ expected: "510.00", found: "500.00" });
  });

  it("weights of 12.5 sum with the execution weight to 100: one 12.5 printed 12 is weights.total and weights.subtotal", async () => {
    const found = await errors(withCell(withCell(text, "资助学生人数", "12.5", "12"), "资助学生人数", "12.5", "12"));
    expect(found.map((f) => f.rule)).toEqual(expect.arrayContaining(["weights.total", "weights.subtotal"]));
  });

  it("a 项目预算执行情况(10分) whose execution weight is 8 is weights.block", async () => {
    const found = await errors(withCell(text, "项目预算执行情况(10分)", "项目预算执行情况(10分)", "项目预算执行情况(8分)"));
    expect(found).toEqual([expect.objectContaining({ rule: "weights.block", expected: "10.00", found: "8.00" })]);
  });
});

describe("Sichuan 2023 (权重 for 分值, 绩效指标(90分))", () => {
  const text = fixture("sichuan-2023/public-culture");

  it("is clean as printed", async () => {
    expect(await errors(text)).toEqual([]);
  });

  it("a deliberately wrong 总分 is total.sum", async () => {
    const found = await errors(withCell(text, "总分", "97.90", "99.90"));
    expect(found).toEqual([expect.objectContaining({ rule: "total.sum", found: "99.90" })]);
  });

  it("a 预算执行率 not on 调整后预算数 is funding.rate, named as computed on 年初预算", async () => {
    // 304 / 300 = 101.33: the initial budget taken for the base.
    const found = await errors(withCell(text, "总额", "95.00%", "101.33%"));
    expect(found.map((f) => f.rule)).toContain("funding.rate");
  });

  it("绩效指标 labelled 80分 over indicators weighing 90 is weights.block", async () => {
    const found = await errors(withCell(text, "绩效指标(90分)", "绩效指标(90分)", "绩效指标(80分)"));
    expect(found).toEqual([expect.objectContaining({ rule: "weights.block", expected: "90.00", found: "80.00" })]);
  });

  it("an execution score that is not 预算执行率 × 权重 is funding.score", async () => {
    const found = await errors(withCell(text, "总额", "9.50", "9.80"));
    expect(found.map((f) => f.rule)).toEqual(expect.arrayContaining(["funding.score", "total.sum"]));
  });
});

describe("a header label that prints its value after a colon", () => {
  it("主管部门（盖章）：某市教育局 in one cell is the department, and still marks the Shandong family", async () => {
    const lines = fixture("shandong/student-aid").split("\n");
    const i = lines.findIndex((l) => l.startsWith("主管部门(盖章)"));
    lines[i] = "主管部门（盖章）：某市教育局\t单位：万元";
    const doc = await parseText(lines.join("\n"), { source: "inline.txt" });
    expect(doc.forms[0]).toMatchObject({ template: "shandong", department: "某市教育局", fundingUnit: "万元" });
    expect(doc.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("实施单位（盖章）：某市文化馆 beside 主管部门 is the implementing unit (Sichuan 2023)", async () => {
    const text = withCell(fixture("sichuan-2023/public-culture"), "主管部门", "实施单位（盖章）", "实施单位（盖章）：某市文化馆");
    const lines = text.split("\n");
    const i = lines.findIndex((l) => l.startsWith("主管部门"));
    lines[i] = lines[i]!.replace("\t某市文化馆", "\t");
    const doc = await parseText(lines.join("\n"), { source: "inline.txt" });
    expect(doc.forms[0]).toMatchObject({ template: "sichuan-2023", department: "某市文化广播电视和旅游局", implementingUnit: "某市文化馆" });
    expect(doc.diagnostics).toEqual([]);
  });
});

describe("Hebei (权重占比 and 折算得分: 折算得分 = 得分 × 权重占比 / 100, 总分 = Σ 折算得分)", () => {
  const text = fixture("hebei/fitness-facilities");
  const water = fixture("hebei/rural-water");

  it("is clean as printed, both forms", async () => {
    expect(await errors(text)).toEqual([]);
    expect(await errors(water)).toEqual([]);
  });

  it("a 折算得分 that is not 得分 × 权重占比 is indicator.weighted-score, and the 总分 no longer adds up", async () => {
    const found = await errors(withCell(text, "新建社区健身广场数量", "19.00", "18.00"));
    expect(found).toEqual([
      expect.objectContaining({ rule: "indicator.weighted-score", expected: "19.00", found: "18.00" }),
      expect.objectContaining({ rule: "total.sum", found: "99.00" }),
    ]);
  });

  it("a 折算得分 that is neither rounding of 得分 × 权重占比 is indicator.weighted-score (95.83 × 25 % = 23.9575: 23.96 is clean, 23.97 is not)", async () => {
    expect((await errors(withCell(water, "维修养护供水工程处数", "23.96", "23.97"))).map((f) => f.rule))
      .toEqual(expect.arrayContaining(["indicator.weighted-score"]));
  });

  it("a deliberately wrong 总分 is total.sum on Σ 折算得分", async () => {
    const found = await errors(withCell(text, "总分", "99.00", "98.00"));
    expect(found).toEqual([expect.objectContaining({ rule: "total.sum", expected: "99.00", found: "98.00" })]);
  });

  it("权重占比 summing past 100 is weights.total (and the row's 折算得分 no longer follows from it)", async () => {
    const found = await errors(withCell(text, "新建社区健身广场数量", "20", "25"));
    expect(found.map((f) => f.rule)).toEqual(expect.arrayContaining(["weights.total", "indicator.weighted-score"]));
    expect(found.find((f) => f.rule === "weights.total")).toMatchObject({ expected: "105.00", found: "100.00" });
  });

  it("a 得分 above 100 is score.share-range", async () => {
    const found = await errors(withCell(text, "配建健身路径器材", "100", "101"));
    expect(found.map((f) => f.rule)).toEqual(["score.share-range"]);
  });

  it("资金到位情况 sub-rows that do not add up to 合计 are funding.rows-sum on that column", async () => {
    const found = await errors(withCell(water, "其他", "30.00", "40.00"));
    expect(found).toEqual([expect.objectContaining({ rule: "funding.rows-sum", expected: "340.00", found: "330.00" })]);
  });

  it("a 预算执行进度 that is not 资金执行情况 / 预算安排情况(调整后) is funding.rate", async () => {
    const found = await errors(withCell(text, "合计", "95.00", "96.00"));
    expect(found).toEqual([expect.objectContaining({ rule: "funding.rate", expected: "95.00", found: "96.00" })]);
  });
});
