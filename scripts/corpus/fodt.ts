/**
 * A case as a flat OpenDocument text document (.fodt) for LibreOffice Writer
 * to print, the way word-processor exports of the form (Word, WPS, Writer)
 * are made: the title and year as centred paragraphs above the table, every
 * form a table of merged cells (spans and covered cells), bordered by
 * default, or with no rules at all when the rendering says so. Writer lets a
 * row break across pages, so tall rows (goals, wrapped labels) are cut by
 * page ends; the indicator header may be the repeated heading row of a
 * second table (a Writer table repeats only its leading rows, so the form is
 * two tables then, as html.ts prints it). Forced breaks split the table
 * before the row, the second part starting a page: Writer has no page break
 * on a row of its own.
 */
import type { GeneratingForm } from "./form.js";
import { formGrid, COLUMNS, type GridCell, type GridRow } from "./grid.js";
import type { Rendering } from "./rendering.js";
import { columnWidths, MARGIN } from "./page.js";
import { ODF_NAMESPACES } from "./fods.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function paraStyle(c: GridCell): string {
  switch (c.cls) {
    case "num": return "Pn";
    case "text": case "plain": return "Pl";
    default: return "Pc";
  }
}

/** A table row; `covered` are the columns a merged cell from an earlier row of the same table covers. */
function rowXml(row: GridRow, covered: Set<number>): string {
  const out: string[] = [];
  const byCol = new Map(row.cells.map((c) => [c.col, c]));
  for (let col = 0; col < COLUMNS; ) {
    const c = byCol.get(col);
    if (!c) {
      out.push(covered.has(col) ? "<table:covered-table-cell/>" : `<table:table-cell table:style-name="C"><text:p text:style-name="Pl"/></table:table-cell>`);
      col++;
      continue;
    }
    const span = c.colspan > 1 || c.rowspan > 1 ? ` table:number-columns-spanned="${c.colspan}" table:number-rows-spanned="${c.rowspan}"` : "";
    const body = c.text === "" ? `<text:p text:style-name="${paraStyle(c)}"/>` : `<text:p text:style-name="${paraStyle(c)}">${esc(c.text)}</text:p>`;
    out.push(`<table:table-cell table:style-name="C" office:value-type="string"${span}>${body}</table:table-cell>`);
    for (let k = 1; k < c.colspan; k++) out.push("<table:covered-table-cell/>");
    col += c.colspan;
  }
  return `<table:table-row>${out.join("")}</table:table-row>`;
}

interface Part {
  start: number;
  end: number;
  breakBefore: boolean;
  /** The part's first row is the indicator header, Writer's repeated heading row. */
  header: boolean;
}

/**
 * The table parts of one form's grid rows (title and year excluded): a part
 * ends before a forced break, and before the indicator header when it is to
 * repeat, which then heads the next part.
 */
function tableParts(rows: GridRow[], first: number, breaks: Set<number>, repeat: boolean): Part[] {
  const parts: Part[] = [];
  let start = first;
  for (let i = first + 1; i <= rows.length; i++) {
    if (i === rows.length || breaks.has(i) || (repeat && rows[i]!.indicatorHeader === true)) {
      parts.push({ start, end: i, breakBefore: breaks.has(start), header: repeat && rows[start]!.indicatorHeader === true });
      start = i;
    }
  }
  return parts;
}

/**
 * The rows of one part with every merged cell cut to the part: a cell reaching
 * past the part's end spans only its rows here, and one begun in an earlier
 * part starts again, empty, on the part's first row (a Word table split at a
 * merged cell keeps the text above the split).
 */
function partRows(grid: GridRow[], part: Part): GridRow[] {
  const carried: GridCell[] = [];
  for (let i = 0; i < part.start; i++) {
    for (const c of grid[i]!.cells) {
      if (i + c.rowspan > part.start) carried.push({ ...c, text: "", rowspan: Math.min(i + c.rowspan, part.end) - part.start });
    }
  }
  return grid.slice(part.start, part.end).map((row, k) => {
    const cells = row.cells.map((c) => ({ ...c, rowspan: Math.min(c.rowspan, part.end - part.start - k) }));
    return { ...row, cells: k === 0 ? [...carried, ...cells].sort((a, b) => a.col - b.col) : cells };
  });
}

