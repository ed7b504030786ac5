/**
 * Page furniture in pdftotext text: page numbers and running headers.
 */
import type { DroppedText, FurnitureKind } from "../../../model/ledger.js";
import { isPageNumber } from "../furniture.js";
import type { Chunk } from "./model.js";
import { HEADERS } from "./vocabulary.js";

/** Drops page numbers and running headers (the first line of pages, repeated). */
export function dropFurniture(lines: Chunk[][], dropped?: DroppedText[]): Chunk[][] {
  const firstOfPage = new Map<number, number>();
  lines.forEach((cs, i) => {
    const c = cs[0];
    if (c && !firstOfPage.has(c.page)) firstOfPage.set(c.page, i);
  });
  const edge = new Set<number>(firstOfPage.values());
  lines.forEach((cs, i) => {
    const next = lines.slice(i + 1).find((l) => l.length > 0);
    if (cs.length > 0 && (!next || next[0]!.page !== cs[0]!.page)) edge.add(i);
  });
  const key = (cs: Chunk[]) => cs.map((c) => c.text).join("").replace(/\d+/g, "#");
  const counts = new Map<string, number>();
  for (const i of firstOfPage.values()) counts.set(key(lines[i]!), (counts.get(key(lines[i]!)) ?? 0) + 1);
  const pages = firstOfPage.size;
  // A page's first line that is its running header: repeated on every other page or more, or
  // above the document's first title (once a form is in progress, the first line of a later page
  // may be its last row: 评分等级 优 above the next form's title).
  const isRunningHeader = (i: number): boolean => {
    const cs = lines[i]!;
    const text = cs.map((c) => c.text).join(" ");
    // A table header repeated atop every page is the table's (dropRepeatedHeaderLines keeps its first print).
    if (/自评表/.test(text) || cs.some((c) => HEADERS.has(c.text.replace(/\s+/g, "")))) return false;
    const repeated = pages >= 2 && (counts.get(key(cs)) ?? 0) >= Math.max(2, Math.ceil(pages / 2));
    const formBefore = lines.slice(0, i).some((l) => l.some((c) => /自评表/.test(c.text)));
    const aboveTitle = !formBefore && lines.slice(i + 1, i + 6).some((l) => l.some((c) => /自评表/.test(c.text)));
    return repeated || aboveTitle;
  };
  const headerKeys = new Set([...firstOfPage.values()].filter(isRunningHeader).map((i) => key(lines[i]!)));
  // Calc prints a merged cell cut by the page break again at the page's top, above the running
  // header (项目资金(万 / 元) / 县农业农村局 项目支出绩效自评结果): among a page's first three
  // lines, one reading as a running header found on a page's first line is that header too.
  const top = new Set<number>();
  const seen = new Map<number, number>();
  lines.forEach((cs, i) => {
    const c = cs[0];
    if (!c) return;
    seen.set(c.page, (seen.get(c.page) ?? 0) + 1);
    if (seen.get(c.page)! <= 3) top.add(i);
  });
  return lines.map((cs, i) => {
    const text = cs.map((c) => c.text).join(" ");
    // A bare number is a page number only as a page's first or last line; elsewhere it is a
    // wrapped piece of a cell (2,584.5 / 2). Decorated numbers (- 2 -, 第 2 页) go anywhere.
    const bare = /^\d+$/.test(text.trim());
    const drop = (kind: FurnitureKind) => {
      if (dropped) for (const c of cs) dropped.push({ text: c.text, kind, page: c.page, line: c.line });
      return [];
    };
    if (cs.length > 0 && isPageNumber(text) && (!bare || edge.has(i))) return drop("page-number");
    if (firstOfPage.get(cs[0]?.page ?? -1) === i ? isRunningHeader(i) : top.has(i) && headerKeys.has(key(cs))) return drop("running-header");
    return cs;
  });
}
