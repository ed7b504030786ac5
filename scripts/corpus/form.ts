/**
 * Draws one random but realistic form of the national template as a
 * generating form: the shape of fixtures/seed/expected.json's forms (a Form
 * without provenance and verification), with every value exactly as the
 * renderers will print it, so a parse can be compared with it field for field.
 *
 * The arithmetic is plausible (sub-rows add up to the total, rates are
 * executed / adjusted truncated to two places, scores add up to the total,
 * the grade follows the score), though the corpus compares fields, not the
 * verifier's findings.
 */
import { Decimal } from "decimal.js";
import type { Form, Indicator, Measure, FundingRow, MeasureOp } from "../../src/model/form.js";
import type { Random } from "./random.js";
import type { Rendering } from "./rendering.js";
import * as V from "./vocabulary.js";

export type GeneratingForm = Omit<Form, "provenance" | "verification">;

const FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "(": "（", ")": "）" };
const ASCII: Record<string, string> = { "，": ",", "；": ";", "：": ":", "（": "(", "）": ")" };

/** The text in the rendering's punctuation: full-width ，；：（） or ASCII. */
export function punct(text: string, mode: Rendering["punctuation"]): string {
  const map = mode === "full" ? FULL : ASCII;
  return text.replace(/[,;:()，；：（）]/g, (c) => map[c] ?? c);
}

const trunc2 = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);

/** A sentence of `min`..`max` characters or so, of seed clauses joined by commas and ended by 。. */
function prose(r: Random, min: number, max: number, mode: Rendering["punctuation"]): string {
  const target = r.int(min, max);
  const parts: string[] = [];
  let len = 0;
  while (len < target) {
    const c = r.pick(V.GOAL_CLAUSES);
    parts.push(c);
    len += c.length + 1;
  }
  const sep = r.chance(25) ? ";" : ",";
  return punct(parts.join(sep), mode) + "。";
}

function projectName(r: Random): string {
  if (r.chance(30)) return r.pick(V.PROJECT_NAMES);
  const core = r.pick(V.PROJECT_CORES);
  const long = r.chance(30) ? r.pick(V.PROJECT_PREFIXES) + core + r.pick(["提升", "保障", "改造"]) : r.pick(V.PROJECT_PREFIXES) + core;
  return long + r.pick(V.PROJECT_SUFFIXES);
}

/** A two-decimal amount between lo and hi (in hundredths). */
function amount(r: Random, lo: number, hi: number): Decimal {
  return new Decimal(r.int(lo, hi)).div(100);
}

function fundingRows(r: Random, unit: "万元" | "元"): FundingRow[] {
  const scale = unit === "元" ? 10000 : 1;
  const adjusted = amount(r, 100 * scale, 500_000 * scale * (r.chance(30) ? 10 : 1));
  // The initial budget is the adjusted one, or up to 20 % off it (spread in hundredths of the unit).
  const spread = adjusted.mul(20).trunc().toNumber();
  const initial = r.chance(60) ? adjusted : adjusted.plus(amount(r, -spread, spread)).abs();
  const executed = r.chance(15) ? adjusted : adjusted.mul(r.int(6000, 10000)).div(10000).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const rate = (adj: Decimal, exe: Decimal): string | null => (adj.isZero() ? null : trunc2(exe.div(adj).mul(100)));
  const weight = new Decimal(10);
  const totalRate = rate(adjusted, executed)!;
  const total: FundingRow = {
    kind: "total", label: "年度资金总额",
    initialBudget: initial.toFixed(2), adjustedBudget: adjusted.toFixed(2), executed: executed.toFixed(2),
    weight: weight.toFixed(2), rate: totalRate, score: trunc2(Decimal.min(weight, weight.mul(totalRate).div(100))),
  };
  // A share of the money comes from last year's carry-over, the rest from this year's appropriation.
  const carried = r.chance(35);
  const share = (d: Decimal, p: number): Decimal => d.mul(p).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const p = r.int(5, 40);
  const cIni = carried ? share(initial, p) : new Decimal(0);
  const cAdj = carried ? share(adjusted, p) : new Decimal(0);
  const cExe = carried ? Decimal.min(cAdj, share(executed, p)) : new Decimal(0);
  const sub = (kind: FundingRow["kind"], label: string, ini: Decimal, adj: Decimal, exe: Decimal): FundingRow => ({
    kind, label, initialBudget: ini.toFixed(2), adjustedBudget: adj.toFixed(2), executed: exe.toFixed(2),
    weight: null, rate: rate(adj, exe) ?? (r.chance(50) ? "0.00" : null), score: null,
  });
  const none = (kind: FundingRow["kind"], label: string): FundingRow => ({
    kind, label, initialBudget: null, adjustedBudget: null, executed: null, weight: null, rate: null, score: null,
  });
  const zeroOrNone = (kind: FundingRow["kind"], label: string, ini: Decimal, adj: Decimal, exe: Decimal): FundingRow =>
    adj.isZero() && ini.isZero() && r.chance(40) ? none(kind, label) : sub(kind, label, ini, adj, exe);
  return [
    total,
    sub("fiscal", "当年财政拨款", initial.minus(cIni), adjusted.minus(cAdj), executed.minus(cExe)),
    zeroOrNone("carryover", "上年结转资金", cIni, cAdj, cExe),
    zeroOrNone("other", "其他资金", new Decimal(0), new Decimal(0), new Decimal(0)),
  ];
}

const OP_SIGNS: ReadonlyArray<readonly [MeasureOp, string, number]> = [
  [">=", "≥", 6], ["=", "=", 4], ["<=", "≤", 2], [">", ">", 1], ["<", "<", 1],
];

