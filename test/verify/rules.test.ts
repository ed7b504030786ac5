/**
 * Unit tests of each rule at its boundaries. Every expected value is worked
 * out by hand in the comment or the test name, never copied from a run.
 */
import { describe, expect, it } from "vitest";
import { D } from "../../src/verify/decimal.js";
import { RULES, verify, VerifyOptions } from "../../src/verify/index.js";
import { cleanForm, findings, ind, m, q, ruleIds, subRow, totalRow } from "./builders.js";

describe("the clean form", () => {
  it("raises nothing at all", () => {
    expect(ruleIds(cleanForm())).toEqual([]);
  });
});

describe("rule catalogue", () => {
  it("has unique ids, each with a severity, family and bilingual formula", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(["error", "warning", "notice"]).toContain(r.severity);
      expect(r.formula.zh.length).toBeGreaterThan(0);
      expect(r.formula.en.length).toBeGreaterThan(0);
    }
  });

  it("files the domain's rules under the domain's severities", () => {
    const sev = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));
    for (const id of ["funding.rows-sum", "funding.rate", "funding.score", "funding.zero-budget", "weights.total", "weights.subtotal", "score.range", "total.sum", "grade.band"]) expect(sev[id]).toBe("error");
    for (const id of ["funding.weight", "funding.overspend", "weights.split", "indicator.unmet-full", "indicator.met-partial", "indicator.proportional", "indicator.reverse", "indicator.qualitative", "indicator.no-reason"]) expect(sev[id]).toBe("warning");
    for (const id of ["funding.underspent", "funding.adjusted", "indicator.outruns-spending"]) expect(sev[id]).toBe("notice");
  });
});

describe("funding.rows-sum", () => {
  const withSubs = (fiscalExec: string, carryExec: string, unit: "万元" | "元" = "万元") => cleanForm({
    fundingUnit: unit,
    funding: [totalRow({ adjustedBudget: "100.00", initialBudget: "100.00", executed: "100.00" }),
      subRow("fiscal", "当年财政拨款", "60.00", fiscalExec, "100.00"),
      subRow("carryover", "上年结转资金", "40.00", carryExec, "100.00")],
  });

  it("accepts sub-rows that add up exactly", () => {
    expect(findings(withSubs("60.00", "40.00"), "funding.rows-sum")).toEqual([]);
  });

  it("allows (2 + 1) × 0.005 = 0.015 for two rounded 万元 sub-rows: 0.01 passes, 0.02 fails", () => {
    // 59.99 + 40.00 = 99.99 against 100.00; the sub-row rate 59.99/60 = 99.98 %.
    const off1 = withSubs("59.99", "40.00");
    off1.funding[1]!.rate = "99.98";
    expect(findings(off1, "funding.rows-sum")).toEqual([]);
    const off2 = withSubs("59.98", "40.00");
    off2.funding[1]!.rate = "99.96"; // 59.98 / 60 = 99.9666… → 99.96 truncated
    const f = findings(off2, "funding.rows-sum");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: "99.98", found: "100.00", difference: "0.02", where: { path: "funding[0].executed" } });
  });

  it("allows nothing for amounts in 元, which are never rounded", () => {
    const off1 = withSubs("59.99", "40.00", "元");
    off1.funding[1]!.rate = "99.98";
    expect(findings(off1, "funding.rows-sum")).toHaveLength(1);
  });
});

