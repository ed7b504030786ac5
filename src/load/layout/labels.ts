/**
 * Row-group labels a producer prints again after a page break.
 *
 * LibreOffice Calc, Excel and WPS print a merged cell cut by a page break on
 * every page it reaches, so `项目资金(万元)` (or `年度总体目标`) stands once at
 * the foot of one page and again at the top of the next. The grammar reads a
 * second 项目资金 as the start of another funding block and cuts the form
 * there; the second print is the producer's repeat, not content.
 */
import type { DroppedText } from "../../model/ledger.js";
import { pieceText, type Draft } from "../pdf/layout/model.js";
import { WRAPPED_LABELS } from "../pdf/layout/vocabulary.js";

const norm = (t: string) => t.replace(/[（(]/g, "(").replace(/[）)]/g, ")");

/**
 * Drops a complete row-group label that repeats, on a later page, the same
 * label already read in the form in progress (rows after the last title).
 * Each dropped piece is named furniture (`repeated-cell`), quoted whole.
 */
export function dropRepeatedGroupLabels(drafts: Draft[], dropped: DroppedText[]): void {
  let seen = new Map<string, number>();
  for (const d of drafts) {
    if (d.pieces.some((p) => /自评表/.test(pieceText(p)))) seen = new Map();
    for (const p of [...d.pieces]) {
      // A piece may hold both prints, one per page (年度总体目标 / 年度总体目标 across the break).
      const pages = [...new Set(p.chunks.map((c) => c.page))].sort((a, b) => a - b);
      for (const page of pages) {
        const chunks = p.chunks.filter((c) => c.page === page);
        const text = norm(pieceText({ ...p, chunks }));
        if (!WRAPPED_LABELS.includes(text)) continue;
        const first = seen.get(text);
        if (first === undefined) {
          seen.set(text, page);
          continue;
        }
        if (page <= first) continue;
        p.chunks = p.chunks.filter((c) => !chunks.includes(c));
        for (const c of chunks) dropped.push({ text: c.text, kind: "repeated-cell", page: c.page, line: c.line });
      }
      if (p.chunks.length === 0) d.pieces.splice(d.pieces.indexOf(p), 1);
    }
  }
}
