/**
 * Figures several rule families need: every printed figure parsed once, the
 * 年度资金总额 row, its exact execution rate and score, and the indicators'
 * sums. Computed once per form so the families cannot disagree about, say,
 * which execution score a total contains, and so no rule parses or divides
 * what another already has.
 */
import type { Form, FundingRow } from "../model/index.js";
import {
  HUNDRED, ONE, ZERO, accepted, add, dec, eq, gt, roundingMatch,
  type AcceptedRounding, type Dec, type RoundingMatch,
} from "./decimal.js";
import { countedScore, countedWeight } from "./counted.js";
import { assess, type Assessment } from "./measures.js";
import { readFunding, type Readings } from "./readings.js";
import { stripSpace } from "./text.js";
import { groupOfName, sumSplitGroups, type SplitGroup, type SplitSum } from "./split.js";

/** The 年度资金总额 row and its index: the row of kind total, else a first row that carries a weight. */
export function totalRow(form: Form): { row: FundingRow; index: number } | null {
  const i = form.funding.findIndex((r) => r.kind === "total");
  if (i >= 0) return { row: form.funding[i]!, index: i };
  const first = form.funding[0];
  return first && first.weight !== null ? { row: first, index: 0 } : null;
}

/** An exact execution rate and the quotient it is made from. */
export interface Rate {
  /** executed / adjusted budget, rounded to the precision. */
  quotient: Dec;
  /** quotient × 100 (exact: the same digits). */
  rate: Dec;
}

const SPENT_ALL: Rate = { quotient: ONE, rate: HUNDRED };

/** executed / adjusted budget × 100, exactly; null when the budget is missing or zero. */
export function rateOf(executed: Dec | null, budget: Dec | null): Rate | null {
  if (budget === null || executed === null || budget.isZero()) return null;
  // Everything spent: executed / budget is exactly 1.
  if (eq(executed, budget)) return SPENT_ALL;
  const quotient = executed.div(budget);
  return { quotient, rate: quotient.times(HUNDRED) };
}

/** min(rate, 100) / 100: the share of the budget an execution rate counts for. */
export function spentShare(rate: Dec): Dec {
  return (gt(rate, HUNDRED) ? HUNDRED : rate).div(HUNDRED);
}

/**
 * {@link spentShare} of an exact rate, without dividing: the rate is its
 * quotient × 100 with the same digits, so rate / 100 is the quotient, and
 * 100 / 100 is 1.
 */
function shareOf(r: Rate): Dec {
  return gt(r.rate, HUNDRED) || eq(r.rate, HUNDRED) ? ONE : r.quotient;
}

/** min(rate, 100) / 100 × weight, the execution score formula. */
export function executionScore(rate: Dec, weight: Dec): Dec {
  return spentShare(rate).times(weight);
}

/** The printed figures of one funding row, parsed (as the verifier reads them: see readings.ts). */
export interface RowFigures {
  initialBudget: Dec | null;
  adjustedBudget: Dec | null;
  executed: Dec | null;
  /** 资金到位情况 (Hebei); null when the form has no such column. */
  readonly received: Dec | null;
  weight: Dec | null;
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
  /** How the score renders the formula's exact value (unmet rows with a formula and a score), when facts needed it. */
  match: RoundingMatch | undefined;
}

/** Shared per-form figures. */
export interface Facts {
  readonly rows: readonly RowFigures[];
  /** True when the form prints no 全年预算数 column and its rates are on 年初预算数 (rows' adjustedBudget is then the initial budget). */
  readonly rateOnInitial: boolean;
  /** What the verifier read otherwise than printed (a blank total, a weight of 100 for 10). */
  readonly readings: Readings;
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
  /** Σ indicator scores + execution score (see totals.ts recomputedTotal); undefined until asked for. */
  recomputedTotal: Dec | undefined;
  /** Σ weights + execution weight (see weights.ts recomputedTotalWeight); undefined until asked for. */
  recomputedTotalWeight: Dec | undefined;
  /** Σ weights per split group (see {@link splitSums}); undefined until asked for. */
  split: Map<SplitGroup, SplitSum> | null | undefined;
  /** The exact rate of each funding row (see {@link rowRate}); undefined until asked for. */
  readonly rowRates: (Rate | null | undefined)[];
}

function rowFigures(row: FundingRow): RowFigures {
  return {
    initialBudget: dec(row.initialBudget),
    adjustedBudget: dec(row.adjustedBudget),
    executed: dec(row.executed),
    received: dec(row.received ?? null),
    weight: dec(row.weight),
    rate: dec(row.rate),
    score: dec(row.score),
  };
}