describe("funding.rate", () => {
  // 957.58 / 1031.92 × 100 = 92.7959…: 92.79 truncated, 92.80 half-up.
  const park = (rate: string, initial = "1031.92") => cleanForm({
    funding: [totalRow({ initialBudget: initial, adjustedBudget: "1031.92", executed: "957.58", rate, score: "9.27" })],
    total: { weight: "100.00", score: "99.27" },
  });

  it("accepts the truncated and the half-up rendering under the default 'either'", () => {
    expect(findings(park("92.79"), "funding.rate")).toEqual([]);
    expect(findings(park("92.80"), "funding.rate")).toEqual([]);
  });

  it("rejects a figure that is neither", () => {
    expect(findings(park("92.78"), "funding.rate")[0]).toMatchObject({ severity: "error", expected: "92.80", found: "92.78", difference: "-0.02", where: { path: "funding[0].rate", row: "年度资金总额" } });
  });

  it("accepts only the configured rounding", () => {
    expect(findings(park("92.80"), "funding.rate", { rounding: "truncate" })[0]).toMatchObject({ expected: "92.79", found: "92.80" });
    expect(findings(park("92.79"), "funding.rate", { rounding: "half-up" })[0]).toMatchObject({ expected: "92.80", found: "92.79" });
    expect(findings(park("92.79"), "funding.rate", { rounding: "truncate" })).toEqual([]);
  });

  it("says so specially when the rate was computed on 年初预算数", () => {
    // 957.58 / 1121.92 × 100 = 85.3519…: 85.35 both ways.
    const f = findings(park("85.35", "1121.92"), "funding.rate");
    expect(f).toHaveLength(1);
    expect(f[0]!.message.en).toContain("wrong base");
    expect(f[0]!.message.zh).toContain("年初预算数");
    expect(f[0]).toMatchObject({ expected: "92.80", found: "85.35" });
  });

  it("takes a rate of exactly 100 as 100.00, and nothing less", () => {
    expect(findings(cleanForm(), "funding.rate")).toEqual([]);
    const f = cleanForm({ funding: [totalRow({ rate: "99.99" })] });
    expect(findings(f, "funding.rate")[0]).toMatchObject({ expected: "100.00", found: "99.99" });
  });

  it("recomputes a rate above 100 as printed (105.00), not capped", () => {
    const f = cleanForm({ funding: [totalRow({ executed: "105.00", rate: "105.00" })] });
    expect(findings(f, ["funding.rate", "funding.score"])).toEqual([]);
  });
});

describe("funding.score", () => {
  it("accepts both renderings of min(rate, 100) / 100 × weight: 9.2795… → 9.27 or 9.28", () => {
    for (const score of ["9.27", "9.28"]) {
      const f = cleanForm({ funding: [totalRow({ adjustedBudget: "1031.92", initialBudget: "1031.92", executed: "957.58", rate: "92.79", score })] });
      expect(findings(f, "funding.score")).toEqual([]);
    }
  });

  it("caps the rate at 100: 105 % spent scores the full 10.00, not 10.50", () => {
    const ok = cleanForm({ funding: [totalRow({ executed: "105.00", rate: "105.00", score: "10.00" })] });
    expect(findings(ok, "funding.score")).toEqual([]);
    const bad = cleanForm({ funding: [totalRow({ executed: "105.00", rate: "105.00", score: "10.50" })] });
    expect(findings(bad, "funding.score")[0]).toMatchObject({ expected: "10.00", found: "10.50" });
  });

  it("accepts a score computed from the printed rate: 9274.51 / 10000 = 92.7451 %, printed 92.75, gives 9.275 → 9.28", () => {
    // From the exact rate the score is 9.27451…, i.e. 9.27 either way; only the printed rate explains 9.28.
    const row = (score: string) => cleanForm({ funding: [totalRow({ initialBudget: "10000.00", adjustedBudget: "10000.00", executed: "9274.51", rate: "92.75", score })] });
    expect(findings(row("9.28"), "funding.score")).toEqual([]);
    expect(findings(row("9.27"), "funding.score")).toEqual([]);
    expect(findings(row("9.29"), "funding.score")[0]).toMatchObject({ expected: "9.27", found: "9.29" });
  });
});

