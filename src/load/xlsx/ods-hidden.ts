/**
 * Hidden sheets, rows and columns of an .ods, which SheetJS does not report:
 * read from content.xml, where a sheet is hidden by its table style
 * (table:display "false", in the automatic styles before the body), a row or
 * column with table:visibility "collapse" or "filter" is hidden, and
 * table:number-rows-repeated / table:number-columns-repeated stand for several.
 */
import { Parser } from "htmlparser2";
import { readZipEntry, type ZipEntry } from "../zip/index.js";

/** Per sheet name, whether the sheet itself is hidden, and its 0-based hidden rows and columns. */
export type HiddenParts = Map<string, { sheet: boolean; rows: Set<number>; cols: Set<number> }>;

/** Repeats past this are the "rest of the sheet" filler rows and columns an office writes; they hold nothing. */
const MAX_REPEAT = 100_000;

export function odsHiddenParts(bytes: Uint8Array, entries: readonly ZipEntry[], source: string, maxInflated: number): HiddenParts {
  const out: HiddenParts = new Map();
  const content = readZipEntry(bytes, entries, "content.xml", source, maxInflated);
  if (!content) return out;
  let current: { sheet: boolean; rows: Set<number>; cols: Set<number> } | null = null;
  // Table styles that hide the sheets using them, and the table style being read.
  const hiddenStyles = new Set<string>();
  let tableStyle: string | null = null;
  let row = 0;
  let col = 0;
  let depth = 0; // nesting of tables: only a sheet's own rows count
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === "style:style") {
          tableStyle = a["style:family"] === "table" ? (a["style:name"] ?? null) : null;
          return;
        }
        if (name === "style:table-properties") {
          if (tableStyle !== null && a["table:display"] === "false") hiddenStyles.add(tableStyle);
          return;
        }
        if (name === "table:table") {
          depth++;
          if (depth === 1) {
            current = { sheet: hiddenStyles.has(a["table:style-name"] ?? ""), rows: new Set(), cols: new Set() };
            out.set(a["table:name"] ?? "", current);
            row = 0;
            col = 0;
          }
          return;
        }
        if (!current || depth !== 1) return;
        const hidden = a["table:visibility"] === "collapse" || a["table:visibility"] === "filter";
        if (name === "table:table-row") {
          const n = Math.min(MAX_REPEAT, Number.parseInt(a["table:number-rows-repeated"] ?? "1", 10) || 1);
          if (hidden) for (let k = 0; k < n; k++) current.rows.add(row + k);
          row += n;
        } else if (name === "table:table-column") {
          const n = Math.min(MAX_REPEAT, Number.parseInt(a["table:number-columns-repeated"] ?? "1", 10) || 1);
          if (hidden) for (let k = 0; k < n; k++) current.cols.add(col + k);
          col += n;
        }
      },
      onclosetag(name) {
        if (name === "table:table") depth--;
        else if (name === "style:style") tableStyle = null;
      },
    },
    { xmlMode: true },
  );
  parser.write(new TextDecoder().decode(content));
  parser.end();
  return out;
}
