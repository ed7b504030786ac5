/**
 * Figures several rule families need: every printed figure parsed once, the
 * 年度资金总额 row, its exact execution rate and score, and the indicators'
 * sums. Computed once per form so the families cannot disagree about, say,
 * which execution score a total contains, and so no rule parses or divides
 * what another already has.
 */
import type { Form, FundingRow } from "../model/index.js";
import {
  EXACT_LIMBS, HUNDRED, ZERO, accepted, add, dec, eq, gt, roundingMatch,
  type AcceptedRounding, type Dec, type RoundingMatch,
} from "./decimal.js";
import { assess, type Assessment } from "./measures.js";
import { stripSpace } from "./text.js";
import type { SplitGroup, SplitSum } from "./weights.js";

/** The 年度资金总额 row and its index: the row of kind total, else a first row that carries a weight. */
export function totalRow(form: Form): { row: FundingRow; index: number } | null {
  const i = form.funding.findIndex((r) => r.kind === "total");
  if (i >= 0) return { row: form.funding[i]!, index: i };
  const first = form.funding[0];
  return first && first.weight !== null ? { row: first, index: 0 } : null;
}

/** executed / adjusted budget × 100, exactly; null when the budget is missing or zero. */
export function rateOf(executed: Dec | null, budget: Dec | null): Dec | null {
  if (budget === null || executed === null || budget.isZero()) return null;
  // Everything spent: executed / budget is exactly 1.
  if (eq(executed, budget)) return HUNDRED;
  // (executed / budget rounded to the precision) × 100 is (executed × 100 / budget)
  // rounded to the precision: scaling by a power of ten moves no rounding, and
  // executed × 100 is exact when executed has fewer digits than the precision.
  // Multiplying the few digits of executed is cheaper than the 40 of the quotient.
  return executed.d.length <= EXACT_LIMBS ? executed.times(HUNDRED).div(budget) : executed.div(budget).times(100);
}

/** executed / adjusted budget × 100, exactly; null when the budget is missing or zero. */
export function exactRate(row: FundingRow): Dec | null {
  return rateOf(dec(row.executed), dec(row.adjustedBudget));
}

/** min(rate, 100) / 100: the share of the budget an execution rate counts for. */
export function spentShare(rate: Dec): Dec {
  return (gt(rate, HUNDRED) ? HUNDRED : rate).div(HUNDRED);
}

/** min(rate, 100) / 100 × weight, the execution score formula. */
export function executionScore(rate: Dec, weight: Dec): Dec {
  return spentShare(rate).times(weight);
}

/** The printed figures of one funding row, parsed. */
export interface RowFigures {
  readonly initialBudget: Dec | null;
  readonly adjustedBudget: Dec | null;
  readonly executed: Dec | null;
  readonly weight: Dec | null;
  readonly rate: Dec | null;
  readonly score: Dec | null;
}

/** The printed figures of one indicator, parsed, and what its measures say. */
export interface IndicatorFigures {
  readonly weight: Dec | null;
  readonly score: Dec | null;
  /** The level-1 label without whitespace. */
  readonly level1: string;
  readonly assessment: Assessment;
}

/** Shared per-form figures. */
export interface Facts {
  readonly rows: readonly RowFigures[];
  indicators: readonly IndicatorFigures[];
  total: { row: FundingRow; index: number } | null;
  /** Exact rate of the total row, null when it has no positive budget. */
  rate: Dec | null;
  /** min(rate, 100) / 100 of the total row; null with the rate. */
  spentShare: Dec | null;
  /** Execution weight and printed score (nulls when the form prints none). */
  executionWeight: Dec | null;
  executionScore: Dec | null;
  /** The exact execution score and how the printed one renders it; null unless rate, weight and score are all there. */
  executionExact: Dec | null;
  executionMatch: RoundingMatch | null;
  /** True when the printed execution score is a rounding of a non-2-decimal exact value. */
  executionScoreRounded: boolean;
  weightSum: Dec;
  scoreSum: Dec;
  /** How many indicator scores are roundings of a formula's non-2-decimal value. */
  roundedIndicatorScores: number;
  /** Σ weights per split group (see weights.ts splitSums); undefined until asked for. */
  split: Map<SplitGroup, SplitSum> | null | undefined;
  /** The exact rate of each funding row (see {@link rowRate}); undefined until asked for. */
  readonly rowRates: (Dec | null | undefined)[];
}

