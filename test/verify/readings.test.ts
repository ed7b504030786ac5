/**
 * The family readings of issue 11 at their boundaries: a 年度资金总额 printed
 * as 0, an execution weight printed as 100, sub-rows scored on their own, and
 * sub-rows in groups. Each reading applies only where the form's own figures
 * say so; elsewhere the usual rules still raise their errors.
 */
import { describe, expect, it } from "vitest";
import { cleanForm, findings, ruleIds, subRow, totalRow } from "./builders.js";

const errors = (ids: string[]) => ids.filter((id) => !/^(funding\.(total-blank|weight-scale|weight|adjusted|underspent|overspend)|weights\.split|indicator\.)/.test(id));

describe("funding.total-blank", () => {
  it("reads a total printed as 0 as its sub-rows' sum, says so, and raises no error", () => {
    const form = cleanForm({
      funding: [
        totalRow({ initialBudget: "0", adjustedBudget: "0", executed: "0" }),
        subRow("fiscal", "当年财政拨款", "60.00", "60.00", "100.00"),
        subRow("carryover", "上年结转资金", "40.00", "40.00", "100.00"),
      ],
    });
    expect(findings(form, "funding.total-blank").map((f) => [f.where.path, f.expected])).toEqual([
      ["funding[0].initialBudget", "100.00"], ["funding[0].adjustedBudget", "100.00"], ["funding[0].executed", "100.00"],
    ]);
    expect(errors(ruleIds(form))).toEqual([]);
  });

  it("does not apply to a total that prints a budget: the sum is still checked", () => {
    const form = cleanForm({ funding: [totalRow(), subRow("fiscal", "当年财政拨款", "60.00", "60.00", "100.00")] });
    expect(findings(form, "funding.total-blank")).toEqual([]);
    expect(findings(form, "funding.rows-sum").length).toBeGreaterThan(0);
  });
});

describe("funding.weight-scale", () => {
  it("reads 100 as 10 when the score and the total weight say 10", () => {
    const form = cleanForm({ funding: [totalRow({ weight: "100" })] });
    expect(findings(form, "funding.weight-scale")).toHaveLength(1);
    expect(errors(ruleIds(form))).toEqual([]);
  });

  it("does not when the total weight leaves 100 for it: then the usual errors stand", () => {
    const form = cleanForm({ funding: [totalRow({ weight: "100" })], total: { weight: "190.00", score: "100.00" } });
    expect(findings(form, "funding.weight-scale")).toEqual([]);
    expect(ruleIds(form)).toContain("funding.score");
  });
});

describe("sub-rows scored on their own (绩效目标自评表)", () => {
  const scored = (score: string) => cleanForm({
    funding: [
      totalRow({ weight: null, score: null }),
      { ...subRow("fiscal", "本年财政拨款", "80.00", "80.00", "100.00"), weight: "8", score: "8" },
      { ...subRow("carryover", "上年结转资金", "20.00", "20.00", "100.00"), weight: "2", score },
    ],
  });

  it("counts Σ of their weights and scores as the execution criterion", () => {
    expect(errors(ruleIds(scored("2")))).toEqual([]);
  });

  it("checks each row's score against its own rate", () => {
    expect(findings(scored("1.50"), "funding.score").map((f) => f.where.path)).toEqual(["funding[2].score"]);
  });
});

describe("grouped sub-rows (按收入性质分, 按支出性质分)", () => {
  it("add up to the total group by group", () => {
    const g = (kind: "basic" | "project" | "general-budget" | "fund-budget", label: string, amount: string, group: string) =>
      ({ ...subRow(kind, label, amount, amount, "100.00"), group });
    const rows = [g("general-budget", "一般公共预算", "70.00", "按收入性质分"), g("fund-budget", "政府性基金预算", "30.00", "按收入性质分"), g("basic", "基本支出", "90.00", "按支出性质分")];
    const sums = findings(cleanForm({ funding: [totalRow(), ...rows] }), "funding.rows-sum");
    // 70 + 30 is the total; 90 alone is not.
    expect(sums.map((f) => f.message.en)).toEqual(expect.arrayContaining([expect.stringContaining("按支出性质分")]));
    expect(sums.every((f) => f.message.en.includes("按支出性质分"))).toBe(true);
  });
});
