import type { CellRef, RawForm, RawIndicatorRow, RawRow } from "../../grammars/self-evaluation/index.js";
import type { Indicator } from "../model/form.js";
import { cleanLabel } from "../text/chars.js";
import { headerColumns, joinTarget, needsColumns, placeUnderColumns, type Column } from "./columns.js";
import type { FormContext } from "./context.js";
import { cleanFreeText } from "./free-text.js";
import { completeLabel } from "./label-fragments.js";
import { parseMeasure } from "./measure.js";
import { parseDecimal } from "./number.js";
import { LEVEL1_LABELS, LEVEL2_LABELS, splitSubtotal } from "./vocabulary.js";

const isNumeric = (r: CellRef) => parseDecimal(r.cell.text) !== undefined;
const HAN_PIECE = /^\p{Script=Han}{1,3}$/u;

interface Placed {
  levels: CellRef[];
  name: CellRef | undefined;
  target: CellRef | undefined;
  /** The target's text: the target cell's, or the 指标性质 | 指标值 | 计量单位 pieces joined. */
  targetText: string;
  actual: CellRef | undefined;
  weight: CellRef | undefined;
  score: CellRef | undefined;
  deviation: CellRef | undefined;
}

/** A row of nothing but one to three Han characters per cell: pieces of a wrapped label. */
export function isFragmentRow(row: RawIndicatorRow): boolean {
  return row.levels.length === 0 && row.values.length > 0 && row.values.every((v) => HAN_PIECE.test(cleanLabel(v.cell.text)));
}

/**
 * Places the cells of an indicator row from the right, where the layout is
 * fixed (… 年度指标值, 实际完成值, 分值, 得分, 偏差原因), because the left side
 * varies: level cells blank or absent, leading cells lost at a page break.
 */
function place(row: RawIndicatorRow): Placed {
  const v = row.values;
  let end = v.length;
  let deviation: CellRef | undefined;
  if (end > 0 && !isNumeric(v[end - 1]!) && end >= 3 && isNumeric(v[end - 2]!) && isNumeric(v[end - 3]!)) {
    deviation = v[--end];
  }
  let score: CellRef | undefined;
  let weight: CellRef | undefined;
  if (end >= 2 && isNumeric(v[end - 1]!) && isNumeric(v[end - 2]!)) {
    score = v[--end];
    weight = v[--end];
  }
  const actual = end > 0 ? v[--end] : undefined;
  const target = end > 0 ? v[--end] : undefined;
  const name = end > 0 ? v[--end] : undefined;
  return { levels: [...row.levels, ...v.slice(0, end)], name, target, targetText: target?.cell.text ?? "", actual, weight, score, deviation };
}

/**
 * Places the cells of a row under the header's columns, for tables with
 * columns the seed lacks (指标性质, 计量单位, or unknown ones). The right-hand
 * rule still finds the 得分 cell, which tells how far a text row is shifted.
 * Cells under an unknown column are returned apart, unread.
 */
function placeByHeader(row: RawIndicatorRow, columns: Column[]): Placed & { unknown: CellRef[]; extra: CellRef[] } {
  const fromRight = place(row);
  const cells = placeUnderColumns(row, columns, fromRight);
  const one = (f: Parameters<typeof cells.get>[0]) => cells.get(f)?.[0];
  const target = one("target");
  return {
    levels: [...row.levels, ...(cells.get("level1") ?? []), ...(cells.get("level2") ?? [])],
    name: one("name"),
    target,
    targetText: joinTarget(one("nature"), target, one("unit")),
    actual: one("actual"),
    weight: one("weight"),
    score: one("score"),
    deviation: one("deviation"),
    unknown: cells.get("unknown") ?? [],
    extra: [...cells].filter(([f]) => f !== "level1" && f !== "level2" && f !== "unknown").flatMap(([, refs]) => refs.slice(1)),
  };
}

/** The header row in force for a row: the last one printed above it (a header repeats after a page break). */
function headerFor(row: RawIndicatorRow, headers: RawRow[]): RawRow | undefined {
  let found = headers[0];
  for (const h of headers) if (h.line !== undefined && row.line !== undefined && h.line <= row.line) found = h;
  return found;
}

