import { Decimal } from "decimal.js";
import { plainNumber, printedAs as printedText } from "./printed.js";
import type { Word } from "./words.js";

/** What a funding column holds, from its header. */
export type FundingField = "initialBudget" | "adjustedBudget" | "executed" | "weight" | "rate" | "score" | "unknown";

/** The field a funding header names. */
export function fundingField(header: string): FundingField {
  if (/^年初预算/u.test(header)) return "initialBudget";
  if (/^(?:全年预算|调整后预算)/u.test(header)) return "adjustedBudget";
  if (/执行数$/u.test(header)) return "executed";
  if (/^(?:分值|分数|权重)$/u.test(header)) return "weight";
  if (/执行率/u.test(header)) return "rate";
  if (header === "得分") return "score";
  return "unknown";
}

/** A row's values placed in its columns; `ambiguous` are values the arithmetic could not place. */
export interface FundingFit {
  /** Column index of each placed value, in the values' order. */
  columns: Array<number | null>;
  /** What was assumed, in words, when cells were missing; null when every column had its value. */
  assumed: string | null;
  /** True when two or more placements fit equally well: the values concerned are left unplaced. */
  ambiguous: boolean;
  /** Values k whose piece k + 1 (after a line break) is part of the same amount. */
  joins?: number[];
}

const plain = (w: Word | undefined): Decimal | null => (w ? plainNumber(w.text) : null);

const printedAs = (x: Decimal, printed: Word): boolean => printedText(x, printed.text);

/**
 * How well a placement agrees with the form's arithmetic: 执行率 = 全年执行数
 * / 全年预算数 × 100, 得分 = min(执行率, 100) / 100 × 分值; a sub-row
 * (当年财政拨款 …) normally has no weight and score of its own.
 */
function agreement(byField: Map<FundingField, Word>, total: boolean): number {
  let s = 0;
  const adjusted = plain(byField.get("adjustedBudget"));
  const executed = plain(byField.get("executed"));
  const rate = byField.get("rate");
  const weight = plain(byField.get("weight"));
  const score = byField.get("score");
  // Against a zero budget the rate is no quotient, and a zero weight makes any score of zero: such equations are no evidence.
  if (adjusted && executed && rate && plain(rate)) {
    if (adjusted.isZero()) s += plain(rate)!.isZero() ? 0 : -2;
    else s += printedAs(executed.div(adjusted).times(100), rate) ? 3 : -3;
  }
  const r = plain(rate);
  if (r && weight && !weight.isZero() && score && plain(score)) s += printedAs(Decimal.min(r, 100).div(100).times(weight), score) ? 3 : -3;
  if (!total) {
    if (!byField.has("weight")) s += 1;
    if (!byField.has("score")) s += 1;
  }
  // A row prints its amounts; the figures derived from them (rate, weight, score) are the ones left blank: a slight preference, below any equation.
  for (const f of ["initialBudget", "adjustedBudget", "executed"] as const) if (byField.has(f)) s += 0.25;
  return s;
}

/** Every way of choosing k of n columns, in order. */
function* choices(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) for (const rest of choices(n, k - 1, i + 1)) yield [i, ...rest];
}

/**
 * Places a funding row's values under its headers. A blank cell vanishes
 * in flattened text, so fewer values than columns may fit several ways:
 * the placement that agrees best with the form's arithmetic is taken, and
 * said so; when two fit equally well, the values whose column differs
 * between them are left unplaced.
 */
