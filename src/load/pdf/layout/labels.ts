/**
 * Row-group labels and header alignment in pdftotext text (step 5 of the
 * re-assembly).
 */
import type { DroppedText } from "../../../model/ledger.js";
import { overlaps, pieceText, type Chunk, type Draft } from "./model.js";
import { HEADERS, WRAPPED_LABELS } from "./vocabulary.js";

/**
 * A row-group label (项目资金(万元) beside the funding rows, 年度总体目标 beside
 * the goals) is printed centred on its group, so it lands on a middle row; it
 * belongs on the group's header row (the seed's export puts it there). It
 * moves up to the nearest header row above it, within five rows.
 */
export function hoistGroupLabels(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    for (const p of [...d.pieces]) {
      if (!WRAPPED_LABELS.includes(pieceText(p))) continue;
      if (d.pieces.some((q) => HEADERS.has(pieceText(q)))) continue; // already on its header row
      for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
        const up = drafts[k]!;
        if (!up.pieces.some((q) => HEADERS.has(pieceText(q)))) continue;
        if (up.pieces.some((q) => overlaps(q, p))) break;
        d.pieces.splice(d.pieces.indexOf(p), 1);
        up.pieces.push(p);
        break;
      }
    }
  });
}

/**
 * A label cell printed over several rows (年度/总体/目标 beside a header and
 * its text) is split between them: its first piece takes the pieces below it,
 * in the same column, that continue it to a whole label, line by line. When a
 * page break cut the cell and the producer printed it again on the next page
 * (LibreOffice Calc, Excel and WPS do), the lines there that spell the label
 * once more are that repeat, not text: they are dropped, as a repeated header
 * row is.
 */
/** A label no longer label goes on from. */
const complete = (text: string) => WRAPPED_LABELS.includes(text) && !WRAPPED_LABELS.some((l) => l !== text && l.startsWith(text));

export function completeWrappedLabels(drafts: Draft[], dropped?: DroppedText[]): void {
  drafts.forEach((d, i) => {
    for (const p of d.pieces) {
      let text = pieceText(p);
      if (!WRAPPED_LABELS.some((l) => l.startsWith(text) && l !== text)) continue;
      const page = Math.min(...p.chunks.map((c) => c.page));
      let repeat = "";
      for (let k = i + 1; k < Math.min(drafts.length, i + 4); k++) {
        const below = drafts[k]!;
        const q = below.pieces.find((r) => overlaps(r, p));
        if (!q) continue;
        const chunks = [...q.chunks].sort((a, b) => a.line - b.line || a.c0 - b.c0);
        const left: Chunk[] = [];
        for (const c of chunks) {
          const t = c.text.replace(/\s+/g, "");
          if (repeat === "" && WRAPPED_LABELS.some((l) => l.startsWith(text + t))) {
            p.chunks.push(c);
            text += t;
          } else if (WRAPPED_LABELS.includes(text) && c.page > page && text.startsWith(repeat + t)) {
            repeat += t; // the cut cell printed again
            dropped?.push({ text: c.text, kind: "repeated-cell", page: c.page, line: c.line });
          } else {
            left.push(c);
          }
        }
        if (left.length === chunks.length) break;
        if (left.length === 0) below.pieces.splice(below.pieces.indexOf(q), 1);
        else q.chunks = left;
        if (complete(text) && (repeat === "" || repeat === text) && left.length > 0) break;
      }
    }
  });
}

/** A text cell under a header cell it overlaps takes the header's column when that starts further right. */
export function alignUnderHeaders(drafts: Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const above = drafts[i - 1]!;
    for (const p of drafts[i]!.pieces) {
      const h = above.pieces.find((q) => HEADERS.has(pieceText(q)) && overlaps(q, p));
      if (h && h.c0 > p.c0) p.c0 = h.c0;
    }
  }
}
