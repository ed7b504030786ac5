/**
 * Stitching: the pages' table rows made into one continuous table before the
 * grammar sees them.
 *
 * Each page's grid is built on its own, so a table that goes on on the next
 * page is simply more rows — except for the cells the page break cut. A cut
 * cell is open at the page's bottom edge (cells.ts `continuesBelow`: the
 * table is cut, or no rule closes that one cell). Its text can be in its
 * fragment on each page it reaches, and outside the fragment's rules (under
 * it, over it on the next page, or on a page in between that rules nothing
 * in its column: spill.ts claims those lines for the cell). The pieces of
 * each page are joined into the one cell, which keeps the provenance of its
 * first piece. A piece on the next page is the rest of the text (a long goal,
 * a label whose lines the cut shared out), or the same text printed again
 * (LibreOffice Calc, Excel and WPS repeat a cut merged cell on every page it
 * reaches), or both: Calc paints the whole text block on each page, so the
 * lines near the cut are on both pages and the lines further off on one.
 * Pieces are therefore merged by their lines: the longest run of lines that
 * ends the text so far and starts the next piece is printed twice and kept
 * once (repeated-cell furniture).
 *
 * Page furniture and a repeated header row are gone before this runs
 * (furniture.ts, continuation.ts), so what follows the cut on the next page is
 * the table's next row. One mechanism serves every row kind: the grammar then
 * reads the stitched rows as if the form had never been cut.
 */
import type { DroppedText } from "../../model/ledger.js";
import type { CellLine, PageCell, PageRow } from "./rows.js";
import { closedCut } from "./closedcut.js";
import { roundBox } from "./furniture.js";
import { endsParagraph, joinLines } from "./join.js";
import { openAtFoot, textOf } from "./spill.js";

/** Slack in points when deciding that two cells share a column. */
const SLACK = 2;

const norm = (s: string) => s.replace(/\s+/g, "");

/** Horizontal overlap of two cells' frames; neighbours that share an edge (within SLACK) do not overlap. */
function overlap(a: PageCell, b: PageCell): number {
  const o = Math.min(a.frame[2], b.frame[2]) - Math.max(a.frame[0], b.frame[0]);
  return o > SLACK ? o : 0;
}

/** A cell's lines; a cell made without them is one line. */
function linesOf(c: PageCell): CellLine[] {
  return c.lines ?? (c.text === "" ? [] : [{ text: c.text, brk: false, box: c.box }]);
}

/** The longest k such that the last k lines of `a` are the first k of `b` (whitespace aside). */
function lineOverlap(a: readonly CellLine[], b: readonly CellLine[]): number {
  for (let k = Math.min(a.length, b.length); k > 0; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = norm(a[a.length - k + i]!.text) === norm(b[i]!.text);
    if (same) return k;
  }
  return 0;
}

/**
 * Adds a piece of a cut cell from a later page to the cell: taken as is when
 * the cell had no text yet; the lines it shares with the cell's end (a
 * repeat) left out; when it shares none, left out when its text equals the
 * cell's or ends it, taken instead of the cell's when it starts with the
 * cell's (the head printed again whole, 项目资金 then 项目资金(万元)), else
 * joined as the cell's next line, a paragraph's end when the cell's last
 * line ended short (join.ts endsParagraph).
 */
function addPiece(cell: PageCell, piece: PageCell, page: number, dropped?: DroppedText[]): void {
  const a = linesOf(cell), b = linesOf(piece);
  if (b.length === 0) return;
  const repeat = (text: string, box: PageCell["box"], p: number) => dropped?.push({ text, kind: "repeated-cell", page: p, bbox: roundBox(box) });
  const set = (lines: CellLine[], tailGap: number | undefined) => {
    cell.lines = lines;
    cell.text = textOf(lines, true);
    cell.tailGap = tailGap;
  };
  const k = a.length > 0 ? lineOverlap(a, b) : 0;
  const ta = norm(cell.text), tb = norm(piece.text);
  if (k > 0) {
    repeat(joinLines(b.slice(0, k).map((l) => l.text)), piece.box, page);
    if (k < b.length) set([...a.slice(0, -1), { ...a[a.length - 1]!, brk: b[k - 1]!.brk }, ...b.slice(k)], piece.tailGap);
  } else if (ta === "") {
    set(b, piece.tailGap);
  } else if (ta === tb || ta.endsWith(tb)) {
    repeat(piece.text, piece.box, page);
  } else if (tb.startsWith(ta)) {
    // The head printed again with the rest: the first print is the repeat.
    repeat(cell.text, cell.box, page);
    set(b, piece.tailGap);
  } else {
    set([...a.slice(0, -1), { ...a[a.length - 1]!, brk: endsParagraph(cell.tailGap ?? 0, b[0]!.text) }, ...b], piece.tailGap);
  }
}

