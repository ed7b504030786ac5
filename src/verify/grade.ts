/**
 * grade.band: the printed 评分等级 matches the band of the printed total; and,
 * when the total itself does not add up, the band of the recomputed total.
 */
import type { VerifyContext } from "./context.js";
import { columnSum } from "./criteria.js";
import { D, ZERO, dec, eq, fmt, gte, withinAbs, type Dec } from "./decimal.js";
import type { Facts } from "./facts.js";
import type { GradeBand, PreparedBand } from "./options.js";
import { stripSpace } from "./text.js";
import { recomputedTotal, totalEnvelope } from "./totals.js";

/** The grade of a total: the first band (highest first) whose minimum it reaches, else the last band. */
export function gradeFor(total: Dec, bands: readonly GradeBand[]): string {
  const sorted = [...bands].sort((a, b) => new D(b.min).comparedTo(new D(a.min)));
  for (const band of sorted) if (total.gte(band.min)) return band.grade;
  return sorted[sorted.length - 1]!.grade;
}

/** {@link gradeFor} with the bands sorted and parsed already. */
function gradeOf(total: Dec, sorted: readonly PreparedBand[]): string {
  for (const band of sorted) if (gte(total, band.min)) return band.grade;
  return sorted[sorted.length - 1]!.grade;
}

/** Runs the grade rule. */
export function checkGrade(ctx: VerifyContext, facts: Facts): void {
  const grade = ctx.form.grade;
  const printed = grade === null || grade === undefined ? "" : stripSpace(grade);
  const bands = ctx.prepared.bands;
  // An office's own grade word (合格 …) is outside the bands: nothing to compare.
  if (printed === "" || !ctx.prepared.grades.has(printed)) return;
  const printedTotal = dec(ctx.form.total.score);
  // A criteria table's total is Σ 自评分, exact (scores are printed as set): no rounding envelope.
  const criteriaSum = ctx.form.criteria ? columnSum(ctx.form.criteria, "selfScore") : undefined;
  const recomputed = criteriaSum === undefined ? recomputedTotal(facts) : (criteriaSum ?? printedTotal ?? ZERO);
  const basis = printedTotal ?? recomputed;
  const expected = gradeOf(basis, bands);
  if (expected !== printed) {
    const total = fmt(basis);
    ctx.report({
      rule: "grade.band",
      path: "grade",
      row: "评分等级",
      zh: `总分 ${total} 对应等级“${expected}”，表中为“${printed}”`,
      en: `a total of ${total} grades as "${expected}", printed "${printed}"`,
      expected,
      found: printed,
    });
    return;
  }
  // The grade follows the printed total; if that total is wrong, say what the true one gives.
  if (printedTotal !== null && !eq(printedTotal, recomputed)
    && (criteriaSum !== undefined || !withinAbs(printedTotal.minus(recomputed), totalEnvelope(facts, ctx.mode)))) {
    const trueGrade = gradeOf(recomputed, bands);
    if (trueGrade !== printed) {
      const [shown, recomputedShown] = [fmt(printedTotal), fmt(recomputed)];
      ctx.report({
        rule: "grade.band",
        path: "grade",
        row: "评分等级",
        zh: `等级“${printed}”依据所印总分 ${shown}；重算总分 ${recomputedShown} 对应“${trueGrade}”`,
        en: `grade "${printed}" follows the printed total ${shown}; the recomputed total ${recomputedShown} grades as "${trueGrade}"`,
        expected: trueGrade,
        found: printed,
      });
    }
  }
}
