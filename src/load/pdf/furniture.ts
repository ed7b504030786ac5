/**
 * Page furniture: page numbers and running headers or footers. They sit
 * outside the tables and are not content; left in, they would land between the
 * rows of a table that continues on the next page.
 */
import type { DroppedText, FurnitureKind } from "../../model/ledger.js";
import type { PageRow } from "./rows.js";
import { round2, type Box } from "./geometry.js";

/** A box as the Sheet gives it: rounded to hundredths of a point. */
export function roundBox(b: Box): [number, number, number, number] {
  return [round2(b[0]), round2(b[1]), round2(b[2]), round2(b[3])];
}

const PAGE_NUMBER = [
  /^[-–—~·•\s]*\d{1,4}[-–—~·•\s]*$/u, // 1, - 1 -, — 12 —
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/u, // 第 1 页, 第1页 共3页
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/u, // 共3页 第1页
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u, // 1 / 3
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/iu, // Page 1 of 3
];

/** Lines that belong to a form even when they repeat at the top of every page. */
const FORM_TEXT = /自评表|^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/u;

/** A form's title line. */
const TITLE = /自评表/u;

/** Share of the page height, at the top and at the bottom, where headers and footers live. */
export const BAND = 0.12;

/** True for a page number in any of the usual Chinese and Latin shapes. */
export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

function rowText(row: PageRow): string {
  return row.cells.map((c) => c.text).join(" ").trim();
}

/** What stays equal between the copies of a running header: digits vary (page, date). */
export function key(text: string): string {
  return text.replace(/\s+/g, "").replace(/\d+/g, "#");
}

/**
 * Drops page numbers anywhere outside tables, and lines outside tables that
 * repeat in the top or bottom band of at least half the pages (two at least).
 * `heights[i]` and `bottoms[i]` describe page i's media box.
 */
export function dropFurniture(pages: PageRow[][], bottoms: number[], heights: number[], dropped?: DroppedText[]): PageRow[][] {
  const inBand = (row: PageRow, p: number) => {
    const h = heights[p]!, y0 = bottoms[p]!;
    const yTop = row.top;
    const yBottom = Math.min(...row.cells.map((c) => c.box[1]));
    return yTop >= y0 + h * (1 - BAND) || yBottom <= y0 + h * BAND;
  };
  const seen = new Map<string, Set<number>>();
  pages.forEach((rows, p) => {
    for (const row of rows) {
      if (row.table >= 0 || row.through || !inBand(row, p)) continue;
      const k = key(rowText(row));
      let s = seen.get(k);
      if (!s) seen.set(k, (s = new Set()));
      s.add(p);
    }
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((rows, p) => {
    // A line in the top band above the page's first form title is a running
    // header even when the document has a single page to compare with.
    const title = rows.find((r) => TITLE.test(rowText(r)));
    const drop = (row: PageRow, kind: FurnitureKind) => {
      if (dropped) for (const c of row.cells) dropped.push({ text: c.text, kind, page: p + 1, bbox: roundBox(c.box) });
      return false;
    };
    return rows.filter((row) => {
      if (row.table >= 0 || row.through) return true;
      const text = rowText(row);
      if (isPageNumber(text)) return drop(row, "page-number");
      if (FORM_TEXT.test(text) || !inBand(row, p)) return true;
      if (title && row.top > title.top && row.top >= bottoms[p]! + heights[p]! * (1 - BAND)) return drop(row, "running-header");
      return (seen.get(key(text))?.size ?? 0) < need || drop(row, "running-header");
    });
  });
}
