import type { CellRef, RawForm, RawIndicatorRow, RawRow } from "../../grammars/self-evaluation/index.js";
import type { Indicator } from "../model/form.js";
import { cleanLabel, isHan, isSpace } from "../text/chars.js";
import { headerColumns, headerNeedsColumns, inSeedOrder, joinTarget, placeUnderColumns, targetPieces, type Column, type Pins } from "./columns.js";
import { itemPaths, type FormContext } from "./context.js";
import { cleanFreeText } from "./free-text.js";
import { completeLabel } from "./label-fragments.js";
import { parseMeasure } from "./measure.js";
import { parseDecimal } from "./number.js";
import { LEVEL1_LABELS, LEVEL2_LABELS, LEVEL_LABELS, splitSubtotal } from "./vocabulary.js";


/** True when s is one to three Han characters (/^\p{Script=Han}{1,3}$/u). */
function isHanPiece(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 6) return false;
  let count = 0;
  for (let i = 0; i < n; count++) {
    const cp = s.codePointAt(i)!;
    if (count === 3 || !isHan(cp)) return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return true;
}

interface Placed {
  levels: CellRef[];
  name: CellRef | undefined;
  target: CellRef | undefined;
  /** The target's text: the target cell's, or the 指标性质 | 指标值 | 计量单位 pieces joined. */
  targetText: string;
  /** The 指标性质 and 计量单位 cells read into the target's text, beside its own cell. */
  targetPieces?: CellRef[];
  actual: CellRef | undefined;
  weight: CellRef | undefined;
  score: CellRef | undefined;
  /** The 分值 and 得分 cells read as numbers (parseDecimal; null for none). */
  weightValue: string | null;
  scoreValue: string | null;
  deviation: CellRef | undefined;
  /** 权重占比 and 折算得分 (Hebei), when the header has them. */
  weightShare?: CellRef | undefined;
  weightedScore?: CellRef | undefined;
}

/** A row of nothing but one to three Han characters per cell: pieces of a wrapped label. */
export function isFragmentRow(row: RawIndicatorRow): boolean {
  if (row.levels.length !== 0 || row.values.length === 0) return false;
  for (const v of row.values) if (!mayBeHanPiece(v.cell.text) || !isHanPiece(cleanLabel(v.cell.text))) return false;
  return true;
}

/**
 * False when cleanLabel(t) cannot be one to three Han characters, read off t
 * without cleaning it: it keeps more than six code units that are not
 * whitespace (or U+200B, U+FEFF, which it drops), or one that is not Han.
 * (What cleanLabel folds is not Han either way.) Most cells fail at once.
 */
function mayBeHanPiece(t: string): boolean {
  let kept = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c) || c === 0x200b) continue;
    if (++kept > 6) return false;
    if ((c < 0xd800 || c > 0xdfff) && !isHan(c)) return false;
  }
  return kept > 0;
}

/**
 * Places the cells of an indicator row from the right, where the layout is
 * fixed (… 年度指标值, 实际完成值, 分值, 得分, 偏差原因), because the left side
 * varies: level cells blank or absent, leading cells lost at a page break.
 */
function place(row: RawIndicatorRow, into: Placed): Placed {
  const v = row.values;
  let end = v.length;
  let deviation: CellRef | undefined;
  // The last cell and the one before it read as numbers (undefined: not a
  // number), each read once: a text after two numbers is a 偏差原因.
  let last = end > 0 ? parseDecimal(v[end - 1]!.cell.text) : undefined;
  let before: string | null | undefined;
  let beforeRead = false;
  if (last === undefined && end >= 3) {
    const b = parseDecimal(v[end - 2]!.cell.text);
    if (b !== undefined) {
      const c = parseDecimal(v[end - 3]!.cell.text);
      if (c !== undefined) {
        deviation = v[--end];
        last = b;
        before = c;
        beforeRead = true;
      }
    }
  }
  let score: CellRef | undefined;
  let weight: CellRef | undefined;
  into.scoreValue = into.weightValue = null;
  if (end >= 2 && last !== undefined) {
    if (!beforeRead) before = parseDecimal(v[end - 2]!.cell.text);
    if (before !== undefined) {
      score = v[--end];
      weight = v[--end];
      into.scoreValue = last;
      into.weightValue = before;
    }
  }
  const actual = end > 0 ? v[--end] : undefined;
  const target = end > 0 ? v[--end] : undefined;
  const name = end > 0 ? v[--end] : undefined;
  // Level cells and whatever is left of the name (never written to: row.levels itself when nothing is).
  into.levels = end === 0 ? row.levels : row.levels.concat(v.slice(0, end));
  into.name = name;
  into.target = target;
  into.targetText = target ? target.cell.text : "";
  into.actual = actual;
  into.weight = weight;
  into.score = score;
  into.deviation = deviation;
  return into;
}

