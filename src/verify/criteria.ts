/**
 * The rules of the evaluation-criteria templates (Hubei 财政预算支出项目绩效目标自评表,
 * Ningxia), which score criteria instead of indicators: 自评总分 = Σ 自评分
 * (criteria.self-total); the 总分 row adds up its columns, 分值, 自评分 and
 * 复核分 (criteria.total); 0 ≤ 自评分 ≤ 分值 and 0 ≤ 复核分 ≤ 分值
 * (criteria.score-range); a 小计 row adds up its group (criteria.subtotal);
 * a 复核分 that differs from its 自评分 is reported beside it
 * (criteria.review, a notice: the reviewer's figure never replaces the
 * unit's). The funding block by source: 合计 = Σ sources (funding.source-sum)
 * and 执行率 = 执行数 / 合计 × 100 at the printed decimals (funding.source-rate).
 * Scores and amounts are printed as set, never rounded from anything, so the
 * sums must be exact.
 */
import type { Criterion } from "../model/index.js";
import type { VerifyContext } from "./context.js";
import { D, HUNDRED, ZERO, dec, eq, fmtAmount, gt, sum, type Dec } from "./decimal.js";

/** Runs the criteria rules on a form that has a criteria table or a funding block by source. */
export function checkCriteria(ctx: VerifyContext): void {
  const criteria = ctx.form.criteria;
  if (criteria) {
    checkRanges(ctx, criteria);
    checkReview(ctx, criteria);
    checkSubtotals(ctx, criteria);
    checkSelfTotal(ctx, criteria);
    checkTotalRow(ctx, criteria);
  }
  checkSourceFunding(ctx);
}

const label = (c: Criterion): string => c.content || c.level2 || c.level1;

function checkRanges(ctx: VerifyContext, criteria: readonly Criterion[]): void {
  criteria.forEach((c, i) => {
    const weight = dec(c.weight);
    if (weight === null) return;
    for (const [field, zh, en] of [["selfScore", "自评分", "self score"], ["reviewScore", "复核分", "review score"]] as const) {
      const score = dec(c[field]);
      if (score === null || (!score.isNeg() && !gt(score, weight))) continue;
      const [s, w] = [fmtAmount(score), fmtAmount(weight)];
      ctx.report({
        rule: "criteria.score-range",
        path: `criteria[${i}].${field}`,
        row: label(c),
        zh: `评价内容“${label(c)}”${zh} ${s} 不在 0 至分值 ${w} 之间`,
        en: `criterion "${label(c)}": ${en} ${s} is outside 0–${w} (its 分值)`,
        expected: `[0, ${w}]`,
        found: score,
      });
    }
  });
}

function checkReview(ctx: VerifyContext, criteria: readonly Criterion[]): void {
  criteria.forEach((c, i) => {
    const self = dec(c.selfScore);
    const review = dec(c.reviewScore);
    if (self === null || review === null || eq(self, review)) return;
    const [s, r] = [fmtAmount(self), fmtAmount(review)];
    ctx.report({
      rule: "criteria.review",
      path: `criteria[${i}].reviewScore`,
      row: label(c),
      zh: `评价内容“${label(c)}”复核分 ${r}，自评分 ${s}`,
      en: `criterion "${label(c)}": review score ${r} beside the self score ${s}`,
      expected: self,
      found: review,
    });
  });
}

/** The criteria of each group, in order, as 小计 rows close them: a 小计 closes the rows since the one before it. */
function checkSubtotals(ctx: VerifyContext, criteria: readonly Criterion[]): void {
  const subtotals = ctx.form.criteriaSubtotals ?? [];
  if (subtotals.length === 0) return;
  subtotals.forEach((s, k) => {
    const rows = criteria.filter((c) => c.level1 === s.level1);
    for (const [field, zh, en] of [["weight", "分值", "weights"], ["selfScore", "自评分", "self scores"], ["reviewScore", "复核分", "review scores"]] as const) {
      const found = dec(s[field]);
      if (found === null) continue;
      const values = rows.map((c) => dec(c[field]));
      // A blank cell among the rows: their sum is not known.
      if (values.some((v) => v === null)) continue;
      const expected = sum(values);
      if (eq(found, expected)) continue;
      const [e, f] = [fmtAmount(expected), fmtAmount(found)];
      ctx.report({
        rule: "criteria.subtotal",
        path: `criteriaSubtotals[${k}].${field}`,
        row: `${s.level1} 小计`,
        zh: `“${s.level1}”各行${zh}之和为 ${e}，小计却为 ${f}`,
        en: `the ${en} of "${s.level1}" add up to ${e}, but its 小计 is printed as ${f}`,
        expected,
        found,
      });
    }
  });
}

