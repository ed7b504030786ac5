/**
 * score.range: every indicator's score lies in [0, weight], and its weight is
 * positive. The execution score is bounded by funding.score instead, which
 * recomputes it exactly.
 */
import type { VerifyContext } from "./context.js";
import { D, fmt, gt } from "./decimal.js";
import type { Facts } from "./facts.js";

/** Runs the scores rule. */
export function checkScores(ctx: VerifyContext, facts: Facts): void {
  ctx.form.indicators.forEach((ind, i) => {
    const { weight, score } = facts.indicators[i]!;
    // weight ≤ 0
    if (weight !== null && (weight.isZero() || weight.isNeg())) {
      const w = fmt(weight);
      ctx.report({
        rule: "score.range",
        path: `indicators[${i}].weight`,
        row: ind.name,
        zh: `指标“${ind.name}”分值为 ${w}，应大于 0`,
        en: `indicator "${ind.name}" has weight ${w}; weights must be positive`,
        expected: "> 0",
        found: weight,
      });
      return;
    }
    if (score === null) return;
    if (score.isNeg()) {
      const s = fmt(score);
      ctx.report({
        rule: "score.range",
        path: `indicators[${i}].score`,
        row: ind.name,
        zh: `指标“${ind.name}”得分 ${s} 小于 0`,
        en: `indicator "${ind.name}" scores ${s}, below 0`,
        expected: new D(0),
        found: score,
      });
    } else if (weight !== null && gt(score, weight)) {
      const [s, w] = [fmt(score), fmt(weight)];
      ctx.report({
        rule: "score.range",
        path: `indicators[${i}].score`,
        row: ind.name,
        zh: `指标“${ind.name}”得分 ${s} 超过分值 ${w}`,
        en: `indicator "${ind.name}" scores ${s}, more than its weight ${w}`,
        expected: weight,
        found: score,
      });
    }
  });
}
