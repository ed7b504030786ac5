/**
 * Figures several rule families need: the 年度资金总额 row, its exact execution
 * rate and score, and the indicators' sums. Computed once per form so the
 * families cannot disagree about, say, which execution score a total contains.
 */
import type { Form, FundingRow } from "../model/index.js";
import { D, accepted, dec, roundingMatch, sum, type AcceptedRounding, type Dec } from "./decimal.js";
import { assess, type Assessment } from "./measures.js";

/** The 年度资金总额 row and its index: the row of kind total, else a first row that carries a weight. */
export function totalRow(form: Form): { row: FundingRow; index: number } | null {
  const i = form.funding.findIndex((r) => r.kind === "total");
  if (i >= 0) return { row: form.funding[i]!, index: i };
  const first = form.funding[0];
  return first && first.weight !== null ? { row: first, index: 0 } : null;
}

/** executed / adjusted budget × 100, exactly; null when the budget is missing or zero. */
export function exactRate(row: FundingRow): Dec | null {
  const budget = dec(row.adjustedBudget);
  const executed = dec(row.executed);
  if (budget === null || executed === null || budget.isZero()) return null;
  return executed.div(budget).times(100);
}

/** min(rate, 100) / 100 × weight, the execution score formula. */
export function executionScore(rate: Dec, weight: Dec): Dec {
  return D.min(rate, 100).div(100).times(weight);
}

/** Shared per-form figures. */
export interface Facts {
  total: { row: FundingRow; index: number } | null;
  /** Exact rate of the total row, null when it has no positive budget. */
  rate: Dec | null;
  /** Execution weight and printed score (nulls when the form prints none). */
  executionWeight: Dec | null;
  executionScore: Dec | null;
  /** True when the printed execution score is a rounding of a non-2-decimal exact value. */
  executionScoreRounded: boolean;
  assessments: Assessment[];
  weightSum: Dec;
  scoreSum: Dec;
  /** How many indicator scores are roundings of a formula's non-2-decimal value. */
  roundedIndicatorScores: number;
}

/** Computes the shared figures of a form. */
export function facts(form: Form, mode: AcceptedRounding): Facts {
  const total = totalRow(form);
  const rate = total ? exactRate(total.row) : null;
  const executionWeight = total ? dec(total.row.weight) : null;
  const printedScore = total ? dec(total.row.score) : null;
  let executionScoreRounded = false;
  if (rate !== null && executionWeight !== null && printedScore !== null) {
    const exact = executionScore(rate, executionWeight);
    executionScoreRounded = !printedScore.eq(exact) && accepted(roundingMatch(printedScore, exact), mode);
  }
  const assessments = form.indicators.map(assess);
  let roundedIndicatorScores = 0;
  form.indicators.forEach((ind, i) => {
    const a = assessments[i];
    const score = dec(ind.score);
    if (a?.kind === "quantitative" && a.expectedExact !== null && score !== null
      && !score.eq(a.expectedExact) && accepted(roundingMatch(score, a.expectedExact), mode)) {
      roundedIndicatorScores++;
    }
  });
  return {
    total,
    rate,
    executionWeight,
    executionScore: printedScore,
    executionScoreRounded,
    assessments,
    weightSum: sum(form.indicators.map((i) => dec(i.weight))),
    scoreSum: sum(form.indicators.map((i) => dec(i.score))),
    roundedIndicatorScores,
  };
}
