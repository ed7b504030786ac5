/**
 * The rows of a page as the PDF loader assembles them (cells.ts) and the
 * later steps pass on (furniture, repeated headers, stitching), before they
 * become the Sheet's rows.
 */
import type { Box } from "./geometry.js";
import type { Run } from "./items.js";

/** One line of a cell's text. */
export interface CellLine {
  text: string;
  /** A paragraph ends after this line. */
  brk: boolean;
  box: Box;
  /** Painted outside the cell's ruled fragment (spill.ts): not part of `text` until furniture is gone. */
  spill?: boolean;
}

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
  /** The cell's lines; `text` is their join. Absent for a cell made of one line. */
  lines?: CellLine[];
  /** The runs inside a table cell's rules, to tell a repeated header from what is painted over it (continuation.ts). */
  runs?: readonly Run[];
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
  /** Lines of a cut cell's column on a page where no table rules that column (spill.ts). */
  through?: boolean;
  /** The first row under a repeated header that was dropped (continuation.ts): the header's rule closes its cells' tops, cut or not. */
  afterRepeat?: boolean;
}
