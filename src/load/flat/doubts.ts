/**
 * Where the row-by-row reading of a form is unsure, found by the form's own
 * arithmetic and the shape of what it read. Flattened text loses blank
 * cells and cell boundaries, so a value that lands one cell off still reads
 * as a value: only the figures around it can tell. Each doubt names the
 * cells concerned, so the reader can flag exactly those (layout.inferred-cell)
 * and an auditor knows which values to check, not only that the form has some.
 *
 * The checks:
 * - a funding row: 执行率 = 全年执行数 / 全年预算数 × 100, 得分 = 执行率 × 分值,
 *   and 年度资金总额 = Σ its sub-rows, per amount column;
 * - an indicator row: 分值 and 得分 are plain numbers, 0 ≤ 得分 ≤ 分值 ≤ 100;
 *   its name holds no operator or measure; its target and actual are a
 *   measure or a statement, and two measures carry the same unit;
 * - the table: Σ 分值 + the funding row's 分值 = 总分's weight, Σ 得分 + the
 *   funding row's 得分 = 总分's score, a level's printed subtotal (产出指标(50分))
 *   = Σ its rows' 分值; when these fail, a row was misread somewhere and
 *   nothing tells which: every row of the table (or of the level) is doubted;
 * - text nothing accounted for among the rows: the rows on either side of it.
 */
import { Decimal } from "decimal.js";
import type { Cell } from "../../model/sheet.js";
import type { FundingField } from "./funding-fit.js";
import { plainNumber, printedAs as printedText } from "./printed.js";
import { MEASURE } from "./shapes.js";
import { INDICATOR_HEADERS, LEVEL1, LEVEL2, QUALITATIVE } from "./vocabulary.js";
import { keyOf } from "./words.js";

/** A funding row as the reader placed it. */
export interface ReadFundingRow {
  label: Cell;
  total: boolean;
  values: Array<{ field: FundingField; cell: Cell }>;
}

/** An indicator row as the reader placed it; `cells` are all its cells, level labels included. */
export interface ReadIndicatorRow {
  cells: Cell[];
  level1?: Cell;
  level2?: Cell;
  name?: Cell;
  target?: Cell;
  actual?: Cell;
  weight?: Cell;
  score?: Cell;
  note?: Cell;
  /** Why the reader could not tell where some cell of the row begins or ends; absent when it could. */
  unsure?: string;
}

/** What the reader read of one form, for the checks. */
export interface ReadForm {
  funding: ReadFundingRow[];
  indicators: ReadIndicatorRow[];
  /** 总分's figures: weight and score (either may be missing). */
  total: { weight?: Cell; score?: Cell } | null;
  /** Lines (page, line) of text among the indicator rows or funding rows that nothing accounted for. */
  unplaced: Array<{ page: number; line: number; part: "funding" | "indicators" }>;
  /** Figures stood after the form's last row (总分, 评分等级): cells drawn out of reading order. */
  late?: boolean;
}

/** Cells to doubt, and why, in words. */
export interface Doubt {
  cells: Cell[];
  why: string;
}

/** A cell's text as its figure is read: its key, a typographic minus made plain. */
const figure = (c: Cell): string => keyOf(c.text).replace(/^−/, "-");

const plain = (c: Cell | undefined): Decimal | null => (c ? plainNumber(figure(c)) : null);

const printedAs = (x: Decimal, c: Cell): boolean => printedText(x, figure(c));

/** |a − b| within the display-rounding envelope of a sum of n printed terms ((n + 1) × 0.005, at least n × 0.01 for truncation). */
function sumAgrees(found: Decimal, expected: Decimal, terms: number): boolean {
  const slack = Decimal.max(new Decimal(terms + 1).times(0.005), new Decimal(terms).times(0.01));
  return found.minus(expected).abs().lte(slack);
}

