/**
 * Renders a tab-separated form export (a fixtures/variants/ text) as the table
 * a department would print, so that each variant fixture has a PDF twin with
 * exactly its cells. Where html.ts draws forms from their Form JSON in the
 * seed's one layout, this keeps whatever layout the text has: extra columns
 * (指标性质, 计量单位), reordered funding columns, 元 labels, notes rows, a
 * 部门整体支出绩效自评表; so the PDF tests the same variant the text does.
 *
 * How a text becomes a page:
 * - a row whose only cell is a title (…自评表) or a year line opens a new
 *   table and prints above it, as a heading and a centred line;
 * - rows before a form's first table row that are not the title (附件2,
 *   填报单位：… 单位：万元) print as lines of text above the table;
 * - page furniture rows (- 1 -, 第 2 页，共 3 页, 3/3, and 附表3 / 单位：万元
 *   inside a table) are not drawn as rows: they mark a page break, and the
 *   page header/footer templates print such furniture on every page instead;
 * - in a row with at most three filled cells (项目名称, goals, 总分, notes),
 *   a filled cell spans the empty cells after it, as the merged cells of a
 *   printed form do; rows of amounts and indicators keep every cell, and so
 *   do the funding block's rows, whose blank cells are ruled empty cells;
 * - in the indicator table (from the 一级指标 header to 总分), an empty level
 *   cell joins the level label above it (rowspan), as in printed forms.
 */

/** One rendered block: text lines above a table, then the table's rows. */
interface Block {
  /** Lines printed before the title (附件2). */
  preamble: string[][];
  title: string | null;
  year: string | null;
  above: string[][];
  rows: GridRow[];
}

interface GridRow {
  cells: string[];
  /** A page break falls before this row (a furniture row stood there). */
  breakBefore: boolean;
}

const TITLE = /自评表$/;
const ATTACHMENT = /^附件\s*\d*$/;
const YEAR = /^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/;
// Whole-row furniture: page numbers, and 附表/单位 lines repeated at a page top.
const PAGE_FURNITURE = [/^-\s*\d+\s*-$/, /^第\s*\d+\s*页(?:[,，]?\s*共\s*\d+\s*页)?$/, /^\d+\s*\/\s*\d+$/, /^附表\s*\d*$/, /^单位[:：]\s*(?:万元|元)$/];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const filled = (cells: string[]): string[] => cells.filter((c) => c.trim() !== "");

/** Splits the text into forms: each title row starts one. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  let pendingBreak = false;
  const lines = text.split(/\r?\n/).map((l) => l.split("\t"));
  for (const cells of lines) {
    const full = filled(cells);
    if (full.length === 0) continue;
    const only = full.length === 1 ? full[0]!.trim() : null;
    if (only !== null && TITLE.test(only)) {
      // The title takes over a preamble block opened just before it.
      const preamble: string[][] = current && current.title === null && current.rows.length === 0 ? out.pop()!.preamble : [];
      current = { preamble, title: only, year: null, above: [], rows: [] };
      out.push(current);
      pendingBreak = false;
      continue;
    }
    if (!current || (only !== null && ATTACHMENT.test(only))) {
      // 附件2 and whatever precedes the next title print above that title.
      current = { preamble: [], title: null, year: null, above: [], rows: [] };
      out.push(current);
    }
    if (current.title === null && current.rows.length === 0) {
      current.preamble.push(full);
      continue;
    }
    if (only !== null && YEAR.test(only) && current.rows.length === 0) {
      current.year = only;
      continue;
    }
    if (only !== null && PAGE_FURNITURE.some((re) => re.test(only))) {
      if (current.rows.length > 0) pendingBreak = true;
      continue;
    }
    // 主管部门(盖章) … 单位：万元 (Shandong) prints above the table, where the department stamps it.
    if (current.rows.length === 0 && (full.length <= 2 || /盖章/.test(full[0]!)) && !/^项目名称|^部门名称/.test(full[0]!.trim())) {
      current.above.push(full);
      continue;
    }
    current.rows.push({ cells, breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return out;
}

/** Rowspans of the level columns (0 and 1) inside the indicator table. */
function levelSpans(rows: GridRow[]): Map<string, number> {
  const spans = new Map<string, number>();
  let inTable = false;
  const open: Array<{ row: number } | null> = [null, null];
  rows.forEach((r, i) => {
    const first = r.cells.find((c) => c.trim() !== "")?.trim() ?? "";
    if (/^一级\s*指标$/.test(first)) {
      inTable = true;
      open[0] = open[1] = null;
      return;
    }
    if (/^总分$|^总计$/.test(first) || filled(r.cells).length <= 3) {
      inTable = false;
      return;
    }
    if (!inTable) return;
    for (const col of [0, 1]) {
      const text = r.cells[col]?.trim() ?? "";
      // A page break ends a merged cell: the next page prints its own (empty) cell.
      if (text !== "" || r.breakBefore) {
        open[col] = { row: i };
        spans.set(`${i}:${col}`, 1);
        // A new level 1 closes the level 2 above it.
        if (col === 0) open[1] = null;
      } else if (open[col]) {
        const key = `${open[col]!.row}:${col}`;
        spans.set(key, spans.get(key)! + 1);
        spans.set(`${i}:${col}`, 0);
      }
    }
  });
  return spans;
}

