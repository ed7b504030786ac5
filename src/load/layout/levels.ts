/**
 * Level labels a producer prints again after a page break.
 *
 * LibreOffice Calc, Excel and WPS print a merged 一级/二级 cell cut by a page
 * break on each page it reaches: the label stands in the page's fragment of
 * the cell, so the same group shows its label twice, once per page. Placed as
 * two labels, the second starts a group of its own and the first group is
 * cut short (or, when the first page's fragment holds no row, the first print
 * takes the rows of the group above it). This pass keeps one print per cell.
 */
import type { DroppedText } from "../../model/ledger.js";
import type { Level, LevelTable } from "../pdf/layout/levels.js";
import { pieceText, type Draft } from "../pdf/layout/model.js";
import { isValue } from "../pdf/layout/vocabulary.js";

/** The first line of a page's rows at or above `line`, or `line` when none is: a print cut at a page's top stands above its rows. */
const firstLineOf = (rows: Draft[], page: number, line: number) => Math.min(line, ...rows.filter((r) => r.page === page).flatMap((r) => r.lines));
const pagesOf = (l: Level) => new Set(l.piece.chunks.map((c) => c.page));
/** A label is whole when it reads …指标 or ends its subtotal's bracket. */
const WHOLE = /指标$|[)）]$/;

/**
 * Joins the two prints of a level cell cut by a page break: label A, the last
 * of its level on its page, and label B, the first of that level on the next
 * page holding the table, read the same. They are one cell; Calc centres its
 * text on the whole cell, so the prints stand near the break on either side
 * of it, each where the cell's centre would be on its page; other producers
 * centre each print on its page's fragment. A is kept, marked as straddling
 * the break: its group must cross it, centred either way (see placeLevels);
 * B is named furniture (`repeated-cell`), quoted whole.
 */
export function joinReprintedLevels(tables: LevelTable[], drafts: Draft[], dropped: DroppedText[]): void {
  for (const table of tables) {
    const rows = drafts.filter((d) => Math.min(...d.lines) > table.header && Math.min(...d.lines) < table.end && d.pieces.some((p) => p.chunks.some(isValue)));
    const drop = new Set<Level>();
    for (const level of [1, 2] as const) {
      const labels = table.levels.filter((l) => l.level === level).sort((a, b) => a.first - b.first);
      for (let k = 0; k + 1 < labels.length; k++) {
        const a = labels[k]!;
        const b = labels[k + 1]!;
        const pa = pagesOf(a);
        const pb = pagesOf(b);
        // Each print lies on one page, B's on a later page than A's.
        if (pa.size !== 1 || pb.size !== 1 || drop.has(a)) continue;
        const [pageA] = [...pa];
        const [pageB] = [...pb];
        // The first print may be cut at the page's foot (可持续影 of 可持续影响指标): then the whole
        // second print is the cell's text, and the cut one is what is dropped.
        const ta = pieceText(a.piece);
        const tb = pieceText(b.piece);
        const cut = ta !== tb && !WHOLE.test(ta) && WHOLE.test(tb) && tb.startsWith(ta);
        // The second print may be cut at the next page's top instead, showing only the cell's last
        // line (分) of 产出指标(40分)): the first print is the cell's text.
        const clipped = ta !== tb && WHOLE.test(ta) && ta.endsWith(tb) && pieceText(b.piece).length < ta.length && b.first === firstLineOf(rows, pageB!, b.first);
        if (pageB! <= pageA! || (ta !== tb && !cut && !clipped)) continue;
        // Rows on both sides of the break, none on a page between (B is on the next page the table reaches).
        if (!rows.some((r) => r.page <= pageA!) || !rows.some((r) => r.page >= pageB!)) continue;
        if (rows.some((r) => r.page > pageA! && r.page < pageB!)) continue;
        const centre = (l: Level) => (l.first + l.last) / 2;
        a.straddles = { page: pageA!, next: pageB!, offset: centre(a) - centre(b), second: { first: b.first, last: b.last } };
        if (cut) [a.piece, b.piece] = [b.piece, a.piece];
        drop.add(b);
      }
    }
    if (drop.size === 0) continue;
    for (const l of drop) {
      for (const c of l.piece.chunks) dropped.push({ text: c.text, kind: "repeated-cell", page: c.page, line: c.line });
    }
    table.levels = table.levels.filter((l) => !drop.has(l));
  }
}