function fundingDoubts(rows: readonly ReadFundingRow[]): Doubt[] {
  const out: Doubt[] = [];
  for (const r of rows) {
    const by = new Map(r.values.map((v) => [v.field, v.cell]));
    const cells = r.values.map((v) => v.cell);
    const adjusted = plain(by.get("adjustedBudget"));
    const executed = plain(by.get("executed"));
    const rate = by.get("rate");
    const weight = plain(by.get("weight"));
    const score = by.get("score");
    const wrong: string[] = [];
    if (adjusted && executed && rate && plain(rate) && !adjusted.isZero() && !printedAs(executed.div(adjusted).times(100), rate)) {
      wrong.push(`执行率 ${rate.text} ≠ ${executed} / ${adjusted}`);
    }
    const rr = plain(rate);
    if (rr && weight && score && plain(score) && !printedAs(Decimal.min(rr, 100).div(100).times(weight), score)) {
      wrong.push(`得分 ${score.text} ≠ ${rr}% × ${weight}`);
    }
    if (r.total && weight && (weight.gt(100) || weight.isZero())) wrong.push(`分值 ${weight} is no execution weight`);
    if (r.values.some((v) => !plain(v.cell) && /\d/.test(v.cell.text))) wrong.push("a value that is no amount");
    if (wrong.length && cells.length) out.push({ cells, why: `funding row "${r.label.text}" does not add up (${wrong.join("; ")}): its values may stand in the wrong columns` });
  }
  // 年度资金总额 = Σ sub-rows, per amount column, where the sub-rows print that column.
  const total = rows.find((r) => r.total);
  const subs = rows.filter((r) => !r.total);
  if (total && subs.length) {
    for (const field of ["initialBudget", "adjustedBudget", "executed"] as const) {
      const t = plain(total.values.find((v) => v.field === field)?.cell);
      const parts = subs.map((s) => s.values.find((v) => v.field === field)?.cell);
      const numbers = parts.map(plain).filter((x): x is Decimal => x !== null);
      if (!t || numbers.length === 0) continue;
      const sum = numbers.reduce((a, b) => a.plus(b), new Decimal(0));
      if (!sumAgrees(sum, t, numbers.length)) {
        const cells = [...rows.flatMap((r) => r.values.filter((v) => v.field === field).map((v) => v.cell))];
        out.push({ cells, why: `funding column ${field}: 年度资金总额 ${t} ≠ Σ its sub-rows ${sum}: a value may stand in the wrong row or column` });
      }
    }
  }
  return out;
}

/** A measure's unit, folded, or null for a statement or a bare number. */
function unitOf(c: Cell | undefined): string | null | undefined {
  if (!c) return undefined;
  const k = keyOf(c.text).replace(/^(?:>=|<=|[=≥≤<>]|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|等于)/u, "");
  const m = /^-?\d[\d,]*(?:\.\d+)?(.*)$/u.exec(k);
  if (!m) return null;
  return m[1]!.replace(/^\((.*)\)$/u, "$1") || null;
}

/** True for a target or actual that reads as one: a measure, a known statement, or text with no figure in it. */
function valueShaped(c: Cell): boolean {
  const k = keyOf(c.text);
  if (MEASURE.test(k) || QUALITATIVE.includes(k)) return true;
  // A statement is short; a long text is a note or a name that ran into the cell.
  return !/\d/.test(k) && !/[()]/.test(k) && k.length <= 24;
}

/**
 * The proper pieces of the level labels a wrap can cut them into: prefixes of
 * three characters or more (two, 服务 or 质量, start many a name), suffixes of
 * three or more but 指标 alone.
 */
const LEVEL_PREFIXES = [...new Set([...LEVEL1, ...LEVEL2].flatMap((l) => [...Array(l.length).keys()].slice(3).map((n) => l.slice(0, n))))].sort((a, b) => b.length - a.length);
const LEVEL_SUFFIXES = [...new Set([...LEVEL1, ...LEVEL2].flatMap((l) => [...Array(l.length).keys()].slice(1).map((n) => l.slice(n)).filter((x) => x.length >= 3 && ![...LEVEL1, ...LEVEL2].includes(x))))];

/** A piece of a level label standing in a name or a note: the label was cut (by a wrap or a page break) and its pieces ran into other cells. */
function levelPiece(c: Cell): string | null {
  const k = keyOf(c.text);
  const prefix = LEVEL_PREFIXES.find((p) => k.startsWith(p) && k.length > p.length);
  if (prefix) return `"${c.text}" begins with ${prefix}, the start of a level label`;
  const suffix = LEVEL_SUFFIXES.find((x) => k.includes(x));
  return suffix ? `"${c.text}" holds ${suffix}, the end of a level label` : null;
}

