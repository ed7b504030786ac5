/**
 * Tables that continue on the next page. Each page's grid is built on its
 * own, so a continued table is simply more rows; what remains is the header
 * row some producers print again at the top of the new page (HTML `thead`,
 * Excel "rows to repeat"). A repeat is not content: the seed's text export has
 * it once. Cells cut by the break are joined afterwards (stitch.ts).
 *
 * LibreOffice Calc lays a cut merged cell's text out for the whole cell, so on
 * the next page that text can fall onto the repeated header, inside its
 * cells (一级/指标 with 产出/指标 painted over it). Such a row is still the
 * repeat: every run of the earlier header stands in it at the same place in
 * its cell. The runs left over, all in the columns of cells the page before
 * left open, go on as pieces of those cells (a `through` row, see spill.ts).
 */
import type { DroppedText } from "../../model/ledger.js";
import type { PageCell, PageRow } from "./rows.js";
import { roundBox } from "./furniture.js";
import { runBox } from "./items.js";
import { blockLines, unionBox } from "./join.js";
import { openAtFoot, textOf } from "./spill.js";

/** Points by which a run of a repeat may stand off its place in the earlier header's cell. */
const PLACE = 1;
/** Points by which the edges of a cell and its repeat may differ. */
const EDGE = 2;
/** Pages back from a repeat that its header is looked for on: a table runs over a few pages, not dozens. */
const MAX_PAGES_BACK = 10;

// Empty cells (fragments of cut cells, kept for stitching) are no part of a header's text.
const norm = (row: PageRow) => row.cells.filter((c) => c.text !== "").map((c) => c.text.replace(/\s+/g, "")).join("\t");

/**
 * Drops the first table row of a page when no text precedes it on that page
 * and it repeats, cell for cell, a table row of the pages before (back to the
 * form's title), or is one painted over (see the module comment).
 */
export function dropRepeatedHeaders(pages: PageRow[][], dropped?: DroppedText[]): PageRow[][] {
  const keys = pages.map((rows) => rows.map(norm));
  const titles = keys.map((k) => k.map((x) => x.includes("自评表")).lastIndexOf(true));
  return pages.map((rows, p) => {
    if (p === 0) return rows;
    // Columns of a cut cell that this page does not rule (spill.ts) stand before its first row.
    const at = rows.findIndex((r) => !r.through);
    const first = rows[at];
    if (!first || first.table < 0) return rows;
    const key = keys[p]![at]!;
    if (key === "" || key.includes("自评表")) return rows; // a new form's title row, in spreadsheet-style tables

    // Only the table in progress can repeat its header: when a new form's title
    // follows the previous page's tables, this page's first row starts that
    // form, even when it reads like the last form's (two forms of one 项目名称).
    // The header may come from any earlier page of that table: the previous page's own repeat
    // can carry a cut cell's text painted over it.
    const prev = pages[p - 1]!;
    const candidates: { row: PageRow; key: string }[] = [];
    for (let q = p - 1; q >= Math.max(0, p - MAX_PAGES_BACK); q--) {
      pages[q]!.forEach((row, i) => {
        if (i > titles[q]! && row.table >= 0) candidates.push({ row, key: keys[q]![i]! });
      });
      if (titles[q]! >= 0) break;
    }
    let pieces: PageCell[] = [];
    let header = candidates.find((c) => c.key === key)?.row;
    if (!header) {
      const open = openAtFoot(prev);
      for (const { row: r } of candidates) {
        const left = open.length > 0 ? overpainted(first, r, open) : null;
        if (left) {
          header = r;
          pieces = left;
          break;
        }
      }
    }
    if (!header) return rows;
    if (dropped) {
      // What the repeat printed of the header: the earlier header's text, in the repeat's cells.
      const own = header.cells.filter((c) => c.text !== "");
      first.cells.filter((c) => c.text !== "").forEach((c, i) => dropped.push({ text: pieces.length > 0 ? own[i]!.text : c.text, kind: "repeated-header", page: p + 1, bbox: roundBox(c.box) }));
    }
    const through: PageRow[] = pieces.length > 0 ? [{ top: first.top, cells: pieces, table: -1, gridRow: -1, through: true }] : [];
    const after = rows.slice(at + 1);
    if (after[0] && after[0].table >= 0) after[0] = { ...after[0], afterRepeat: true };
    return [...rows.slice(0, at), ...through, ...after];
  });
}

/**
 * The runs of `row` that `header` does not account for, as pieces of cells
 * open at the previous page's foot, when `row` is `header` repeated with
 * those runs painted over it; null when it is not.
 */
function overpainted(row: PageRow, header: PageRow, open: readonly PageCell[]): PageCell[] | null {
  const a = row.cells.filter((c) => c.text !== ""), b = header.cells.filter((c) => c.text !== "");
  if (a.length !== b.length) return null;
  const pieces: PageCell[] = [];
  for (let i = 0; i < a.length; i++) {
    const ca = a[i]!, cb = b[i]!;
    if (!ca.runs || !cb.runs || Math.abs(ca.frame[0] - cb.frame[0]) > EDGE || Math.abs(ca.frame[2] - cb.frame[2]) > EDGE) return null;
    const left = new Set(ca.runs);
    for (const r of cb.runs) {
      let match: (typeof ca.runs)[number] | undefined;
      for (const x of left) {
        const dx = x.x0 - ca.frame[0] - (r.x0 - cb.frame[0]);
        const dy = ca.frame[3] - x.y - (cb.frame[3] - r.y);
        if (x.text === r.text && Math.abs(dx) <= PLACE && Math.abs(dy) <= PLACE) {
          match = x;
          break;
        }
      }
      if (!match) return null;
      left.delete(match);
    }
    if (left.size === 0) continue;
    const cut = open.some((o) => Math.min(o.frame[2], ca.frame[2]) - Math.max(o.frame[0], ca.frame[0]) > EDGE);
    if (!cut) return null;
    const { lines, tailGap } = blockLines([...left], ca.frame);
    const cellLines = lines.map((l) => ({ text: l.text, brk: l.brk, box: unionBox(l.runs.map(runBox)) }));
    pieces.push({ text: textOf(cellLines), col: ca.col, box: ca.box, frame: ca.frame, continuesAbove: true, continuesBelow: false, tailGap, lines: cellLines });
  }
  return pieces.length > 0 ? pieces : null;
}
