import type { Row, Sheet } from "../model/sheet.js";

/**
 * A tab-separated export (like the seed) as a Sheet: a line is a row, a tab
 * separates cells. Line endings LF, CRLF and CR are all accepted; a form feed
 * starts a new page, as pdftotext writes them.
 */
export function tsvToSheet(text: string, source: string): Sheet {
  const rows: Row[] = [];
  let page = 1;
  let line = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    line++;
    let content = raw;
    if (content.includes("\f")) {
      page += content.split("\f").length - 1;
      content = content.replace(/\f/g, "");
    }
    if (content.trim() === "") continue;
    const cells = content.split("\t").map((t, col) => ({ text: t, col, page, line }));
    rows.push({ page, line, cells });
  }
  return { source, kind: "text-tsv", pages: page, rows };
}
