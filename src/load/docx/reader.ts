/**
 * Reads the body of a Word document (word/document.xml) into blocks:
 * paragraphs outside tables are lines, and each table's rows are placed on
 * its grid — w:gridBefore skips grid columns, w:gridSpan widens a cell,
 * w:vMerge="restart" opens a merged cell that each w:vMerge (continue) below
 * it extends by a row. A table holding tables is a layout table, read as
 * the HTML loader reads one. Of an mc:AlternateContent (how Word writes a
 * text box: a DrawingML shape, then the same box in VML for older readers)
 * the choice is read; its fallback, a second copy of the same text, only
 * when the choice held no text.
 */
import { Parser } from "htmlparser2";
import { tidyLines, type Block, type GridCell } from "../blocks.js";

interface CellState {
  col: number;
  colSpan: number;
  /** "restart", "continue" or null (no vertical merge). */
  vMerge: "restart" | "continue" | null;
  parts: (string | Block[])[];
  text: string;
}

interface TableState {
  index: number;
  rows: CellState[][];
  row: CellState[] | null;
  /** Grid column where the next cell of the row starts. */
  nextCol: number;
  cell: CellState | null;
  nested: boolean;
}

/** The text of w:t, w:tab and w:br in a paragraph; deleted text (w:delText) and field codes (w:instrText) are not text. */
export function readDocx(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let tableCount = 0;
  let para = "";
  let inText = false;
  // Runs of text read so far, to tell whether an mc:Choice held any.
  let textRuns = 0;
  const choices: { runsBefore: number; hadText: boolean }[] = [];
  // Depth inside an mc:Fallback that is skipped: the copy of a choice already read.
  let skipping = 0;
  const top = () => tables[tables.length - 1];

  const finishTable = (t: TableState): Block[] => {
    const placed: GridCell[] = [];
    const open = new Map<number, GridCell>(); // grid column → merged cell still open above
    const out: Block[] = [];
    t.rows.forEach((cells, r) => {
      const seen = new Set<number>();
      for (const c of cells) {
        const text = tidyLines(c.parts.filter((p): p is string => typeof p === "string").join(""));
        if (c.vMerge === "continue") {
          const above = open.get(c.col);
          if (above) {
            above.rowSpan++;
            seen.add(c.col);
            // Text in a continuation cell is rare but real: it joins the merged cell, not lost.
            if (text) above.text = above.text ? `${above.text}\n${text}` : text;
            continue;
          }
        }
        const g: GridCell = { text, row: r, col: c.col, rowSpan: 1, colSpan: c.colSpan };
        placed.push(g);
        if (c.vMerge === "restart") {
          open.set(c.col, g);
          seen.add(c.col);
        }
      }
      for (const col of [...open.keys()]) if (!seen.has(col)) open.delete(col);
    });
    if (!t.nested) {
      out.push({ kind: "table", table: t.index, cells: placed });
      return out;
    }
    t.rows.forEach((cells, r) =>
      cells.forEach((c) => {
        for (const part of c.parts) {
          if (typeof part !== "string") {
            out.push(...part);
            continue;
          }
          const text = tidyLines(part);
          if (text) for (const line of text.split("\n")) out.push({ kind: "line", text: line, origin: { table: t.index, row: r, column: c.col } });
        }
      }),
    );
    return out;
  };

  const endParagraph = () => {
    const t = top();
    if (t?.cell) {
      t.cell.text += para + "\n";
    } else {
      const text = tidyLines(para);
      if (text) for (const line of text.split("\n")) blocks.push({ kind: "line", text: line });
    }
    para = "";
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipping > 0) {
          if (name === "mc:Fallback") skipping++;
          return;
        }
        const t = top();
        switch (name) {
          case "mc:AlternateContent":
            choices.push({ runsBefore: textRuns, hadText: false });
            return;
          case "mc:Fallback": {
            const alt = choices[choices.length - 1];
            if (alt && (alt.hadText || textRuns > alt.runsBefore)) skipping = 1;
            return;
          }
          case "w:t":
            inText = true;
            return;
          case "w:tab":
            para += " ";
            return;
          case "w:br":
          case "w:cr":
            para += "\n";
            return;
          case "w:tbl":
            if (para.trim() !== "") endParagraph();
            para = "";
            if (t) {
              t.nested = true;
              if (t.cell) {
                t.cell.parts.push(t.cell.text);
                t.cell.text = "";
              }
            }
            tables.push({ index: tableCount++, rows: [], row: null, nextCol: 0, cell: null, nested: false });
            return;
          case "w:tr":
            if (t) {
              t.row = [];
              t.nextCol = 0;
            }
            return;
          case "w:gridBefore":
            if (t) t.nextCol += Math.max(0, Number.parseInt(attribs["w:val"] ?? "0", 10) || 0);
            return;
          case "w:tc":
            if (t) {
              if (!t.row) t.row = [];
              t.cell = { col: t.nextCol, colSpan: 1, vMerge: null, parts: [], text: "" };
              t.row.push(t.cell);
            }
            return;
          case "w:gridSpan":
            if (t?.cell) t.cell.colSpan = Math.max(1, Math.min(1000, Number.parseInt(attribs["w:val"] ?? "1", 10) || 1));
            return;
          case "w:vMerge":
            if (t?.cell) t.cell.vMerge = attribs["w:val"] === "restart" ? "restart" : "continue";
            return;
        }
      },
      ontext(data) {
        if (inText && skipping === 0) {
          para += data;
          textRuns++;
        }
      },
      onclosetag(name) {
        if (skipping > 0) {
          if (name === "mc:Fallback") skipping--;
          return;
        }
        const t = top();
        switch (name) {
          case "mc:Choice": {
            const alt = choices[choices.length - 1];
            if (alt && textRuns > alt.runsBefore) alt.hadText = true;
            return;
          }
          case "mc:AlternateContent":
            choices.pop();
            return;
          case "w:t":
            inText = false;
            return;
          case "w:p":
            endParagraph();
            return;
          case "w:tc":
            if (t?.cell) {
              if (para) endParagraph();
              t.cell.parts.push(t.cell.text);
              t.nextCol = t.cell.col + t.cell.colSpan;
              t.cell = null;
            }
            return;
          case "w:tr":
            if (t?.row) t.rows.push(t.row);
            if (t) t.row = null;
            return;
          case "w:tbl": {
            if (!t) return;
            tables.pop();
            const out = finishTable(t);
            const parent = top();
            if (parent?.cell) parent.cell.parts.push(out);
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
  if (para.trim() !== "") endParagraph();
  return blocks;
}