/** Computes the shared figures of a form. */
export function facts(form: Form, mode: AcceptedRounding): Facts {
  const rows = form.funding.map(rowFigures);
  // 执行率(B/A) where A is 年初预算数 (Shandong): a form that prints no
  // 全年预算数 column computes its rates on 年初预算数, so that is the budget
  // every rate, score and spending rule reads.
  const rateOnInitial = form.funding.length > 0 && form.funding.every((r) => r.adjustedBudget === null) && form.funding.some((r) => r.initialBudget !== null);
  if (rateOnInitial) for (const r of rows) r.adjustedBudget = r.initialBudget;
  const total = totalRow(form);
  const readings = readFunding(form, rows, total ? total.index : null);
  const f: Facts = {
    rows,
    rateOnInitial,
    readings,
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
    recomputedTotal: undefined,
    recomputedTotalWeight: undefined,
    split: undefined,
    rowRates: new Array<Rate | null | undefined>(rows.length),
  };
  if (total) {
    const t = rows[total.index]!;
    const r = rowExactRate(f, total.index);
    f.rate = r === null ? null : r.rate;
    f.spentShare = r === null ? null : shareOf(r);
    f.executionWeight = t.weight;
    f.executionScore = t.score;
    if (f.spentShare !== null && t.weight !== null && t.score !== null) {
      const exact = f.spentShare.times(t.weight);
      const match = roundingMatch(t.score, exact);
      f.executionExact = exact;
      f.executionMatch = match;
      f.executionScoreRounded = !eq(t.score, exact) && accepted(match, mode);
    }
    if (t.weight === null && t.score === null) subRowExecution(f, total.index, mode);
  }
  const indicators: IndicatorFigures[] = [];
  let rounded = 0;
  // Whether every weight and score is small enough that any sum of them is exact (see below).
  let small = true;
  let grouped = true;
  for (const ind of form.indicators) {
    const weight = dec(countedWeight(ind));
    const score = dec(countedScore(ind));
    const a = assess(ind, weight);
    let match: RoundingMatch | undefined;
    if (a.kind === "unmet" && a.expectedExact !== null && score !== null && !eq(score, a.expectedExact)) {
      match = roundingMatch(score, a.expectedExact);
      if (accepted(match, mode)) rounded++;
    }
    const level1 = stripSpace(ind.level1);
    if (small) small = isSmall(weight) && isSmall(score);
    if (grouped) grouped = groupOfName(level1) !== null;
    indicators.push({ weight, score, level1, assessment: a, match });
  }
  f.indicators = indicators;
  f.roundedIndicatorScores = rounded;
  if (small) {
    // Every weight and score is below 10^12 with at most 7 decimals, so every
    // sum of them (and of their differences) has fewer digits than the
    // precision and is exact, whatever the order. Σ weights is then the sum of
    // the split groups' sums, which weights.split needs anyway; Σ scores is
    // Σ weights plus what each row's score differs from its weight (nothing,
    // on a row with full marks).
    let weightSum = ZERO;
    if (grouped) {
      for (const g of splitSums(f)!.values()) weightSum = add(weightSum, g.weight);
    } else {
      for (const { weight } of indicators) if (weight !== null) weightSum = add(weightSum, weight);
    }
    let scoreSum = weightSum;
    for (const { weight, score } of indicators) {
      if (weight === score || (weight !== null && score !== null && eq(weight, score))) continue;
      if (weight !== null) scoreSum = scoreSum.minus(weight);
      if (score !== null) scoreSum = scoreSum.plus(score);
    }
    f.weightSum = weightSum;
    f.scoreSum = scoreSum;
  } else {
    let weightSum = ZERO;
    let scoreSum = ZERO;
    for (const { weight, score } of indicators) {
      if (weight !== null) weightSum = add(weightSum, weight);
      if (score !== null) scoreSum = add(scoreSum, score);
    }
    f.weightSum = weightSum;
    f.scoreSum = scoreSum;
  }
  return f;
}

/** Σ weights per split group, with the first row of each; null when a row's level 1 is unrecognised. Worked out once per form. */
export function splitSums(facts: Facts): Map<SplitGroup, SplitSum> | null {
  if (facts.split === undefined) facts.split = sumSplitGroups(facts.indicators);
  return facts.split;
}

/**
 * The execution criterion scored row by row: a total that prints no 分值 and
 * 得分 while its sub-rows print their own (其中：本年财政拨款 8 分 …, the
 * 绩效目标自评表) is worth Σ of their weights and scores Σ of their scores.
 */
function subRowExecution(f: Facts, totalIndex: number, mode: AcceptedRounding): void {
  let weight: Dec | null = null;
  let score: Dec | null = null;
  for (let i = 0; i < f.rows.length; i++) {
    if (i === totalIndex) continue;
    const r = f.rows[i]!;
    if (r.weight !== null) weight = add(weight ?? ZERO, r.weight);
    if (r.score !== null) score = add(score ?? ZERO, r.score);
    const rate = rowExactRate(f, i);
    if (rate !== null && r.weight !== null && r.score !== null) {
      const exact = shareOf(rate).times(r.weight);
      if (!eq(r.score, exact) && accepted(roundingMatch(r.score, exact), mode)) f.executionScoreRounded = true;
    }
  }
  if (weight === null && score === null) return;
  f.executionWeight = weight;
  f.executionScore = score;
  f.readings.executionFromSubRows = true;
}

/** True for a figure that is null, or below 10^12 in size with at most 7 decimals. */
function isSmall(x: Dec | null): boolean {
  return x === null || (x.e < SMALL_E && x.decimalPlaces() <= SMALL_DP);
}

/**
 * Bounds under which sums of figures are exact: |x| < 10^12 (exponent below
 * 12) and at most 7 decimals, so a sum of up to 10^19 of them has at most
 * 12 + 19 + 7 < 40 digits.
 */
const SMALL_E = 12;
const SMALL_DP = 7;

/** The exact rate of funding row i (see {@link rowExactRate}). */
export function rowRate(f: Facts, i: number): Dec | null {
  const r = rowExactRate(f, i);
  return r === null ? null : r.rate;
}

/**
 * The exact rate of funding row i, worked out once: a row with the same
 * budget and spending as an earlier one (当年财政拨款 repeating 年度资金总额
 * when it is the only source) has the same rate, so it is not divided again.
 */
function rowExactRate(f: Facts, i: number): Rate | null {
  const known = f.rowRates[i];
  if (known !== undefined) return known;
  const { executed, adjustedBudget } = f.rows[i]!;
  let rate: Rate | null | undefined;
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
