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
      ctx.report({
        rule: "score.range",
        path: `indicators[${i}].weight`,
        row: ind.name,
        zh: `指标“${ind.name}”分值为 ${fmt(weight)}，应大于 0`,
        en: `indicator "${ind.name}" has weight ${fmt(weight)}; weights must be positive`,
        expected: "> 0",
        found: weight,
      });
      return;
    }
    if (score === null) return;
    if (score.isNeg()) {
      ctx.report({
        rule: "score.range",
        path: `indicators[${i}].score`,
        row: ind.name,
        zh: `指标“${ind.name}”得分 ${fmt(score)} 小于 0`,
        en: `indicator "${ind.name}" scores ${fmt(score)}, below 0`,
        expected: new D(0),
        found: score,
      });
    } else if (weight !== null && gt(score, weight)) {
      ctx.report({
        rule: "score.range",
        path: `indicators[${i}].score`,
        row: ind.name,
        zh: `指标“${ind.name}”得分 ${fmt(score)} 超过分值 ${fmt(weight)}`,
        en: `indicator "${ind.name}" scores ${fmt(score)}, more than its weight ${fmt(weight)}`,
        expected: weight,
        found: score,
      });
    }
  });
}