const emptyPlaced = (): Placed => ({
  levels: [], name: undefined, target: undefined, targetText: "", actual: undefined,
  weight: undefined, score: undefined, weightValue: null, scoreValue: null, deviation: undefined,
});

/** Lets go of the cells a Placed holds. */
function clearPlaced(p: Placed): void {
  p.levels = [];
  p.name = p.target = p.actual = p.weight = p.score = p.deviation = undefined;
  p.targetText = "";
}

/**
 * Places the cells of a row under the header's columns, for tables with
 * columns the seed lacks (指标性质, 计量单位, or unknown ones). The right-hand
 * rule still finds the 得分 cell, which tells how far a text row is shifted.
 * Cells under an unknown column are returned apart, unread.
 */
function placeByHeader(row: RawIndicatorRow, columns: Column[]): Placed & { unknown: CellRef[]; extra: CellRef[]; core: CellRef | undefined; shares: boolean } {
  // The right-hand rule knows the seed's order only: in another order its pins would be wrong.
  const fromRight = inSeedOrder(columns) ? place(row, emptyPlaced()) : sharesFromRight(row, columns) ?? scoreFromRight(row, columns);
  const cells = placeUnderColumns(row, columns, fromRight);
  const one = (f: Parameters<typeof cells.get>[0]) => cells.get(f)?.[0];
  const target = one("target");
  const weight = one("weight");
  const score = one("score");
  return {
    levels: [...row.levels, ...(cells.get("level1") ?? []), ...(cells.get("level2") ?? [])],
    name: one("name"),
    target,
    targetText: joinTarget(one("nature"), target, one("unit")),
    targetPieces: targetPieces(one("nature"), target, one("unit")),
    actual: one("actual"),
    weight,
    score,
    weightValue: weight ? parseDecimal(weight.cell.text) ?? null : null,
    scoreValue: score ? parseDecimal(score.cell.text) ?? null : null,
    deviation: one("deviation"),
    weightShare: one("weightShare"),
    weightedScore: one("weightedScore"),
    unknown: cells.get("unknown") ?? [],
    core: one("core"),
    shares: columns.some((c) => c.field === "weightShare" || c.field === "weightedScore"),
    extra: [...cells].filter(([f]) => f !== "level1" && f !== "level2" && f !== "unknown").flatMap(([, refs]) => refs.slice(1)),
  };
}

/**
 * The 得分 (and 偏差原因) cells of a row under a header that ends with 得分 and
 * 偏差原因 but is not in the seed's order (分值 before 年度指标值): the last
 * number of the row, with a text after it as the reason. Nothing when the
 * header ends otherwise.
 */
function scoreFromRight(row: RawIndicatorRow, columns: Column[]): { score?: CellRef; deviation?: CellRef } {
  const known = columns.filter((c) => c.field !== "unknown");
  const n = known.length;
  if (n < 2 || known[n - 1]!.field !== "deviation" || known[n - 2]!.field !== "score") return {};
  const v = row.values;
  const last = v[v.length - 1];
  if (!last) return {};
  if (typeof parseDecimal(last.cell.text) === "string") return { score: last };
  const before = v[v.length - 2];
  return before && typeof parseDecimal(before.cell.text) === "string" ? { score: before, deviation: last } : {};
}

/**
 * The 权重占比, 得分 and 折算得分 cells (and 偏差原因) of a row under a header
 * that ends with those columns (Hebei): the last three numbers of the row,
 * with a text after them as the reason. Undefined when the header ends
 * otherwise or the row does not end so. Pinned, they hold the row's other
 * cells to their side even where a layout text's columns drift.
 */
