/**
 * Renders form descriptions to HTML in the styles the fixtures come in. Each
 * style imitates a way published 自评表 PDFs are actually made, so the PDF
 * loader meets the layouts it will meet in the wild:
 *
 * - narrow:    a Word-made portrait table; the level columns are so narrow that
 *              一级指标 / 服务对象满意度指标 wrap one or two characters per line,
 *              forms follow each other without page breaks, so short forms share
 *              a page and long ones run onto the next.
 * - landscape: a wide landscape table, one line per label, each form on its own
 *              page, a running header and "- n -" page numbers, and the
 *              indicator header row repeated on continuation pages (Word's
 *              "repeat header row").
 * - sheet:     a spreadsheet printed to PDF: a dense grid of thin lines, small
 *              type, the title inside the grid, an empty leading and trailing
 *              column, numbers right-aligned with thousands separators.
 */
import type { FormDescription } from "./description.js";

export const STYLES = ["narrow", "landscape", "sheet"] as const;
export type Style = (typeof STYLES)[number];

/** What the PDF step needs besides the HTML: paper and page furniture. */
export interface PageSetup {
  landscape: boolean;
  /** CSS lengths, as page.pdf() takes them. */
  margin: { top: string; right: string; bottom: string; left: string };
  /** Chromium header/footer templates; undefined means no furniture. */
  headerTemplate?: string;
  footerTemplate?: string;
}

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inserts thousands separators into a decimal string ("1121.92" → "1,121.92"); the seed prints them so. */
function withSeparators(d: string): string {
  const [int = "", frac] = d.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac === undefined ? "" : "." + frac);
}

interface Options {
  thousands: boolean;
}

/** An amount cell's text; null prints as "-", as the published forms do for sub-rows. */
function amount(d: string | null, o: Options): string {
  if (d === null) return "-";
  return o.thousands ? withSeparators(d) : d;
}

const dash = (d: string | null): string => (d === null ? "-" : d);

/**
 * A cell: text, colspan/rowspan and a class for alignment. Empty text stays an
 * empty cell. A "\n" in the text (the seed's goal texts are several <p>
 * paragraphs) starts a new line inside the cell, so each paragraph prints as
 * its own block and a PDF shows where one ends.
 */
function td(text: string, attrs: { c?: number; r?: number; cls?: string } = {}): string {
  const a = [
    attrs.c && attrs.c > 1 ? ` colspan="${attrs.c}"` : "",
    attrs.r && attrs.r > 1 ? ` rowspan="${attrs.r}"` : "",
    attrs.cls ? ` class="${attrs.cls}"` : "",
  ].join("");
  return `<td${a}>${text.split("\n").map(esc).join("<br>")}</td>`;
}

/** Label printed in the level-1 cell: the subtotal goes back into the label as 产出指标(50分). */
function level1Label(i: FormDescription["indicators"][number]): string {
  return i.level1Subtotal === null ? i.level1 : `${i.level1}(${i.level1Subtotal}分)`;
}

/**
 * Rowspans of the merged level cells: for each row, how many rows its level-1
 * and level-2 cells span, or 0 when the row sits under a cell opened above.
 * Level 2 restarts whenever level 1 changes, as in the published forms.
 */
