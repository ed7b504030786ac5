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

// Forms repeat the same few figures ("5.00", "100.00", "10.00") on every
// row; Decimals are immutable, so one instance per string serves them all.
// Bounded so a batch of millions of distinct amounts cannot grow it forever.
const CACHE_LIMIT = 4096;
const cache = new Map<string, Dec>();

/** Parses a model decimal string; null stays null. */
export function dec(value: string | null | undefined): Dec | null {
  if (value === null || value === undefined) return null;
  let d = cache.get(value);
  if (d === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    d = new D(value);
    cache.set(value, d);
  }
  return d;
}

/**
 * x compared with y: 1, 0, −1 (NaN when either is NaN), exactly as `x.cmp(y)`.
 * `cmp` first copies y (to accept numbers and strings), which is an object
 * and an array for every comparison; a finite Decimal within the exponent
 * limits is copied as it is, so its sign, exponent and words (`s`, `e`, `d`)
 * are compared directly here, the way `cmp` compares them.
 */
export function compare(x: Dec, y: Dec): number {
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd || y.e > D.maxE || y.e < D.minE) return x.cmp(y);
  const xs = x.s;
  // Either zero?
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -y.s : 0;
  // Signs differ?
  if (xs !== y.s) return xs;
  // Exponents differ?
  if (x.e !== y.e) return (x.e > y.e) !== (xs < 0) ? 1 : -1;
  const xl = xd.length;
  const yl = yd.length;
  for (let i = 0, n = xl < yl ? xl : yl; i < n; i++) {
    if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== (xs < 0) ? 1 : -1;
  }
  return xl === yl ? 0 : (xl > yl) !== (xs < 0) ? 1 : -1;
}

/** `x.eq(y)` without copying y. */
export function eq(x: Dec, y: Dec): boolean {
  return compare(x, y) === 0;
}

/** `x.lt(y)` without copying y. */
export function lt(x: Dec, y: Dec): boolean {
  return compare(x, y) < 0;
}

/** `x.lte(y)` without copying y. */
export function lte(x: Dec, y: Dec): boolean {
  return compare(x, y) < 1;
}

/** `x.gt(y)` without copying y. */
export function gt(x: Dec, y: Dec): boolean {
  return compare(x, y) > 0;
}