function sharesFromRight(row: RawIndicatorRow, columns: Column[]): Pins | undefined {
  const fields = columns.filter((c) => c.field !== "unknown").map((c) => c.field);
  const withReason = fields[fields.length - 1] === "deviation";
  const tail = fields.slice(withReason ? -4 : -3, withReason ? -1 : undefined);
  if (tail.join() !== "weightShare,score,weightedScore") return undefined;
  const v = row.values;
  let k = v.length - 1;
  const isNumber = (ref: CellRef | undefined) => ref !== undefined && typeof parseDecimal(ref.cell.text) === "string";
  const pins: Pins = {};
  if (withReason && v[k] && !isNumber(v[k])) pins.deviation = v[k--];
  if (k < 2 || !isNumber(v[k]) || !isNumber(v[k - 1]) || !isNumber(v[k - 2])) return undefined;
  pins.weightedScore = v[k];
  pins.score = v[k - 1];
  pins.weightShare = v[k - 2];
  return pins;
}

/** The header row in force for a row: the last one printed above it (a header repeats after a page break). */
function headerFor(row: RawIndicatorRow, headers: RawRow[]): RawRow | undefined {
  let found = headers[0];
  for (const h of headers) if (h.line !== undefined && row.line !== undefined && h.line <= row.line) found = h;
  return found;
}

/**
 * splitSubtotal(cleanLabel(text)).label, its subtotal left in levelSubtotal
 * (no object per call). A known label (产出指标, a cell printed 数量 指标 …) is
 * the vocabulary's own string: a form keeps no copy of it, and a cell that
 * reads as one is not cleaned at all.
 */
function readLevel(text: string): string {
  const known = LEVEL_LABELS.cleaned(text);
  if (known !== undefined) {
    levelSubtotal = null;
    return known;
  }
  const split = splitSubtotal(cleanLabel(text));
  levelSubtotal = split.subtotal;
  // Without a subtotal, the label is none of the known ones (see above).
  return split.subtotal === null ? split.label : LEVEL_LABELS.slice(split.label, 0, split.label.length);
}

/** The subtotal of the label readLevel read last. */
let levelSubtotal: string | null = null;

// Where place() puts each row's cells, shared by every form (read before the
// next row is placed).
const placed = emptyPlaced();