function spans(ind: FormDescription["indicators"]): { l1: number; l2: number }[] {
  const out = ind.map(() => ({ l1: 0, l2: 0 }));
  for (let i = 0; i < ind.length; ) {
    let j = i;
    while (j < ind.length && level1Label(ind[j]!) === level1Label(ind[i]!)) j++;
    out[i]!.l1 = j - i;
    for (let k = i; k < j; ) {
      let m = k;
      while (m < j && ind[m]!.level2 === ind[k]!.level2) m++;
      out[k]!.l2 = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}

/*
 * The grid every style shares: ten columns.
 *   c1 c2       level 1, level 2 (narrow in the narrow style)
 *   c3 c4       indicator name; funding row labels
 *   c5..c10     target, actual, weight, score, deviation (c9-c10);
 *               funding: initial, adjusted, executed, weight, rate, score
 * The sheet style adds an empty column on either side (spreadsheet column A and
 * a trailing column the print area happens to include).
 */

function headRows(f: FormDescription): string[] {
  return [
    `<tr>${td("项目名称", { c: 2, cls: "lab" })}${td(f.projectName ?? "", { c: 8 })}</tr>`,
    `<tr>${td("主管部门", { c: 2, cls: "lab" })}${td(f.department ?? "", { c: 3 })}` +
      `${td("实施单位", { c: 2, cls: "lab" })}${td(f.implementingUnit ?? "", { c: 3 })}</tr>`,
  ];
}

function fundingRows(f: FormDescription, o: Options): string[] {
  const rows = [
    `<tr>${td(`项目资金(${f.fundingUnit})`, { c: 2, r: f.funding.length + 1, cls: "lab" })}` +
      td("", { c: 2 }) +
      ["年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"].map((h) => td(h, { cls: "lab" })).join("") +
      "</tr>",
  ];
  for (const r of f.funding) {
    // The total row carries a colon and sub-rows open with 其中:, as printed in the seed.
    const label = r.kind === "total" ? `${r.label}:` : r.kind === "fiscal" ? `其中: ${r.label}` : r.label;
    rows.push(
      `<tr>${td(label, { c: 2 })}` +
        [amount(r.initialBudget, o), amount(r.adjustedBudget, o), amount(r.executed, o)]
          .map((t) => td(t, { cls: "num" }))
          .join("") +
        td(dash(r.weight), { cls: "num" }) +
        td(dash(r.rate), { cls: "num" }) +
        td(dash(r.score), { cls: "num" }) +
        "</tr>",
    );
  }
  return rows;
}

function goalRows(f: FormDescription): string[] {
  return [
    `<tr>${td("年度总体目标", { r: 2, cls: "lab" })}${td("预期目标", { c: 4, cls: "lab" })}${td("实际完成情况", { c: 5, cls: "lab" })}</tr>`,
    `<tr>${td(f.goals.expected ?? "", { c: 4, cls: "text" })}${td(f.goals.actual ?? "", { c: 5, cls: "text" })}</tr>`,
  ];
}

function indicatorHeader(): string {
  return (
    "<tr>" +
    [
      td("一级指标", { cls: "lab" }),
      td("二级指标", { cls: "lab" }),
      td("三级指标", { c: 2, cls: "lab" }),
      td("年度指标值", { cls: "lab" }),
      td("实际完成值", { cls: "lab" }),
      td("分值", { cls: "lab" }),
      td("得分", { cls: "lab" }),
      td("偏差原因分析及改进措施", { c: 2, cls: "lab" }),
    ].join("") +
    "</tr>"
  );
}

function indicatorRows(f: FormDescription): string[] {
  const sp = spans(f.indicators);
  return f.indicators.map((ind, i) => {
    const s = sp[i]!;
    return (
      "<tr>" +
      (s.l1 ? td(level1Label(ind), { r: s.l1, cls: "lvl" }) : "") +
      (s.l2 ? td(ind.level2, { r: s.l2, cls: "lvl" }) : "") +
      td(ind.name, { c: 2 }) +
      td(ind.target.raw) +
      td(ind.actual.raw) +
      td(dash(ind.weight), { cls: "num" }) +
      td(dash(ind.score), { cls: "num" }) +
      td(ind.deviation ?? "", { c: 2, cls: "text" }) +
      "</tr>"
    );
  });
}

/** 总分, 评分等级 and any notes. Rows the description lacks (a cut-off form) are not invented. */
function tailRows(f: FormDescription): string[] {
  const rows: string[] = [];
  if (f.total.weight !== null || f.total.score !== null) {
    rows.push(
      `<tr>${td("总分", { c: 6, cls: "lab" })}${td(dash(f.total.weight), { cls: "num" })}` +
        `${td(dash(f.total.score), { cls: "num" })}${td("", { c: 2 })}</tr>`,
    );
  }
  if (f.grade !== null) rows.push(`<tr>${td("评分等级", { c: 2, cls: "lab" })}${td(f.grade, { c: 8 })}</tr>`);
  for (const [k, v] of Object.entries(f.notes)) {
    rows.push(`<tr>${td(k, { c: 2, cls: "lab" })}${td(v, { c: 8, cls: "text" })}</tr>`);
  }
  return rows;
}

/** Column widths in mm per style; they sum to the printable width of the page. */
const COLS: Record<Style, number[]> = {
  // A4 portrait, 15 mm margins: 180 mm. c1/c2 at 9 mm hold two 10.5pt characters.
  narrow: [9, 9, 22, 18, 21, 21, 15, 15, 25, 25],
  // A4 landscape, 12 mm margins: 273 mm. c2 fits 服务对象满意度指标 on one line.
  landscape: [27, 38, 30, 22, 28, 28, 24, 20, 28, 28],
  // A4 portrait, 10 mm margins: 190 mm, with the two empty spreadsheet columns.
  sheet: [5, 12, 16, 22, 16, 19, 19, 17, 15, 16, 26, 7],
};

const CSS: Record<Style, string> = {
  narrow: `
    @page { size: A4 portrait; }
    body { font-family: var(--song); font-size: 10.5pt; margin: 0; }
    .form { margin-bottom: 14mm; }
    /* No bold anywhere: the CJK faces have no bold cut, and Skia draws synthetic bold as Type 3 glyphs. */
    h1 { font-family: var(--hei); font-size: 16pt; font-weight: normal; text-align: center; margin: 0 0 2mm; }
    .year { text-align: center; margin: 0 0 3mm; }
    table { border-collapse: collapse; table-layout: fixed; width: 180mm; }
    td { border: 0.8pt solid #000; padding: 1.6mm 0.6mm; vertical-align: middle; text-align: center;
         line-height: 1.35; word-break: break-all; }
    td.text { text-align: left; }
    /* Rows may break across pages (Word's default), so merged level cells split too. */`,
  landscape: `
    @page { size: A4 landscape; }
    body { font-family: var(--hei); font-size: 10pt; margin: 0; }
    .form { break-before: page; }
    .form:first-child { break-before: auto; }
    h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 1mm; letter-spacing: 1pt; }
    .year { text-align: center; margin: 0 0 3mm; font-size: 11pt; }
    table { border-collapse: collapse; table-layout: fixed; width: 273mm; }
    table + table { margin-top: -1pt; }
    td { border: 1pt solid #333; padding: 1.2mm 1.5mm; vertical-align: middle; text-align: left; line-height: 1.3; }
    td.lab { text-align: center; background: #e6e6e6; }
    td.num { text-align: right; }
    /* Rows never split; Chromium then also keeps each rowspan group whole, so
       this style breaks only between level-1 groups (or between forms). */
    tr { break-inside: avoid; }`,
  sheet: `
    @page { size: A4 portrait; }
    body { font-family: var(--song); font-size: 8pt; margin: 0; }
    table { border-collapse: collapse; table-layout: fixed; width: 190mm; }
    td { border: 0.3pt solid #777; padding: 0.2mm 0.8mm; height: 3.8mm; vertical-align: middle;
         text-align: left; line-height: 1.2; overflow-wrap: anywhere; }
    td.num { text-align: right; }
    td.lvl { vertical-align: top; }
    /* The 3.8 mm row height is tuned so that page 2 of the seed holds two whole
       forms (信息化建设项目, 信息化运维项目); re-check after changing sizes. */
    td.title { font-size: 12pt; text-align: center; height: 8mm; }
    td.year { text-align: center; }
    /* A spreadsheet breaks pages between rows only, but anywhere inside a merged
       range. break-inside on a <tr> would take its rowspan cells with it and
       keep whole level groups together, so it goes on the unmerged cells. */
    td:not([rowspan]) { break-inside: avoid; }`,
};

function colgroup(style: Style): string {
  return `<colgroup>${COLS[style].map((w) => `<col style="width:${w}mm">`).join("")}</colgroup>`;
}

function formHtml(f: FormDescription, style: Style): string {
  const year = f.year === null ? "" : `(${f.year} 年度)`;
  if (style === "sheet") {
    // One grid from title to grade; every row gets the empty leading and trailing cells.
    const o = { thousands: true };
    const rows = [
      `<tr>${td("", {})}${td(f.title, { c: 10, cls: "title" })}${td("")}</tr>`,
      `<tr>${td("", {})}${td(year, { c: 10, cls: "year" })}${td("")}</tr>`,
      ...headRows(f),
      ...fundingRows(f, o),
      ...goalRows(f),
      indicatorHeader(),
      ...indicatorRows(f),
      ...tailRows(f),
    ].map((r, i) => (i < 2 ? r : r.replace("<tr>", `<tr>${td("")}`).replace(/<\/tr>$/, `${td("")}</tr>`)));
    return rows.join("\n");
  }
  const o = { thousands: style === "narrow" };
  const head = `<h1>${esc(f.title)}</h1><p class="year">${esc(year)}</p>`;
  if (style === "narrow") {
    const rows = [...headRows(f), ...fundingRows(f, o), ...goalRows(f), indicatorHeader(), ...indicatorRows(f), ...tailRows(f)];
    return `<div class="form">${head}<table>${colgroup(style)}<tbody>${rows.join("\n")}</tbody></table></div>`;
  }
  // landscape: the indicator table is its own table so its header row can be a
  // <thead>, which Chromium repeats at the top of every page the table reaches.
  const upper = [...headRows(f), ...fundingRows(f, o), ...goalRows(f)];
  const lower = `<thead>${indicatorHeader()}</thead><tbody>${[...indicatorRows(f), ...tailRows(f)].join("\n")}</tbody>`;
  return (
    `<div class="form">${head}<table>${colgroup(style)}<tbody>${upper.join("\n")}</tbody></table>` +
    `<table>${colgroup(style)}${lower}</table></div>`
  );
}

/**
 * Font families behind the CSS variables --song (a Ming/Song face, what Word
 * and spreadsheets print in as 宋体) and --hei (a sans face, 黑体).
 *
 * The defaults are TrueType-outline fonts (Debian's fonts-arphic-uming and
 * fonts-wqy-microhei) because Chromium's Skia embeds those as subset CID
 * TrueType fonts (Identity-H with a ToUnicode map), the way Word and WPS
 * exports embed SimSun. Noto CJK is CFF-outline: Skia cannot subset it and
 * falls back to dozens of Type 3 fonts, 2-3 times larger; one fixture keeps
 * that on purpose (NOTO_FONTS), the styles do not.
 */
export interface Fonts {
  song: string;
  hei: string;
}
export const DEFAULT_FONTS: Fonts = { song: "AR PL UMing CN", hei: "WenQuanYi Micro Hei" };
export const NOTO_FONTS: Fonts = { song: "Noto Serif CJK SC", hei: "Noto Sans CJK SC" };

/** The whole document for a list of forms in one style. */
export function documentHtml(forms: FormDescription[], style: Style, docTitle: string, fonts: Fonts = DEFAULT_FONTS): string {
  const body =
    style === "sheet"
      ? // One sheet, forms separated by a blank grid row, as a workbook holding several forms prints.
        `<table>${colgroup(style)}<tbody>${forms.map((f) => formHtml(f, style)).join(`\n<tr>${td("").repeat(12)}</tr>\n`)}</tbody></table>`
      : forms.map((f) => formHtml(f, style)).join("\n");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(docTitle)}</title>` +
    `<style>:root { --song: "${fonts.song}"; --hei: "${fonts.hei}"; }${CSS[style]}</style></head>` +
    `<body>${body}</body></html>`;
}

/** Header/footer furniture: Chromium renders these templates into every page's margin. */
const FURNITURE_FONT = `font-family:'WenQuanYi Micro Hei'; font-size:8pt; width:100%; color:#444;`;

export function pageSetup(style: Style, runningHeader: string): PageSetup {
  switch (style) {
    case "narrow":
      // No furniture: many Word-made PDFs have none.
      return { landscape: false, margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } };
    case "landscape":
      return {
        landscape: true,
        margin: { top: "16mm", right: "12mm", bottom: "14mm", left: "12mm" },
        headerTemplate:
          `<div style="${FURNITURE_FONT} margin:0 12mm; display:flex; justify-content:space-between; ` +
          `border-bottom:0.5pt solid #888; padding-bottom:1mm;">` +
          `<span>${esc(runningHeader)}</span><span>项目支出绩效自评结果</span></div>`,
        footerTemplate: `<div style="${FURNITURE_FONT} text-align:center;">- <span class="pageNumber"></span> -</div>`,
      };
    case "sheet":
      return {
        landscape: false,
        margin: { top: "10mm", right: "10mm", bottom: "14mm", left: "10mm" },
        headerTemplate: `<div></div>`,
        // What a spreadsheet's default page footer prints.
        footerTemplate:
          `<div style="${FURNITURE_FONT} text-align:center;">` +
          `第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`,
      };
  }
}