function rowFigures(row: FundingRow): RowFigures {
  return {
    initialBudget: dec(row.initialBudget),
    adjustedBudget: dec(row.adjustedBudget),
    executed: dec(row.executed),
    weight: dec(row.weight),
    rate: dec(row.rate),
    score: dec(row.score),
  };
}

/** Computes the shared figures of a form. */
export function facts(form: Form, mode: AcceptedRounding): Facts {
  const rows = form.funding.map(rowFigures);
  const total = totalRow(form);
  const f: Facts = {
    rows,
    indicators: [],
    total,
    rate: null,
    spentShare: null,
    executionWeight: null,
    executionScore: null,
    executionExact: null,
    executionMatch: null,
    executionScoreRounded: false,
    weightSum: ZERO,
    scoreSum: ZERO,
    roundedIndicatorScores: 0,
    split: undefined,
    rowRates: new Array<Dec | null | undefined>(rows.length),
  };
  if (total) {
    const t = rows[total.index]!;
    f.rate = rowRate(f, total.index);
    f.spentShare = f.rate === null ? null : spentShare(f.rate);
    f.executionWeight = t.weight;
    f.executionScore = t.score;
    if (f.spentShare !== null && t.weight !== null && t.score !== null) {
      const exact = f.spentShare.times(t.weight);
      const match = roundingMatch(t.score, exact);
      f.executionExact = exact;
      f.executionMatch = match;
      f.executionScoreRounded = !eq(t.score, exact) && accepted(match, mode);
    }
  }
  const indicators: IndicatorFigures[] = [];
  let weightSum = ZERO;
  let scoreSum = ZERO;
  let rounded = 0;
  for (const ind of form.indicators) {
    const weight = dec(ind.weight);
    const score = dec(ind.score);
    const a = assess(ind, weight);
    if (a.kind === "quantitative" && a.expectedExact !== null && score !== null
      && !eq(score, a.expectedExact) && accepted(roundingMatch(score, a.expectedExact), mode)) {
      rounded++;
    }
    if (weight !== null) weightSum = add(weightSum, weight);
    if (score !== null) scoreSum = add(scoreSum, score);
    indicators.push({ weight, score, level1: stripSpace(ind.level1), assessment: a });
  }
  f.indicators = indicators;
  f.weightSum = weightSum;
  f.scoreSum = scoreSum;
  f.roundedIndicatorScores = rounded;
  return f;
}

/**
 * The exact rate of funding row i, worked out once: a row with the same
 * budget and spending as an earlier one (当年财政拨款 repeating 年度资金总额
 * when it is the only source) has the same rate, so it is not divided again.
 */
export function rowRate(f: Facts, i: number): Dec | null {
  const known = f.rowRates[i];
  if (known !== undefined) return known;
  const { executed, adjustedBudget } = f.rows[i]!;
  let rate: Dec | null | undefined;
  if (adjustedBudget === null || executed === null || adjustedBudget.isZero()) rate = null;
  for (let j = 0; rate === undefined && j < f.rows.length; j++) {
    const other = f.rowRates[j];
    if (j === i || other === undefined || other === null) continue;
    const r = f.rows[j]!;
    if (same(r.adjustedBudget!, adjustedBudget!) && same(r.executed!, executed!)) rate = other;
  }
  if (rate === undefined) rate = rateOf(executed, adjustedBudget);
  f.rowRates[i] = rate;
  return rate;
}

function same(a: Dec, b: Dec): boolean {
  return a === b || eq(a, b);
}
