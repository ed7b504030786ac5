/**
 * Small hand-built forms for the rule unit tests: a clean form whose every
 * figure is obviously right, and helpers to change one thing at a time.
 */
import type { Form, FundingRow, Indicator, Measure, MeasureOp } from "../../src/model/index.js";
import { verify, type VerifyOptions } from "../../src/verify/index.js";

/** A numeric measure: m(">=", "95", "%") is ≥95(%). */
export function m(op: MeasureOp | null, value: string, unit: string | null = "%"): Measure {
  return { raw: `${op ?? ""}${value}${unit ? `(${unit})` : ""}`, op, value, unit, qualitative: null };
}

/** A qualitative measure such as 全年正常运营 or 部分达成指标并具有一定效果. */
export function q(text: string): Measure {
  return { raw: text, op: null, value: null, unit: null, qualitative: text };
}

/** One indicator row, met at ≥95 % with full score unless overridden. */
export function ind(level1: string, weight: string, over: Partial<Indicator> = {}): Indicator {
  return {
    level1, level1Subtotal: null, level2: "数量指标", name: `${level1}${weight}`,
    target: m(">=", "95"), actual: m(null, "95.00"), weight, score: weight, deviation: null, ...over,
  };
}

/** The 年度资金总额 row: 100 budgeted and spent, 10 points, full score unless overridden. */
export function totalRow(over: Partial<FundingRow> = {}): FundingRow {
  return {
    kind: "total", label: "年度资金总额", initialBudget: "100.00", adjustedBudget: "100.00", executed: "100.00",
    weight: "10.00", rate: "100.00", score: "10.00", ...over,
  };
}

/** A funding sub-row ('-' for weight and score). */
export function subRow(kind: FundingRow["kind"], label: string, budget: string, executed: string, rate: string, initial = budget): FundingRow {
  return { kind, label, initialBudget: initial, adjustedBudget: budget, executed, weight: null, rate, score: null };
}

/** A clean form: 产出 50, 效益 30, 满意度 10, execution 10, all full: total 100, 优. */
export function cleanForm(over: Partial<Form> = {}): Form {
  return {
    formType: "project", template: "national", title: "财政项目支出绩效自评表", year: 2023, projectName: "测试项目",
    department: null, implementingUnit: null, fundingUnit: "万元",
    funding: [totalRow()],
    goals: { expected: null, actual: null },
    indicators: [ind("产出指标", "50.00"), ind("效益指标", "30.00"), ind("满意度指标", "10.00")],
    total: { weight: "100.00", score: "100.00" }, grade: "优", notes: {}, complete: true, provenance: {},
    ...over,
  };
}

/** The findings of one rule (or of several) on a form. */
export function findings(form: Form, rule: string | string[], options?: VerifyOptions) {
  const rules = Array.isArray(rule) ? rule : [rule];
  return verify(form, options).findings.filter((f) => rules.includes(f.rule));
}

/** The ids of every finding on a form, for "this and nothing else" assertions. */
export function ruleIds(form: Form, options?: VerifyOptions): string[] {
  return verify(form, options).findings.map((f) => f.rule);
}
