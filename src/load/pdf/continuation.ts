/**
 * Tables that continue on the next page. Each page's grid is built on its
 * own, so a continued table is simply more rows; what remains is the header
 * row some producers print again at the top of the new page (HTML `thead`,
 * Excel "rows to repeat"). A repeat is not content: the seed's text export has
 * it once. Cells cut by the break are joined afterwards (stitch.ts).
 */
import type { DroppedText } from "../../model/ledger.js";
import type { PageRow } from "./cells.js";
import { roundBox } from "./furniture.js";

// Empty cells (fragments of cut cells, kept for stitching) are no part of a header's text.
const norm = (row: PageRow) => row.cells.filter((c) => c.text !== "").map((c) => c.text.replace(/\s+/g, "")).join("\t");

/**
 * Drops the first table row of a page when no text precedes it on that page
 * and it repeats, cell for cell, a table row of the previous page.
 */
export function dropRepeatedHeaders(pages: PageRow[][], dropped?: DroppedText[]): PageRow[][] {
  return pages.map((rows, p) => {
    if (p === 0) return rows;
    // Columns of a cut cell that this page does not rule (spill.ts) stand before its first row.
    const at = rows.findIndex((r) => !r.through);
    const first = rows[at];
    if (!first || first.table < 0) return rows;
    const key = norm(first);
    if (key === "" || key.includes("自评表")) return rows; // a new form's title row, in spreadsheet-style tables

    // Only the table in progress can repeat its header: when a new form's title
    // follows the previous page's tables, this page's first row starts that
    // form, even when it reads like the last form's (two forms of one 项目名称).
    const prev = pages[p - 1]!;
    const lastTitle = prev.map((r) => norm(r).includes("自评表")).lastIndexOf(true);
    const before = prev.slice(lastTitle + 1).filter((r) => r.table >= 0).map(norm);
    if (!before.includes(key)) return rows;
    if (dropped) for (const c of first.cells) dropped.push({ text: c.text, kind: "repeated-header", page: p + 1, bbox: roundBox(c.box) });
    return [...rows.slice(0, at), ...rows.slice(at + 1)];
  });
}
