/**
 * The verifier on the evaluation-criteria family (issue 11, item 5): each
 * fixture is verified clean by the corpus test; here one printed figure is
 * made wrong at a time, and the family's own rule must catch it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/variants/criteria/${name}.txt`, import.meta.url), "utf8");

/** The text with cell `k` of the row whose cell `at` is `key` replaced (it must read `from`). */
function withCell(text: string, key: string, from: string, to: string, at = 0): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.split("\t").some((c, j) => (at < 0 || j === at) && c === key));
  expect(i, `row ${key}`).toBeGreaterThanOrEqual(0);
  const cells = lines[i]!.split("\t");
  const k = cells.indexOf(from);
  expect(k, `cell ${from} in row ${key}`).toBeGreaterThanOrEqual(0);
  cells[k] = to;
  lines[i] = cells.join("\t");
  return lines.join("\n");
}

/** The row whose cells include `key` (the nth such row), with its cells at `index` set. */
function withRow(text: string, key: string, index: number, to: string, nth = 0): string {
  const lines = text.split("\n");
  const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => l.split("\t").includes(key));
  const i = rows[nth]![1];
  const cells = lines[i]!.split("\t");
  cells[index] = to;
  lines[i] = cells.join("\t");
  return lines.join("\n");
}

async function findings(text: string, severity = "error"): Promise<Array<{ rule: string; expected: string | null; found: string | null; path: string | undefined }>> {
  const doc = await parseText(text, { source: "criteria.txt" });
  return (doc.forms[0]!.verification?.findings ?? [])
    .filter((f) => f.severity === severity)
    .map((f) => ({ rule: f.rule, expected: f.expected, found: f.found, path: f.where.path }));
}

describe("Hubei 财政预算支出项目绩效目标自评表", () => {
  const text = fixture("hubei-elderly-care");

  it("is clean as printed; each 复核分 that differs from its 自评分 is a criteria.review notice beside it", async () => {
    expect(await findings(text)).toEqual([]);
    expect(await findings(text, "notice")).toEqual([
      { rule: "criteria.review", expected: "7.00", found: "6.00", path: "criteria[5].reviewScore" },
      { rule: "criteria.review", expected: "17.00", found: "16.00", path: "criteria[9].reviewScore" },
    ]);
  });

  it("a 自评总分 that is not Σ 自评分 is criteria.self-total", async () => {
    expect(await findings(withCell(text, "自评总分", "88", "89"))).toEqual([
      { rule: "criteria.self-total", expected: "88.00", found: "89.00", path: "selfEvaluationTotal" },
    ]);
  });

  it("one 自评分 changed breaks 自评总分 and the 总分 row alike (and the 复核分 beside it is still reported)", async () => {
    const found = await findings(withRow(text, "服务质量达标率", 4, "8"));
    expect(found).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining([
      { rule: "criteria.self-total", expected: "87.00", found: "88.00", path: "selfEvaluationTotal" },
      { rule: "criteria.total", expected: "87.00", found: "88.00", path: "total.score" },
    ]));
  });

  it("cut off before its 总分 row, it is not summed: no criteria.self-total against the rows read, and form.incomplete says so", async () => {
    const cut = text.split("\n").filter((l) => !/^(?:总分|自评等级|\t\t服务质量达标率|\t效益|\t\t可持续影响)/.test(l)).join("\n");
    const doc = await parseText(cut, { source: "cut.txt" });
    expect(doc.forms[0]!.complete).toBe(false);
    expect(doc.forms[0]!.criteria).toHaveLength(8);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["form.incomplete"]);
    expect(doc.forms[0]!.verification?.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 自评分 above its 分值 is criteria.score-range", async () => {
    // 自评分 5 → 6 on 资金到位率 (分值 5), with 自评总分 and 总分 raised to match: only the range is wrong.
    const found = await findings(withCell(withCell(withRow(text, "资金到位率", 4, "6"), "自评总分", "88", "89"), "总分", "88", "89"));
    expect(found).toEqual([{ rule: "criteria.score-range", expected: "[0, 5.00]", found: "6.00", path: "criteria[4].selfScore" }]);
  });

  it("a 复核分 total that is not Σ 复核分 is criteria.total on total.review", async () => {
    expect(await findings(withCell(text, "总分", "86", "87"))).toEqual([
      { rule: "criteria.total", expected: "86.00", found: "87.00", path: "total.review" },
    ]);
  });

  it("a 分值 total that is not Σ 分值 is criteria.total on total.weight", async () => {
    expect(await findings(withCell(text, "总分", "100", "90"))).toEqual([
      { rule: "criteria.total", expected: "100.00", found: "90.00", path: "total.weight" },
    ]);
  });

  it("a 合计 that is not Σ of the sources is funding.source-sum (and the rate on it still holds: 237.50 / 260 is not 95.00 %)", async () => {
    const found = await findings(withRow(text, "237.50", 5, "260"));
    expect(found.map((f) => f.rule)).toEqual(["funding.source-sum", "funding.source-rate"]);
    expect(found[0]).toMatchObject({ expected: "250.00", found: "260.00" });
  });

  it("a 执行率 that is not 执行数 / 合计 is funding.source-rate", async () => {
    expect(await findings(withRow(text, "237.50", 7, "96.00%"))).toEqual([
      { rule: "funding.source-rate", expected: "95.00", found: "96.00", path: "fundingBySource.rate" },
    ]);
  });

  it("a grade that the total does not give is grade.band", async () => {
    expect((await findings(withCell(text, "自评等级", "良", "优"))).map((f) => f.rule)).toEqual(["grade.band"]);
  });
});