export function fitFunding(values: readonly Word[], headers: readonly string[], total: boolean): FundingFit {
  const n = headers.length;
  if (values.length > n) {
    const joined = joinWrapped(values, n, headers, total);
    if (joined) return joined;
  }
  if (values.length >= n) return { columns: values.map((_, i) => (i < n ? i : null)), assumed: null, ambiguous: false };
  const fields = headers.map(fundingField);
  let best: number[][] = [];
  let bestScore = -Infinity;
  for (const cols of choices(n, values.length)) {
    const byField = new Map<FundingField, Word>();
    cols.forEach((c, i) => byField.set(fields[c]!, values[i]!));
    const s = agreement(byField, total);
    if (s > bestScore) {
      bestScore = s;
      best = [cols];
    } else if (s === bestScore) best.push(cols);
  }
  const first = best[0]!;
  const columns: Array<number | null> = first.map((c, i) => (best.every((b) => b[i] === c) ? c : null));
  const blank = headers.filter((_, c) => !first.includes(c));
  const ambiguous = best.length > 1;
  const assumed = ambiguous
    ? `${values.length} values for ${n} columns fit ${best.length} ways equally well; the values whose column differs are not read`
    : `${values.length} values for ${n} columns: assumed ${blank.join(", ")} blank, the placement that agrees with the form's arithmetic`;
  return { columns, assumed, ambiguous };
}

/**
 * More values than columns where a narrow column wrapped an amount (2,584.5 /
 * 2): pieces on either side of a line break are joined back into one number,
 * the joining that agrees best with the form's arithmetic; null when no
 * joining makes the count fit.
 */
function joinWrapped(values: readonly Word[], n: number, headers: readonly string[], total: boolean): FundingFit | null {
  const fields = headers.map(fundingField);
  const joinable = (k: number) => values[k + 1]!.before === "break" && /^\d+$/.test(values[k + 1]!.text) && /\d$/.test(values[k]!.text)
    && /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(values[k]!.text + values[k + 1]!.text);
  const excess = values.length - n;
  const pairs = values.slice(0, -1).map((_, k) => k).filter(joinable);
  let best: { cols: Array<number | null>; score: number; joins: number[] } | null = null;
  let ties = 0;
  for (const joins of choose(pairs, excess)) {
    if (joins.some((k, i) => i > 0 && k === joins[i - 1]! + 1)) continue;
    const cols: Array<number | null> = [];
    const byField = new Map<FundingField, Word>();
    let c = 0;
    for (let k = 0; k < values.length; k++) {
      if (joins.includes(k - 1)) {
        cols.push(c - 1);
        continue;
      }
      const w = joins.includes(k) ? { ...values[k]!, text: values[k]!.text + values[k + 1]!.text } : values[k]!;
      byField.set(fields[c]!, w);
      cols.push(c++);
    }
    const score = agreement(byField, total);
    if (!best || score > best.score) {
      best = { cols, score, joins };
      ties = 0;
    } else if (score === best.score) ties++;
  }
  if (!best || ties > 0) return null;
  const pieces = best.joins.map((k) => `${values[k]!.text} + ${values[k + 1]!.text}`).join(", ");
  return { columns: best.cols, assumed: `an amount wrapped onto the next line, joined back: ${pieces}`, ambiguous: false, joins: best.joins };
}

function* choose(items: number[], k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i < items.length; i++) for (const rest of choose(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

/**
 * The form's arithmetic on one placed funding row: 执行率 = 全年执行数 /
 * 全年预算数 × 100 and 得分 = min(执行率, 100) / 100 × 分值, each where the
 * row holds its numbers; what agrees and what contradicts, in words.
 */
export function fundingArithmetic(byField: ReadonlyMap<FundingField, Word>): { agrees: string[]; contradicts: string[] } {
  const agrees: string[] = [];
  const contradicts: string[] = [];
  const adjusted = plain(byField.get("adjustedBudget"));
  const executed = plain(byField.get("executed"));
  const rate = byField.get("rate");
  const weight = plain(byField.get("weight"));
  const score = byField.get("score");
  if (adjusted && executed && rate && plain(rate) && !adjusted.isZero()) {
    (printedAs(executed.div(adjusted).times(100), rate) ? agrees : contradicts).push(`执行率 ${rate.text} = ${executed} / ${adjusted}`);
  }
  const r = plain(rate);
  if (r && weight && score && plain(score)) {
    (printedAs(Decimal.min(r, 100).div(100).times(weight), score) ? agrees : contradicts).push(`得分 ${score.text} = ${r}% × ${weight}`);
  }
  return { agrees, contradicts };
}