describe("funding.zero-budget", () => {
  const zero = (rate: string | null, score: string | null) => cleanForm({
    funding: [totalRow({ initialBudget: "0.00", adjustedBudget: "0.00", executed: "0.00", rate, score })],
    total: { weight: "100.00", score: "90.00" },
  });

  it("accepts 0.00 and '-' against a zero budget", () => {
    expect(findings(zero("0.00", "0.00"), ["funding.zero-budget", "funding.rate", "funding.score"])).toEqual([]);
    expect(findings(zero(null, null), ["funding.zero-budget", "funding.rate", "funding.score"])).toEqual([]);
  });

  it("flags a non-zero rate or score against a zero budget", () => {
    const f = findings(zero("100.00", "0.00"), "funding.zero-budget");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", expected: "0.00", found: "100.00", where: { path: "funding[0].rate" } });
    expect(findings(zero("0.00", "10.00"), "funding.zero-budget")[0]).toMatchObject({ where: { path: "funding[0].score" } });
  });

  it("checks zero sub-rows too (上年结转资金 0.00 with a 5.00 rate)", () => {
    const f = cleanForm({ funding: [totalRow(), subRow("fiscal", "当年财政拨款", "100.00", "100.00", "100.00"), subRow("carryover", "上年结转资金", "0.00", "0.00", "5.00")] });
    expect(findings(f, "funding.zero-budget")[0]).toMatchObject({ where: { path: "funding[2].rate", row: "上年结转资金" } });
  });
});

describe("funding warnings and notices", () => {
  it("funding.weight: 10 is silent, 15 warns", () => {
    expect(findings(cleanForm(), "funding.weight")).toEqual([]);
    const f = cleanForm({ funding: [totalRow({ weight: "15.00", score: "15.00" })], indicators: [ind("产出指标", "45.00"), ind("效益指标", "30.00"), ind("满意度指标", "10.00")] });
    expect(findings(f, "funding.weight")[0]).toMatchObject({ severity: "warning", expected: "10.00", found: "15.00" });
  });

  it("funding.overspend: spending the budget exactly is fine, a cent more warns", () => {
    expect(findings(cleanForm(), "funding.overspend")).toEqual([]);
    const f = cleanForm({ funding: [totalRow({ executed: "100.01", rate: "100.01" })] });
    expect(findings(f, "funding.overspend")[0]).toMatchObject({ severity: "warning", expected: "100.00", found: "100.01" });
  });

  it("funding.underspent: 90.00 % exactly is not below 90, 89.99 is", () => {
    const at = cleanForm({ funding: [totalRow({ executed: "90.00", rate: "90.00", score: "9.00" })], total: { weight: "100.00", score: "99.00" } });
    expect(findings(at, "funding.underspent")).toEqual([]);
    const below = cleanForm({ funding: [totalRow({ executed: "89.99", rate: "89.99", score: "8.99" })], total: { weight: "100.00", score: "98.99" } });
    expect(findings(below, "funding.underspent")[0]).toMatchObject({ severity: "notice", expected: "90.00", found: "89.99", difference: "-0.01" });
  });

  it("funding.underspent judges the exact rate: 899.95 / 1000 = 89.995 % is below 90 even if printed 90.00 half-up", () => {
    const f = cleanForm({ funding: [totalRow({ initialBudget: "1000.00", adjustedBudget: "1000.00", executed: "899.95", rate: "90.00", score: "9.00" })], total: { weight: "100.00", score: "99.00" } });
    expect(findings(f, "funding.rate")).toEqual([]);
    expect(findings(f, "funding.underspent")[0]).toMatchObject({ found: "90.00" });
  });

  it("funding.adjusted: reports the change between 年初 and 全年预算数", () => {
    expect(findings(cleanForm(), "funding.adjusted")).toEqual([]);
    const f = cleanForm({ funding: [totalRow({ initialBudget: "120.00" })] });
    const [x] = findings(f, "funding.adjusted");
    expect(x).toMatchObject({ severity: "notice", expected: "120.00", found: "100.00", difference: "-20.00", where: { path: "funding[0].adjustedBudget" } });
    expect(x!.message.zh).toContain("调减 20.00");
  });
});

