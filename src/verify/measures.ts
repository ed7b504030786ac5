/**
 * What an indicator's target and actual say about how it should have scored.
 * This is the one place that reads Measures, so the indicator rules and the
 * totals (which must know which scores are rounded formula results) agree.
 */
import type { Indicator, Measure, MeasureOp } from "../model/index.js";
import { D, ZERO, compare, dec, type Dec } from "./decimal.js";
import { stripSpace } from "./text.js";

/** The formula domain.md prescribes for an unmet quantitative target. */
export type Formula = "proportional" | "reverse";

/** The three qualitative outcomes and their score ranges as fractions of the weight. */
export type QualitativeLevel = "未达成" | "部分达成" | "达成";

/** How an indicator's measures bear on its score. */
export type Assessment =
  /** A quantitative target reached. */
  | { kind: "met" }
  /** A quantitative target not reached. */
  | {
      kind: "unmet";
      op: MeasureOp;
      target: Dec;
      actual: Dec;
      /** The formula that applies; null when none can (zero target, zero actual). */
      formula: Formula | null;
      /** Exact value of the formula × weight; null when no formula applies or there is no weight. */
      expectedExact: Dec | null;
    }
  | {
      kind: "qualitative";
      level: QualitativeLevel;
      /** Lower bound of the score as a fraction of the weight (inclusive). */
      low: Dec;
      /** Upper bound as a fraction of the weight; inclusive only for 达成 (1.0). */
      high: Dec;
      highInclusive: boolean;
    }
  | { kind: "none" };

/** 百分比 and the full-width ％ mean %, so ≥100百分比 compares with 95.00(%). */
export function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = stripSpace(unit);
  if (u === "" ) return null;
  return u === "百分比" || u === "％" ? "%" : u;
}

/**
 * Classifies a qualitative actual. 未达成 and 部分达成 are tested before 达成
 * because both contain 达成.
 */
export function qualitativeLevel(text: string): QualitativeLevel | null {
  const t = stripSpace(text);
  if (t.includes("未达成")) return "未达成";
  if (t.includes("部分达成")) return "部分达成";
  if (t.includes("达成")) return "达成";
  return null;
}

// Made once: Decimals are immutable, and every assessed row would otherwise parse them again.
const QUALITATIVE_RANGES: Record<QualitativeLevel, { low: Dec; high: Dec; highInclusive: boolean }> = {
  未达成: { low: new D("0"), high: new D("0.6"), highInclusive: false },
  部分达成: { low: new D("0.6"), high: new D("0.8"), highInclusive: false },
  达成: { low: new D("0.8"), high: new D("1"), highInclusive: true },
};

/**
 * Assesses one indicator; `kind: "none"` when its measures cannot be judged.
 *
 * @param weight the indicator's weight, parsed (the caller has it already)
 */
export function assess(indicator: Indicator, weight: Dec | null = dec(indicator.weight)): Assessment {
  const { target, actual } = indicator;
  if (actual.value === null) return assessQualitative(actual);
  if (target.value === null) return NONE;
  const tu = normaliseUnit(target.unit);
  const au = normaliseUnit(actual.unit);
  // 5(人) against 5(%) cannot be compared; better silent than wrong.
  if (tu !== null && au !== null && tu !== au) return NONE;
  return assessQuantitative(target, dec(target.value)!, dec(actual.value)!, weight);
}

// Shared: they carry nothing of the row they describe.
const NONE: Assessment = { kind: "none" };
const MET: Assessment = { kind: "met" };

function assessQualitative(actual: Measure): Assessment {
  const level = qualitativeLevel(actual.qualitative ?? actual.raw);
  if (level === null) return NONE;
  const r = QUALITATIVE_RANGES[level];
  return { kind: "qualitative", level, low: r.low, high: r.high, highInclusive: r.highInclusive };
}

function assessQuantitative(target: Measure, t: Dec, a: Dec, weight: Dec | null): Assessment {
  // A target printed without an operator (5.00(人)) is read as "=".
  const op: MeasureOp = target.op ?? "=";
  // One comparison of actual with target serves every operator.
  const c = compare(a, t);
  const targetPositive = !t.isZero() && !t.isNeg();
  let met: boolean;
  let formula: Formula | null = null;
  switch (op) {
    case ">=":
      met = c >= 0;
      break;
    case ">":
      met = c > 0;
      break;
    case "=":
      // Exceeding a positive "=" target (=5 人, 6 hired) counts as met; a zero
      // "=" target (=0 % accident rate) is a ceiling, so anything above it is not.
      met = c === 0 || (c > 0 && targetPositive);
      break;
    case "<=":
      met = c <= 0;
      break;
    case "<":
      met = c < 0;
      break;
  }
  if (met) return MET;
  if ((op === ">=" || op === ">" || op === "=") && c < 0 && targetPositive) formula = "proportional";
  // actual > 0 and target ≥ 0
  if ((op === "<=" || op === "<") && !a.isZero() && !a.isNeg() && (t.isZero() || !t.isNeg())) formula = "reverse";
  let expectedExact: Dec | null = null;
  if (formula !== null && weight !== null) {
    expectedExact = formula === "proportional"
      ? (a.isNeg() ? ZERO : a).div(t).times(weight) // max(actual, 0)
      : t.div(a).times(weight);
  }
  return { kind: "unmet", op, target: t, actual: a, formula, expectedExact };
}
