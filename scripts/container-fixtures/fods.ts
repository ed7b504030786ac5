/**
 * Renders form descriptions as a flat OpenDocument spreadsheet (.fods), the
 * way an office lays the 自评表 out in Excel or WPS: a twelve-column grid with
 * an empty leading column, merged label and level cells, amounts as numbers
 * with a thousands-separator format, weights and scores as numbers with two
 * decimals, rates either as plain numbers or as percentages. LibreOffice
 * converts the .fods to .xlsx, .xls and .ods (generate.ts).
 */
import { Decimal } from "decimal.js";
import type { FormDescription } from "../pdf-fixtures/description.js";

/** How a number cell is stored and formatted. */
type NumberFormat = "amount" | "two" | "percent";

/** One cell as written: text, or a number with its format; spans. */
interface GridCell {
  text?: string;
  num?: { value: string; format: NumberFormat };
  /** Column (0-based) the cell starts in. */
  col: number;
  c?: number;
  r?: number;
}

/** One row; `hidden` rows are written collapsed. */
interface GridRow {
  cells: GridCell[];
  hidden?: boolean;
}

export interface SheetSpec {
  name: string;
  forms: FormDescription[];
  /** Rates as percentages (0.8815 shown as 88.15%) instead of plain numbers (88.15). */
  percentRates?: boolean;
  /** Adds a hidden row and a hidden column holding text that must not be read. */
  hiddenParts?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function level1Label(i: FormDescription["indicators"][number]): string {
  return i.level1Subtotal === null ? i.level1 : `${i.level1}(${i.level1Subtotal}分)`;
}

/** A number cell, or "-" for null as the published forms print it. */
function num(col: number, value: string | null, format: NumberFormat): GridCell {
  return value === null ? { col, text: "-" } : { col, num: { value, format } };
}

/** The rows of one form. Columns: A empty; B..K the form (as html.ts's ten columns); L the trailing column. */
function formRows(f: FormDescription, percentRates: boolean): GridRow[] {
  const rows: GridRow[] = [];
  const year = f.year === null ? "" : `(${f.year} 年度)`;
  rows.push({ cells: [{ col: 1, text: f.title, c: 10 }] });
  rows.push({ cells: [{ col: 1, text: year, c: 10 }] });
  rows.push({ cells: [{ col: 1, text: "项目名称", c: 2 }, { col: 3, text: f.projectName ?? "", c: 8 }] });
  rows.push({ cells: [{ col: 1, text: "主管部门", c: 2 }, { col: 3, text: f.department ?? "", c: 3 }, { col: 6, text: "实施单位", c: 2 }, { col: 8, text: f.implementingUnit ?? "", c: 3 }] });
  rows.push({
    cells: [
      { col: 1, text: `项目资金(${f.fundingUnit})`, c: 2, r: f.funding.length + 1 },
      ...["年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"].map((h, k) => ({ col: 5 + k, text: h })),
    ],
  });
  for (const r of f.funding) {
    const label = r.kind === "total" ? `${r.label}:` : r.kind === "fiscal" ? `其中: ${r.label}` : r.label;
    const rate: GridCell =
      r.rate === null ? { col: 9, text: "-" } : percentRates ? { col: 9, num: { value: new Decimal(r.rate).div(100).toString(), format: "percent" } } : num(9, r.rate, "two");
    rows.push({
      cells: [
        { col: 3, text: label, c: 2 },
        num(5, r.initialBudget, "amount"),
        num(6, r.adjustedBudget, "amount"),
        num(7, r.executed, "amount"),
        num(8, r.weight, "two"),
        rate,
        num(10, r.score, "two"),
      ],
    });
  }
  rows.push({ cells: [{ col: 1, text: "年度总体目标", r: 2 }, { col: 2, text: "预期目标", c: 4 }, { col: 6, text: "实际完成情况", c: 5 }] });
  rows.push({ cells: [{ col: 2, text: f.goals.expected ?? "", c: 4 }, { col: 6, text: f.goals.actual ?? "", c: 5 }] });
  rows.push({
    cells: [
      { col: 1, text: "一级指标" }, { col: 2, text: "二级指标" }, { col: 3, text: "三级指标", c: 2 }, { col: 5, text: "年度指标值" },
      { col: 6, text: "实际完成值" }, { col: 7, text: "分值" }, { col: 8, text: "得分" }, { col: 9, text: "偏差原因分析及改进措施", c: 2 },
    ],
  });
  const ind = f.indicators;
  for (let i = 0; i < ind.length; i++) {
    const cells: GridCell[] = [];
    const l1 = level1Label(ind[i]!);
    if (i === 0 || level1Label(ind[i - 1]!) !== l1) {
      let j = i;
      while (j < ind.length && level1Label(ind[j]!) === l1) j++;
      cells.push({ col: 1, text: l1, r: j - i });
    }
    if (i === 0 || level1Label(ind[i - 1]!) !== l1 || ind[i - 1]!.level2 !== ind[i]!.level2) {
      let j = i;
      while (j < ind.length && level1Label(ind[j]!) === l1 && ind[j]!.level2 === ind[i]!.level2) j++;
      cells.push({ col: 2, text: ind[i]!.level2, r: j - i });
    }
    const x = ind[i]!;
    cells.push({ col: 3, text: x.name, c: 2 }, { col: 5, text: x.target.raw }, { col: 6, text: x.actual.raw }, num(7, x.weight, "two"), num(8, x.score, "two"), { col: 9, text: x.deviation ?? "", c: 2 });
    rows.push({ cells });
  }
  if (f.total.weight !== null || f.total.score !== null) {
    rows.push({ cells: [{ col: 1, text: "总分", c: 6 }, num(7, f.total.weight, "two"), num(8, f.total.score, "two")] });
  }
  if (f.grade !== null) rows.push({ cells: [{ col: 1, text: "评分等级", c: 2 }, { col: 3, text: f.grade, c: 8 }] });
  for (const [k, v] of Object.entries(f.notes)) rows.push({ cells: [{ col: 1, text: k, c: 2 }, { col: 3, text: v, c: 8 }] });
  return rows;
}

const COLUMNS = 13;
const HIDDEN_COLUMN = 12;

function sheetRows(spec: SheetSpec): GridRow[] {
  const rows: GridRow[] = [];
  spec.forms.forEach((f, i) => {
    if (i > 0) rows.push({ cells: [] });
    const own = formRows(f, spec.percentRates ?? false);
    if (spec.hiddenParts) {
      // A working note in a hidden row under the year, and a check column hidden to the right.
      own.splice(2, 0, { hidden: true, cells: [{ col: 1, text: "内部审核备注:草稿,勿公开" }] });
      own[0]!.cells.push({ col: HIDDEN_COLUMN, text: "校验:通过" });
    }
    rows.push(...own);
  });
  return rows;
}

function cellXml(g: GridCell): string {
  const span = `${g.c && g.c > 1 ? ` table:number-columns-spanned="${g.c}"` : ""}${g.r && g.r > 1 ? ` table:number-rows-spanned="${g.r}"` : ""}`;
  if (g.num) {
    const { value, format } = g.num;
    const style = format === "amount" ? "ceAmount" : format === "percent" ? "cePercent" : "ceTwo";
    const type = format === "percent" ? "percentage" : "float";
    return `<table:table-cell table:style-name="${style}" office:value-type="${type}" office:value="${value}"${span}/>`;
  }
  const paras = (g.text ?? "").split("\n").map((p) => `<text:p>${esc(p)}</text:p>`).join("");
  return `<table:table-cell office:value-type="string"${span}>${paras}</table:table-cell>`;
}

function tableXml(spec: SheetSpec): string {
  const rows = sheetRows(spec);
  // Which positions a merged cell above covers.
  const covered = rows.map(() => new Set<number>());
  const out: string[] = [];
  const cols = Array.from({ length: COLUMNS }, (_, c) =>
    `<table:table-column table:style-name="co${c === 1 || c === 2 ? "Narrow" : "Wide"}"${spec.hiddenParts && c === HIDDEN_COLUMN ? ` table:visibility="collapse"` : ""}/>`,
  );
  rows.forEach((row, r) => {
    const byCol = new Map(row.cells.map((g) => [g.col, g]));
    const xml: string[] = [];
    for (let c = 0; c < COLUMNS; ) {
      if (covered[r]!.has(c)) {
        xml.push("<table:covered-table-cell/>");
        c++;
        continue;
      }
      const g = byCol.get(c);
      if (!g) {
        xml.push("<table:table-cell/>");
        c++;
        continue;
      }
      xml.push(cellXml(g));
      for (let dr = 0; dr < (g.r ?? 1); dr++) for (let dc = 0; dc < (g.c ?? 1); dc++) if (dr || dc) covered[r + dr]?.add(c + dc);
      c++;
    }
    out.push(`<table:table-row${row.hidden ? ` table:visibility="collapse"` : ""}>${xml.join("")}</table:table-row>`);
  });
  return `<table:table table:name="${esc(spec.name)}">${cols.join("")}${out.join("\n")}</table:table>`;
}

/** The whole .fods for a workbook of sheets. */
export function documentFods(sheets: SheetSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:number-style style:name="NAmount"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<number:number-style style:name="NTwo"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
<number:percentage-style style:name="NPercent"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="ceAmount" style:family="table-cell" style:data-style-name="NAmount"/>
<style:style style:name="ceTwo" style:family="table-cell" style:data-style-name="NTwo"/>
<style:style style:name="cePercent" style:family="table-cell" style:data-style-name="NPercent"/>
<style:style style:name="coNarrow" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
<style:style style:name="coWide" style:family="table-column"><style:table-column-properties style:column-width="2.6cm"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
${sheets.map(tableXml).join("\n")}
</office:spreadsheet></office:body></office:document>
`;
}