describe("weights", () => {
  it("weights.total: 90 + 10 = 100 passes, 89.99 + 10 does not", () => {
    expect(findings(cleanForm(), "weights.total")).toEqual([]);
    const f = cleanForm({ indicators: [ind("产出指标", "49.99", { score: "49.99" }), ind("效益指标", "30.00"), ind("满意度指标", "10.00")], total: { weight: "100.00", score: "99.99" } });
    expect(findings(f, "weights.total")[0]).toMatchObject({ severity: "error", expected: "99.99", found: "100.00", where: { path: "total.weight" } });
  });

  it("weights.subtotal: 产出指标(50分) over rows of 30 + 20 passes, over 30 + 19 fails", () => {
    const rows = (second: string) => [ind("产出指标", "30.00", { level1Subtotal: "50" }), ind("产出指标", second, { level1Subtotal: "50" }), ind("效益指标", "30.00"), ind("满意度指标", "10.00")];
    expect(findings(cleanForm({ indicators: rows("20.00") }), "weights.subtotal")).toEqual([]);
    const f = findings(cleanForm({ indicators: rows("19.00") }), "weights.subtotal");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: "49.00", found: "50.00", where: { path: "indicators[0].level1Subtotal", row: "产出指标" } });
  });

  it("weights.split: 50 / 30 / 10 is silent; 成本指标 counts with 产出; 满意 度指 标 is 满意度", () => {
    expect(findings(cleanForm(), "weights.split")).toEqual([]);
    const f = cleanForm({ indicators: [ind("产出指标", "40.00"), ind("成本指标", "10.00"), ind("效益指标", "30.00"), ind("满意 度指 标", "10.00")] });
    expect(findings(f, "weights.split")).toEqual([]);
  });

  it("weights.split: 60 / 20 / 10 warns twice, once per level", () => {
    const f = cleanForm({ indicators: [ind("产出指标", "60.00"), ind("效益指标", "20.00"), ind("满意度指标", "10.00")] });
    expect(findings(f, "weights.split").map((x) => [x.where.path, x.expected, x.found])).toEqual([
      ["indicators[0].level1", "50.00", "60.00"],
      ["indicators[1].level1", "30.00", "20.00"],
    ]);
  });

  it("weights.split stays silent on a form cut off mid-table", () => {
    const f = cleanForm({ indicators: [ind("产出指标", "50.00")], total: { weight: null, score: null }, grade: null, complete: false });
    expect(findings(f, "weights.split")).toEqual([]);
  });

  it("weights.split stays silent when a level 1 is unrecognised, and follows a configured split", () => {
    const f = cleanForm({ indicators: [ind("产出指标", "60.00"), ind("其他", "20.00"), ind("满意度指标", "10.00")] });
    expect(findings(f, "weights.split")).toEqual([]);
    const g = cleanForm({ indicators: [ind("产出指标", "60.00"), ind("效益指标", "20.00"), ind("满意度指标", "10.00")] });
    expect(findings(g, "weights.split", { split: { output: "60", benefit: "20", satisfaction: "10" } })).toEqual([]);
  });
});

describe("score.range", () => {
  const one = (weight: string, score: string) => cleanForm({ indicators: [ind("产出指标", "50.00"), ind("效益指标", "30.00"), ind("满意度指标", weight, { score })] });

  it("accepts 0 and the full weight", () => {
    expect(findings(one("10.00", "10.00"), "score.range")).toEqual([]);
    expect(findings(one("10.00", "0.00"), "score.range")).toEqual([]);
  });

  it("rejects a score above the weight, below zero, and a weight that is not positive", () => {
    expect(findings(one("10.00", "10.01"), "score.range")[0]).toMatchObject({ expected: "10.00", found: "10.01", where: { path: "indicators[2].score" } });
    expect(findings(one("10.00", "-1.00"), "score.range")[0]).toMatchObject({ expected: "0.00", found: "-1.00" });
    expect(findings(one("0.00", "0.00"), "score.range")[0]).toMatchObject({ expected: "> 0", found: "0.00", where: { path: "indicators[2].weight" } });
  });
});

