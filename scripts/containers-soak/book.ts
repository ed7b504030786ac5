/**
 * A case as a workbook that holds one form per sheet, the way offices file a
 * year's forms: each sheet is the corpus sheet of one form (scripts/corpus/
 * fods.ts, with that form's page breaks), set one row down and one column
 * right of A1 under an 附件 note, with a hidden row inside the form and a
 * hidden column beside it, both holding text (a reviewer's note, a draft
 * mark); labels broken over two lines inside their cell, as Alt+Enter types
 * them (项目资金 / （万元）, 产出 / 指标: two paragraphs of one cell); a hidden second sheet holding a draft of the first form (an older
 * copy kept out of sight instead of deleted); and a hidden last sheet of
 * drop-down lists (评分等级 and level names), as templates with data
 * validation carry. None of that is form content: the expected fields are
 * the case's forms.
 */
import type { CorpusCase } from "../corpus/case.js";
import { caseFods } from "../corpus/fods.js";

const between = (s: string, open: string, close: string): string => {
  const a = s.indexOf(open);
  const b = s.indexOf(close, a);
  if (a < 0 || b < 0) throw new Error(`book: the corpus sheet has no ${open}`);
  return s.slice(a + open.length, b);
};

/** A sheet name Calc and Excel accept: no []:*?/\, at most 31 characters. */
const sheetName = (i: number, project: string | null): string => `${i + 1} ${(project ?? "").replace(/[[\]:*?/\\'"<>&]/g, "")}`.slice(0, 31).trim();

/** A label cell's text typed on two lines: before a bracket, or a level name after its first two characters. */
function lineBreaks(row: string): string {
  return row.replace(/(table:style-name="(lab|lvl)"[^>]*>)<text:p>([^<]+)<\/text:p>/g, (m, open: string, cls: string, text: string) => {
    const parts = cls === "lab" ? text.split(/(?=[（(])/) : /^[\u4e00-\u9fff]{4,}$/.test(text) ? [text.slice(0, 2), text.slice(2)] : [text];
    return parts.length < 2 || parts.some((p) => p === "") ? m : `${open}${parts.map((p) => `<text:p>${p}</text:p>`).join("")}`;
  });
}

/** The case's workbook, one form per sheet, as a flat ODF spreadsheet. */
export function bookFods(c: CorpusCase): string {
  const sheets = c.forms.map((f, i) => {
    const breaks = c.rendering.breaks.filter((b) => b.form === i).map((b) => ({ ...b, form: 0 }));
    return caseFods([f], { ...c.rendering, breaks });
  });
  const base = sheets[0]!;
  const rowStyles: string[] = [];
  const tables = sheets.map((s, i) => {
    const styles = between(s, "<office:automatic-styles>", "</office:automatic-styles>");
    // Each sheet's row heights are its own: its row styles get names of their own.
    for (const m of styles.matchAll(/<style:style style:name="ro\d+"[^]*?<\/style:style>/g)) rowStyles.push(m[0].replace(/"ro(\d+)"/, `"s${i}ro$1"`));
    const body = between(s, "<office:spreadsheet>", "</office:spreadsheet>").replace(/table:style-name="ro(\d+)"/g, `table:style-name="s${i}ro$1"`);
    const rows = body.match(/<table:table-row [^]*?<\/table:table-row>/g) ?? [];
    const total = rows.findIndex((r) => r.includes("总分"));
    const out = rows.map((r, k) => {
      // One column right of A1, and a text cell in the hidden column past the form's ten.
      const shifted = lineBreaks(r).replace(/(<table:table-row [^>]*>)/, "$1<table:table-cell/>");
      return k === 0 ? shifted.replace("</table:table-row>", `<table:table-cell office:value-type="string"><text:p>草稿</text:p></table:table-cell></table:table-row>`) : shifted;
    });
    const hidden = `<table:table-row table:style-name="s${i}ro0" table:visibility="collapse"><table:table-cell/><table:table-cell office:value-type="string"><text:p>内部复核：已审核，无误</text:p></table:table-cell></table:table-row>`;
    if (total > 0) out.splice(total, 0, hidden);
    const note = `<table:table-row table:style-name="s${i}ro0"><table:table-cell office:value-type="string"><text:p>附件${i + 1}</text:p></table:table-cell></table:table-row>`;
    const columns = `<table:table-column table:style-name="coLead"/>${(body.match(/<table:table-column [^>]*\/>/g) ?? []).join("")}<table:table-column table:style-name="coLead" table:visibility="collapse"/>`;
    return `<table:table table:name="${sheetName(i, c.forms[i]!.projectName)}" table:style-name="ta1">${columns}\n${note}\n${out.join("\n")}\n</table:table>`;
  });
  const lists = ["评分等级", "优", "良", "中", "差"].map((g, k) => {
    const level = ["一级指标", "产出指标", "效益指标", "满意度指标", "成本指标"][k]!;
    return `<table:table-row><table:table-cell office:value-type="string"><text:p>${g}</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>${level}</text:p></table:table-cell></table:table-row>`;
  });
  const draft = between(sheets[0]!, "<office:spreadsheet>", "</office:spreadsheet>")
    .replace(/table:style-name="ro(\d+)"/g, 'table:style-name="s0ro$1"')
    .replace(/<table:table table:name="[^"]*" table:style-name="ta1">/, '<table:table table:name="草稿（勿用）" table:style-name="taHidden">');
  tables.splice(1, 0, draft);
  tables.push(`<table:table table:name="下拉选项" table:style-name="taHidden"><table:table-column table:number-columns-repeated="2"/>${lists.join("")}</table:table>`);
  const extraStyles = [
    ...rowStyles,
    `<style:style style:name="coLead" style:family="table-column"><style:table-column-properties style:column-width="4mm"/></style:style>`,
    `<style:style style:name="taHidden" style:family="table" style:master-page-name="PM"><style:table-properties table:display="false"/></style:style>`,
  ];
  const automatic = between(base, "<office:automatic-styles>", "</office:automatic-styles>").replace(/<style:style style:name="ro\d+"[^]*?<\/style:style>\n?/g, "");
  return base
    .replace(between(base, "<office:automatic-styles>", "</office:automatic-styles>"), `${automatic}\n${extraStyles.join("\n")}\n`)
    .replace(between(base, "<office:spreadsheet>", "</office:spreadsheet>"), tables.join("\n"));
}
