import type { Cell, Sheet } from "../../src/model/sheet.js";
import { cellKey } from "../../src/text/chars.js";

/**
 * The string the lexer reads, and the way back from a token to its cell: cells
 * that hold text are keyed (cellKey) and joined by \t, each row ends in \n.
 * Empty cells and blank rows carry no token: the layout is recognised by what
 * cells hold, not by their positions, which shift from form to form.
 */
export interface LexInput {
  text: string;
  /** The cell whose key starts at a given offset of `text`. */
  cellAt: Map<number, Cell>;
  /** The source line or row of each row end, by offset of its \n. */
  rowAt: Map<number, { line: number | undefined; page: number }>;
}

// Page furniture: page numbers and the like are not content.
const FURNITURE = [
  /^-\d+-$/, // - 1 -
  /^第\d+页(?:[,，]?共\d+页)?$/, // 第 1 页 / 第1页共3页
  /^\d+\/\d+$/, // 1 / 3
  /^(?:page)?\d+(?:of\d+)?$/i,
];

/** True for a row that is only a page number or similar furniture. */
export function isFurnitureRow(keys: string[]): boolean {
  return keys.length === 1 && FURNITURE.some((re) => re.test(keys[0]!));
}

/** Builds the lexer input from a Sheet. */
export function toLexInput(sheet: Sheet): LexInput {
  const parts: string[] = [];
  const cellAt = new Map<number, Cell>();
  const rowAt = new Map<number, { line: number | undefined; page: number }>();
  let offset = 0;
  for (const row of sheet.rows) {
    const keyed: Array<[string, Cell]> = [];
    for (const cell of row.cells) {
      const key = cellKey(cell.text);
      if (key !== "") keyed.push([key, cell]);
    }
    if (keyed.length === 0 || isFurnitureRow(keyed.map(([k]) => k))) continue;
    for (let i = 0; i < keyed.length; i++) {
      const [key, cell] = keyed[i]!;
      if (i > 0) {
        parts.push("\t");
        offset += 1;
      }
      cellAt.set(offset, cell);
      parts.push(key);
      offset += key.length;
    }
    rowAt.set(offset, { line: row.line, page: row.page });
    parts.push("\n");
    offset += 1;
  }
  return { text: parts.join(""), cellAt, rowAt };
}