describe("total.sum", () => {
  it("needs an exact sum when no term is rounded: 99.99 against 100.00 fails", () => {
    expect(findings(cleanForm(), "total.sum")).toEqual([]);
    const f = cleanForm({ total: { weight: "100.00", score: "99.99" } });
    expect(findings(f, "total.sum")[0]).toMatchObject({ expected: "100.00", found: "99.99", difference: "-0.01" });
  });

  it("allows (1 + 1) × 0.005 = 0.01 when the execution score is rounded (9.2795… printed 9.27)", () => {
    const funding = [totalRow({ initialBudget: "1031.92", adjustedBudget: "1031.92", executed: "957.58", rate: "92.79", score: "9.27" })];
    expect(findings(cleanForm({ funding, total: { weight: "100.00", score: "99.27" } }), "total.sum")).toEqual([]);
    expect(findings(cleanForm({ funding, total: { weight: "100.00", score: "99.28" } }), "total.sum")).toEqual([]);
    expect(findings(cleanForm({ funding, total: { weight: "100.00", score: "99.29" } }), "total.sum")[0]).toMatchObject({ expected: "99.27", found: "99.29" });
  });
});

describe("total.sum with truncated formula scores", () => {
  // Four rows missing ≥9 with 8: 8 / 9 × 10 = 8.888…, truncated 8.88 (Σ 35.52, exact 35.555…).
  // With 40 + 10 more points and the full execution score: exact total 95.555… → 95.55
  // truncated, while the printed terms add up to 95.52: a gap of 0.03 = (4 − 1) × 0.01,
  // wider than domain.md's (4 + 1) × 0.005 = 0.025 yet exactly what truncation produces.
  const missed = () => ind("产出指标", "10.00", { target: m(">=", "9", "次"), actual: m(null, "8.00", "次"), score: "8.88", deviation: "原因" });
  const form = (total: string) => cleanForm({
    indicators: [missed(), missed(), missed(), missed(), ind("产出指标", "10.00"), ind("效益指标", "30.00"), ind("满意度指标", "10.00")],
    total: { weight: "100.00", score: total },
  });

  it("accepts the truncation gap of (n − 1) × 0.01 when truncation is accepted", () => {
    expect(findings(form("95.55"), "total.sum")).toEqual([]);
    expect(findings(form("95.55"), "total.sum", { rounding: "truncate" })).toEqual([]);
  });

  it("still rejects one cent more, and the whole gap when only half-up is accepted", () => {
    expect(findings(form("95.56"), "total.sum")[0]).toMatchObject({ expected: "95.52", found: "95.56" });
    expect(findings(form("95.55"), "total.sum", { rounding: "half-up" })).toHaveLength(1);
  });
});

describe("total.missing-row", () => {
  // Drop a 4-point row from a clean form: weights 96, scores 96, printed 100 / 100.
  const dropped = (score: string) => cleanForm({
    indicators: [ind("产出指标", "46.00"), ind("效益指标", "30.00"), ind("满意度指标", "10.00")],
    total: { weight: "100.00", score },
  });

  it("says a full-score row worth d looks missing when weights and total are both d short", () => {
    const f = findings(dropped("100.00"), "total.missing-row");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", expected: "4.00", found: null, where: { path: "indicators" } });
    expect(f[0]!.message.en).toBe("weights and total are both 4.00 short: a row worth 4.00 points, with full score, looks missing, most likely under 产出指标");
  });

  it("names the score when the total is short by less (a 4-point row that scored 3)", () => {
    const f = findings(dropped("99.00"), "total.missing-row");
    expect(f[0]!.message.en).toContain("a row worth 4.00 points, scoring 3.00, looks missing");
  });

  it("stays silent when only the weights are short, or the total is short by more than the weights", () => {
    expect(findings(dropped("96.00"), "total.missing-row")).toEqual([]);
    expect(findings(dropped("101.00"), "total.missing-row")).toEqual([]);
  });
});

