/**
 * Cell assembly: runs of a page go into the cells of its ruled tables; runs
 * outside every table become lines of their own (clustered by baseline and
 * x-gaps). The result is the page's rows, top to bottom.
 *
 * A merged cell (rowspan) is emitted once, in the top row it spans, with its
 * whole text — the shape of the seed's tab export that the grammar reads.
 */
import type { Box } from "./geometry.js";
import { blockLines, lineText, toLines, unionBox } from "./join.js";
import { runAnchor, runBox, type Run } from "./items.js";
import { slotAt, type Table } from "./grid.js";
import type { CellLine, PageCell, PageRow } from "./rows.js";
import { unruledRows } from "./unruled.js";
import { carriedFrom, claimOverflow, claimSpills, opensWithTitle, repeatedRuns, textOf, type Carried } from "./spill.js";

/** A gap wider than this many ems splits a line outside a table into cells. */
const CELL_GAP = 1.5;

/**
 * Assembles every page of a document, each with the cells the page before
 * left open (a cut cell's text may be painted outside this page's rules).
 * `bottoms` and `heights` describe each page's media box.
 */
export function assemblePages(pages: readonly { runs: readonly Run[]; tables: readonly Table[] }[], bottoms: readonly number[], heights: readonly number[]): PageRow[][] {
  const furniture = repeatedRuns(pages, bottoms, heights);
  const out: PageRow[][] = [];
  // Column edges of the table in progress, while a page break has left cells of it open.
  let columns: number[] | undefined;
  // Whether each page's table can go on: a next page exists and does not open with a new form's title.
  const goesOn = pages.map((_, i) => i + 1 < pages.length && !opensWithTitle(pages[i + 1]!.runs, pages[i + 1]!.tables));
  for (const [i, p] of pages.entries()) {
    const carried = i > 0 && goesOn[i - 1] ? carriedFrom(out[i - 1]!) : [];
    if (carried.length === 0) columns = undefined;
    out.push(assemblePage(p.runs, p.tables, carried, furniture, columns, goesOn[i]));
    const lowest = [...p.tables].sort((a, b) => a.box[1] - b.box[1])[0];
    if (lowest) columns = lowest.xs;
  }
  return out;
}

/** A cell's lines from its runs (own and claimed); lines of claimed runs only are spill. */
function cellLines(runs: readonly Run[], claimed: ReadonlySet<Run>, frame: Box): { lines: CellLine[]; tailGap: number } {
  const { lines, tailGap } = blockLines(runs, frame);
  return {
    lines: lines.map((l) => ({ text: l.text, brk: l.brk, box: unionBox(l.runs.map(runBox)), ...(l.runs.every((r) => claimed.has(r)) ? { spill: true } : {}) })),
    tailGap,
  };
}

/**
 * Assembles a page's rows from its runs and tables, top to bottom; empty rows
 * dropped. `carried` are the cells the page before left open at its foot
 * (spill.ts carriedFrom), whose text may be painted outside this page's rules;
 * `columns` the column edges of the table they belong to, for a page that
 * continues it without rules; `goesOn` false when no page continues this
 * one's table (nothing under it is then a cut cell's).
 */