/** Level labels and column headers: in any cell but a level cell, a sign that cells ran together. */
const STRUCTURE = [...LEVEL1, ...LEVEL2, ...INDICATOR_HEADERS].filter((l) => l.length >= 4);

function rowDoubt(r: ReadIndicatorRow): string | null {
  if (r.unsure) return r.unsure;
  const w = plain(r.weight);
  const s = plain(r.score);
  if (!w || !s) return "its 分值 or 得分 is missing or no number";
  if (w.isZero() || w.gt(100)) return `分值 ${w} is no indicator weight`;
  if (s.gt(w) || s.isNegative()) return `得分 ${s} is not between 0 and 分值 ${w}`;
  if (r.name && /[=≥≤<>≧≦＝＞＜%]|\d\.\d|\d[(（]/u.test(r.name.text)) return `its name "${r.name.text}" holds a figure or an operator: a value may have run into it`;
  if (r.name && /^[)）]/u.test(keyOf(r.name.text))) return `its name "${r.name.text}" starts with a closing parenthesis: a wrapped value may have run into it`;
  if (!r.name) return "it has no name";
  if (!r.target || !r.actual) return "its target or actual is missing";
  for (const c of [r.name, r.target, r.actual]) {
    const label = STRUCTURE.find((l) => keyOf(c.text).includes(l));
    if (label) return `"${c.text}" holds ${label}: cells ran together`;
  }
  for (const c of [r.name, r.note].filter((x): x is Cell => x !== undefined)) {
    const piece = levelPiece(c);
    if (piece) return `${piece}: a level label cut by a wrap or a page break may have run into it, and the rows may take the wrong level`;
  }
  for (const c of [r.target, r.actual]) if (!valueShaped(c)) return `"${c.text}" reads as no target or actual`;
  const ut = unitOf(r.target);
  const ua = unitOf(r.actual);
  // A number with no unit beside one with a unit: a unit (or a number) wrapped away from its cell.
  if (ut !== null && ua !== null && ut !== ua) return `its target "${r.target.text}" and actual "${r.actual.text}" carry different units`;
  if ((ut === null) !== (ua === null) && (MEASURE.test(keyOf(r.target.text)) && MEASURE.test(keyOf(r.actual.text)))) return `its target "${r.target.text}" and actual "${r.actual.text}" carry different units`;
  return null;
}