describe("Ningxia (决策 / 过程 / 产出 / 效益, with 小计 rows)", () => {
  const text = fixture("ningxia-wetland");

  it("is clean as printed", async () => {
    expect(await findings(text)).toEqual([]);
  });

  it("a 小计 that is not Σ of its group is criteria.subtotal, on its column", async () => {
    expect(await findings(withRow(text, "小计", 3, "19", 1))).toEqual([
      { rule: "criteria.subtotal", expected: "18.50", found: "19.00", path: "criteriaSubtotals[1].selfScore" },
    ]);
    expect(await findings(withRow(text, "小计", 4, "23", 3))).toEqual([
      { rule: "criteria.subtotal", expected: "22.00", found: "23.00", path: "criteriaSubtotals[3].reviewScore" },
    ]);
  });

  it("a rate printed with one decimal is checked at one decimal: 456 / 500 = 91.2, and 91.3 is funding.source-rate", async () => {
    expect(await findings(withRow(text, "456", 7, "91.3%"))).toEqual([
      { rule: "funding.source-rate", expected: "91.20", found: "91.30", path: "fundingBySource.rate" },
    ]);
  });

  it("a 自评总分 printed after a colon that is not Σ 自评分 is criteria.self-total", async () => {
    expect(await findings(text.replace("自评总分：86.5", "自评总分：88.5"))).toEqual([
      { rule: "criteria.self-total", expected: "86.50", found: "88.50", path: "selfEvaluationTotal" },
    ]);
  });
});

describe("项目属性", () => {
  const text = fixture("ningxia-wetland");

  it("two boxes ticked, or none, is form.project-attribute and null, never a guess", async () => {
    for (const boxes of [["☑常年性", "□延续性", "☑一次性", "□新增性"], ["□常年性", "□延续性", "□一次性", "□新增性"]]) {
      const doc = await parseText(text.replace("□常年性\t□延续性\t☑一次性\t□新增性", boxes.join("\t")), { source: "x.txt" });
      expect(doc.forms[0]!.projectAttribute).toBeNull();
      expect(doc.diagnostics.map((d) => d.code)).toEqual(["form.project-attribute"]);
      expect(doc.diagnostics[0]!.quotes?.map((q) => q.text)).toEqual(boxes);
    }
  });

  it("a bare word, printed without boxes, is the attribute", async () => {
    const doc = await parseText(text.replace("□常年性\t□延续性\t☑一次性\t□新增性", "延续性"), { source: "x.txt" });
    expect(doc.forms[0]!.projectAttribute).toBe("延续性");
    expect(doc.diagnostics).toEqual([]);
  });
});

describe("funding by source", () => {
  it("takes its unit from its label: 项目资金(元) is fundingUnit 元", async () => {
    const text = fixture("ningxia-wetland").replace("项目资金(万元)", "项目资金(元)");
    const doc = await parseText(text, { source: "x.txt" });
    expect(doc.forms[0]!.fundingUnit).toBe("元");
    expect(doc.forms[0]!.fundingBySource).toMatchObject({ total: "500", executed: "456" });
  });
});