/** The indicator rows, with level labels inherited down merged cells and wrapped labels completed. */
export function normalizeIndicators(raw: RawForm, ctx: FormContext): Indicator[] {
  const rows = raw.indicators?.rows ?? [];
  const out: Indicator[] = [];
  const pieces: Array<{ text: string; ref: CellRef }> = [];
  let level1 = "";
  let subtotal: string | null = null;
  let level2 = "";
  let level1Ref: CellRef | undefined;
  let level2Ref: CellRef | undefined;

  const headers = raw.indicators?.headers ?? [];
  const reportedUnknown = new Set<string>();
  for (const row of rows) {
    if (isFragmentRow(row)) {
      for (const c of row.values) pieces.push({ text: cleanLabel(c.cell.text), ref: c });
      continue;
    }
    const header = headerFor(row, headers);
    const columns = header ? headerColumns(header) : [];
    const byHeader = needsColumns(columns) ? placeByHeader(row, columns) : null;
    const p: Placed = byHeader ?? place(row);
    if (byHeader) {
      reportUnknownColumns(columns, reportedUnknown, ctx);
      // Two cells under one column: only the first is read, and never silently.
      const extra = byHeader.extra;
      if (extra.length) ctx.warn("indicator.extra-cells", `more cells than the header has columns for: ${extra.map((r) => cleanLabel(r.cell.text)).join(" ")}`, extra[0]);
    }
    const labels = p.levels.map((r) => ({ ref: r, ...splitSubtotal(cleanLabel(r.cell.text)) }));
    if (labels.length >= 2) {
      [level1, subtotal, level1Ref] = [labels[0]!.label, labels[0]!.subtotal, labels[0]!.ref];
      [level2, level2Ref] = [labels[1]!.label, labels[1]!.ref];
      if (labels.length > 2) ctx.warn("indicator.extra-cells", `more cells than an indicator row holds: ${labels.slice(2).map((l) => l.label).join(" ")}`, labels[2]!.ref);
    } else if (labels.length === 1) {
      const only = labels[0]!;
      const isLevel1 = LEVEL1_LABELS.includes(only.label) && !(only.label === "成本指标" && level1 === "产出指标");
      if (isLevel1 || only.subtotal !== null) {
        // The same level-1 label again is a merged cell printed anew on the
        // next page: its level 2 goes on.
        if (only.label !== level1) {
          level2 = "";
          level2Ref = undefined;
        }
        [level1, subtotal, level1Ref] = [only.label, only.subtotal, only.ref];
      } else {
        [level2, level2Ref] = [only.label, only.ref];
      }
    }
    if (!p.name || !p.target || !p.actual) {
      ctx.warn("indicator.short-row", "an indicator row without its name, target and actual cells", row.values[0] ?? row.levels[0]);
      if (!p.name) continue;
    }
    const i = out.length;
    const weight = p.weight ? parseDecimal(p.weight.cell.text) ?? null : null;
    const score = p.score ? parseDecimal(p.score.cell.text) ?? null : null;
    if (!p.weight || !p.score) ctx.warn("indicator.no-weight-score", `${cleanLabel(p.name.cell.text)}: no 分值 and 得分 cells`, p.name);
    out.push({
      level1, level1Subtotal: subtotal, level2,
      name: cleanLabel(p.name.cell.text),
      target: parseMeasure(p.targetText),
      actual: parseMeasure(p.actual?.cell.text ?? ""),
      weight, score,
      deviation: p.deviation ? cleanFreeText(p.deviation.cell.text) || null : null,
    });
    ctx.atItem("indicators", i, "level1", level1Ref);
    ctx.atItem("indicators", i, "level2", level2Ref);
    ctx.atItem("indicators", i, "name", p.name);
    ctx.atItem("indicators", i, "target", p.target);
    ctx.atItem("indicators", i, "actual", p.actual);
    ctx.atItem("indicators", i, "weight", p.weight);
    ctx.atItem("indicators", i, "score", p.score);
    ctx.atItem("indicators", i, "deviation", p.deviation);
  }

  for (const c of raw.total?.before ?? []) pieces.push({ text: cleanLabel(c.cell.text), ref: c });
  if (pieces.length) placePieces(out, pieces, ctx);
  return out;
}

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
    ctx.warn("layout.unknown-column", `a column jixiao does not know, "${name}" (${where}): its cells are not read`, c.header);
  }
}

function placePieces(indicators: Indicator[], pieces: Array<{ text: string; ref: CellRef }>, ctx: FormContext): void {
  let left = [...pieces];
  for (const level of [2, 1] as const) {
    const key = level === 1 ? "level1" : "level2";
    const known = level === 1 ? LEVEL1_LABELS : LEVEL2_LABELS;
    const cut = [...new Set(indicators.map((ind) => ind[key]))].filter((l) => l !== "" && !known.includes(l));
    for (const label of cut) {
      const done = completeLabel(label, left.map((p) => p.text), level);
      if (!done) continue;
      for (const ind of indicators) if (ind[key] === label) ind[key] = done.label;
      const used = [...done.used];
      left = left.filter((p) => {
        const k = used.indexOf(p.text);
        if (k < 0) return true;
        used.splice(k, 1);
        return false;
      });
    }
  }
  for (const p of left) {
    ctx.warn("indicator.label-fragment", `a piece of a wrapped label, "${p.text}", could not be placed`, p.ref);
  }
}