/** One piece from the pieces of one page that continue one cell, top to bottom. */
function gather(pieces: readonly PageCell[]): PageCell {
  if (pieces.length === 1) return pieces[0]!;
  const lines = pieces.flatMap(linesOf);
  const last = pieces[pieces.length - 1]!;
  return { ...last, text: textOf(lines, true), lines, box: pieces[0]!.box, continuesBelow: pieces.some((p) => p.continuesBelow) };
}

/**
 * Joins the cells that page breaks cut (see the module comment) and drops
 * the cells and rows left empty. Mutates and returns `pages`.
 */
export function stitchPages(pages: PageRow[][], dropped?: DroppedText[]): PageRow[][] {
  // A cell joined into one on an earlier page hands its openness on to that one.
  const into = new Map<PageCell, PageCell>();
  const target = (c: PageCell) => into.get(c) ?? c;
  // Taken before any piece leaves its row: a piece that goes on again is open at its own page's foot.
  const opens = pages.map(openAtFoot);
  for (let p = 0; p + 1 < pages.length; p++) {
    stitchOpen(pages, p, opens[p]!, target, into, dropped);
    // A row closed by rules at the cut (a word processor's split row): its rest stands in the next page's first row.
    const cut = closedCut(pages[p]!, pages[p + 1]!);
    const first = pages[p + 1]!.find((r) => !r.through);
    for (const [c, piece] of cut) addPiece(target(c), piece, p + 2, dropped);
    if (first && cut.length > 0) first.cells = first.cells.filter((c) => !cut.some(([, piece]) => piece === c));
  }
  return pages.map((rows) =>
    rows.flatMap((r) => {
      const cells = r.cells.filter((c) => c.text !== "");
      return cells.length > 0 ? [{ ...r, cells }] : [];
    }),
  );
}

/** Joins into the cells open at the foot of page `p` their pieces on the next page (see stitchPages). */
function stitchOpen(
  pages: PageRow[][],
  p: number,
  open: readonly PageCell[],
  target: (c: PageCell) => PageCell,
  into: Map<PageCell, PageCell>,
  dropped?: DroppedText[],
): void {
  if (open.length === 0) return;
  // The pieces on the next page: the columns that page does not rule, and the first row of its first
  // table when nothing but those columns stands above it.
  const next = pages[p + 1]!;
  const pieces = next.filter((r) => r.through).flatMap((r) => r.cells);
  const first = next.find((r) => !r.through);
  // A cell there goes on from this page when no rule closes its top, or when the only rule is that of
  // a repeated header; a cell under a rule of its own (总分 under a level column left open) starts anew.
  if (first && first.table >= 0) pieces.push(...first.cells.filter((c) => c.continuesAbove || first.afterRepeat));
  const byCell = new Map<PageCell, PageCell[]>();
  const taken = new Set<PageCell>();
  for (const piece of pieces) {
    let best: PageCell | undefined;
    for (const c of open) if (overlap(c, piece) > 0 && (!best || overlap(c, piece) > overlap(best, piece))) best = c;
    if (!best) continue;
    byCell.set(best, [...(byCell.get(best) ?? []), piece]);
    taken.add(piece);
  }
  for (const [c, ps] of byCell) {
    const cell = target(c);
    const piece = gather(ps);
    addPiece(cell, piece, p + 2, dropped);
    for (const x of ps) if (x.continuesBelow) into.set(x, cell);
  }
  for (const r of next) if (r.through || r === first) r.cells = r.cells.filter((c) => !taken.has(c));
}