/** The indicator rows, with level labels inherited down merged cells and wrapped labels completed. */
export function normalizeIndicators(raw: RawForm, ctx: FormContext): Indicator[] {
  const rows = raw.indicators?.rows ?? [];
  // Room for an indicator per row, cut to those made: one array, of about its size.
  const out = new Array<Indicator>(rows.length);
  let count = 0;
  let pieces: Array<{ text: string; ref: CellRef }> | undefined;
  let level1 = "";
  let subtotal: string | null = null;
  let level2 = "";
  let level1Ref: CellRef | undefined;
  let level2Ref: CellRef | undefined;

  const headers = raw.indicators?.headers ?? [];
  let reportedUnknown: Set<string> | undefined;
  // The header last looked at (consecutive rows share theirs), and its
  // columns when it has some the seed's layout lacks (needsColumns), else null.
  let lastHeader: RawRow | undefined;
  let columns: Column[] | null = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (isFragmentRow(row)) {
      pieces ??= [];
      for (const c of row.values) pieces.push({ text: cleanLabel(c.cell.text), ref: c });
      continue;
    }
    const header = headers.length === 1 ? headers[0] : headerFor(row, headers);
    if (r === 0 || header !== lastHeader) {
      lastHeader = header;
      columns = header && headerNeedsColumns(header) ? headerColumns(header) : null;
    }
    const byHeader = columns ? placeByHeader(row, columns) : null;
    const p: Placed = byHeader ?? place(row, placed);
    if (byHeader) {
      reportUnknownColumns(columns!, (reportedUnknown ??= new Set()), ctx);
      ctx.quoteIn("layout.unknown-column", byHeader.unknown);
      // Two cells under one column: only the first is read, and never silently.
      const extra = byHeader.extra;
      if (extra.length) ctx.warn("indicator.extra-cells", `more cells than the header has columns for: ${extra.map((r) => cleanLabel(r.cell.text)).join(" ")}`, extra[0], "warning", extra);
    }
    const levels = p.levels;
    if (levels.length >= 2) {
      level1 = readLevel(levels[0]!.cell.text);
      subtotal = levelSubtotal;
      level1Ref = levels[0]!;
      level2 = readLevel(levels[1]!.cell.text);
      level2Ref = levels[1]!;
      if (levels.length > 2) {
        const more = levels.slice(2).map((r) => splitSubtotal(cleanLabel(r.cell.text)).label);
        ctx.warn("indicator.extra-cells", `more cells than an indicator row holds: ${more.join(" ")}`, levels[2]!, "warning", levels.slice(2));
      }
    } else if (levels.length === 1) {
      const label = readLevel(levels[0]!.cell.text);
      const isLevel1 = LEVEL1_LABELS.includes(label) && !(label === "成本指标" && level1 === "产出指标");
      if (isLevel1 || levelSubtotal !== null) {
        // The same level-1 label again is a merged cell printed anew on the
        // next page: its level 2 goes on.
        if (label !== level1) {
          level2 = "";
          level2Ref = undefined;
        }
        level1 = label;
        subtotal = levelSubtotal;
        level1Ref = levels[0]!;
      } else {
        level2 = label;
        level2Ref = levels[0]!;
      }
    }
    if (level1 === "" && level1Ref?.token === "SubtotalLevelLabel" && level2 !== "") {
      // (50分) alone names no level: its level-2 labels say which it is.
      const inferred = LEVEL1_OF_LEVEL2.get(level2);
      if (inferred) {
        level1 = inferred;
        ctx.warn("indicator.level1-inferred", `a level-1 label printed only as its subtotal "${cleanLabel(level1Ref.cell.text)}": read as ${inferred}, the level of its ${level2}`, level1Ref, "info");
      } else {
        ctx.warn("indicator.level1-unknown", `a level-1 label printed only as its subtotal "${cleanLabel(level1Ref.cell.text)}", over ${level2}, which names no level 1: level1 left blank`, level1Ref, "warning");
      }
    }
    if (!p.name || !p.target || !p.actual) {
      // A row without a name is not read at all: the warning quotes its cells.
      const cells = [...row.levels, ...row.values];
      const quoted = p.name ? "" : `: ${cells.map((c) => `"${cleanLabel(c.cell.text)}"`).join(", ")}, not read`;
      ctx.warn("indicator.short-row", `an indicator row without its name, target and actual cells${quoted}`, row.values[0] ?? row.levels[0], "warning",
        p.name ? undefined : cells);
      if (!p.name) continue;
    }
    const i = count++;
    const printedName = cleanLabel(p.name.cell.text);
    const name = withoutCoreMark(printedName);
    if (!(p.weight ?? p.weightShare) || !(p.score ?? p.weightedScore)) ctx.warn("indicator.no-weight-score", `${name}: no 分值 and 得分 cells`, p.name);
    out[i] = {
      level1, level1Subtotal: subtotal, level2,
      name,
      target: parseMeasure(p.targetText),
      actual: parseMeasure(p.actual ? p.actual.cell.text : ""),
      weight: p.weightValue,
      score: p.scoreValue,
      deviation: p.deviation ? cleanFreeText(p.deviation.cell.text) || null : null,
    };
    if (name !== printedName) out[i]!.core = true;
    if (byHeader?.shares) readShares(out[i]!, i, p, ctx);
    const coreCell = byHeader?.core;
    if (coreCell) {
      const says = coreWord(coreCell.cell.text);
      if (says === undefined) ctx.warn("indicator.core-word", `${name}: 是否核心指标 "${cleanLabel(coreCell.cell.text)}" is neither 是 nor 否: not read`, coreCell);
      else out[i]!.core = says || out[i]!.core === true;
      ctx.at(`indicators[${i}].core`, coreCell);
    }
    ctx.atPath(PATHS.level1, i, level1Ref);
    ctx.atPath(PATHS.level2, i, level2Ref);
    ctx.atPath(PATHS.name, i, p.name);
    ctx.atPath(PATHS.target, i, p.target);
    if (p.targetPieces?.length) ctx.pieces(PATHS.target.at(i), p.targetPieces);
    ctx.atPath(PATHS.actual, i, p.actual);
    ctx.atPath(PATHS.weight, i, p.weight);
    ctx.atPath(PATHS.score, i, p.score);
    ctx.atPath(PATHS.deviation, i, p.deviation);
  }
  clearPlaced(placed);
  out.length = count;

  if (raw.total?.before.length) for (const c of raw.total.before) (pieces ??= []).push({ text: cleanLabel(c.cell.text), ref: c });
  if (pieces) placePieces(out, pieces, ctx);
  return out;
}

