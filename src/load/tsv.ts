import type { Row, Sheet } from "../model/sheet.js";

/**
 * A tab-separated export (like the seed) as a Sheet: a line is a row, a tab
 * separates cells, blank cells are left out (the others keep their column). Line endings LF, CRLF and CR are all accepted; a form feed
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
    // Blank cells carry nothing: they are left out, and the cells that remain
    // keep their column index.
    const cells = [];
    const parts = content.split("\t");
    for (let col = 0; col < parts.length; col++) {
      const t = parts[col]!;
      if (t !== "" && t.trim() !== "") cells.push({ text: t, col, page, line });
    }
    rows.push({ page, line, cells });
  }
  return { source, kind: "text-tsv", pages: page, rows };
}