export function assemblePage(runs: readonly Run[], tables: readonly Table[], carried: readonly Carried[] = [], furniture: ReadonlySet<Run> = new Set(), columns?: readonly number[], goesOn = true): PageRow[] {
  const perCell: Run[][][] = tables.map((t) => t.cells.map(() => []));
  const loose: Run[] = [];
  for (const r of runs) {
    const [x, y] = runAnchor(r);
    let placed = false;
    for (let ti = 0; ti < tables.length && !placed; ti++) {
      const t = tables[ti]!;
      const slot = slotAt(t, x, y);
      if (slot >= 0) {
        perCell[ti]![t.slotCell[slot]!]!.push(r);
        placed = true;
      }
    }
    if (!placed) loose.push(r);
  }
  claimOverflow(tables, perCell);
  const spills = claimSpills(loose, tables, carried, furniture, goesOn);
  const claimed = new Set(spills.perCell.flat(2));

  const rows: PageRow[] = [];
  tables.forEach((t, ti) => {
    const byRow = new Map<number, PageCell[]>();
    t.cells.forEach((cell, ci) => {
      const cellRuns = [...perCell[ti]![ci]!, ...spills.perCell[ti]![ci]!];
      const open = cell.openBelow || cell.openAbove;
      // An empty cell cut by the page edge is kept: its text may be on the other page.
      if (cellRuns.length === 0 && !open) return;
      const { lines, tailGap } = cellRuns.length > 0 ? cellLines(cellRuns, claimed, cell.box) : { lines: [], tailGap: 0 };
      const text = textOf(lines);
      if (lines.length === 0 && !open) return;
      let list = byRow.get(cell.row);
      if (!list) byRow.set(cell.row, (list = []));
      // The drawn cell is the value's box: text inside is aligned left, centred or
      // right at the producer's whim, the cell's edges line up with its column.
      list.push({ text, col: cell.col, box: cell.box, frame: cell.box, continuesBelow: cell.openBelow, continuesAbove: cell.openAbove, tailGap, lines, runs: perCell[ti]![ci]! });
    });
    for (const [gridRow, cells] of byRow) {
      cells.sort((a, b) => a.col - b.col);
      rows.push({ top: t.ys[gridRow]!, cells, table: ti, gridRow });
    }
  });
  // A page that rules nothing, in a table the page before left open, is that table's rows (unruled.ts).
  const unruled = tables.length === 0 && columns ? unruledRows(spills.rest, columns, 0, furniture) : { rows: [], rest: spills.rest };
  rows.push(...unruled.rows, ...looseRows(unruled.rest));
  // Top to bottom; inside one table, by grid row (tops can tie within SNAP).
  rows.sort((a, b) => (a.table >= 0 && a.table === b.table ? a.gridRow - b.gridRow : b.top - a.top));
  // Columns the page before left open and no rule here covers come first: they go on from there.
  const through = spills.through.map(({ carried: c, runs: rs, closed }): PageRow => {
    const frame: Box = rs.length > 0 ? [c.frame[0], Math.min(...rs.map((r) => runBox(r)[1])), c.frame[2], Math.max(...rs.map((r) => runBox(r)[3]))] : c.frame;
    const { lines, tailGap } = rs.length > 0 ? cellLines(rs, new Set(rs), frame) : { lines: [], tailGap: 0 };
    return { top: frame[3], cells: [{ text: "", col: c.col, box: frame, frame, continuesAbove: true, continuesBelow: !closed, tailGap, lines }], table: -1, gridRow: -1, through: true };
  });
  return [...through, ...rows];
}

/** Lines outside the tables: one row per baseline, cells split at wide gaps. */
export function looseRows(runs: readonly Run[]): PageRow[] {
  if (runs.length === 0) return [];
  const lines = toLines(runs);
  const pieces: { runs: Run[]; x0: number }[][] = lines.map((line) => {
    const out: { runs: Run[]; x0: number }[] = [];
    let prev: Run | undefined;
    for (const r of line) {
      if (!prev || r.x0 - prev.x1 > CELL_GAP * Math.max(r.size, prev.size)) out.push({ runs: [r], x0: r.x0 });
      else out[out.length - 1]!.runs.push(r);
      prev = r;
    }
    return out;
  });
  // Columns: distinct left edges over the page, so aligned pieces share an index.
  // Edges a unit apart are one column: 34.4999 and 34.5 (two engines' float error) round apart.
  const lefts: number[] = [];
  for (const x of [...new Set(pieces.flat().map((p) => Math.round(p.x0)))].sort((a, b) => a - b)) {
    if (lefts.length === 0 || x - lefts[lefts.length - 1]! > 1) lefts.push(x);
  }
  const colOf = (x: number) => {
    let c = 0;
    for (let i = 0; i < lefts.length; i++) if (lefts[i]! <= Math.round(x) + 2) c = i;
    return c;
  };
  return pieces.map((ps) => {
    const cells = ps.map((p) => {
      const box = unionBox(p.runs.map(runBox));
      return { text: lineText(p.runs), col: colOf(p.x0), box, frame: box, continuesBelow: false };
    });
    const top = Math.max(...cells.map((c) => c.box[3]));
    return { top, cells, table: -1, gridRow: -1 };
  });
}