/** Indexes of the funding block's rows: from its column header (年初预算…) to the goals or the indicator table. */
function fundingRows(rows: GridRow[]): Set<number> {
  const out = new Set<number>();
  let inside = false;
  rows.forEach((r, i) => {
    const cells = filled(r.cells).map((c) => c.replace(/\s+/g, ""));
    if (cells.some((c) => /^年初预算/.test(c))) {
      inside = true;
      // A second header row (年初预算 | 调整后预算数 under 年度预算数) keeps its cells under their columns.
      if (cells.length <= 3) out.add(i);
    }
    else if (cells.some((c) => /目标$|^一级指标$/.test(c))) inside = false;
    else if (inside) out.add(i);
  });
  return out;
}

function rowHtml(r: GridRow, i: number, width: number, spans: Map<string, number>, keepCells: boolean): string {
  const cells = [...r.cells, ...Array(Math.max(0, width - r.cells.length)).fill("")] as string[];
  const merge = !keepCells && filled(cells).length <= 3;
  const tds: string[] = [];
  for (let c = 0; c < width; c++) {
    const span = spans.get(`${i}:${c}`);
    if (span === 0) continue;
    const text = cells[c]!.trim();
    let colspan = 1;
    if (merge && text !== "") while (c + colspan < width && cells[c + colspan]!.trim() === "") colspan++;
    const numeric = /^[-(]?[\d,]+(?:\.\d+)?\)?%?$/.test(text);
    const attrs = [
      colspan > 1 ? ` colspan="${colspan}"` : "",
      span && span > 1 ? ` rowspan="${span}"` : "",
      numeric ? ` class="num"` : "",
    ].join("");
    tds.push(`<td${attrs}>${esc(text)}</td>`);
    c += colspan - 1;
  }
  const style = r.breakBefore ? ` style="break-before: page"` : "";
  return `<tr${style}>${tds.join("")}</tr>`;
}

function aboveHtml(lines: string[][]): string {
  return lines
    .map((cells) => (cells.length === 1
      ? `<p class="above">${esc(cells[0]!.trim())}</p>`
      : `<p class="above split${cells.length > 2 ? " lead" : ""}">${cells.map((c) => `<span>${esc(c.trim())}</span>`).join("")}</p>`))
    .join("");
}

/** Options of a grid rendering. */
export interface GridOptions {
  /** Start every form on a new page (Word's page break before each 自评表). */
  formPerPage: boolean;
}

const GRID_CSS = `
  @page { size: A4 landscape; }
  body { font-family: "AR PL UMing CN"; font-size: 9.5pt; margin: 0; }
  .form { margin-bottom: 10mm; }
  .form.page { break-before: page; }
  .form.page:first-child { break-before: auto; }
  h1 { font-family: "WenQuanYi Micro Hei"; font-size: 15pt; font-weight: normal; text-align: center; margin: 0 0 1.5mm; }
  .year { text-align: center; margin: 0 0 2mm; }
  p.above { margin: 0 0 1.5mm; }
  p.split { display: flex; justify-content: space-between; }
  p.split.lead { justify-content: flex-start; gap: 16mm; margin-top: 4mm; }
  p.split.lead span:last-child { margin-left: auto; }
  table { border-collapse: collapse; width: 100%; }
  td { border: 0.8pt solid #000; padding: 1.2mm 1mm; vertical-align: middle; text-align: center; line-height: 1.3; }
  td.num { text-align: right; }
  tr { break-inside: avoid; }`;

/** The HTML document of a variant text: one heading and table per form. */
export function gridHtml(text: string, docTitle: string, options: GridOptions): string {
  const body = blocks(text)
    .map((b) => {
      const width = Math.max(1, ...b.rows.map((r) => r.cells.length));
      const spans = levelSpans(b.rows);
      const funding = fundingRows(b.rows);
      const head = (b.title ? `<h1>${esc(b.title)}</h1>` : "") + (b.year ? `<p class="year">${esc(b.year)}</p>` : "");
      const rows = b.rows.map((r, i) => rowHtml(r, i, width, spans, funding.has(i))).join("\n");
      return `<div class="form${options.formPerPage ? " page" : ""}">${aboveHtml(b.preamble)}${head}` +
        `${aboveHtml(b.above)}<table><tbody>${rows}</tbody></table></div>`;
    })
    .join("\n");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(docTitle)}</title>` +
    `<style>${GRID_CSS}</style></head><body>${body}</body></html>`;
}
