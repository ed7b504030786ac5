/**
 * Rules on the funding block (项目资金): the total row against its sub-rows,
 * execution rates and the execution score, and the context notices about
 * under-spending and in-year budget changes.
 */
import type { FundingRow } from "../model/index.js";
import type { VerifyContext } from "./context.js";
import { D, ZERO, accepted, dec, add, display2, eq, gte, lte, envelope, fmt, fmtAmount, roundingMatch, withinAbs, type Dec, type RoundingMatch } from "./decimal.js";
import { executionScore, rowRate, type Facts, type RowFigures } from "./facts.js";

const AMOUNT_COLUMNS = [
  { key: "initialBudget", zh: "年初预算数", en: "initial budget" },
  { key: "adjustedBudget", zh: "全年预算数", en: "adjusted budget" },
  { key: "executed", zh: "全年执行数", en: "executed" },
  // 资金到位情况 (Hebei): its sub-rows add up like the others.
  { key: "received", zh: "资金到位情况", en: "received" },
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
    if (facts.readings.executionFromSubRows && i !== facts.total?.index) checkSubRowScore(ctx, facts, row, i);
    checkOverspend(ctx, facts.rows[i]!, row, i);
  });
  if (facts.total) {
    const { row, index } = facts.total;
    const figures = facts.rows[index]!;
    checkReadings(ctx, facts, row, index);
    checkScore(ctx, facts, row, index);
    checkWeight(ctx, facts.executionWeight, row, index);
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

/**
 * funding.rows-sum: 年度资金总额 = Σ sub-rows, per amount column. Sub-rows
 * printed in groups (按收入性质分, 按支出性质分: each a whole breakdown of the
 * total) add up to it group by group.
 */
function checkRowsSum(ctx: VerifyContext, facts: Facts): void {
  if (!facts.total) return;
  const { row: total, index: ti } = facts.total;
  const rows = facts.rows;
  if (rows.length < 2) return;
  const groups = new Map<string | undefined, number[]>();
  ctx.form.funding.forEach((r, i) => {
    if (i === ti) return;
    const members = groups.get(r.group);
    if (members) members.push(i);
    else groups.set(r.group, [i]);
  });
  const totals = rows[ti]!;
  for (const [group, members] of groups) {
    for (const col of AMOUNT_COLUMNS) {
      // The initial budget stands in the adjusted column too (see facts.ts): it is summed once.
      if (facts.rateOnInitial && col.key === "adjustedBudget") continue;
      const found = totals[col.key];
      if (found === null) continue;
      // Σ of the sub-rows, nulls as zero, and how many are non-zero.
      let expected = ZERO;
      let present = 0;
      let nonZero = 0;
      for (const i of members) {
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
      const [printed, parts] = [fmtAmount(found), fmtAmount(expected)];
      const zhParts = group === undefined ? "其中各行之和" : `“${group}”各行之和`;
      const enParts = group === undefined ? "its sub-rows add up to" : `its sub-rows ${group} add up to`;
      ctx.report({
        rule: "funding.rows-sum",
        path: `funding[${ti}].${col.key}`,
        row: total.label,
        zh: `${total.label}的${col.zh} ${printed} 不等于${zhParts} ${parts}`,
        en: `${col.en} of ${total.label} is ${printed}, but ${enParts} ${parts}`,
        expected,
        found,
      });
    }
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
    const [p, from, on, e] = [fmt(printed), fmtAmount(initial), fmtAmount(budget), fmt(expected)];
    ctx.report({
      rule: "funding.rate",
      path: `funding[${i}].rate`,
      row: row.label,
      zh: `${row.label}执行率 ${p} 以年初预算数 ${from} 为基数计算；应以全年预算数 ${on} 为基数，得 ${e}`,
      en: `${row.label}: rate ${p} was computed on the initial budget ${from}; on the adjusted budget ${on} it is ${e} (wrong base)`,
      expected,
      found: printed,
    });
    return;
  }
  const [spent, on, e, p] = [fmtAmount(executed ?? ZERO), fmtAmount(budget), fmt(expected), fmt(printed)];
  ctx.report({
    rule: "funding.rate",
    path: `funding[${i}].rate`,
    row: row.label,
    zh: `${row.label}执行率应为 ${spent} / ${on} × 100 = ${e}，表中为 ${p}`,
    en: `${row.label}: rate should be ${spent} / ${on} × 100 = ${e}, printed ${p}`,
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
  // The total row's exact score and its match, worked out with the shared figures.
  judgeScore(ctx, row, i, { rate, weight, printed, printedRate, exact: facts.executionExact!, match: facts.executionMatch! }, { zh: "预算执行", en: "execution score" });
}

/**
 * funding.score for a sub-row that carries its own 分值 and 得分 (see
 * facts.ts subRowExecution): the same formula on the row's own rate.
 */
function checkSubRowScore(ctx: VerifyContext, facts: Facts, row: FundingRow, i: number): void {
  const { score: printed, weight, adjustedBudget: budget, rate: printedRate } = facts.rows[i]!;
  if (printed === null || weight === null || budget === null) return;
  if (budget.isZero()) {
    if (!printed.isZero()) reportZeroBudget(ctx, row, i, "score", printed);
    return;
  }
  const rate = rowRate(facts, i);
  if (rate === null) return;
  const exact = executionScore(rate, weight);
  judgeScore(ctx, row, i, { rate, weight, printed, printedRate, exact, match: roundingMatch(printed, exact) }, { zh: row.label, en: `${row.label}: score` });
}

/**
 * funding.score's verdict on a printed score against its exact value: a vote
 * for the rounding it matches, else a finding. `subject` opens the message.
 */
function judgeScore(
  ctx: VerifyContext,
  row: FundingRow,
  i: number,
  f: { rate: Dec; weight: Dec; printed: Dec; printedRate: Dec | null; exact: Dec; match: RoundingMatch },
  subject: { zh: string; en: string },
): void {
  const mode = ctx.mode;
  if (accepted(f.match, mode)) {
    ctx.vote(f.match);
    return;
  }
  // Offices that compute the score from their printed (already rounded) rate
  // are consistent too: 92.79 % × 10 = 9.279 → 9.27.
  if (f.printedRate !== null && accepted(roundingMatch(f.printed, executionScore(f.printedRate, f.weight)), mode)) return;
  const expected = display2(f.exact, mode);
  const [r, w, e, p] = [fmt(f.rate), fmt(f.weight), fmt(expected), fmt(f.printed)];
  ctx.report({
    rule: "funding.score",
    path: `funding[${i}].score`,
    row: row.label,
    zh: `${subject.zh}得分应为 min（${r}， 100） / 100 × ${w} = ${e}，表中为 ${p}`,
    en: `${subject.en} should be min(${r}, 100) / 100 × ${w} = ${e}, printed ${p}`,
    expected,
    found: f.printed,
  });
}

function reportZeroBudget(ctx: VerifyContext, row: FundingRow, i: number, column: "rate" | "score", printed: Dec): void {
  const zhCol = column === "rate" ? "执行率" : "得分";
  const p = fmt(printed);
  ctx.report({
    rule: "funding.zero-budget",
    path: `funding[${i}].${column}`,
    row: row.label,
    zh: `${row.label}全年预算数为 0，${zhCol}却为 ${p}`,
    en: `${row.label}: the adjusted budget is zero, yet the ${column} is ${p}`,
    expected: ZERO,
    found: printed,
  });
}

/** funding.weight: the execution criterion is normally worth 10. */
function checkWeight(ctx: VerifyContext, weight: Dec | null, row: FundingRow, i: number): void {
  if (weight === null || eq(weight, STANDARD_EXECUTION_WEIGHT)) return;
  const w = fmt(weight);
  ctx.report({
    rule: "funding.weight",
    path: `funding[${i}].weight`,
    row: row.label,
    zh: `预算执行率分值为 ${w}，通常为 10`,
    en: `the execution criterion is worth ${w}, normally 10`,
    expected: STANDARD_EXECUTION_WEIGHT,
    found: weight,
  });
}

const COLUMN_NAMES = { initialBudget: AMOUNT_COLUMNS[0], adjustedBudget: AMOUNT_COLUMNS[1], executed: AMOUNT_COLUMNS[2] };

/** funding.total-blank and funding.weight-scale: what the rules read otherwise than printed (see readings.ts). */
function checkReadings(ctx: VerifyContext, facts: Facts, row: FundingRow, i: number): void {
  for (const { column, sum } of facts.readings.totalFromSubRows) {
    const name = COLUMN_NAMES[column];
    const printed = row[column];
    const s = fmtAmount(sum);
    ctx.report({
      rule: "funding.total-blank",
      path: `funding[${i}].${column}`,
      row: row.label,
      zh: `${row.label}的${name.zh}印为 ${printed ?? "空白"}，其中各行之和为 ${s}：按 ${s} 核对`,
      en: `${name.en} of ${row.label} is printed as ${printed ?? "blank"} while its sub-rows add up to ${s}: checked as ${s}`,
      expected: sum,
      found: printed === null ? null : (dec(printed) ?? null),
    });
  }
  if (facts.readings.weightScaled) {
    ctx.report({
      rule: "funding.weight-scale",
      path: `funding[${i}].weight`,
      row: row.label,
      zh: `预算执行率分值印为 ${row.weight ?? ""}，得分与总分行均按 10 计：按 10 核对`,
      en: `the execution weight is printed as ${row.weight ?? ""}, but its score and the total weight count it as 10: checked as 10`,
      expected: STANDARD_EXECUTION_WEIGHT,
      found: dec(row.weight),
    });
  }
}

/** funding.overspend: more spent than budgeted, per row. */
function checkOverspend(ctx: VerifyContext, figures: RowFigures, row: FundingRow, i: number): void {
  const { adjustedBudget: budget, executed } = figures;
  if (budget === null || executed === null || lte(executed, budget)) return;
  // A negative budget is a cut (调减, printed (1.500) or -1.500): nothing can be
  // overspent against it.
  if (budget.isNeg()) return;
  const [spent, on] = [fmtAmount(executed), fmtAmount(budget)];
  ctx.report({
    rule: "funding.overspend",
    path: `funding[${i}].executed`,
    row: row.label,
    zh: `${row.label}全年执行数 ${spent} 超过全年预算数 ${on}`,
    en: `${row.label}: executed ${spent} exceeds the adjusted budget ${on}`,
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
  const s = fmt(shown);
  ctx.report({
    rule: "funding.underspent",
    path: `funding[${i}].rate`,
    row: row.label,
    zh: `预算执行率 ${s}% 低于 90%`,
    en: `execution rate ${s} % is below 90 %`,
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
    difference: change,
  });
}
