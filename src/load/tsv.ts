import type { Cell, Row, Sheet, SheetStream } from "../model/sheet.js";

/**
 * A tab-separated export (like the seed) as a Sheet: a line is a row, a tab
 * separates cells, blank cells are left out (the others keep their column).
 * Line endings LF, CRLF and CR are all accepted; a form feed starts a new
 * page, as pdftotext writes them.
 */
export function tsvToSheet(text: string, source: string): Sheet {
  const stream = tsvSheetStream(text, source);
  return { ...stream, rows: [...stream.rows] };
}

/**
 * The same Sheet with its rows made as they are read, so that a large export
 * is never held as cells all at once (see recogniseParts).
 */
export function tsvSheetStream(text: string, source: string): SheetStream {
  let pages = 1;
  for (let i = text.indexOf("\f"); i >= 0; i = text.indexOf("\f", i + 1)) pages++;
  return { source, kind: "text-tsv", pages, rows: tsvRows(text) };
}

/** True for the characters JavaScript's \s matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** True when text[from, to) holds something other than whitespace. */
function hasContent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

// Cells are cut straight out of the whole text, without a string per line in
// between: at hundreds of thousands of cells, every allocation counts.
function* tsvRows(text: string): Generator<Row> {
  const n = text.length;
  // Without a \r anywhere, the engine's own search finds each line end.
  const lfOnly = !text.includes("\r");
  let page = 1;
  let line = 0;
  let nextFeed = text.indexOf("\f");
  let start = 0;
  const scratch: Cell[] = [];
  while (start <= n) {
    // The next line end: \n, \r\n or \r.
    let end = start;
    let c = 0;
    if (lfOnly) {
      end = text.indexOf("\n", start);
      if (end < 0) end = n;
    } else {
      while (end < n && (c = text.charCodeAt(end)) !== 10 && c !== 13) end++;
    }
    line++;
    const lineStart = start;
    start = end === n ? n + 1 : end + (c === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    if (nextFeed >= 0 && nextFeed < end) {
      yield* feedLine(text.slice(lineStart, end), page, line);
      for (; nextFeed >= 0 && nextFeed < end; nextFeed = text.indexOf("\f", nextFeed + 1)) page++;
      continue;
    }
    if (!hasContent(text, lineStart, end)) continue;
    // Blank cells carry nothing: they are left out, and the cells that remain
    // keep their column index.
    // Gathered in one array kept for every line, then copied at its size:
    // growing a fresh array push by push cost more than the cells.
    scratch.length = 0;
    let col = 0;
    for (let from = lineStart; ; col++) {
      let tab = text.indexOf("\t", from);
      if (tab < 0 || tab > end) tab = end;
      if (hasContent(text, from, tab)) scratch.push({ text: text.slice(from, tab), col, page, line });
      if (tab === end) break;
      from = tab + 1;
    }
    yield { page, line, cells: scratch.slice() };
  }
}

// A line with form feeds in it: the rare case, read the plain way. Its cells
// are on the page the last feed starts.
function* feedLine(raw: string, pageBefore: number, line: number): Generator<Row> {
  const page = pageBefore + raw.split("\f").length - 1;
  const content = raw.replaceAll("\f", "");
  if (!hasContent(content, 0, content.length)) return;
  const cells: Cell[] = [];
  content.split("\t").forEach((t, col) => {
    if (hasContent(t, 0, t.length)) cells.push({ text: t, col, page, line });
  });
  yield { page, line, cells };
}
