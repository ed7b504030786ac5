/**
 * A case as a flat OpenDocument spreadsheet (.fods) for LibreOffice Calc to
 * print, the way spreadsheet exports of the form are made: one sheet, every
 * form as merged, bordered, wrapping cells; column widths in mm; forced page
 * breaks as row breaks; in a single-form case the indicator header may be
 * Calc's row to repeat at the top of every page. Calc then breaks pages between rows wherever the page
 * ends and prints a merged cell cut by a break again on the next page.
 *
 * Row heights are written out (estimated from the text), because Calc's
 * optimal row height ignores merged cells, and a wrapped goal in a merged
 * cell would otherwise be clipped to one line.
 */
import type { GeneratingForm } from "./form.js";
import { formGrid, COLUMNS, type GridCell, type GridRow } from "./grid.js";
import type { Rendering } from "./rendering.js";
import { columnWidths, MARGIN } from "./page.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const PT = 0.3528; // mm per point

/** Width of a character in ems: CJK and full-width characters one, the rest about half. */
const ems = (ch: string): number => (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.6);

/**
 * Lines a text wraps to in a cell `width` mm wide, wrapping greedily at any
 * character as Calc does for CJK. Generous on purpose (a character a little
 * wider than its em, 2 mm of padding): a row too tall only looks roomy, a row
 * too short makes Calc spill a label out of its cell, and the form unreadable.
 */
