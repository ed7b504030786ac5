/**
 * Rules on each indicator's score against its target and actual: the
 * judgements a reviewer should look at (warnings), and the notice that the
 * indicators scored better than the money was spent.
 */
import type { Indicator } from "../model/index.js";
import type { VerifyContext } from "./context.js";
import { D, ONE, accepted, compare, display2, eq, fmt, gt, gte, lt, lte, roundingMatch, type Dec, type RoundingMatch } from "./decimal.js";
import type { Facts } from "./facts.js";
import type { Assessment } from "./measures.js";
import { hasText } from "./text.js";

/** indicator.outruns-spending fires when score share − spent share exceeds this fraction of the score share. */
const OUTRUN_MARGIN = new D("0.05");
/** 1 − OUTRUN_MARGIN: with every indicator at full score, the notice fires below this spent share. */
const FULL_SHARE_BELOW = new D("0.95");

/** Runs every indicator rule. */
export function checkIndicators(ctx: VerifyContext, facts: Facts): void {
  ctx.form.indicators.forEach((ind, i) => {
    const figures = facts.indicators[i]!;
    const { weight, score, assessment } = figures;
    // score.range reports non-positive weights; nothing to judge without both figures.
    if (weight === null || score === null || weight.isZero() || weight.isNeg()) return;
    // One comparison of score with weight serves every rule below.
    const c = compare(score, weight);
    checkAgainstMeasures(ctx, ind, i, weight, score, c, assessment, figures.match);
    checkReason(ctx, ind, i, weight, score, c);
  });
  checkOutrunsSpending(ctx, facts);
}

/** The text of a row's target and actual, for messages. */
function measures(ind: Indicator): string {
  return `${ind.target.raw} → ${ind.actual.raw}`;
}

/**
 * @param c score compared with weight (−1, 0, 1)
 * @param match how the score renders the formula's exact value, when facts worked it out
 */
function checkAgainstMeasures(ctx: VerifyContext, ind: Indicator, i: number, weight: Dec, score: Dec, c: number, a: Assessment,
  match: RoundingMatch | undefined): void {
  if (a.kind === "met") {
    if (c < 0) {
      const [t, s, w] = [measures(ind), fmt(score), fmt(weight)];
      ctx.report({
        rule: "indicator.met-partial", path: `indicators[${i}].score`, row: ind.name,
        zh: `指标“${ind.name}”已完成（${t}），得分 ${s} 低于分值 ${w}`,
        en: `"${ind.name}" met its target (${t}) yet scores ${s} of ${w}`,
        expected: weight, found: score,
      });
    }
    return;
  }
  if (a.kind === "unmet") {
    const mode = ctx.mode;
    if (c === 0) {
      const expected = a.expectedExact === null ? null : display2(a.expectedExact, mode);
      const [t, s, e] = [measures(ind), fmt(score), expected ? fmt(expected) : ""];
      ctx.report({
        rule: "indicator.unmet-full", path: `indicators[${i}].score`, row: ind.name,
        zh: `指标“${ind.name}”未完成（${t}），却得满分 ${s}` + (expected ? `；按公式应为 ${e}` : ""),
        en: `"${ind.name}" did not meet its target (${t}), yet scores the full ${s}` + (expected ? `; the formula gives ${e}` : ""),
        expected, found: score,
      });
      return;
    }
    if (a.expectedExact === null || accepted(match ?? roundingMatch(score, a.expectedExact), mode)) return;
    const expected = display2(a.expectedExact, mode);
    const [t, s, e] = [measures(ind), fmt(score), fmt(expected)];
    const proportional = a.formula === "proportional";
    const formula = proportional
      ? `${fmt(a.actual)} / ${fmt(a.target)} × ${fmt(weight)}`
      : `${fmt(a.target)} / ${fmt(a.actual)} × ${fmt(weight)}`;
    ctx.report({
      rule: proportional ? "indicator.proportional" : "indicator.reverse", path: `indicators[${i}].score`, row: ind.name,
      zh: `指标“${ind.name}”未完成（${t}）：${proportional ? "按比例" : "反向指标"}得分应为 ${formula} = ${e}，表中为 ${s}`,
      en: `"${ind.name}" missed its target (${t}): ${proportional ? "proportional" : "reverse"} score ${formula} = ${e}, printed ${s}`,
      expected, found: score,
    });
    return;
  }
  if (a.kind === "qualitative") {
    const low = a.low.times(weight);
    const high = a.high.times(weight);
    const inRange = gte(score, low) && (a.highInclusive ? lte(score, high) : lt(score, high));
    if (inRange) return;
    const range = `[${fmt(low)}, ${fmt(high)}${a.highInclusive ? "]" : ")"}`;
    const s = fmt(score);
    ctx.report({
      rule: "indicator.qualitative", path: `indicators[${i}].score`, row: ind.name,
      zh: `指标“${ind.name}”完成情况为“${a.level}”，得分应在 ${range} 内，表中为 ${s}`,
      en: `"${ind.name}" is ${a.level === "达成" ? "achieved" : a.level === "部分达成" ? "partly achieved" : "not achieved"} (${a.level}): its score belongs in ${range}, printed ${s}`,
      expected: range, found: score,
    });
  }
}

