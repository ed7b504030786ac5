/**
 * The printed grid of one generating form: rows of cells with their spans,
 * ten logical columns as the national template lays them out. Both renderers
 * (HTML for Chromium, flat ODS for Calc) print this same grid, so the two
 * differ only in how their producer draws it.
 *
 *   c0 c1     level 1, level 2; 项目名称 …; 项目资金 (merged down the funding block)
 *   c2 c3     indicator name; funding row labels
 *   c4..c9    target, actual, weight, score, deviation (c8-c9);
 *             funding: initial, adjusted, executed, weight, rate, score
 */
import type { GeneratingForm } from "./form.js";
import { punct } from "./form.js";
import type { Rendering } from "./rendering.js";

export const COLUMNS = 10;

export type CellClass = "lab" | "num" | "text" | "lvl" | "title" | "year" | "plain";

export interface GridCell {
  text: string;
  col: number;
  colspan: number;
  rowspan: number;
  cls: CellClass;
}

export interface GridRow {
  /** What the row is, for naming a page break: title, header, funding:total, indicator:3 … */
  kind: string;
  cells: GridCell[];
  /** The indicator table's header row, which Chromium may repeat on each page. */
  indicatorHeader?: boolean;
}

function withSeparators(d: string): string {
  const [int = "", frac] = d.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = (sign ? int.slice(1) : int).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac === undefined ? "" : "." + frac);
}

/** Builds rows cell by cell, placing each cell at the next column not taken by a rowspan from above. */
class RowBuilder {
  readonly rows: GridRow[] = [];
  private taken: number[][] = [];

  row(kind: string, cells: Array<Omit<GridCell, "col">>, indicatorHeader = false): void {
    const index = this.rows.length;
    const busy = this.taken[index] ?? [];
    const placed: GridCell[] = [];
    let col = 0;
    for (const c of cells) {
      while (busy.includes(col)) col++;
      placed.push({ ...c, col });
      for (let dr = 1; dr < c.rowspan; dr++) {
        const below = (this.taken[index + dr] ??= []);
        for (let dc = 0; dc < c.colspan; dc++) below.push(col + dc);
      }
      col += c.colspan;
    }
    this.rows.push({ kind, cells: placed, ...(indicatorHeader ? { indicatorHeader } : {}) });
  }
}

const cell = (text: string, colspan = 1, cls: CellClass = "plain", rowspan = 1): Omit<GridCell, "col"> => ({ text, colspan, rowspan, cls });

function level1Label(i: GeneratingForm["indicators"][number], mode: Rendering["punctuation"]): string {
  return i.level1Subtotal === null ? i.level1 : punct(`${i.level1}(${i.level1Subtotal}分)`, mode);
}

/** The form's rows, title first, 评分等级 last. */
export function formGrid(f: GeneratingForm, o: Rendering): GridRow[] {
  const b = new RowBuilder();
  const p = (s: string): string => punct(s, o.punctuation);
  const mark = (v: string | null): string => (v === null ? o.nullMark : v);
  const money = (v: string | null): string => (v === null ? o.nullMark : o.thousands ? withSeparators(v) : v);

  b.row("title", [cell(f.title, COLUMNS, "title")]);
  b.row("year", [cell(f.year === null ? "" : p(`(${f.year}年度)`), COLUMNS, "year")]);
  b.row("header:project", [cell("项目名称", 2, "lab"), cell(f.projectName ?? "", 8)]);
  b.row("header:department", [
    cell("主管部门", 2, "lab"), cell(f.department ?? "", 3), cell("实施单位", 2, "lab"), cell(f.implementingUnit ?? "", 3),
  ]);
  b.row("funding:header", [
    cell(p(`项目资金(${f.fundingUnit})`), 2, "lab", f.funding.length + 1),
    cell("", 2),
    ...["年初预算数", "全年预算数", "全年执行数", "分值", p("执行率(%)"), "得分"].map((h) => cell(h, 1, "lab")),
  ]);
  for (const r of f.funding) {
    const label = r.kind === "total" ? p(`${r.label}:`) : r.kind === "fiscal" ? p(`其中:${r.label}`) : r.label;
    b.row(`funding:${r.kind}`, [
      cell(label, 2),
      ...[r.initialBudget, r.adjustedBudget, r.executed].map((v) => cell(money(v), 1, "num")),
      cell(mark(r.weight), 1, "num"), cell(mark(r.rate), 1, "num"), cell(mark(r.score), 1, "num"),
    ]);
  }
  b.row("goals:header", [cell("年度总体目标", 1, "lab", 2), cell("预期目标", 4, "lab"), cell("实际完成情况", 5, "lab")]);
  b.row("goals:text", [cell(f.goals.expected ?? "", 4, "text"), cell(f.goals.actual ?? "", 5, "text")]);
  b.row("indicators:header", [
    cell("一级指标", 1, "lab"), cell("二级指标", 1, "lab"), cell("三级指标", 2, "lab"), cell("年度指标值", 1, "lab"),
    cell("实际完成值", 1, "lab"), cell("分值", 1, "lab"), cell("得分", 1, "lab"), cell("偏差原因分析及改进措施", 2, "lab"),
  ], true);
  const ind = f.indicators;
  for (let i = 0; i < ind.length; i++) {
    const x = ind[i]!;
    const prev = ind[i - 1];
    const cells: Array<Omit<GridCell, "col">> = [];
    const l1 = level1Label(x, o.punctuation);
    const newL1 = !prev || level1Label(prev, o.punctuation) !== l1;
    if (newL1) {
      let n = 1;
      while (i + n < ind.length && level1Label(ind[i + n]!, o.punctuation) === l1) n++;
      cells.push(cell(l1, 1, "lvl", n));
    }
    if (newL1 || prev!.level2 !== x.level2) {
      let n = 1;
      while (i + n < ind.length && ind[i + n]!.level2 === x.level2 && level1Label(ind[i + n]!, o.punctuation) === l1) n++;
      cells.push(cell(x.level2, 1, "lvl", n));
    }
    cells.push(cell(x.name, 2), cell(x.target.raw), cell(x.actual.raw), cell(mark(x.weight), 1, "num"), cell(mark(x.score), 1, "num"));
    cells.push(cell(x.deviation ?? "", 2, "text"));
    b.row(`indicator:${i}`, cells);
  }
  b.row("total", [cell("总分", 6, "lab"), cell(mark(f.total.weight), 1, "num"), cell(mark(f.total.score), 1, "num"), cell("", 2)]);
  if (f.grade !== null) b.row("grade", [cell("评分等级", 2, "lab"), cell(f.grade, 8)]);
  return b.rows;
}
