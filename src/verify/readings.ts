/**
 * How the verifier reads a funding block that prints a figure the way some
 * offices do but the rules do not expect. It never edits the form: it makes
 * the figures the rules judge, and says what it read differently, so each
 * such reading is reported (funding.total-blank, funding.weight-scale)
 * instead of raising errors the form's own arithmetic does not have.
 */
import type { Form } from "../model/index.js";
import { countedWeight } from "./counted.js";
import { D, HUNDRED, ZERO, add, dec, eq, lte, type Dec } from "./decimal.js";

/** The figures of one funding row that readings may replace. */
export interface AmountFigures {
  initialBudget: Dec | null;
  adjustedBudget: Dec | null;
  executed: Dec | null;
  weight: Dec | null;
  score: Dec | null;
}

export type AmountColumn = "initialBudget" | "adjustedBudget" | "executed";

/** What the verifier read differently from the printed figures. */
export interface Readings {
  /** Columns of 年度资金总额 printed as 0 (or blank) whose sub-rows hold money: read as the sub-rows' sum. */
  totalFromSubRows: Array<{ column: AmountColumn; sum: Dec }>;
  /** The execution weight printed as 100, read as 10 (the score and the total weight both say 10). */
  weightScaled: boolean;
  /** The total row prints no 分值 and 得分, its sub-rows do: the execution weight and score are their sums (set by facts.ts). */
  executionFromSubRows: boolean;
}

const COLUMNS: AmountColumn[] = ["initialBudget", "adjustedBudget", "executed"];
const TEN = new D(10);

/**
 * Replaces, in `rows` (the parsed figures, one per funding row), what the
 * form prints in another way than the rules read it, and says what.
 */
export function readFunding(form: Form, rows: AmountFigures[], totalIndex: number | null): Readings {
  const readings: Readings = { totalFromSubRows: [], weightScaled: false, executionFromSubRows: false };
  if (totalIndex === null) return readings;
  const total = rows[totalIndex]!;
  // A total printed as 0 while its sub-rows hold money: some templates leave
  // the 年度资金总额 row for the system to fill and it never was. Only when
  // the budget column says so, so a real zero total with stray sub-rows is
  // still judged by funding.rows-sum.
  if (rows.length > 1 && isBlank(total.adjustedBudget)) {
    const sums = new Map<AmountColumn, Dec>();
    // Sub-rows printed in groups each break the total down whole: the first group is its sum.
    const firstSub = form.funding.findIndex((_, i) => i !== totalIndex);
    const group = form.funding[firstSub]?.group;
    for (const column of COLUMNS) {
      let s = ZERO;
      for (let i = 0; i < rows.length; i++) {
        if (i !== totalIndex && form.funding[i]!.group === group && rows[i]![column] !== null) s = add(s, rows[i]![column]!);
      }
      sums.set(column, s);
    }
    if (!sums.get("adjustedBudget")!.isZero()) {
      for (const column of COLUMNS) {
        const sum = sums.get(column)!;
        if (isBlank(total[column]) && !sum.isZero()) {
          total[column] = sum;
          readings.totalFromSubRows.push({ column, sum });
        }
      }
    }
  }
  // 100 for 10: the score is at most 10 and the total weight leaves 10 for the execution criterion.
  const weight = total.weight;
  if (weight !== null && eq(weight, HUNDRED) && total.score !== null && lte(total.score, TEN)) {
    const printedTotal = dec(form.total.weight);
    let indicatorWeights = ZERO;
    for (const ind of form.indicators) {
      const w = dec(countedWeight(ind));
      if (w !== null) indicatorWeights = add(indicatorWeights, w);
    }
    if (printedTotal === null || eq(add(indicatorWeights, TEN), printedTotal)) {
      total.weight = TEN;
      readings.weightScaled = true;
    }
  }
  return readings;
}

function isBlank(x: Dec | null): boolean {
  return x === null || x.isZero();
}
