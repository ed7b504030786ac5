/**
 * Decimal arithmetic for the verifier. Every money, rate and score figure is a
 * decimal.js value: a float would turn 957.58 / 1031.92 into a number whose
 * last digits depend on binary rounding, and the whole point of the verifier is
 * to tell a truncated 92.79 from a rounded 92.80.
 */
import { Decimal as DecimalBase } from "decimal.js";

/** A Decimal constructor with enough precision that divisions never decide a rounding. */
export const D = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
/** A Decimal value of the verifier's constructor. */
export type Dec = InstanceType<typeof D>;

/** Parses a model decimal string; null stays null. */
export function dec(value: string | null | undefined): Dec | null {
  return value === null || value === undefined ? null : new D(value);
}

// The comparisons and sums below are decimal.js's own, under the names the
// rules use. Hand-written shortcuts for them (comparing digit words, skipping
// additions to zero, a cache of parsed strings, digits written out without
// toFixed) saved 1.7 % of the whole command together, under the 3 % that
// would keep them (issue 12, item 9), and so were returned to this form.

/** x compared with y: 1, 0, −1 (NaN when either is NaN). */
export function compare(x: Dec, y: Dec): number {
  return x.cmp(y);
}

/** x = y. */
export function eq(x: Dec, y: Dec): boolean {
  return x.eq(y);
}

/** x < y. */
export function lt(x: Dec, y: Dec): boolean {
  return x.lt(y);
}

/** x ≤ y. */
export function lte(x: Dec, y: Dec): boolean {
  return x.lte(y);
}

/** x > y. */
export function gt(x: Dec, y: Dec): boolean {
  return x.gt(y);
}

/** x ≥ y. */
export function gte(x: Dec, y: Dec): boolean {
  return x.gte(y);
}

/** x truncated (toward zero) to 2 decimals: how the seed prints 92.7959 as 92.79. */
export function truncate2(x: Dec): Dec {
  return x.toDecimalPlaces(2, D.ROUND_DOWN);
}

/** x rounded half-up (half away from zero) to 2 decimals. */
export function halfUp2(x: Dec): Dec {
  return x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Which roundings of an exact value a printed figure is. */
export interface RoundingMatch {
  truncate: boolean;
  halfUp: boolean;
}

/** Compares a printed figure with both 2-decimal renderings of the exact value. */
export function roundingMatch(printed: Dec, exact: Dec): RoundingMatch {
  return { truncate: printed.eq(truncate2(exact)), halfUp: printed.eq(halfUp2(exact)) };
}

/** The rounding a form may use, as configured. */
export type AcceptedRounding = "truncate" | "half-up" | "either";

/** True when the match is allowed under the accepted rounding. */
export function accepted(match: RoundingMatch, mode: AcceptedRounding): boolean {
  if (mode === "truncate") return match.truncate;
  if (mode === "half-up") return match.halfUp;
  return match.truncate || match.halfUp;
}

/**
 * The 2-decimal value shown as "expected": truncated when only truncation is
 * accepted, half-up otherwise (the usual way of writing a figure down).
 */
export function display2(exact: Dec, mode: AcceptedRounding): Dec {
  return mode === "truncate" ? truncate2(exact) : halfUp2(exact);
}

/** Formats a value with exactly 2 decimals, the way the forms print figures. */
export function fmt(x: Dec): string {
  return x.toFixed(2);
}

/**
 * Formats a printed figure (or a sum or difference of printed figures) with
 * at least 2 decimals and as many more as it was printed with: an amount
 * printed 89.974 must be reported as 89.974, not 89.97.
 */
export function fmtAmount(x: Dec): string {
  return x.decimalPlaces() > 2 ? x.toFixed() : x.toFixed(2);
}

/** Constants the rules share, made once: Decimals are immutable. */
export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/**
 * The display-rounding envelope of domain.md: a sum of printed figures, n of
 * them rounded, may differ from the printed total by (n + 1) × 0.005.
 */
export function envelope(roundedTerms: number): Dec {
  return new D(roundedTerms + 1).times("0.005");
}

/** (n − 1) × 0.01: the gap n truncated terms under a truncated total can leave. */
export function truncationGap(roundedTerms: number): Dec {
  return new D(roundedTerms - 1).times("0.01");
}

/** x + v. */
export function add(x: Dec, v: Dec): Dec {
  return x.plus(v);
}

/** Sum of decimals; nulls count as zero (a '-' cell contributes nothing). */
export function sum(values: readonly (Dec | null)[]): Dec {
  let acc = ZERO;
  for (const v of values) if (v !== null) acc = acc.plus(v);
  return acc;
}

/** True when |x| ≤ bound. */
export function withinAbs(x: Dec, bound: Dec): boolean {
  return x.abs().lte(bound);
}
