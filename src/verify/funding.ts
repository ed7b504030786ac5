/**
 * Rules on the funding block (项目资金): the total row against its sub-rows,
 * execution rates and the execution score, and the context notices about
 * under-spending and in-year budget changes.
 */
import type { FundingRow } from "../model/index.js";
import type { VerifyContext } from "./context.js";
import { D, accepted, dec, display2, envelope, fmt, fmtAmount, roundingMatch, sum, type Dec } from "./decimal.js";
import { executionScore, exactRate, type Facts } from "./facts.js";

const AMOUNT_COLUMNS = [
  { key: "initialBudget", zh: "年初预算数", en: "initial budget" },
  { key: "adjustedBudget", zh: "全年预算数", en: "adjusted budget" },
  { key: "executed", zh: "全年执行数", en: "executed" },
] as const;

/** The threshold of funding.underspent, in percent. */
const UNDERSPENT_BELOW = new D(90);
/** The standard execution weight of funding.weight. */
const STANDARD_EXECUTION_WEIGHT = new D(10);

/** Runs every funding rule. */
export function checkFunding(ctx: VerifyContext, facts: Facts): void {
  checkRowsSum(ctx, facts);
  ctx.form.funding.forEach((row, i) => {
    checkRate(ctx, row, i);
    checkOverspend(ctx, row, i);
  });
  if (facts.total) {
    checkScore(ctx, facts.total.row, facts.total.index);
    checkWeight(ctx, facts.total.row, facts.total.index);
    checkUnderspent(ctx, facts.total.row, facts.total.index, facts.rate);
    checkAdjusted(ctx, facts.total.row, facts.total.index);
  }
}

/** funding.rows-sum: 年度资金总额 = Σ sub-rows, per amount column. */
function checkRowsSum(ctx: VerifyContext, facts: Facts): void {
  if (!facts.total) return;
  const { row: total, index: ti } = facts.total;
  const subRows = ctx.form.funding.filter((_, i) => i !== ti);
  if (subRows.length === 0) return;
  for (const col of AMOUNT_COLUMNS) {
    const found = dec(total[col.key]);
    const parts = subRows.map((r) => dec(r[col.key]));
    if (found === null || parts.every((p) => p === null)) continue;
    const expected = sum(parts);
    // Amounts in 万元 are roundings of amounts kept in 元, so each non-zero
    // sub-row may carry up to 0.005 of rounding; amounts in 元 are exact.
    const rounded = ctx.form.fundingUnit === "万元" ? parts.filter((p) => p !== null && !p.isZero()).length : 0;
    if (found.minus(expected).abs().lte(envelope(rounded))) continue;
    ctx.report({
      rule: "funding.rows-sum",
      path: `funding[${ti}].${col.key}`,
      row: total.label,
      zh: `${total.label}的${col.zh} ${fmtAmount(found)} 不等于其中各行之和 ${fmtAmount(expected)}`,
      en: `${col.en} of ${total.label} is ${fmtAmount(found)}, but its sub-rows add up to ${fmtAmount(expected)}`,
      expected,
      found,
    });
  }
}

/** funding.rate and funding.zero-budget (rate column) for one row. */
function checkRate(ctx: VerifyContext, row: FundingRow, i: number): void {
  const printed = dec(row.rate);
  const budget = dec(row.adjustedBudget);
  if (printed === null || budget === null) return;
  if (budget.isZero()) {
    if (!printed.isZero()) reportZeroBudget(ctx, row, i, "rate", printed);
    return;
  }
  const exact = exactRate(row);
  if (exact === null) return;
  const match = roundingMatch(printed, exact);
  ctx.vote(match);
  const mode = ctx.options.rounding;
  if (accepted(match, mode)) return;
  const expected = display2(exact, mode);
  const initial = dec(row.initialBudget);
  const executed = dec(row.executed);
  if (initial !== null && executed !== null && !initial.isZero() && !initial.eq(budget)
    && accepted(roundingMatch(printed, executed.div(initial).times(100)), mode)) {
    ctx.report({
      rule: "funding.rate",
      path: `funding[${i}].rate`,
      row: row.label,
      zh: `${row.label}执行率 ${fmt(printed)} 以年初预算数 ${fmtAmount(initial)} 为基数计算；应以全年预算数 ${fmtAmount(budget)} 为基数，得 ${fmt(expected)}`,
      en: `${row.label}: rate ${fmt(printed)} was computed on the initial budget ${fmtAmount(initial)}; on the adjusted budget ${fmtAmount(budget)} it is ${fmt(expected)} (wrong base)`,
      expected,
      found: printed,
    });
    return;
  }
  ctx.report({
    rule: "funding.rate",
    path: `funding[${i}].rate`,
    row: row.label,
    zh: `${row.label}执行率应为 ${fmtAmount(executed ?? new D(0))} / ${fmtAmount(budget)} × 100 = ${fmt(expected)}，表中为 ${fmt(printed)}`,
    en: `${row.label}: rate should be ${fmtAmount(executed ?? new D(0))} / ${fmtAmount(budget)} × 100 = ${fmt(expected)}, printed ${fmt(printed)}`,
    expected,
    found: printed,
  });
}

