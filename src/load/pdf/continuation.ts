/**
 * Tables that continue on the next page. Each page's grid is built on its
 * own, so a continued table is simply more rows; what remains is the header
 * row some producers print again at the top of the new page (HTML `thead`,
 * Excel "rows to repeat"). A repeat is not content: the seed's text export has
 * it once.
 */
import type { DroppedText } from "../../model/ledger.js";
import type { PageCell, PageRow } from "./cells.js";
import { roundBox } from "./furniture.js";
import { joinLines } from "./join.js";

const norm = (row: PageRow) => row.cells.map((c) => c.text.replace(/\s+/g, "")).join("\t");

/**
 * Drops the first table row of a page when no text precedes it on that page
 * and it repeats, cell for cell, a table row of the previous page.
 */
export function dropRepeatedHeaders(pages: PageRow[][], dropped?: DroppedText[]): PageRow[][] {
  return pages.map((rows, p) => {
    if (p === 0) return rows;
    const first = rows[0];
    if (!first || first.table < 0) return rows;
    const key = norm(first);
    if (key.includes("自评表")) return rows; // a new form's title row, in spreadsheet-style tables

    const before = pages[p - 1]!.filter((r) => r.table >= 0).map(norm);
    if (!before.includes(key)) return rows;
    if (dropped) for (const c of first.cells) dropped.push({ text: c.text, kind: "repeated-header", page: p + 1, bbox: roundBox(c.box) });
    return rows.slice(1);
  });
}

function overlap(a: PageCell, b: PageCell): number {
  return Math.max(0, Math.min(a.frame[2], b.frame[2]) - Math.max(a.frame[0], b.frame[0]));
}

/**
 * Rejoins rows split by a page break. When the last table of page p is open at
 * the bottom, the first table row of page p+1 (after any repeated header) holds
 * the rest of its cells: each piece is appended to the open cell above it with
 * the most horizontal overlap, unless it merely repeats that cell's text (some
 * producers print a merged cell again on both pages). Provenance stays with the
 * first piece.
 */
export function joinSplitRows(pages: PageRow[][], dropped?: DroppedText[]): PageRow[][] {
  for (let p = 0; p + 1 < pages.length; p++) {
    const open = pages[p]!.flatMap((r) => (r.table >= 0 ? r.cells.filter((c) => c.continuesBelow) : []));
    if (open.length === 0) continue;
    const next = pages[p + 1]!;
    const first = next[0];
    if (!first || first.table < 0) continue;
    first.cells = first.cells.filter((piece) => {
      let best: PageCell | undefined;
      for (const c of open) if (overlap(c, piece) > 0 && (!best || overlap(c, piece) > overlap(best, piece))) best = c;
      if (!best) return true;
      if (piece.text.replace(/\s+/g, "") !== best.text.replace(/\s+/g, "")) best.text = joinLines([best.text, piece.text]);
      else dropped?.push({ text: piece.text, kind: "repeated-cell", page: p + 2, bbox: roundBox(piece.box) });
      return false;
    });
    if (first.cells.length === 0) next.shift();
  }
  return pages;
}