/** `x.gte(y)` without copying y. */
export function gte(x: Dec, y: Dec): boolean {
  const k = compare(x, y);
  return k === 1 || k === 0;
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

const BOTH: RoundingMatch = Object.freeze({ truncate: true, halfUp: true });
const NEITHER: RoundingMatch = Object.freeze({ truncate: false, halfUp: false });

/** Compares a printed figure with both 2-decimal renderings of the exact value. */
export function roundingMatch(printed: Dec, exact: Dec): RoundingMatch {
  // An exact value with at most 2 decimals is both of its renderings.
  if (exact.decimalPlaces() <= 2) return eq(printed, exact) ? BOTH : NEITHER;
  // For exact ≥ 0 and a printed p ≥ 0 with at most 2 decimals, p is the
  // truncation when p ≤ exact < p + 0.01, and the half-up rounding when
  // p − 0.005 ≤ exact < p + 0.005: one subtraction instead of two roundings.
  // exact − p is exact (no rounding) when p's first digit is at or below
  // exact's, and that is at most 10^30: its digits run from there down to
  // exact's last or 10^-2, at most 40 of them.
  if (!exact.isNeg() && !printed.isNeg() && printed.decimalPlaces() <= 2 && printed.e <= exact.e && exact.e <= 30) {
    const d = exact.minus(printed);
    const truncate = !d.isNeg() && lt(d, CENT);
    const halfUp = gte(d, MINUS_HALF_CENT) && lt(d, HALF_CENT);
    return truncate ? (halfUp ? BOTH : TRUNCATE_ONLY) : halfUp ? HALF_UP_ONLY : NEITHER;
  }
  return { truncate: eq(printed, truncate2(exact)), halfUp: eq(printed, halfUp2(exact)) };
}

const CENT = new D("0.01");
const HALF_CENT = new D("0.005");
const MINUS_HALF_CENT = new D("-0.005");
const TRUNCATE_ONLY: RoundingMatch = Object.freeze({ truncate: true, halfUp: false });
const HALF_UP_ONLY: RoundingMatch = Object.freeze({ truncate: false, halfUp: true });

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

/** Formats a value with exactly 2 decimals, the way the forms print figures (`x.toFixed(2)`). */
export function fmt(x: Dec): string {
  // A value with at most 2 decimals needs no rounding: write its digits out.
  return x.decimalPlaces() > 2 ? x.toFixed(2) : plain(x);
}

/**
 * Formats a printed figure (or a sum or difference of printed figures) with
 * at least 2 decimals and as many more as it was printed with: an amount
 * printed 89.974 must be reported as 89.974, not 89.97. For figures with 2
 * decimals or fewer it is `fmt`. (`x.toFixed()` beyond 2 decimals, else `x.toFixed(2)`.)
 */
export function fmtAmount(x: Dec): string {
  return plain(x);
}

const ZEROS = "0000000";

/**
 * x written out in full, without rounding, with at least 2 decimals: what
 * `toFixed` gives for a finite value it need not round, read straight from
 * the value's digits (base-1e7 words `d`, exponent `e`, sign `s`) rather than
 * through a rounded copy.
 */
function plain(x: Dec): string {
  if (!x.isFinite()) return x.toFixed(2);
  const d = x.d;
  if (d[0] === 0) return "0.00";
  let c = String(d[0]);
  for (let i = 1; i < d.length; i++) {
    const w = String(d[i]);
    c += ZEROS.slice(w.length) + w;
  }
  let len = c.length;
  while (len > 1 && c.charCodeAt(len - 1) === 0x30) len--;
  if (len < c.length) c = c.slice(0, len);
  // c is the coefficient, its first digit at 10^e.
  const e = x.e;
  let int: string;
  let frac: string;
  if (e < 0) {
    int = "0";
    frac = "0".repeat(-e - 1) + c;
  } else if (e + 1 >= len) {
    int = e + 1 === len ? c : c + "0".repeat(e + 1 - len);
    frac = "";
  } else {
    int = c.slice(0, e + 1);
    frac = c.slice(e + 1);
  }
  if (frac.length < 2) frac = frac.length === 1 ? frac + "0" : "00";
  return (x.s < 0 ? "-" : "") + int + "." + frac;
}

/** Constants the rules share, made once: Decimals are immutable. */
export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

// Envelopes for the term counts forms have; built on first use.
const ENVELOPES: Dec[] = [];
const TRUNCATION_GAPS: Dec[] = [];
const TABLE_LIMIT = 256;

/**
 * The display-rounding envelope of domain.md: a sum of printed figures, n of
 * them rounded, may differ from the printed total by (n + 1) × 0.005.
 */
export function envelope(roundedTerms: number): Dec {
  if (roundedTerms < 0 || roundedTerms >= TABLE_LIMIT) return new D(roundedTerms + 1).times("0.005");
  return (ENVELOPES[roundedTerms] ??= new D(roundedTerms + 1).times("0.005"));
}

/** (n − 1) × 0.01: the gap n truncated terms under a truncated total can leave. */
export function truncationGap(roundedTerms: number): Dec {
  if (roundedTerms < 0 || roundedTerms >= TABLE_LIMIT) return new D(roundedTerms - 1).times("0.01");
  return (TRUNCATION_GAPS[roundedTerms] ??= new D(roundedTerms - 1).times("0.01"));
}

/**
 * Decimal words of at most this many base-1e7 limbs hold at most 35 digits,
 * fewer than the precision (40): adding such a value to zero gives the value.
 */
export const EXACT_LIMBS = 5;

/**
 * x + v, for an accumulator x that is zero or a result of arithmetic (so
 * already rounded to the precision): the same value as `x.plus(v)`, without
 * the addition when it can only give x or v back. Adding a positive zero to
 * such an x gives x; adding v to a positive zero gives v when v is not zero
 * and has fewer digits than the precision.
 */
export function add(x: Dec, v: Dec): Dec {
  // (−0) + (+0) is +0, so a negative zero x takes the addition.
  if (v.isZero()) return v.isNeg() || (x.isZero() && x.isNeg()) ? x.plus(v) : x;
  if (x.isZero() && !x.isNeg() && v.d.length <= EXACT_LIMBS) return v;
  return x.plus(v);
}

/** Sum of decimals; nulls count as zero (a '-' cell contributes nothing). Equal to adding them one by one to 0. */
export function sum(values: readonly (Dec | null)[]): Dec {
  let acc = ZERO;
  for (const v of values) if (v !== null) acc = add(acc, v);
  return acc;
}

/** True when |x| ≤ bound, for a bound ≥ 0. */
export function withinAbs(x: Dec, bound: Dec): boolean {
  return x.isNeg() ? lte(x.neg(), bound) : lte(x, bound);
}
