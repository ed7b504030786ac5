/**
 * total.sum: the printed 总分 against the sum of the scores; and the hint the
 * auditors asked for, total.missing-row, when the weights and the total are
 * short alike, which is what a row lost from the table looks like.
 */
import type { VerifyContext } from "./context.js";
import { ZERO, dec, envelope, eq, fmt, gt, truncationGap, withinAbs, type AcceptedRounding, type Dec } from "./decimal.js";
import { splitSums, type Facts } from "./facts.js";
import { recomputedTotalWeight } from "./weights.js";

/** Σ indicator scores + execution score. */
export function recomputedTotal(facts: Facts): Dec {
  // scoreSum is a sum (rounded to the precision already), so adding nothing leaves it as it is.
  return (facts.recomputedTotal ??= facts.executionScore === null ? facts.scoreSum : facts.scoreSum.plus(facts.executionScore));
}

/**
 * The envelope of total.sum. Only terms the verifier can show to be rounded
 * count: the execution score when its exact value has more than 2 decimals, and
 * indicator scores printed as a rounded formula result. A score printed as set
 * (5.00) carries no rounding error, so it widens nothing.
 *
 * domain.md's (n + 1) × 0.005 is the bound for half-up rounding. Truncation
 * errs one way only, so with n truncated terms and a truncated total the gap
 * can reach (n − 1) × 0.01, which exceeds (n + 1) × 0.005 from n = 4 on; when
 * truncation is accepted the wider of the two applies (they agree up to n = 3).
 */
export function totalEnvelope(facts: Facts, mode: AcceptedRounding): Dec {
  const n = (facts.executionScoreRounded ? 1 : 0) + facts.roundedIndicatorScores;
  const halfUp = envelope(n);
  if (mode === "half-up") return halfUp;
  const gap = truncationGap(n);
  return gt(gap, halfUp) ? gap : halfUp;
}

/** Runs the totals rules. */
export function checkTotals(ctx: VerifyContext, facts: Facts): void {
  const found = dec(ctx.form.total.score);
  // A form not read whole (complete: false) is not summed: its rows are not all there.
  if (found === null || !ctx.form.complete) return;
  const expected = recomputedTotal(facts);
  const tolerance = totalEnvelope(facts, ctx.options.rounding);
  // Equal totals are within any envelope (every envelope is positive).
  if (eq(found, expected)) return;
  const scoreShort = found.minus(expected);
  if (withinAbs(scoreShort, tolerance)) return;
  const [sum, es, total, printed] = [fmt(facts.scoreSum), fmt(facts.executionScore ?? ZERO), fmt(expected), fmt(found)];
  ctx.report({
    rule: "total.sum",
    path: "total.score",
    row: "总分",
    zh: `指标得分合计 ${sum} + 预算执行得分 ${es} = ${total}，总分却为 ${printed}`,
    en: `indicator scores ${sum} + execution score ${es} = ${total}, but the total is printed as ${printed}`,
    expected,
    found,
    difference: scoreShort,
  });
  checkMissingRow(ctx, facts, scoreShort, tolerance);
}

/**
 * total.missing-row: the printed total weight exceeds the weights by d > 0 and
 * the printed total exceeds the scores by s with 0 < s ≤ d: a row worth d
 * points, scoring s, was most likely lost (or never printed).
 */
function checkMissingRow(ctx: VerifyContext, facts: Facts, scoreShort: Dec, tolerance: Dec): void {
  const printedWeight = dec(ctx.form.total.weight);
  if (printedWeight === null) return;
  const weightShort = printedWeight.minus(recomputedTotalWeight(facts));
  if (!weightShort.gt(0) || !scoreShort.gt(0) || scoreShort.gt(weightShort.plus(tolerance))) return;
  const full = scoreShort.minus(weightShort).abs().lte(tolerance);
  // If one level-1 group is short of the standard split by exactly d, the row is probably there.
  let whereZh = "";
  let whereEn = "";
  const groups = splitSums(facts);
  if (groups) {
    const standard = ctx.prepared.split;
    const short = [...groups.entries()].filter(([g, e]) => standard[g].minus(e.weight).eq(weightShort));
    if (short.length === 1) {
      whereZh = `，很可能在“${short[0]![1].label}”下`;
      whereEn = `, most likely under ${short[0]![1].label}`;
    }
  }
  const [d, s] = [fmt(weightShort), fmt(scoreShort)];
  ctx.report({
    rule: "total.missing-row",
    path: "indicators",
    row: "总分",
    zh: full
      ? `分值与总分同样短缺 ${d}：似乎缺了一行分值 ${d}、得满分的指标${whereZh}`
      : `分值短缺 ${d}、总分短缺 ${s}：似乎缺了一行分值 ${d}、得分 ${s} 的指标${whereZh}`,
    en: full
      ? `weights and total are both ${d} short: a row worth ${d} points, with full score, looks missing${whereEn}`
      : `weights are ${d} short and the total ${s}: a row worth ${d} points, scoring ${s}, looks missing${whereEn}`,
    expected: weightShort,
    found: null,
  });
}