/** funding.score and funding.zero-budget (score column) for the total row. */
function checkScore(ctx: VerifyContext, row: FundingRow, i: number): void {
  const printed = dec(row.score);
  const weight = dec(row.weight);
  const budget = dec(row.adjustedBudget);
  if (printed === null || weight === null || budget === null) return;
  if (budget.isZero()) {
    if (!printed.isZero()) reportZeroBudget(ctx, row, i, "score", printed);
    return;
  }
  const rate = exactRate(row);
  if (rate === null) return;
  const mode = ctx.options.rounding;
  const exact = executionScore(rate, weight);
  const match = roundingMatch(printed, exact);
  if (accepted(match, mode)) {
    ctx.vote(match);
    return;
  }
  // Offices that compute the score from their printed (already rounded) rate
  // are consistent too: 92.79 % × 10 = 9.279 → 9.27.
  const printedRate = dec(row.rate);
  if (printedRate !== null && accepted(roundingMatch(printed, executionScore(printedRate, weight)), mode)) return;
  const expected = display2(exact, mode);
  ctx.report({
    rule: "funding.score",
    path: `funding[${i}].score`,
    row: row.label,
    zh: `预算执行得分应为 min（${fmt(rate)}， 100） / 100 × ${fmt(weight)} = ${fmt(expected)}，表中为 ${fmt(printed)}`,
    en: `execution score should be min(${fmt(rate)}, 100) / 100 × ${fmt(weight)} = ${fmt(expected)}, printed ${fmt(printed)}`,
    expected,
    found: printed,
  });
}

function reportZeroBudget(ctx: VerifyContext, row: FundingRow, i: number, column: "rate" | "score", printed: Dec): void {
  const zhCol = column === "rate" ? "执行率" : "得分";
  ctx.report({
    rule: "funding.zero-budget",
    path: `funding[${i}].${column}`,
    row: row.label,
    zh: `${row.label}全年预算数为 0，${zhCol}却为 ${fmt(printed)}`,
    en: `${row.label}: the adjusted budget is zero, yet the ${column} is ${fmt(printed)}`,
    expected: new D(0),
    found: printed,
  });
}

/** funding.weight: the execution criterion is normally worth 10. */
function checkWeight(ctx: VerifyContext, row: FundingRow, i: number): void {
  const weight = dec(row.weight);
  if (weight === null || weight.eq(STANDARD_EXECUTION_WEIGHT)) return;
  ctx.report({
    rule: "funding.weight",
    path: `funding[${i}].weight`,
    row: row.label,
    zh: `预算执行率分值为 ${fmt(weight)}，通常为 10`,
    en: `the execution criterion is worth ${fmt(weight)}, normally 10`,
    expected: STANDARD_EXECUTION_WEIGHT,
    found: weight,
  });
}

/** funding.overspend: more spent than budgeted, per row. */
function checkOverspend(ctx: VerifyContext, row: FundingRow, i: number): void {
  const budget = dec(row.adjustedBudget);
  const executed = dec(row.executed);
  if (budget === null || executed === null || executed.lte(budget)) return;
  // A negative budget is a cut (调减, printed (1.500) or -1.500): nothing can be
  // overspent against it.
  if (budget.isNeg()) return;
  ctx.report({
    rule: "funding.overspend",
    path: `funding[${i}].executed`,
    row: row.label,
    zh: `${row.label}全年执行数 ${fmtAmount(executed)} 超过全年预算数 ${fmtAmount(budget)}`,
    en: `${row.label}: executed ${fmtAmount(executed)} exceeds the adjusted budget ${fmtAmount(budget)}`,
    expected: budget,
    found: executed,
  });
}

/** funding.underspent: execution below 90 %, judged on the exact rate when the amounts give one. */
function checkUnderspent(ctx: VerifyContext, row: FundingRow, i: number, rate: Dec | null): void {
  const printed = dec(row.rate);
  const judged = rate ?? printed;
  if (judged === null || judged.gte(UNDERSPENT_BELOW)) return;
  const shown = printed ?? display2(judged, ctx.options.rounding);
  ctx.report({
    rule: "funding.underspent",
    path: `funding[${i}].rate`,
    row: row.label,
    zh: `预算执行率 ${fmt(shown)}% 低于 90%`,
    en: `execution rate ${fmt(shown)} % is below 90 %`,
    expected: UNDERSPENT_BELOW,
    found: shown,
  });
}

/** funding.adjusted: the budget changed during the year. */
function checkAdjusted(ctx: VerifyContext, row: FundingRow, i: number): void {
  const initial = dec(row.initialBudget);
  const adjusted = dec(row.adjustedBudget);
  if (initial === null || adjusted === null || initial.eq(adjusted)) return;
  const change = adjusted.minus(initial);
  const unit = ctx.form.fundingUnit;
  ctx.report({
    rule: "funding.adjusted",
    path: `funding[${i}].adjustedBudget`,
    row: row.label,
    zh: `年中调整预算：年初预算数 ${fmtAmount(initial)} ${unit}，全年预算数 ${fmtAmount(adjusted)} ${unit}（${change.isNeg() ? "调减" : "调增"} ${fmtAmount(change.abs())}）`,
    en: `budget adjusted during the year: initial ${fmtAmount(initial)} ${unit}, adjusted ${fmtAmount(adjusted)} ${unit} (${change.isNeg() ? "cut by" : "raised by"} ${fmtAmount(change.abs())})`,
    expected: initial,
    found: adjusted,
  });
}