describe("grade.band", () => {
  const graded = (total: string, grade: string, execScore = "10.00", rate = "100.00", executed = "100.00") => cleanForm({
    funding: [totalRow({ initialBudget: "1000.00", adjustedBudget: "1000.00", executed, rate, score: execScore })],
    indicators: [ind("产出指标", "50.00", { score: "40.00" }), ind("效益指标", "30.00"), ind("满意度指标", "10.00")],
    total: { weight: "100.00", score: total }, grade,
  });

  it("90.00 is 优, 89.99 is 良", () => {
    expect(findings(graded("90.00", "优", "10.00", "100.00", "1000.00"), "grade.band")).toEqual([]);
    expect(findings(graded("90.00", "良", "10.00", "100.00", "1000.00"), "grade.band")[0]).toMatchObject({ expected: "优", found: "良" });
  });

  it("89.995 truncated is 89.99, so 良; rounded half-up it is 90.00, so 优", () => {
    // 999.50 / 1000 = 99.95 %, × 10 / 100 = 9.995: 9.99 truncated, 10.00 half-up; plus 80 from the indicators.
    const truncated = graded("89.99", "良", "9.99", "99.95", "999.50");
    expect(ruleIds(truncated).filter((r) => !r.startsWith("indicator.") && r !== "weights.split")).toEqual([]);
    expect(findings(graded("89.99", "优", "9.99", "99.95", "999.50"), "grade.band")[0]).toMatchObject({ expected: "良", found: "优" });
    const halfUp = graded("90.00", "优", "10.00", "99.95", "999.50");
    expect(findings(halfUp, ["grade.band", "funding.score", "total.sum"])).toEqual([]);
  });

  it("bands are configurable and an office's own grade word is left alone", () => {
    const bands = [{ grade: "A", min: "95" }, { grade: "B", min: "0" }];
    expect(findings(graded("90.00", "B", "10.00", "100.00", "1000.00"), "grade.band", { gradeBands: bands })).toEqual([]);
    expect(findings(graded("90.00", "A", "10.00", "100.00", "1000.00"), "grade.band", { gradeBands: bands })[0]).toMatchObject({ expected: "B" });
    expect(findings(graded("90.00", "合格", "10.00", "100.00", "1000.00"), "grade.band")).toEqual([]);
  });

  it("says when the grade follows a printed total that does not add up", () => {
    // The scores add up to 39 + 30 + 10 + 10 = 89 (良), but the total is printed 91.00 and graded 优.
    const f = cleanForm({ indicators: [ind("产出指标", "50.00", { score: "39.00" }), ind("效益指标", "30.00"), ind("满意度指标", "10.00")], total: { weight: "100.00", score: "91.00" }, grade: "优" });
    const g = findings(f, "grade.band");
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ expected: "良", found: "优" });
  });
});