/** Σ of a field over the criteria, or null when a cell is blank (the sum is not known then). */
export function columnSum(criteria: readonly Criterion[], field: "weight" | "selfScore" | "reviewScore"): Dec | null {
  const values = criteria.map((c) => dec(c[field]));
  return values.some((v) => v === null) || values.length === 0 ? null : sum(values);
}

function checkSelfTotal(ctx: VerifyContext, criteria: readonly Criterion[]): void {
  // A table cut off before its 总分 row is not summed: its rows are not all there.
  if (!ctx.form.complete) return;
  const found = dec(ctx.form.selfEvaluationTotal ?? null);
  const expected = columnSum(criteria, "selfScore");
  if (found === null || expected === null || eq(found, expected)) return;
  const [e, f] = [fmtAmount(expected), fmtAmount(found)];
  ctx.report({
    rule: "criteria.self-total",
    path: "selfEvaluationTotal",
    row: "自评总分",
    zh: `自评分合计 ${e}，自评总分却为 ${f}`,
    en: `the self scores add up to ${e}, but 自评总分 is printed as ${f}`,
    expected,
    found,
  });
}

function checkTotalRow(ctx: VerifyContext, criteria: readonly Criterion[]): void {
  // A form not read whole (complete: false) is not summed: its rows are not all there.
  if (!ctx.form.complete) return;
  const total = ctx.form.total;
  for (const [field, path, zh, en] of [
    ["weight", "total.weight", "分值", "weights"],
    ["selfScore", "total.score", "自评分", "self scores"],
    ["reviewScore", "total.review", "复核分", "review scores"],
  ] as const) {
    const found = dec(field === "weight" ? total.weight : field === "selfScore" ? total.score : (total.review ?? null));
    const expected = columnSum(criteria, field);
    if (found === null || expected === null || eq(found, expected)) continue;
    const [e, f] = [fmtAmount(expected), fmtAmount(found)];
    ctx.report({
      rule: "criteria.total",
      path,
      row: "总分",
      zh: `各行${zh}之和为 ${e}，总分行却为 ${f}`,
      en: `the ${en} add up to ${e}, but the 总分 row prints ${f}`,
      expected,
      found,
    });
  }
}

function checkSourceFunding(ctx: VerifyContext): void {
  const f = ctx.form.fundingBySource;
  if (!f) return;
  const total = dec(f.total);
  const sources = [f.central, f.provincial, f.local, f.other].map((v) => dec(v));
  if (total !== null && sources.some((v) => v !== null)) {
    const expected = sum(sources.map((v) => v ?? ZERO));
    if (!eq(expected, total)) {
      const [e, t] = [fmtAmount(expected), fmtAmount(total)];
      ctx.report({
        rule: "funding.source-sum",
        path: "fundingBySource.total",
        row: "合计",
        zh: `中央、省地、本级、其他之和为 ${e}，合计却为 ${t}`,
        en: `中央 + 省、地 + 本级 + 其他 = ${e}, but 合计 is printed as ${t}`,
        expected,
        found: total,
      });
    }
  }
  const executed = dec(f.executed);
  const rate = dec(f.rate);
  if (total === null || executed === null || rate === null || total.isZero()) return;
  const exact = executed.div(total).times(HUNDRED);
  // "Rounded as printed": at the decimals the rate is printed with, truncated or half-up.
  const places = rate.decimalPlaces();
  const truncated = exact.toDecimalPlaces(places, D.ROUND_DOWN);
  const halfUp = exact.toDecimalPlaces(places, D.ROUND_HALF_UP);
  const mode = ctx.options.rounding;
  const ok = (mode !== "half-up" && eq(rate, truncated)) || (mode !== "truncate" && eq(rate, halfUp));
  if (ok) return;
  const expected = mode === "truncate" ? truncated : halfUp;
  const [x, t, e, p] = [fmtAmount(executed), fmtAmount(total), expected.toFixed(places), rate.toFixed(places)];
  ctx.report({
    rule: "funding.source-rate",
    path: "fundingBySource.rate",
    row: "执行率",
    zh: `执行率应为 执行数 ${x} / 合计 ${t} × 100 = ${e}%（按所印 ${places} 位小数），表中为 ${p}%`,
    en: `rate = executed ${x} / 合计 ${t} × 100 = ${e} % (at the ${places} decimals printed), printed ${p} %`,
    expected,
    found: rate,
  });
}
