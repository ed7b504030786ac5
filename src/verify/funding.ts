/**
 * Rules on the funding block (项目资金): the total row against its sub-rows,
 * execution rates and the execution score, and the context notices about
 * under-spending and in-year budget changes.
 */
import type { FundingRow } from "../model/index.js";
import type { VerifyContext } from "./context.js";
import { D, ZERO, accepted, add, display2, eq, gte, lte, envelope, fmt, fmtAmount, roundingMatch, withinAbs, type Dec, type RoundingMatch } from "./decimal.js";
import { executionScore, rowRate, type Facts, type RowFigures } from "./facts.js";

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
  const rates = new RateMatches();
  ctx.form.funding.forEach((row, i) => {
    checkRate(ctx, facts, rates, row, i);
    checkOverspend(ctx, facts.rows[i]!, row, i);
  });
  if (facts.total) {
    const { row, index } = facts.total;
    const figures = facts.rows[index]!;
    checkScore(ctx, facts, row, index);
    checkWeight(ctx, figures, row, index);
    checkUnderspent(ctx, figures, row, index, facts.rate);
    checkAdjusted(ctx, figures, row, index);
  }
}

/**
 * How a printed rate renders an exact one, worked out once per pair: a sub-row
 * that repeats the total row's figures prints the same rate of the same exact
 * value.
 */
class RateMatches {
  private printed: Dec | null = null;
  private exact: Dec | null = null;
  private match: RoundingMatch | null = null;

  of(printed: Dec, exact: Dec): RoundingMatch {
    if (this.match !== null && this.printed === printed && this.exact === exact) return this.match;
    this.printed = printed;
    this.exact = exact;
    return (this.match = roundingMatch(printed, exact));
  }
}

/** funding.rows-sum: 年度资金总额 = Σ sub-rows, per amount column. */
function checkRowsSum(ctx: VerifyContext, facts: Facts): void {
  if (!facts.total) return;
  const { row: total, index: ti } = facts.total;
  const rows = facts.rows;
  if (rows.length < 2) return;
  const totals = rows[ti]!;
  for (const col of AMOUNT_COLUMNS) {
    const found = totals[col.key];
    if (found === null) continue;
    // Σ of the sub-rows, nulls as zero, and how many are non-zero.
    let expected = ZERO;
    let present = 0;
    let nonZero = 0;
    for (let i = 0; i < rows.length; i++) {
      if (i === ti) continue;
      const p = rows[i]![col.key];
      if (p === null) continue;
      present++;
      if (!p.isZero()) nonZero++;
      expected = add(expected, p);
    }
    if (present === 0) continue;
    // Amounts in 万元 are roundings of amounts kept in 元, so each non-zero
    // sub-row may carry up to 0.005 of rounding; amounts in 元 are exact.
    const rounded = ctx.form.fundingUnit === "万元" ? nonZero : 0;
    // Equal sums are within any envelope (every envelope is positive).
    if (eq(found, expected) || withinAbs(found.minus(expected), envelope(rounded))) continue;
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
function checkRate(ctx: VerifyContext, facts: Facts, rates: RateMatches, row: FundingRow, i: number): void {
  const { rate: printed, adjustedBudget: budget, initialBudget: initial, executed } = facts.rows[i]!;
  if (printed === null || budget === null) return;
  if (budget.isZero()) {
    if (!printed.isZero()) reportZeroBudget(ctx, row, i, "rate", printed);
    return;
  }
  const exact = rowRate(facts, i);
  if (exact === null) return;
  const match = rates.of(printed, exact);
  ctx.vote(match);
  const mode = ctx.mode;
  if (accepted(match, mode)) return;
  const expected = display2(exact, mode);
  if (initial !== null && executed !== null && !initial.isZero() && !eq(initial, budget)
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
function checkScore(ctx: VerifyContext, facts: Facts, row: FundingRow, i: number): void {
  const { score: printed, weight, adjustedBudget: budget, rate: printedRate } = facts.rows[i]!;
  if (printed === null || weight === null || budget === null) return;
  if (budget.isZero()) {
    if (!printed.isZero()) reportZeroBudget(ctx, row, i, "score", printed);
    return;
  }
  const rate = facts.rate;
  if (rate === null) return;
  const mode = ctx.mode;
  // The total row's exact score and its match, worked out with the shared figures.
  const exact = facts.executionExact!;
  const match = facts.executionMatch!;
  if (accepted(match, mode)) {
    ctx.vote(match);
    return;
  }
  // Offices that compute the score from their printed (already rounded) rate
  // are consistent too: 92.79 % × 10 = 9.279 → 9.27.
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
function checkWeight(ctx: VerifyContext, figures: RowFigures, row: FundingRow, i: number): void {
  const weight = figures.weight;
  if (weight === null || eq(weight, STANDARD_EXECUTION_WEIGHT)) return;
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
function checkOverspend(ctx: VerifyContext, figures: RowFigures, row: FundingRow, i: number): void {
  const { adjustedBudget: budget, executed } = figures;
  if (budget === null || executed === null || lte(executed, budget)) return;
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
function checkUnderspent(ctx: VerifyContext, figures: RowFigures, row: FundingRow, i: number, rate: Dec | null): void {
  const printed = figures.rate;
  const judged = rate ?? printed;
  if (judged === null || gte(judged, UNDERSPENT_BELOW)) return;
  const shown = printed ?? display2(judged, ctx.mode);
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
function checkAdjusted(ctx: VerifyContext, figures: RowFigures, row: FundingRow, i: number): void {
  const { initialBudget: initial, adjustedBudget: adjusted } = figures;
  if (initial === null || adjusted === null || eq(initial, adjusted)) return;
  const change = adjusted.minus(initial);
  const unit = ctx.form.fundingUnit;
  const from = fmtAmount(initial);
  const to = fmtAmount(adjusted);
  const by = fmtAmount(change.abs());
  ctx.report({
    rule: "funding.adjusted",
    path: `funding[${i}].adjustedBudget`,
    row: row.label,
    zh: `年中调整预算：年初预算数 ${from} ${unit}，全年预算数 ${to} ${unit}（${change.isNeg() ? "调减" : "调增"} ${by}）`,
    en: `budget adjusted during the year: initial ${from} ${unit}, adjusted ${to} ${unit} (${change.isNeg() ? "cut by" : "raised by"} ${by})`,
    expected: initial,
    found: adjusted,
  });
}