describe("indicator rules", () => {
  const one = (over: Parameters<typeof ind>[2]) => cleanForm({ indicators: [ind("产出指标", "50.00"), ind("效益指标", "30.00"), ind("满意度指标", "10.00", over)], total: { weight: "100.00", score: new D(90).plus(over?.score ?? "10.00").toFixed(2) } });
  const warnings = (over: Parameters<typeof ind>[2]) => verify(one(over)).findings.filter((f) => f.where.path?.startsWith("indicators[2]")).map((f) => f.rule);

  it("a ≤ target met exactly (24 小时 against ≤24) is met: full score, no warning", () => {
    expect(warnings({ target: m("<=", "24.00", "小时"), actual: m(null, "24.00", "小时") })).toEqual([]);
  });

  it("indicator.met-partial: met yet 9 of 10", () => {
    expect(warnings({ score: "9.00", deviation: "原因" })).toEqual(["indicator.met-partial"]);
  });

  it("indicator.unmet-full: 90 % against ≥95 % with full score, the formula value attached", () => {
    const f = findings(one({ actual: m(null, "90.00") }), "indicator.unmet-full");
    // 90 / 95 × 10 = 9.4736… → 9.47
    expect(f[0]).toMatchObject({ severity: "warning", expected: "9.47", found: "10.00" });
  });

  it("indicator.proportional: 70 / 120 × 5 = 2.9166… accepts 2.91 and 2.92, warns on 3.00", () => {
    const row = (score: string) => cleanForm({ indicators: [ind("产出指标", "45.00"), ind("产出指标", "5.00", { target: m(">=", "120", "次"), actual: m(null, "70.00", "次"), score, deviation: "原因" }), ind("效益指标", "30.00"), ind("满意度指标", "10.00")] });
    expect(findings(row("2.91"), "indicator.proportional")).toEqual([]);
    expect(findings(row("2.92"), "indicator.proportional")).toEqual([]);
    expect(findings(row("3.00"), "indicator.proportional")[0]).toMatchObject({ expected: "2.92", found: "3.00", difference: "0.08", where: { path: "indicators[1].score" } });
  });

  it("indicator.proportional: a '>' target reached exactly is not met", () => {
    expect(warnings({ target: m(">", "95"), actual: m(null, "95.00") })).toEqual(["indicator.unmet-full"]);
  });

  it("indicator.reverse: 30 小时 against ≤24 小时 scores 24 / 30 × 10 = 8.00", () => {
    const over = { target: m("<=", "24.00", "小时"), actual: m(null, "30.00", "小时"), deviation: "原因" };
    expect(warnings({ ...over, score: "8.00" })).toEqual([]);
    expect(findings(one({ ...over, score: "9.00" }), "indicator.reverse")[0]).toMatchObject({ expected: "8.00", found: "9.00" });
  });

  it("a zero '=' target (=0 % accidents) exceeded is unmet, with no formula", () => {
    const f = findings(one({ target: m("=", "0"), actual: m(null, "2.00") }), "indicator.unmet-full");
    expect(f[0]).toMatchObject({ expected: null, found: "10.00" });
  });

  it("treats 百分比 as %, and stays silent on units that cannot be compared", () => {
    expect(warnings({ target: m(">=", "100", "百分比"), actual: m(null, "100.00", "%") })).toEqual([]);
    expect(warnings({ target: m(">=", "100", "人"), actual: m(null, "5.00", "%") })).toEqual([]);
  });

  it("indicator.qualitative: 达成 in [8, 10], boundaries included", () => {
    const at = (score: string) => warnings({ target: q("全年正常运营"), actual: q("达成指标"), score, deviation: "原因" });
    expect(at("8.00")).toEqual([]);
    expect(at("10.00")).toEqual([]);
    expect(at("7.99")).toEqual(["indicator.qualitative"]);
  });

  it("indicator.qualitative: 部分达成 in [6, 8), 未达成 below 6, each tested before 达成", () => {
    const at = (text: string, score: string) => warnings({ target: q("全年正常运营"), actual: q(text), score, deviation: "原因" });
    expect(at("部分达成指标并具有一定效果", "6.00")).toEqual([]);
    expect(at("部分达成指标并具有一定效果", "8.00")).toEqual(["indicator.qualitative"]);
    expect(at("未达成指标", "5.99")).toEqual([]);
    expect(at("未达成指标", "6.00")).toEqual(["indicator.qualitative"]);
    expect(findings(one({ target: q("全年正常运营"), actual: q("部分达成指标并具有一定效果"), score: "10.00" }), "indicator.qualitative")[0]).toMatchObject({ expected: "[6.00, 8.00)", found: "10.00", difference: null });
  });

  it("indicator.no-reason: a lost point with a blank 偏差原因", () => {
    expect(warnings({ score: "9.00" })).toEqual(["indicator.met-partial", "indicator.no-reason"]);
    expect(warnings({ score: "9.00", deviation: "  " })).toEqual(["indicator.met-partial", "indicator.no-reason"]);
  });
});