function indicatorDoubts(f: ReadForm, fundingWeight: Decimal | null, fundingScore: Decimal | null): Doubt[] {
  const out: Doubt[] = [];
  const rows = f.indicators;
  if (rows.length === 0) return out;
  // The level cells each row takes, carried down from the row that printed them.
  const governing = new Map<ReadIndicatorRow, Cell[]>();
  let l1: Cell | undefined;
  let l2: Cell | undefined;
  for (const r of rows) {
    if (r.level1) [l1, l2] = [r.level1, undefined];
    if (r.level2) l2 = r.level2;
    governing.set(r, [l1, l2].filter((c): c is Cell => c !== undefined));
  }
  const cellsOf = (xs: ReadIndicatorRow[]) => [...new Set(xs.flatMap((x) => [...(governing.get(x) ?? []), ...x.cells]))];
  rows.forEach((r, k) => {
    const why = rowDoubt(r);
    if (!why) return;
    // A row misread takes its cells from its neighbours or gives them theirs: they are doubted too, with the levels they take.
    // A row that lacks a name, target or actual is not read at all, and every row after it takes the place of the one before.
    const short = !r.name || !r.target || !r.actual;
    const near = (short ? rows.slice(Math.max(0, k - 1)) : [rows[k - 1], r, rows[k + 1]]).filter((x): x is ReadIndicatorRow => x !== undefined);
    out.push({ cells: cellsOf(near), why: `indicator row "${r.name?.text ?? ""}": ${why}; it and the rows beside it may be misread` });
  });
  // Unplaced text among the rows: the rows around it may have lost or gained cells.
  for (const u of f.unplaced.filter((x) => x.part === "indicators")) {
    const after = rows.findIndex((r) => r.cells.some((c) => c.page > u.page || (c.page === u.page && (c.line ?? 0) > u.line)));
    const near = [after > 0 ? rows[after - 1] : rows[rows.length - 1], after >= 0 ? rows[after] : undefined].filter((x): x is ReadIndicatorRow => x !== undefined);
    if (near.length) out.push({ cells: cellsOf(near), why: `text on line ${u.line} that no cell accounts for stands among these rows: they may be misread` });
  }
  // The table's sums: Σ 分值 and Σ 得分 against 总分.
  const weights = rows.map((r) => plain(r.weight));
  const scores = rows.map((r) => plain(r.score));
  const tw = plain(f.total?.weight);
  const ts = plain(f.total?.score);
  const sum = (xs: Array<Decimal | null>) => xs.reduce<Decimal>((a, b) => a.plus(b ?? 0), new Decimal(0));
  const problems: string[] = [];
  if (!f.total || (!tw && !ts)) problems.push("总分 was not read, so nothing checks the rows");
  if (weights.some((x) => !x) || scores.some((x) => !x)) problems.push("a row has no 分值 or 得分");
  if (tw && !sum(weights).plus(fundingWeight ?? 0).eq(tw)) problems.push(`Σ 分值 ${sum(weights)}${fundingWeight ? ` + ${fundingWeight}` : ""} ≠ 总分 ${tw}`);
  if (ts && !sumAgrees(sum(scores).plus(fundingScore ?? 0), ts, rows.length + 1)) problems.push(`Σ 得分 ${sum(scores)}${fundingScore ? ` + ${fundingScore}` : ""} ≠ 总分 ${ts}`);
  if (problems.length) {
    out.push({ cells: rows.flatMap((r) => r.cells), why: `the indicator rows do not add up (${problems.join("; ")}): a row may be misread, lost or split, and the text does not tell which, so every row is doubted` });
    return out;
  }
  // A level's printed subtotal, 产出指标(50分), against its rows.
  const groups = new Map<Cell, ReadIndicatorRow[]>();
  let current: Cell | undefined;
  for (const r of rows) {
    if (r.level1) current = r.level1;
    if (current) groups.set(current, [...(groups.get(current) ?? []), r]);
  }
  for (const [label, members] of groups) {
    const m = /\((\d+(?:\.\d+)?)分\)$/u.exec(keyOf(label.text));
    if (!m) continue;
    const s = sum(members.map((r) => plain(r.weight)));
    if (!s.eq(m[1]!)) out.push({ cells: members.flatMap((r) => r.cells), why: `${keyOf(label.text)}: its rows' 分值 add up to ${s}: a row may be misread or stand in the wrong level` });
  }
  return out;
}

/** Every doubt about one form's reading (see the module comment). */
export function doubtsOf(f: ReadForm): Doubt[] {
  const total = f.funding.find((r) => r.total);
  const fw = plain(total?.values.find((v) => v.field === "weight")?.cell);
  const fs = plain(total?.values.find((v) => v.field === "score")?.cell);
  if (f.late) {
    // Cells drawn after the rest of their page (LibreOffice Calc draws a wrapped or mixed-script cell after the others) left their rows,
    // and the text does not say which row each came from: every value of the funding block and the table is doubted.
    const cells = [...f.funding.flatMap((r) => r.values.map((v) => v.cell)), ...f.indicators.flatMap((r) => r.cells)];
    return cells.length ? [{ cells, why: "figures stand after the form's last row, drawn out of reading order (LibreOffice Calc draws wrapped and mixed-script cells after the rest of their page): the rows above may have lost cells to them or taken their neighbours', and the text does not tell which" }] : [];
  }
  const out = [...fundingDoubts(f.funding), ...indicatorDoubts(f, fw, fs)];
  for (const u of f.unplaced.filter((x) => x.part === "funding")) {
    const cells = f.funding.flatMap((r) => r.values.map((v) => v.cell));
    if (cells.length) out.push({ cells, why: `text on line ${u.line} among the funding rows that no cell accounts for: the amounts may stand in the wrong columns` });
  }
  return out.filter((d) => d.cells.length > 0);
}
