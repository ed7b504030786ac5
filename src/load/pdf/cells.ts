/**
 * Cell assembly: runs of a page go into the cells of its ruled tables; runs
 * outside every table become lines of their own (clustered by baseline and
 * x-gaps). The result is the page's rows, top to bottom.
 *
 * A merged cell (rowspan) is emitted once, in the top row it spans, with its
 * whole text — the shape of the seed's tab export that the grammar reads.
 */
import type { Box } from "./geometry.js";
import { blockText, lineText, toLines, unionBox } from "./join.js";
import { runAnchor, runBox, type Run } from "./items.js";
import { slotAt, type Table } from "./grid.js";

/** A gap wider than this many ems splits a line outside a table into cells. */
const CELL_GAP = 1.5;

/** One cell of a page row, before it gets its Sheet line number. */
export interface PageCell {
  text: string;
  col: number;
  /** Box reported as provenance: the drawn cell in a table, the text outside tables. */
  box: Box;
  /** Box of the drawn cell (the text's box outside tables). */
  frame: Box;
  /** The cell runs into the page's bottom edge: its text goes on on the next page. */
  continuesBelow: boolean;
  /** The cell runs into the page's top edge: it goes on from the page before. */
  continuesAbove?: boolean;
  /** How far its last line ends short of the text edge, in ems (see join.ts endsParagraph). */
  tailGap?: number;
}

/** One visual row of a page. */
export interface PageRow {
  /** Top edge, to merge table rows and loose lines into reading order. */
  top: number;
  cells: PageCell[];
  /** Index of the table on the page, or -1 for a line outside every table. */
  table: number;
  /** Grid row within the table (0 = first), or -1. */
  gridRow: number;
}

/** Assembles a page's rows from its runs and tables, top to bottom; empty rows dropped. */
export function assemblePage(runs: readonly Run[], tables: readonly Table[]): PageRow[] {
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

  const rows: PageRow[] = [];
  tables.forEach((t, ti) => {
    const byRow = new Map<number, PageCell[]>();
    t.cells.forEach((cell, ci) => {
      const cellRuns = perCell[ti]![ci]!;
      const open = cell.openBelow || cell.openAbove;
      // An empty cell cut by the page edge is kept: its text may be on the other page.
      if (cellRuns.length === 0 && !open) return;
      const { text, tailGap } = cellRuns.length > 0 ? blockText(cellRuns, cell.box) : { text: "", tailGap: 0 };
      if (!text && !open) return;
      let list = byRow.get(cell.row);
      if (!list) byRow.set(cell.row, (list = []));
      // The drawn cell is the value's box: text inside is aligned left, centred or
      // right at the producer's whim, the cell's edges line up with its column.
      list.push({ text, col: cell.col, box: cell.box, frame: cell.box, continuesBelow: cell.openBelow, continuesAbove: cell.openAbove, tailGap });
    });
    for (const [gridRow, cells] of byRow) {
      cells.sort((a, b) => a.col - b.col);
      rows.push({ top: t.ys[gridRow]!, cells, table: ti, gridRow });
    }
  });
  rows.push(...looseRows(loose));
  // Top to bottom; inside one table, by grid row (tops can tie within SNAP).
  return rows.sort((a, b) => (a.table >= 0 && a.table === b.table ? a.gridRow - b.gridRow : b.top - a.top));
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
