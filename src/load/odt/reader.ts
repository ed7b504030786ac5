/**
 * Reads the body of an OpenDocument text (content.xml) into blocks:
 * paragraphs and headings outside tables are lines; a table's cells are
 * placed by their position in the row, where a covered cell (the part of a
 * merged cell under its first row or column) holds its place, and a cell's
 * table:number-columns-spanned / number-rows-spanned are its span. A table
 * holding tables is a layout table, read as the HTML loader reads one.
 */
import { Parser } from "htmlparser2";
import { tidyLines, type Block, type GridCell } from "../blocks.js";

interface TableState {
  index: number;
  cells: GridCell[];
  /** Text and inner tables of each cell, in order, for a layout table. */
  parts: Map<GridCell, (string | Block[])[]>;
  row: number;
  col: number;
  cell: GridCell | null;
  nested: boolean;
}

const repeat = (v: string | undefined, max: number) => Math.max(1, Math.min(max, Number.parseInt(v ?? "1", 10) || 1));

/** Text is what lies in text:p and text:h; text:s, text:tab and text:line-break are spaces and a break; annotations are not text. */
export function readOdt(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let count = 0;
  let para = "";
  let inPara = 0;
  let skip = 0;
  const top = () => tables[tables.length - 1];

  const cellParts = (t: TableState) => (t.cell ? t.parts.get(t.cell)! : null);
  const endPara = () => {
    const t = top();
    const parts = t ? cellParts(t) : null;
    if (parts) parts.push(para + "\n");
    else if (!t) for (const line of tidyLines(para).split("\n")) if (line) blocks.push({ kind: "line", text: line });
    para = "";
  };
  const finish = (t: TableState): Block[] => {
    for (const c of t.cells) c.text = tidyLines(t.parts.get(c)!.filter((p): p is string => typeof p === "string").join(""));
    if (!t.nested) return [{ kind: "table", table: t.index, cells: t.cells }];
    const out: Block[] = [];
    for (const c of t.cells) {
      for (const p of t.parts.get(c)!) {
        if (typeof p !== "string") out.push(...p);
        else for (const line of tidyLines(p).split("\n")) if (line) out.push({ kind: "line", text: line, origin: { table: t.index, row: c.row, column: c.col } });
      }
    }
    return out;
  };

  const parser = new Parser(
    {
      onopentag(name, a) {
        if (skip > 0 || name === "office:annotation" || name === "text:tracked-changes") {
          skip++;
          return;
        }
        const t = top();
        switch (name) {
          case "text:p":
          case "text:h":
            inPara++;
            return;
          case "text:s":
            para += " ".repeat(repeat(a["text:c"], 100));
            return;
          case "text:tab":
            para += " ";
            return;
          case "text:line-break":
            para += "\n";
            return;
          case "table:table":
            if (t) {
              t.nested = true;
              cellParts(t)?.push(para);
            } else if (para.trim()) endPara();
            para = "";
            tables.push({ index: count++, cells: [], parts: new Map(), row: -1, col: 0, cell: null, nested: false });
            return;
          case "table:table-row":
            if (t) {
              t.row++;
              t.col = 0;
            }
            return;
          case "table:covered-table-cell":
            if (t) t.col += repeat(a["table:number-columns-repeated"], 1000);
            return;
          case "table:table-cell":
            if (t) {
              const g: GridCell = { text: "", row: t.row, col: t.col, rowSpan: repeat(a["table:number-rows-spanned"], 65534), colSpan: repeat(a["table:number-columns-spanned"], 1000) };
              t.cells.push(g);
              t.parts.set(g, []);
              t.cell = g;
              // A repeated cell is empty filler; it only holds its places.
              t.col += repeat(a["table:number-columns-repeated"], 1000);
            }
            return;
        }
      },
      ontext(data) {
        if (skip === 0 && inPara > 0) para += data;
      },
      onclosetag(name) {
        if (skip > 0) {
          skip--;
          return;
        }
        const t = top();
        switch (name) {
          case "text:p":
          case "text:h":
            inPara--;
            if (inPara === 0) endPara();
            return;
          case "table:table-cell":
            if (t) t.cell = null;
            return;
          case "table:table": {
            if (!t) return;
            tables.pop();
            const out = finish(t);
            const parent = top();
            const parts = parent ? cellParts(parent) : null;
            if (parts) parts.push(out);
            else blocks.push(...out);
            return;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return blocks;
}