function wrappedLines(text: string, width: number, size: number): number {
  const em = size * PT * 1.08;
  const room = Math.max(em, width - 2);
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = ems(ch) * em;
    if (used + w > room) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/** Estimated height in mm a cell needs, spread over its rows. */
function cellHeight(c: GridCell, widths: number[], size: number): number {
  const w = widths.slice(c.col, c.col + c.colspan).reduce((s, x) => s + x, 0);
  const pt = c.cls === "title" ? size + 6 : size;
  return (wrappedLines(c.text, w, pt) * pt * PT * 1.5 + 2) / c.rowspan;
}

function cellStyle(c: GridCell): string {
  switch (c.cls) {
    case "title": return "title";
    case "year": return "year";
    case "num": return "num";
    case "text": case "plain": return "left";
    case "lvl": return "lvl";
    default: return "lab";
  }
}

interface SheetRow {
  height: number;
  breakBefore: boolean;
  xml: string;
  /** The indicator header, printed again at the top of every later page (Calc's rows to repeat). */
  repeat?: boolean;
}

function rowXml(row: GridRow): string {
  const out: string[] = [];
  const byCol = new Map(row.cells.map((c) => [c.col, c]));
  for (let col = 0; col < COLUMNS; ) {
    const c = byCol.get(col);
    if (!c) {
      // Under a rowspan from above (or past the row's last cell): a covered cell, as Calc writes merged ranges.
      out.push("<table:covered-table-cell/>");
      col++;
      continue;
    }
    const span = `${c.colspan > 1 || c.rowspan > 1 ? ` table:number-columns-spanned="${c.colspan}" table:number-rows-spanned="${c.rowspan}"` : ""}`;
    const body = c.text === "" ? "" : `<text:p>${esc(c.text)}</text:p>`;
    out.push(`<table:table-cell table:style-name="${cellStyle(c)}"${span}${c.text === "" ? "" : ` office:value-type="string"`}>${body}</table:table-cell>`);
    for (let k = 1; k < c.colspan; k++) out.push("<table:covered-table-cell/>");
    col += c.colspan;
  }
  return out.join("");
}

function formRows(f: GeneratingForm, index: number, o: Rendering, widths: number[], single: boolean): SheetRow[] {
  const grid = formGrid(f, o);
  const breaks = new Set(o.breaks.filter((b) => b.form === index).map((b) => b.row));
  return grid.map((row, i) => {
    const height = Math.max(o.fontSize * PT * 1.5 + 2, ...row.cells.map((c) => cellHeight(c, widths, o.fontSize)));
    const pageStart = i === 0 && index > 0 && o.formsPer === "page";
    // A sheet has one range of rows to repeat, so only a single form's header can be it.
    const repeat = o.repeatHeader && single && row.indicatorHeader === true;
    return { height: Math.ceil(height * 2) / 2, breakBefore: breaks.has(i) || pageStart, xml: rowXml(row), ...(repeat ? { repeat } : {}) };
  });
}

/** The ODF namespaces a flat document declares (the Writer documents of fodt.ts too). */
export const ODF_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(" ");

/** The .fods document for a case's forms. */
export function caseFods(forms: GeneratingForm[], o: Rendering): string {
  const widths = columnWidths(o);
  const rows: SheetRow[] = [];
  forms.forEach((f, i) => {
    // In a flowing sheet one empty row separates forms, as workbooks holding several forms print.
    if (i > 0 && o.formsPer === "flow") rows.push({ height: 5, breakBefore: false, xml: `<table:table-cell table:number-columns-repeated="${COLUMNS}"/>` });
    rows.push(...formRows(f, i, o, widths, forms.length === 1));
  });
  const heights = [...new Set(rows.map((r) => `${r.height}:${r.breakBefore ? "page" : "auto"}`))];
  const rowStyle = (r: SheetRow): string => `ro${heights.indexOf(`${r.height}:${r.breakBefore ? "page" : "auto"}`)}`;
  const size = `${o.fontSize}pt`;
  const text = `<style:text-properties style:font-name="F" fo:font-size="${size}" style:font-name-asian="F" style:font-size-asian="${size}" style:font-name-complex="F"/>`;
  const border = `fo:border="0.5pt solid #000000" fo:wrap-option="wrap" fo:padding="0.6mm"`;
  const cellStyles = [
    ["lab", "center", "middle"], ["lvl", "center", "middle"], ["num", "end", "middle"], ["left", "start", "middle"],
    ["year", "center", "middle"], ["title", "center", "middle"],
  ].map(([name, align, v]) => {
    const t = name === "title"
      ? `<style:text-properties fo:font-size="${o.fontSize + 6}pt" style:font-size-asian="${o.fontSize + 6}pt"/>`
      : "";
    const b = name === "title" || name === "year" ? `fo:wrap-option="wrap"` : border;
    return `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default">` +
      `<style:table-cell-properties ${b} style:vertical-align="${v}"/><style:paragraph-properties fo:text-align="${align}"/>${t}</style:style>`;
  });
  const [pw, ph] = o.landscape ? ["297mm", "210mm"] : ["210mm", "297mm"];
  const furniture = o.furniture
    ? `<style:header><style:region-left><text:p>${esc(forms[0]?.department ?? "")} 项目支出绩效自评结果</text:p></style:region-left></style:header>` +
      `<style:footer><text:p>- <text:page-number>1</text:page-number> -</text:p></style:footer>`
    : `<style:header style:display="false"/><style:footer style:display="false"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ODF_NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'${o.font}'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Default" style:family="table-cell">${text}</style:style>
</office:styles>
<office:automatic-styles>
${widths.map((w, i) => `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}mm"/></style:style>`).join("\n")}
${heights.map((h, i) => {
    const [height, brk] = h.split(":");
    return `<style:style style:name="ro${i}" style:family="table-row"><style:table-row-properties style:row-height="${height}mm" style:use-optimal-row-height="false" fo:break-before="${brk}"/></style:style>`;
  }).join("\n")}
<style:style style:name="ta1" style:family="table" style:master-page-name="PM"><style:table-properties table:display="true"/></style:style>
${cellStyles.join("\n")}
<style:page-layout style:name="pl"><style:page-layout-properties fo:page-width="${pw}" fo:page-height="${ph}" style:print-orientation="${o.landscape ? "landscape" : "portrait"}" fo:margin-top="${MARGIN.top - 6}mm" fo:margin-bottom="${MARGIN.bottom - 6}mm" fo:margin-left="${MARGIN.left}mm" fo:margin-right="${MARGIN.right}mm" style:print="grid-off"/>
<style:header-style><style:header-footer-properties fo:min-height="5mm" fo:margin-bottom="1mm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="5mm" fo:margin-top="1mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="PM" style:page-layout-name="pl">${furniture}</style:master-page></office:master-styles>
<office:body><office:spreadsheet><table:table table:name="自评表" table:style-name="ta1">
${widths.map((_, i) => `<table:table-column table:style-name="co${i}"/>`).join("")}
${rows.map((r) => {
    const xml = `<table:table-row table:style-name="${rowStyle(r)}">${r.xml}</table:table-row>`;
    return r.repeat ? `<table:table-header-rows>${xml}</table:table-header-rows>` : xml;
  }).join("\n")}
</table:table></office:spreadsheet></office:body></office:document>
`;
}