/** indicator.no-reason: a lost point needs a reason in 偏差原因分析及改进措施. */
function checkReason(ctx: VerifyContext, ind: Indicator, i: number, weight: Dec, score: Dec, c: number): void {
  // c: score compared with weight; only a score below the weight needs a reason.
  if (c >= 0 || hasText(ind.deviation ?? "")) return;
  const [s, w] = [fmt(score), fmt(weight)];
  ctx.report({
    rule: "indicator.no-reason", path: `indicators[${i}].deviation`, row: ind.name,
    zh: `指标“${ind.name}”扣分（${s} / ${w}），却未填写偏差原因`,
    en: `"${ind.name}" lost points (${s} of ${w}) with no deviation reason`,
    expected: weight, found: score,
  });
}

/**
 * indicator.outruns-spending: the indicators score a larger share of their
 * weights than the share of the budget spent, by more than 5 % of the score
 * share. Spending above 100 % counts as 100 %.
 */
function checkOutrunsSpending(ctx: VerifyContext, facts: Facts): void {
  const { rate, spentShare, weightSum, scoreSum } = facts;
  // weightSum > 0
  if (rate === null || spentShare === null || weightSum.isZero() || weightSum.isNeg()) return;
  // Scores equal to their weights are a share of exactly 1, and 1 − spent
  // share > 0.05 × 1 is then spent share < 0.95: for a share in [0.1, 1]
  // (at most 40 digits) 1 − share is exact; for a smaller or negative share,
  // 1 − share rounds to at least 0.9 and the share is below 0.95 too.
  let scoreShare: Dec;
  if (eq(scoreSum, weightSum)) {
    if (!lt(spentShare, FULL_SHARE_BELOW)) return;
    scoreShare = ONE;
  } else {
    scoreShare = scoreSum.div(weightSum);
    if (!gt(scoreShare.minus(spentShare), scoreShare.times(OUTRUN_MARGIN))) return;
  }
  const printedRate = facts.total ? facts.rows[facts.total.index]!.rate : null;
  const spentShown = printedRate !== null ? D.min(printedRate, 100) : display2(spentShare.times(100), ctx.mode);
  const scoreShown = display2(scoreShare.times(100), ctx.mode);
  const [share, scores, weights, spent] = [fmt(scoreShown), fmt(scoreSum), fmt(weightSum), fmt(spentShown)];
  ctx.report({
    rule: "indicator.outruns-spending", path: "indicators", row: "绩效指标",
    zh: `指标得分率 ${share}%（${scores} / ${weights}），预算执行率仅 ${spent}%`,
    en: `indicators score ${share} % of their weights (${scores} / ${weights}) while only ${spent} % of the budget was spent`,
    expected: spentShown, found: scoreShown,
  });
}
