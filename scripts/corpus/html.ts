/**
 * A case as an HTML page for Chromium's print-to-PDF, the way web systems
 * print the form: the title and year line above a ruled <table>, level labels
 * as rowspan cells, rows free to split across pages (so merged cells and long
 * goals are cut by page ends), forced breaks as `break-before: page`, and,
 * when asked, the indicator header in a <thead> that Chromium repeats on
 * every page the table reaches.
 */
import type { GeneratingForm } from "./form.js";
import { formGrid, type GridCell, type GridRow } from "./grid.js";
import type { Rendering } from "./rendering.js";
import { columnWidths } from "./page.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function td(c: GridCell): string {
  const a = [c.colspan > 1 ? ` colspan="${c.colspan}"` : "", c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : "", ` class="${c.cls}"`].join("");
  return `<td${a}>${esc(c.text)}</td>`;
}

const BREAK = ` style="break-before: page"`;

function tr(row: GridRow, breakBefore: boolean): string {
  return `<tr${breakBefore ? BREAK : ""}>${row.cells.map(td).join("")}</tr>`;
}

function formHtml(f: GeneratingForm, index: number, o: Rendering): string {
  const rows = formGrid(f, o);
  const breaks = new Set(o.breaks.filter((b) => b.form === index).map((b) => b.row));
  const cols = `<colgroup>${columnWidths(o).map((w) => `<col style="width:${w}mm">`).join("")}</colgroup>`;
  const [title, year, ...table] = rows;
  const head =
    `<h1${breaks.has(0) ? BREAK : ""}>${esc(title!.cells[0]!.text)}</h1>` +
    `<p class="year"${breaks.has(1) ? BREAK : ""}>${esc(year!.cells[0]!.text)}</p>`;
  const at = (r: GridRow): number => rows.indexOf(r);
  const h = table.findIndex((r) => r.indicatorHeader);
  const cls = `form${o.formsPer === "page" && index > 0 ? " newpage" : ""}`;
  if (!o.repeatHeader || h < 0) {
    return `<div class="${cls}">${head}<table>${cols}<tbody>${table.map((r) => tr(r, breaks.has(at(r)))).join("\n")}</tbody></table></div>`;
  }
  const upper = table.slice(0, h);
  const header = table[h]!;
  const lower = table.slice(h + 1);
  return (
    `<div class="${cls}">${head}<table>${cols}<tbody>${upper.map((r) => tr(r, breaks.has(at(r)))).join("\n")}</tbody></table>` +
    `<table class="lower"${breaks.has(at(header)) ? BREAK : ""}>${cols}<thead>${tr(header, false)}</thead>` +
    `<tbody>${lower.map((r) => tr(r, breaks.has(at(r)))).join("\n")}</tbody></table></div>`
  );
}

/** The whole page for a case's forms. */
export function caseHtml(forms: GeneratingForm[], o: Rendering): string {
  const width = columnWidths(o).reduce((s, w) => s + w, 0);
  const css = `
    @page { size: A4 ${o.landscape ? "landscape" : "portrait"}; }
    body { font-family: "${o.font}"; font-size: ${o.fontSize}pt; margin: 0; }
    .form { margin-bottom: 10mm; }
    .newpage { break-before: page; }
    /* No bold: the CJK faces have no bold cut, and Skia would draw synthetic bold as Type 3 glyphs. */
    h1 { font-size: ${o.fontSize + 6}pt; font-weight: normal; text-align: center; margin: 0 0 2mm; }
    .year { text-align: center; margin: 0 0 3mm; }
    table { border-collapse: collapse; table-layout: fixed; width: ${width}mm; }
    table.lower { margin-top: -0.8pt; }
    td { border: 0.8pt solid #000; padding: 1.2mm 0.8mm; vertical-align: middle; text-align: center; line-height: 1.3; word-break: break-all; }
    td.text, td.plain { text-align: left; }
    td.num { text-align: right; }`;
  return (
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>项目支出绩效自评表</title><style>${css}</style></head>` +
    `<body>${forms.map((f, i) => formHtml(f, i, o)).join("\n")}</body></html>`
  );
}
