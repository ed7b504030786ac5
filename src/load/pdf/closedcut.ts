/**
 * Rows a word processor splits across pages with rules on both sides.
 * Writer (and Word, WPS) let a table row break across pages and close it
 * with a rule at the foot of the page and open it again under a rule at the
 * top of the next, so no cell of the row is open at the cut (cells.ts
 * `continuesBelow`): the rest of its text (在项目计 / 划完成时间内完成) stands in
 * a row of its own on the next page. Writer closes a merged level cell cut
 * by the page the same way, so a page may also open with a new row beside
 * such a cell, empty there. The rest of a cut row is told from a new row by
 * what it lacks: every cell of it sits in a cell of the same column edges at
 * the foot that is full to its foot (its text was cut there, not centred in
 * a row that ended); the foot has text left of it that it has none of (the
 * indicator's name, the funding row's label: a new row has its own); and it
 * lacks a cell right of its first one too (the weight and score of an
 * indicator, ended at the foot), unless it is the foot's last cell alone (a
 * note going on). A new row beside a closed level cell has text in every
 * column right of that cell.
 */
import type { PageCell, PageRow } from "./rows.js";

/** Slack in points when comparing column edges. */
const SLACK = 2;

const sameColumn = (a: PageCell, b: PageCell): boolean =>
  Math.abs(a.frame[0] - b.frame[0]) <= SLACK && Math.abs(a.frame[2] - b.frame[2]) <= SLACK;

/**
 * True when a cell's text reaches down to its frame's foot, within half a
 * line (and a point): a cell whose text the cut went on with. A cell whose
 * text ended stands centred or at the top, half a line or more off the foot.
 */
function fullToFoot(c: PageCell): boolean {
  const boxes = c.lines?.map((l) => l.box) ?? [c.box];
  const bottom = Math.min(...boxes.map((b) => b[1]));
  const line = Math.max(...boxes.map((b) => b[3] - b[1]));
  return bottom - c.frame[1] <= 0.5 * line + 1;
}

const overlaps = (a: PageCell, b: PageCell): boolean => Math.min(a.frame[2], b.frame[2]) - Math.max(a.frame[0], b.frame[0]) > SLACK;

/**
 * The pieces of a row cut at the foot of `page` that stand in the first row
 * of `next`, each with the cell at the foot it goes on; empty when the first
 * row of `next` is a row of its own. Cells open at the cut (merged cells
 * running through it) are stitch.ts's, and are left out here.
 */
export function closedCut(page: readonly PageRow[], next: readonly PageRow[]): Array<[foot: PageCell, piece: PageCell]> {
  const foot = page[page.length - 1];
  const first = next.find((r) => !r.through);
  if (!foot || !first || foot.table < 0 || first.table < 0 || foot.through) return [];
  const closed = foot.cells.filter((c) => !c.continuesBelow && c.text !== "").sort((a, b) => a.frame[0] - b.frame[0]);
  const pieces = first.cells.filter((c) => !c.continuesAbove && c.text !== "").sort((a, b) => a.frame[0] - b.frame[0]);
  if (pieces.length === 0) return [];
  const pairs: Array<[PageCell, PageCell]> = [];
  for (const piece of pieces) {
    const at = closed.find((c) => sameColumn(c, piece));
    if (!at || !fullToFoot(at)) return [];
    pairs.push([at, piece]);
  }
  const matched = new Set(pairs.map(([at]) => at));
  const firstAt = closed.indexOf(pairs[0]![0]);
  const lacksLeft = closed.slice(0, firstAt).some((c) => !matched.has(c) && !pieces.some((p) => overlaps(p, c)));
  const lacksRight = closed.slice(firstAt + 1).some((c) => !matched.has(c));
  const lastAlone = pairs.length === 1 && firstAt === closed.length - 1;
  return lacksLeft && (lacksRight || lastAlone) ? pairs : [];
}
