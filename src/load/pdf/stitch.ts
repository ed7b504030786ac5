/**
 * Stitching: the pages' table rows made into one continuous table before the
 * grammar sees them.
 *
 * Each page's grid is built on its own, so a table that goes on on the next
 * page is simply more rows — except for the cells the page break cut. A cut
 * cell is open at the page's bottom edge (cells.ts `continuesBelow`: the
 * table is cut, or no rule closes that one cell). Its text can end up in
 * three places, depending on the producer, and all three are joined back
 * into the one cell it belongs to, which keeps the provenance of its first
 * piece:
 *
 * 1. inside the cell's fragment on the first page (the usual case);
 * 2. below the table on the first page, outside every rule: Chromium paints
 *    the text of a cut merged cell under the fragment when the fragment is
 *    shorter than the text (项目资金 / (万元) under a one-row fragment);
 * 3. in the cell's fragment at the top of the next page (or spilling over
 *    its top edge, above the table): the rest of the text (a long goal, a
 *    label whose lines the cut shared out), or the same text printed again
 *    (LibreOffice Calc, Excel and WPS repeat a cut merged cell on every page
 *    it reaches).
 *
 * Page furniture and a repeated header row are gone before this runs
 * (furniture.ts, continuation.ts), so what follows the cut on the next page is
 * the table's next row. One mechanism serves every row kind: the grammar then
 * reads the stitched rows as if the form had never been cut.
 */
import type { DroppedText } from "../../model/ledger.js";
import type { PageCell, PageRow } from "./cells.js";
import { roundBox } from "./furniture.js";
import { endsParagraph, joinLines } from "./join.js";

/** Slack in points when deciding that a line sits under a cell. */
const SLACK = 2;

const norm = (s: string) => s.replace(/\s+/g, "");

/** Horizontal overlap of two cells' frames; neighbours that share an edge (within SLACK) do not overlap. */
function overlap(a: PageCell, b: PageCell): number {
  const o = Math.min(a.frame[2], b.frame[2]) - Math.max(a.frame[0], b.frame[0]);
  return o > SLACK ? o : 0;
}

/**
 * Adds a piece of text to a cut cell: taken as is when the cell had none yet,
 * left out when it repeats the cell (or the cell's text is its head, printed
 * whole again), else joined as the cell's next line — a paragraph's end when
 * the cell's last line ended short (join.ts endsParagraph).
 */
function addPiece(cell: PageCell, piece: Pick<PageCell, "text" | "box">, page: number, dropped?: DroppedText[]): void {
  const text = piece.text;
  const a = norm(cell.text), b = norm(text);
  if (b === "") return;
  if (a === b) {
    dropped?.push({ text, kind: "repeated-cell", page, bbox: roundBox(piece.box) });
    return;
  }
  if (a === "" || b.startsWith(a)) {
    // The head printed again with the rest: the first print is the repeat.
    if (a !== "") dropped?.push({ text: cell.text, kind: "repeated-cell", page, bbox: roundBox(cell.box) });
    cell.text = text;
    return;
  }
  cell.text = joinLines([cell.text, text], [endsParagraph(cell.tailGap ?? 0, text)]);
}

/** The open cell a loose line's piece lies under, horizontally. */
function home(open: readonly PageCell[], piece: PageCell): PageCell | undefined {
  return open.find((c) => piece.box[0] >= c.frame[0] - SLACK && piece.box[2] <= c.frame[2] + SLACK);
}

/**
 * Lines at the top of a page, above its first table, each piece over a
 * fragment of a cut cell (`continuesAbove`), are that fragment's first lines:
 * LibreOffice Calc draws a cut merged cell's text whole around each page's
 * fragment, so a short fragment's text spills over its top edge. A new
 * form's table is closed at the top, so its title never qualifies.
 */
function takeLinesAbove(rows: PageRow[]): void {
  const t = rows.findIndex((r) => r.table >= 0);
  if (t <= 0) return;
  const above = rows[t]!.cells.filter((c) => c.continuesAbove);
  if (above.length === 0) return;
  const lead = rows.slice(0, t);
  if (!lead.every((r) => r.cells.every((c) => home(above, c)))) return;
  for (const cell of above) {
    const texts = lead.flatMap((r) => r.cells.filter((c) => home(above, c) === cell).map((c) => c.text));
    if (texts.length > 0) cell.text = joinLines([...texts, cell.text]);
  }
  rows.splice(0, t);
}

/**
 * Joins the cells that page breaks cut (see the module comment) and drops
 * the cells and rows left empty. Mutates and returns `pages`.
 */
export function stitchPages(pages: PageRow[][], dropped?: DroppedText[]): PageRow[][] {
  // A cell joined into one on an earlier page hands its openness on to that one.
  const into = new Map<PageCell, PageCell>();
  const target = (c: PageCell) => into.get(c) ?? c;
  for (let p = 0; p + 1 < pages.length; p++) {
    const rows = pages[p]!;
    const last = Math.max(-1, ...rows.map((r) => r.table));
    if (last < 0) continue;
    const lastRows = rows.filter((r) => r.table === last);
    const open = lastRows.flatMap((r) => r.cells.filter((c) => c.continuesBelow));
    if (open.length === 0) continue;

    // 2. Lines under the table, each piece under a cut cell, are that cell's text.
    const bottom = Math.min(...lastRows.flatMap((r) => r.cells.map((c) => c.frame[1])));
    pages[p] = rows.filter((r) => {
      // The line reaches below the table's last rule (its top may overlap it).
      if (r.table >= 0 || Math.min(...r.cells.map((c) => c.box[1])) >= bottom) return true;
      const homes = r.cells.map((c) => home(open, c));
      if (homes.some((h) => !h)) return true;
      r.cells.forEach((c, i) => addPiece(target(homes[i]!), c, p + 1, dropped));
      return false;
    });

    // 3. The first table row of the next page holds the cut cells' fragments, with any
    //    lines over them that the producer painted above the table (the mirror of 2).
    const next = pages[p + 1]!;
    takeLinesAbove(next);
    const first = next[0];
    if (!first || first.table < 0) continue;
    first.cells = first.cells.filter((piece) => {
      let best: PageCell | undefined;
      for (const c of open) if (overlap(c, piece) > 0 && (!best || overlap(c, piece) > overlap(best, piece))) best = c;
      if (!best) return true;
      const cell = target(best);
      addPiece(cell, piece, p + 2, dropped);
      if (piece.continuesBelow) into.set(piece, cell);
      return false;
    });
  }
  return pages.map((rows) =>
    rows.flatMap((r) => {
      const cells = r.cells.filter((c) => c.text !== "");
      return cells.length > 0 ? [{ ...r, cells }] : [];
    }),
  );
}
