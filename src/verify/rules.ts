/**
 * The catalogue of verifier rules: one entry per stable rule id. The README's
 * rule table and the tests are generated from / checked against this list, so
 * a rule exists exactly when it is here.
 */
import type { Severity } from "../model/index.js";

/** The rule families, one module each under src/verify. */
export type RuleFamily = "funding" | "weights" | "scores" | "totals" | "grade" | "indicators" | "criteria";

/** One verifier rule. */
export interface RuleInfo {
  /** Stable id, used in findings, in `disable`, and in reports. */
  readonly id: string;
  /** error: the numbers cannot all be true; warning: a judgement to review; notice: context. */
  readonly severity: Severity;
  /** The module that implements the rule. */
  readonly family: RuleFamily;
  /** The check, in Chinese and in English, as the README prints it. */
  readonly formula: { readonly zh: string; readonly en: string };
}

const rule = (id: string, severity: Severity, family: RuleFamily, zh: string, en: string): RuleInfo => ({
  id,
  severity,
  family,
  formula: { zh, en },
});

/** Every rule the verifier knows, in report order. */
export const RULES = [
  rule("funding.rows-sum", "error", "funding",
    "年度资金总额 = Σ 其中各行（年初预算数、全年预算数、全年执行数、资金到位情况逐列），容差 (n+1)×0.005（n 为非零分项数，单位万元时）",
    "年度资金总额 = Σ sub-rows, per column (initial budget, adjusted budget, executed, received); envelope (n+1)×0.005 for n non-zero sub-rows when amounts are in 万元"),
  rule("funding.rate", "error", "funding",
    "执行率 = 全年执行数 / 全年预算数 × 100，截断或四舍五入到 2 位；与年初预算数为基数相符时特别指出",
    "rate = executed / adjusted budget × 100, truncated or rounded half-up to 2 decimals; says so when it matches the initial budget as base instead"),
  rule("funding.score", "error", "funding",
    "得分 = min(执行率, 100) / 100 × 分值，截断或四舍五入到 2 位（执行率取精确值或表中所印值）",
    "score = min(rate, 100) / 100 × weight, truncated or rounded half-up (rate exact or as printed)"),
  rule("funding.zero-budget", "error", "funding",
    "全年预算数为 0 时，执行率与得分须为 0.00 或 -",
    "with a zero adjusted budget, rate and score must be 0.00 or '-'"),
  rule("funding.weight", "warning", "funding",
    "预算执行率分值 = 10",
    "execution weight = 10"),
  rule("funding.total-blank", "warning", "funding",
    "年度资金总额印为 0（或空白）而其中各行有金额：按各行之和核对，并指出",
    "年度资金总额 printed as 0 (or blank) while its sub-rows hold money: checked as the sub-rows' sum, and said so"),
  rule("funding.weight-scale", "warning", "funding",
    "预算执行率分值印为 100，而得分与总分行均按 10 计：按 10 核对，并指出",
    "execution weight printed as 100 while the score and the total weight count it as 10: checked as 10, and said so"),
  rule("funding.overspend", "warning", "funding",
    "全年执行数 ≤ 全年预算数（逐行）",
    "executed ≤ adjusted budget (per row)"),
  rule("funding.underspent", "notice", "funding",
    "执行率 < 90%",
    "execution rate below 90 %"),
  rule("funding.adjusted", "notice", "funding",
    "年初预算数 ≠ 全年预算数（年度资金总额行）",
    "initial budget ≠ adjusted budget (total row)"),
  rule("weights.total", "error", "weights",
    "Σ 指标分值 + 执行率分值 = 总分行的分值",
    "Σ indicator weights + execution weight = the printed total weight"),
  rule("weights.subtotal", "error", "weights",
    "一级指标标签所印小计（如 产出指标(50分)）= 该级各行分值之和",
    "a subtotal printed in a level-1 label (产出指标(50分)) = Σ weights of its rows"),
  rule("weights.block", "error", "weights",
    "区块标签所印分值（预算执行情况(10分)、绩效指标(90分)）= 执行率分值、Σ 指标分值",
    "points printed in a block's label (预算执行情况(10分), 绩效指标(90分)) = the execution weight, Σ indicator weights"),
  rule("weights.split", "warning", "weights",
    "一级指标分值：产出（含成本）50、效益 30、满意度 10",
    "level-1 weights: 产出 (with 成本) 50, 效益 30, 满意度 10"),
  rule("score.range", "error", "scores",
    "每个指标 0 ≤ 得分 ≤ 分值，且 分值 > 0",
    "every indicator: 0 ≤ score ≤ weight, and weight > 0"),
  rule("score.share-range", "error", "scores",
    "按权重占比折算的表（河北）：每个指标 0 ≤ 得分 ≤ 100",
    "a form weighing by 权重占比 (Hebei): every indicator 0 ≤ score ≤ 100"),
  rule("indicator.weighted-score", "error", "scores",
    "折算得分 = 得分 × 权重占比 / 100，截断或四舍五入到 2 位（河北）",
    "weighted score (折算得分) = score × weight share (权重占比) / 100, truncated or rounded half-up to 2 decimals (Hebei)"),
  rule("total.sum", "error", "totals",
    "总分 = Σ 指标得分 + 执行率得分，容差 (n+1)×0.005（n 为经过舍入的项数；接受截断时至少 (n−1)×0.01）",
    "total = Σ indicator scores + execution score, envelope (n+1)×0.005 for n rounded terms (at least (n−1)×0.01 when truncation is accepted)"),
  rule("total.missing-row", "error", "totals",
    "分值合计与总分同样短缺 d（总分短缺 0 < s ≤ d）：似乎缺了一行分值 d 的指标",
    "weights and total both short (by d and 0 < s ≤ d): a row worth d points looks missing"),
  rule("grade.band", "error", "grade",
    "评分等级与总分相符：优 ≥ 90，良 ≥ 80，中 ≥ 60，否则差（可配置）",
    "the grade matches the total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (configurable)"),
  rule("indicator.unmet-full", "warning", "indicators",
    "未完成指标却得满分",
    "target not met, yet full score"),
  rule("indicator.met-partial", "warning", "indicators",
    "已完成指标却未得满分",
    "target met, yet less than full score"),
  rule("indicator.proportional", "warning", "indicators",
    "正向指标（≥ > =）未完成：得分 = 实际值 / 目标值 × 分值",
    "positive target (≥ > =) not met: score = actual / target × weight"),
  rule("indicator.reverse", "warning", "indicators",
    "反向指标（≤ <）超出：得分 = 目标值 / 实际值 × 分值",
    "reverse target (≤ <) exceeded: score = target / actual × weight"),
  rule("indicator.qualitative", "warning", "indicators",
    "定性指标：达成 [0.8, 1]×分值，部分达成 [0.6, 0.8)×分值，未达成 < 0.6×分值",
    "qualitative: 达成 in [0.8, 1]×weight, 部分达成 in [0.6, 0.8), 未达成 below 0.6"),
  rule("indicator.no-reason", "warning", "indicators",
    "得分 < 分值 时须填写偏差原因",
    "score below weight needs a deviation reason"),
  rule("indicator.outruns-spending", "notice", "indicators",
    "指标得分率 − 预算执行率 > 5% × 指标得分率",
    "indicator score share − spent share > 5 % of the score share"),
  rule("criteria.self-total", "error", "criteria",
    "评价标准类表（湖北、宁夏）：自评总分 = Σ 自评分",
    "a criteria template (Hubei, Ningxia): 自评总分 = Σ self scores (自评分)"),
  rule("criteria.total", "error", "criteria",
    "评价标准类表：总分行的分值、自评分、复核分 = 各行之和（逐列）",
    "a criteria template: the 总分 row's 分值, 自评分 and 复核分 = Σ of the rows, per column"),
  rule("criteria.subtotal", "error", "criteria",
    "评价标准类表：小计行 = 该组各行之和（分值、自评分、复核分逐列）",
    "a criteria template: a 小计 row = Σ of its group's rows (分值, 自评分, 复核分, per column)"),
  rule("criteria.score-range", "error", "criteria",
    "评价标准类表：每行 0 ≤ 自评分 ≤ 分值，0 ≤ 复核分 ≤ 分值",
    "a criteria template: every row 0 ≤ self score ≤ 分值 and 0 ≤ review score ≤ 分值"),
  rule("funding.source-sum", "error", "criteria",
    "按来源的资金（评价标准类表）：合计 = 中央 + 省、地 + 本级 + 其他",
    "funding by source (criteria templates): 合计 = 中央 + 省、地 + 本级 + 其他"),
  rule("funding.source-rate", "error", "criteria",
    "按来源的资金：执行率 = 执行数 / 合计 × 100，按所印小数位截断或四舍五入",
    "funding by source: rate = 执行数 / 合计 × 100, truncated or rounded half-up to the decimals printed"),
  rule("criteria.review", "notice", "criteria",
    "复核分 ≠ 自评分：与自评分并列报告（不替代自评分）",
    "review score (复核分) ≠ self score: reported beside it (never instead of it)"),
] as const satisfies readonly RuleInfo[];

/** A rule id the verifier can emit. */
export type RuleId = (typeof RULES)[number]["id"];

const byId = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

/** The catalogue entry of a rule id. */
export function ruleInfo(id: RuleId): RuleInfo {
  const info = byId.get(id);
  // Unreachable for a RuleId; kept so a typo in a cast fails loudly.
  if (!info) throw new Error(`unknown verifier rule ${id}`);
  return info;
}
