/**
 * Funding values placed under their header columns in `pdftotext -layout`
 * text.
 *
 * Numbers are right-aligned in their cells and headers centred, so a short
 * number (`0.00`) starts far right of its header and nearer the next one: by
 * its first column it would read as the next column's value. A column's
 * extent is its header's columns widened by every value already placed in it
 * (the long amounts of the first rows fill the cell's width), and a value
 * takes the column whose extent it shares most; its `col` becomes the
 * header's, as for a text under a header (alignUnderHeaders).
 */
import { pieceText, shared, type Draft, type Piece } from "../pdf/layout/model.js";

interface Column {
  c0: number;
  c1: number;
  /** The header's first column, which a value placed in the column takes. */
  at: number;
}
import { VALUE } from "../pdf/layout/vocabulary.js";

const FUNDING_HEADER = /^(?:年初预算数|全年预算数|全年执行数|分值|分数|权重|执行率[(（]%[)）]|得分|预算执行率|调整后预算数|预算执行数)$/u;
/**
 * How far, in characters, a value may stand clear of its column's extent. Six
 * read three more corpus texts but shifted the amounts of the department-wide
 * form (test/variants) one column right: values must touch their column.
 */
const NEAR = 0;
/** What ends a funding block: the goals' header, the indicator table's, the next form. */
const END = /^(?:预期目标|一级指标|三级指标)$|自评表/u;

/** Moves each funding value's `col` to the column it stands in (see the module comment). */
export function alignFundingValues(drafts: Draft[]): void {
  let columns: Column[] | undefined;
  for (const d of drafts) {
    const texts = d.pieces.map(pieceText);
    if (texts.filter((t) => FUNDING_HEADER.test(t)).length >= 3) {
      columns = d.pieces.filter((p) => FUNDING_HEADER.test(pieceText(p))).map((p) => ({ c0: p.c0, c1: p.c1, at: p.c0 }));
      continue;
    }
    if (!columns) continue;
    if (texts.some((t) => END.test(t))) {
      columns = undefined;
      continue;
    }
    // A row whose values would not take distinct columns, left to right, is left as printed:
    // its header's columns are no guide (a squeezed header far from its values).
    const cols = columns;
    const placed: [Piece, Column][] = [];
    for (const p of [...d.pieces].sort((a, b) => a.c0 - b.c0)) {
      if (!VALUE.test(pieceText(p))) continue;
      let best: Column | undefined;
      for (const col of cols) if (shared(col, p) >= -NEAR && (!best || shared(col, p) > shared(best, p))) best = col;
      if (best) placed.push([p, best]);
    }
    const order = placed.map(([, c]) => cols.indexOf(c));
    if (order.some((k, i) => i > 0 && k <= order[i - 1]!)) continue;
    for (const [p, col] of placed) {
      col.c0 = Math.min(col.c0, p.c0);
      col.c1 = Math.max(col.c1, p.c1);
      p.c0 = col.at;
    }
  }
}
