/**
 * What the HTML and Word loaders read a document into before it becomes a
 * Sheet: tables, whose merged cells are one cell with their span, and lines
 * of text outside tables, in document order.
 */
import type { Cell, CellOrigin, Row, Sheet } from "../model/sheet.js";

/** One cell of a table, placed on the table's grid. */
export interface GridCell {
  text: string;
  /** 0-based row of the table. */
  row: number;
  /** 0-based grid column, spans of the cells before it expanded. */
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A block of a document, in reading order. */
export type Block =
  | { kind: "table"; table: number; cells: GridCell[] }
  | { kind: "line"; text: string; origin?: CellOrigin };

/** A cell of a table row as written: its text and spans, before it is placed. */
export interface SpannedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places written rows on the table's grid as HTML does: each cell takes the
 * first column that no cell from a row above still spans. A row span of 0 (to
 * the end of the table) or one running past the last row ends at the last row.
 */
export function placeCells(rows: readonly (readonly SpannedCell[])[]): GridCell[] {
  const taken: Set<number>[] = rows.map(() => new Set<number>());
  const out: GridCell[] = [];
  rows.forEach((cells, r) => {
    let col = 0;
    for (const c of cells) {
      while (taken[r]!.has(col)) col++;
      const rowSpan = c.rowSpan === 0 ? rows.length - r : Math.min(c.rowSpan, rows.length - r);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) taken[r + dr]!.add(col + dc);
      out.push({ text: c.text, row: r, col, rowSpan, colSpan: c.colSpan });
      col += c.colSpan;
    }
  });
  return out;
}

/** Tidies a cell's or line's text: each line trimmed, empty lines dropped. */
export function tidyLines(text: string): string {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "").join("\n");
}

/**
 * The blocks as Sheet rows: a table row is a row, whose merged cells sit in
 * their first row and column with their span in `origin`; a line outside
 * tables is a row of one cell. Blank cells are left out, as the text loaders
 * leave them out. `line` counts the Sheet's rows, 1-based.
 */
export function blocksToSheet(blocks: readonly Block[], source: string, kind: Sheet["kind"]): Sheet {
  const rows: Row[] = [];
  for (const b of blocks) {
    if (b.kind === "line") {
      if (b.text === "") continue;
      const line = rows.length + 1;
      const cell: Cell = { text: b.text, col: 0, page: 1, line };
      if (b.origin) cell.origin = b.origin;
      rows.push({ page: 1, line, cells: [cell] });
      continue;
    }
    const byRow = new Map<number, GridCell[]>();
    for (const c of b.cells) {
      if (c.text === "") continue;
      let list = byRow.get(c.row);
      if (!list) byRow.set(c.row, (list = []));
      list.push(c);
    }
    for (const r of [...byRow.keys()].sort((x, y) => x - y)) {
      const line = rows.length + 1;
      const cells = byRow.get(r)!.sort((x, y) => x.col - y.col).map((c): Cell => {
        const origin: CellOrigin = { table: b.table, row: c.row, column: c.col };
        if (c.rowSpan > 1) origin.rowSpan = c.rowSpan;
        if (c.colSpan > 1) origin.colSpan = c.colSpan;
        return { text: c.text, col: c.col, page: 1, line, origin };
      });
      rows.push({ page: 1, line, cells });
    }
  }
  return { source, kind, pages: 1, rows };
}