/** The level 1 each level-2 label belongs to, where a form prints only the level-1 subtotal. */
const LEVEL1_OF_LEVEL2 = new Map<string, string>([
  ...["数量指标", "质量指标", "时效指标", "成本指标"].map((l) => [l, "产出指标"] as [string, string]),
  ...["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"].map((l) => [l, "效益指标"] as [string, string]),
  ["服务对象满意度指标", "满意度指标"],
]);

/** What a 是否核心指标 cell says: 是 (or ★, √) true, 否 false; undefined for anything else. */
function coreWord(text: string): boolean | undefined {
  const t = cleanLabel(text);
  if (t === "是" || t === "★" || t === "√" || t === "核心指标") return true;
  if (t === "否" || t === "") return false;
  return undefined;
}

/** A name without the ★ (or ☆) that marks a core indicator, before or after it. */
function withoutCoreMark(name: string): string {
  if (!/[★☆]/.test(name)) return name;
  return name.replace(/^[★☆]+\s*|\s*[★☆]+$/g, "");
}

/**
 * 权重占比 and 折算得分 (Hebei) as numbers, each with its cell. A cell that is
 * not a number is said so and read as null, never guessed.
 */
function readShares(ind: Indicator, i: number, p: Placed, ctx: FormContext): void {
  for (const [field, ref] of [["weightShare", p.weightShare], ["weightedScore", p.weightedScore]] as const) {
    const value = ref ? parseDecimal(ref.cell.text) ?? null : null;
    if (ref && value === null && cleanLabel(ref.cell.text) !== "") {
      ctx.warn("indicator.not-a-number", `${ind.name}: ${field === "weightShare" ? "权重占比" : "折算得分"} "${cleanLabel(ref.cell.text)}" is not a number: not read`, ref);
    }
    ind[field] = value;
    ctx.at(`indicators[${i}].${field}`, ref);
  }
}

const PATHS = {
  level1: itemPaths("indicators", "level1"),
  level2: itemPaths("indicators", "level2"),
  name: itemPaths("indicators", "name"),
  target: itemPaths("indicators", "target"),
  actual: itemPaths("indicators", "actual"),
  weight: itemPaths("indicators", "weight"),
  score: itemPaths("indicators", "score"),
  deviation: itemPaths("indicators", "deviation"),
};

/**
 * Says once per form which header cells name a column jixiao does not know:
 * the first cell it could not place. The cells under it are not read, so
 * nothing of them can land in a wrong field.
 */
function reportUnknownColumns(columns: Column[], reported: Set<string>, ctx: FormContext): void {
  for (const c of columns) {
    if (c.field !== "unknown") continue;
    const name = cleanLabel(c.header.cell.text);
    if (reported.has(name)) continue;
    reported.add(name);
    const where = `line ${c.header.cell.line ?? "?"}, cell ${c.header.cell.col}`;
    ctx.warn("layout.unknown-column", `a column jixiao does not know, "${name}" (${where}): its cells are not read`, c.header, "warning", [c.header]);
  }
}

function placePieces(indicators: Indicator[], pieces: Array<{ text: string; ref: CellRef }>, ctx: FormContext): void {
  let left = [...pieces];
  for (const level of [2, 1] as const) {
    const key = level === 1 ? "level1" : "level2";
    const known = level === 1 ? LEVEL1_LABELS : LEVEL2_LABELS;
    // The labels no known one equals, each once, in order of first use.
    const cut: string[] = [];
    for (const ind of indicators) {
      const l = ind[key];
      if (l !== "" && !known.includes(l) && !cut.includes(l)) cut.push(l);
    }
    for (const label of cut) {
      const done = completeLabel(label, left.map((p) => p.text), level);
      if (!done) continue;
      const owner = indicators.findIndex((ind) => ind[key] === label);
      for (const ind of indicators) if (ind[key] === label) ind[key] = done.label;
      const used = [...done.used];
      const taken: CellRef[] = [];
      left = left.filter((p) => {
        const k = used.indexOf(p.text);
        if (k < 0) return true;
        used.splice(k, 1);
        taken.push(p.ref);
        return false;
      });
      // The pieces are part of the label: provenance of the first row that bears it.
      ctx.pieces((level === 1 ? PATHS.level1 : PATHS.level2).at(owner), taken);
    }
  }
  for (const p of left) {
    ctx.warn("indicator.label-fragment", `a piece of a wrapped label, "${p.text}", could not be placed`, p.ref, "warning", [p.ref]);
  }
}