describe("indicator.outruns-spending", () => {
  const spent = (executed: string, rate: string, score: string) => cleanForm({
    funding: [totalRow({ executed, rate, score })],
    total: { weight: "100.00", score: new D(90).plus(score).toFixed(2) },
  });

  it("a gap of exactly 5 % of the score share (100 % scored, 95 % spent) is not more than 5 %", () => {
    expect(findings(spent("95.00", "95.00", "9.50"), "indicator.outruns-spending")).toEqual([]);
  });

  it("94.99 % spent with every indicator full is", () => {
    expect(findings(spent("94.99", "94.99", "9.49"), "indicator.outruns-spending")[0]).toMatchObject({ severity: "notice", expected: "94.99", found: "100.00" });
  });

  it("needs a budget: a zero budget says nothing", () => {
    const f = cleanForm({ funding: [totalRow({ initialBudget: "0.00", adjustedBudget: "0.00", executed: "0.00", rate: "0.00", score: "0.00" })], total: { weight: "100.00", score: "90.00" } });
    expect(findings(f, "indicator.outruns-spending")).toEqual([]);
  });
});

describe("rounding of the form", () => {
  // 2 / 3 = 66.666…%: 66.66 truncated, 66.67 half-up; score 6.666…: 6.66 / 6.67.
  const form = (rate: string, score: string) => cleanForm({
    funding: [totalRow({ initialBudget: "3.00", adjustedBudget: "3.00", executed: "2.00", rate, score })],
    total: { weight: "100.00", score: new D(90).plus(score).toFixed(2) },
  });

  it("is truncate, half-up, or inconsistent as the derived figures are", () => {
    expect(verify(form("66.66", "6.66")).rounding).toBe("truncate");
    expect(verify(form("66.67", "6.67")).rounding).toBe("half-up");
    expect(verify(form("66.66", "6.67")).rounding).toBe("inconsistent");
  });

  it("is either when every figure is exact", () => {
    expect(verify(cleanForm()).rounding).toBe("either");
  });
});

describe("options", () => {
  const bad = cleanForm({ indicators: [ind("产出指标", "60.00", { score: "59.00" }), ind("效益指标", "20.00"), ind("满意度指标", "10.00")], total: { weight: "100.00", score: "95.00" } });

  it("switches rules off by id, by prefix and by family", () => {
    const all = ruleIds(bad);
    expect(all).toContain("total.sum");
    expect(all).toContain("weights.split");
    expect(all).toContain("indicator.met-partial");
    expect(ruleIds(bad, { disable: ["total.sum"] })).not.toContain("total.sum");
    expect(ruleIds(bad, { disable: ["indicator."] }).filter((r) => r.startsWith("indicator."))).toEqual([]);
    expect(ruleIds(bad, { disable: ["weights"] })).not.toContain("weights.split");
    expect(ruleIds(bad, { disable: ["indicator"] }).filter((r) => r.startsWith("indicator."))).toEqual([]);
    expect(ruleIds(bad, { disable: ["indicators"] }).filter((r) => r.startsWith("indicator."))).toEqual([]);
    // "total" is the prefix of total.sum, not of weights.total.
    expect(ruleIds(bad, { disable: ["total"] })).not.toContain("total.sum");
  });

  it("rejects invalid options", () => {
    expect(() => verify(bad, { rounding: "nearest" as never })).toThrow();
    expect(() => verify(bad, { gradeBands: [{ grade: "优", min: "ninety" }] })).toThrow();
    expect(VerifyOptions.parse({})).toMatchObject({ rounding: "either", disable: [] });
  });
});