function formXml(f: GeneratingForm, index: number, o: Rendering, widths: number[], tableNo: { n: number }): string {
  const grid = formGrid(f, o);
  const breaks = new Set(o.breaks.filter((b) => b.form === index).map((b) => b.row));
  const newPage = index > 0 && o.formsPer === "page";
  const [title, year] = grid;
  const out: string[] = [];
  // A form following another in flow is set off by an empty paragraph, as a document holding several forms prints.
  if (index > 0 && !newPage) out.push(`<text:p text:style-name="Pl"/>`);
  out.push(`<text:p text:style-name="${breaks.has(0) || newPage ? "TitleBreak" : "Title"}">${esc(title!.cells[0]!.text)}</text:p>`);
  out.push(`<text:p text:style-name="${breaks.has(1) ? "YearBreak" : "Year"}">${esc(year!.cells[0]!.text)}</text:p>`);
  for (const part of tableParts(grid, 2, breaks, o.repeatHeader)) {
    tableNo.n++;
    const rows = partRows(grid, part);
    const covered = rows.map(() => new Set<number>());
    rows.forEach((row, i) => {
      for (const c of row.cells) for (let dr = 1; dr < c.rowspan; dr++) for (let dc = 0; dc < c.colspan; dc++) covered[i + dr]?.add(c.col + dc);
    });
    const body = rows.map((row, i) => {
      const xml = rowXml(row, covered[i]!);
      return part.header && i === 0 ? `<table:table-header-rows>${xml}</table:table-header-rows>` : xml;
    });
    out.push(
      `<table:table table:name="T${tableNo.n}" table:style-name="${part.breakBefore ? "TBreak" : "T"}">` +
        widths.map((_, c) => `<table:table-column table:style-name="c${c}"/>`).join("") +
        body.join("") +
        `</table:table>`,
    );
  }
  return out.join("\n");
}

/** The .fodt document for a case's forms. */
export function caseFodt(forms: GeneratingForm[], o: Rendering): string {
  const widths = columnWidths(o);
  const total = widths.reduce((s, w) => s + w, 0);
  const size = `${o.fontSize}pt`;
  const big = `${o.fontSize + 6}pt`;
  const font = (pt: string): string =>
    `<style:text-properties style:font-name="F" fo:font-size="${pt}" style:font-name-asian="F" style:font-size-asian="${pt}" style:font-name-complex="F" style:font-size-complex="${pt}"/>`;
  const border = o.tableRules === "none" ? `fo:border="none"` : `fo:border="0.5pt solid #000000"`;
  const para = (name: string, align: string, below = 0, brk = false, pt = size): string =>
    `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="${align}" fo:margin-top="0mm" fo:margin-bottom="${below}mm"${brk ? ` fo:break-before="page"` : ""}/>${font(pt)}</style:style>`;
  const table = (name: string, brk: boolean): string =>
    `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${total}mm" table:align="left"${brk ? ` fo:break-before="page"` : ""}/></style:style>`;
  const [pw, ph] = o.landscape ? ["297mm", "210mm"] : ["210mm", "297mm"];
  const furniture = o.furniture
    ? `<style:header><text:p text:style-name="Furniture">${esc(forms[0]?.department ?? "")} 项目支出绩效自评结果</text:p></style:header>` +
      `<style:footer><text:p text:style-name="FurnitureC">- <text:page-number>1</text:page-number> -</text:p></style:footer>`
    : "";
  const tableNo = { n: 0 };
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ODF_NAMESPACES} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'${o.font}'"/><style:font-face style:name="FF" svg:font-family="'WenQuanYi Zen Hei'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph">${font(size)}</style:style>
</office:styles>
<office:automatic-styles>
${widths.map((w, i) => `<style:style style:name="c${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}mm"/></style:style>`).join("\n")}
${table("T", false)}
${table("TBreak", true)}
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties ${border} fo:padding="0.8mm" style:vertical-align="middle"/></style:style>
${para("Pc", "center")}
${para("Pl", "start")}
${para("Pn", "end")}
${para("Title", "center", 2, false, big)}
${para("TitleBreak", "center", 2, true, big)}
${para("Year", "center", 3)}
${para("YearBreak", "center", 3, true)}
<style:style style:name="Furniture" style:family="paragraph"><style:text-properties style:font-name="FF" fo:font-size="8pt" style:font-name-asian="FF" style:font-size-asian="8pt"/></style:style>
<style:style style:name="FurnitureC" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="FF" fo:font-size="8pt" style:font-name-asian="FF" style:font-size-asian="8pt"/></style:style>
<style:page-layout style:name="pl"><style:page-layout-properties fo:page-width="${pw}" fo:page-height="${ph}" style:print-orientation="${o.landscape ? "landscape" : "portrait"}" fo:margin-top="${MARGIN.top - 6}mm" fo:margin-bottom="${MARGIN.bottom - 6}mm" fo:margin-left="${MARGIN.left}mm" fo:margin-right="${MARGIN.right}mm"/>
<style:header-style><style:header-footer-properties fo:min-height="5mm" fo:margin-bottom="1mm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="5mm" fo:margin-top="1mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pl">${furniture}</style:master-page></office:master-styles>
<office:body><office:text>
${forms.map((f, i) => formXml(f, i, o, widths, tableNo)).join("\n")}
</office:text></office:body></office:document>
`;
}
