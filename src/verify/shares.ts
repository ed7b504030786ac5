/**
 * The rules of a form that scores its indicators out of 100 and weighs them
 * by 权重占比 (Hebei's 预算项目绩效自评表): 折算得分 = 得分 × 权重占比 / 100
 * (indicator.weighted-score), and 0 ≤ 得分 ≤ 100 (score.share-range). What
 * the 总分 adds up, Σ 折算得分, and what the weights add up to, Σ 权重占比,
 * are checked by total.sum and weights.total on those figures (see counted.ts).
 */
import type { VerifyContext } from "./context.js";
import { HUNDRED, accepted, dec, display2, eq, fmt, gt, roundingMatch } from "./decimal.js";

/** Runs the 权重占比 / 折算得分 rules on every indicator that prints them. */
export function checkShares(ctx: VerifyContext): void {
  const mode = ctx.options.rounding;
  ctx.form.indicators.forEach((ind, i) => {
    if (ind.weightShare === undefined && ind.weightedScore === undefined) return;
    const score = dec(ind.score);
    if (score !== null && (score.isNeg() || gt(score, HUNDRED))) {
      const s = fmt(score);
      ctx.report({
        rule: "score.share-range",
        path: `indicators[${i}].score`,
        row: ind.name,
        zh: `指标“${ind.name}”得分 ${s} 不在 0 至 100 之间（按百分制评分、按权重占比折算的表）`,
        en: `indicator "${ind.name}" scores ${s}, outside 0–100 (a form that scores out of 100 and weighs by 权重占比)`,
        expected: "[0, 100]",
        found: score,
      });
      return;
    }
    const share = dec(ind.weightShare ?? null);
    const weighted = dec(ind.weightedScore ?? null);
    if (score === null || share === null || weighted === null) return;
    const exact = score.times(share).div(HUNDRED);
    const match = roundingMatch(weighted, exact);
    if (eq(weighted, exact) || accepted(match, mode)) {
      if (!eq(weighted, exact)) ctx.vote(match);
      return;
    }
    const expected = display2(exact, mode);
    const [s, w, e, p] = [fmt(score), fmt(share), fmt(expected), fmt(weighted)];
    ctx.report({
      rule: "indicator.weighted-score",
      path: `indicators[${i}].weightedScore`,
      row: ind.name,
      zh: `指标“${ind.name}”折算得分应为 得分 ${s} × 权重占比 ${w}% = ${e}，表中为 ${p}`,
      en: `indicator "${ind.name}": weighted score = score ${s} × weight share ${w} % = ${e}, printed ${p}`,
      expected,
      found: weighted,
    });
  });
}