/** A target and an actual, quantitative (≥95(%) / 97.50(%)) or qualitative (按计划完成 / 达成指标). */
function measures(r: Random, mode: Rendering["punctuation"]): { target: Measure; actual: Measure; met: boolean } {
  if (r.chance(20)) {
    const t = r.pick(V.QUALITATIVE_TARGETS);
    const a = r.pick(V.QUALITATIVE_ACTUALS);
    const q = (raw: string): Measure => ({ raw, op: null, value: null, unit: null, qualitative: raw });
    return { target: q(t), actual: q(a), met: !a.includes("部分") };
  }
  const unit = r.weighted(V.UNITS.map(([u, w]) => [u, w] as const));
  const [op, sign] = r.weighted(OP_SIGNS.map(([o, s, w]) => [[o, s] as const, w] as const));
  const pct = unit === "%";
  const base = pct ? r.pick([0, 80, 85, 90, 95, 98, 100]) : r.int(1, 2000);
  const twoPlaces = r.chance(40);
  const value = twoPlaces ? new Decimal(base).toFixed(2) : String(base);
  const met = r.chance(85);
  const got = met ? new Decimal(base).plus(pct ? 0 : r.int(0, 50)) : new Decimal(base).mul(r.int(50, 95)).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const actualValue = pct ? Decimal.min(got, 100).toFixed(2) : got.toFixed(2);
  // A unit in parentheses as the national template prints it, or attached (≥95%, 300人).
  const paren = r.chance(80);
  const withUnit = (v: string): string => (paren ? punct(`${v}(${unit})`, mode) : `${v}${unit}`);
  const target: Measure = { raw: sign + withUnit(value), op, value, unit, qualitative: null };
  const actual: Measure = { raw: withUnit(actualValue), op: null, value: actualValue, unit, qualitative: null };
  return { target, actual, met };
}

/** Splits `total` points over `n` indicators, each a whole number from 1 up. */
function weights(r: Random, n: number, total: number): number[] {
  const w = Array.from({ length: n }, () => 1);
  for (let left = total - n; left > 0; left--) w[r.int(0, n - 1)]! += 1;
  return w;
}

function indicators(r: Random, mode: Rendering["punctuation"]): Indicator[] {
  const n = r.int(3, 25);
  // Level-1 groups in template order: 产出 always, 效益 and 满意度 when rows remain.
  const counts = [0, 0, 0];
  counts[0] = n >= 3 ? r.int(1, Math.max(1, n - 2)) : n;
  const rest = n - counts[0]!;
  counts[2] = rest > 0 ? r.int(rest > 1 ? 1 : 0, Math.min(3, rest)) : 0;
  counts[1] = rest - counts[2]!;
  const w = weights(r, n, 90);
  const subtotals = r.chance(15);
  const out: Indicator[] = [];
  let k = 0;
  V.LEVELS.forEach(([level1, level2s], g) => {
    const m = counts[g]!;
    if (m === 0) return;
    // Level-2 groups: a sorted pick of labels, each holding at least one row.
    const kinds = Math.min(level2s.length, r.int(1, m));
    const picked = new Set<number>();
    while (picked.size < kinds) picked.add(r.int(0, level2s.length - 1));
    const chosen = level2s.filter((_, i) => picked.has(i));
    const per = weights(r, kinds, m);
    const groupWeight = w.slice(k, k + m).reduce((s, x) => s + x, 0);
    const names = new Set<string>();
    chosen.forEach((level2, li) => {
      for (let j = 0; j < per[li]!; j++) {
        let name = r.pick(V.INDICATOR_NAMES);
        while (names.has(name)) name = r.pick(V.INDICATOR_NAMES);
        names.add(name);
        const { target, actual, met } = measures(r, mode);
        const weight = new Decimal(w[k]!);
        const score = met ? weight : weight.mul(r.int(40, 95)).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        const integers = r.chance(15);
        const fmt = (d: Decimal): string => (integers && d.isInteger() ? d.toFixed(0) : d.toFixed(2));
        out.push({
          level1, level1Subtotal: subtotals ? String(groupWeight) : null, level2, name, target, actual,
          weight: fmt(weight), score: fmt(score),
          deviation: met ? null : punct(r.pick(V.DEVIATIONS), mode),
        });
        k++;
      }
    });
  });
  return out;
}

function grade(score: Decimal): string {
  if (score.gte(90)) return "优";
  if (score.gte(80)) return "良";
  if (score.gte(60)) return "中";
  return "差";
}

/** One generating form. */
export function drawForm(r: Random, mode: Rendering["punctuation"]): GeneratingForm {
  const department = r.pick(V.DEPARTMENTS);
  const unit = r.chance(25) ? "元" : "万元";
  const funding = fundingRows(r, unit);
  const inds = indicators(r, mode);
  const total = inds.reduce((s, i) => s.plus(i.score ?? 0), new Decimal(funding[0]!.score ?? 0));
  return {
    formType: "project",
    template: "national",
    title: "财政项目支出绩效自评表",
    year: r.int(2019, 2025),
    projectName: projectName(r),
    department,
    implementingUnit: r.pick(V.UNITS_OF[department] ?? [department]),
    fundingUnit: unit,
    funding,
    goals: { expected: prose(r, 12, 160, mode), actual: prose(r, 8, 120, mode) },
    indicators: inds,
    total: { weight: "100.00", score: total.toFixed(2) },
    grade: grade(total),
    notes: {},
    complete: true,
  };
}
