/**
 * A case as the HTML an office program writes when it saves a form "as a web
 * page" (Word's and Excel's filtered HTML), the other HTML that departments
 * publish besides a hand-made table:
 * - upper-case tags, unquoted attributes, an XML-namespaced <html>, the
 *   charset in <meta http-equiv>, MSO conditional comments;
 * - the title and year as centred paragraphs of spans;
 * - every cell's text inside <p class=MsoNormal><span>…</span></p>, spread
 *   over indented lines, empty cells as &nbsp;, labels as <th> on some seeds;
 * - wrapped labels broken by <br> (项目资金<br>（万元）, 产出<br>指标), where a
 *   narrow column wraps them;
 * - numbers with Excel's x:num attribute; a last hidden row of empty cells
 *   giving the column widths (Excel's supportMisalignedColumns row);
 * - on some seeds, cells left unclosed (<TD>text<TD>…), which old publishing
 *   systems write and HTML's implied end tags close.
 * The grid is scripts/corpus/grid.ts's, so the expected fields are the case's.
 */
import type { CorpusCase } from "../corpus/case.js";
import { COLUMNS, formGrid, type GridCell } from "../corpus/grid.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Where a narrow column wraps a label: after the first two characters of a level name, before a bracket. */
function wrapped(text: string, cls: GridCell["cls"]): string {
  if (cls === "lab") return esc(text).replace(/^(.+?)([（(])/, "$1<BR>$2");
  if (cls === "lvl" && text.length >= 4 && /^[\u4e00-\u9fff]+$/.test(text)) return `${esc(text.slice(0, 2))}<BR>${esc(text.slice(2))}`;
  return esc(text).replace(/\n/g, "<BR>");
}

function cellHtml(c: GridCell, o: { th: boolean; unclosed: boolean; narrow: boolean }): string {
  const tag = o.th && c.cls === "lab" ? "TH" : "TD";
  const attrs = [c.colspan > 1 ? ` colspan=${c.colspan}` : "", c.rowspan > 1 ? ` rowspan=${c.rowspan}` : "", ` class=xl${c.cls === "num" ? 66 : 65}`];
  const plain = c.text.replace(/,/g, "");
  if (c.cls === "num" && /^\d+(\.\d+)?$/.test(plain)) attrs.push(` x:num="${plain}"`);
  const body = c.text === "" ? "&nbsp;" : o.narrow ? wrapped(c.text, c.cls) : esc(c.text).replace(/\n/g, "<BR>");
  const inner = `\n    <P class=MsoNormal align=center><SPAN lang=ZH-CN style='font-family:宋体'>${body}</SPAN><o:p></o:p></P>\n   `;
  return `   <${tag}${attrs.join("")}>${inner}${o.unclosed ? "" : `</${tag}>`}\n`;
}

/** The case's page as an office program saves it, UTF-8 declared in <meta http-equiv>. */
export function officeHtml(c: CorpusCase): string {
  const o = { th: c.seed % 3 === 0, unclosed: c.seed % 5 === 0, narrow: c.rendering.labelColumns === "narrow" };
  const forms = c.forms.map((f) => {
    const [title, year, ...rows] = formGrid(f, c.rendering);
    const trs = rows.map((r) => ` <TR height=32 style='height:24.0pt'>\n${r.cells.map((x) => cellHtml(x, o)).join("")}${o.unclosed ? "" : " </TR>\n"}`);
    const widths = `<![if supportMisalignedColumns]>\n <TR height=0 style='display:none'>\n${"   <TD width=72 style='width:54pt'></TD>\n".repeat(COLUMNS)} </TR>\n <![endif]>`;
    return (
      `<P class=MsoNormal align=center style='text-align:center'><B><SPAN style='font-size:16.0pt'>${esc(title!.cells[0]!.text)}</SPAN></B></P>\n` +
      `<P class=MsoNormal align=center style='text-align:center'><SPAN>${esc(year!.cells[0]!.text) || "&nbsp;"}</SPAN></P>\n` +
      `<TABLE border=1 cellspacing=0 cellpadding=0 width=100% style='border-collapse:collapse'>\n${trs.join("")}${widths}\n</TABLE>\n<P class=MsoNormal>&nbsp;</P>\n`
    );
  });
  return (
    `<HTML xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n` +
    `<HEAD>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">\n<META NAME=Generator CONTENT="Microsoft Word 15">\n` +
    `<TITLE>项目支出绩效自评表</TITLE>\n<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\n` +
    `<STYLE>\n<!-- p.MsoNormal {margin:0cm; font-size:10.5pt;} td {border:.5pt solid windowtext;} -->\n</STYLE>\n</HEAD>\n` +
    `<BODY lang=ZH-CN style='tab-interval:21.0pt'>\n<DIV class=WordSection1>\n${forms.join("")}</DIV>\n</BODY>\n</HTML>\n`
  );
}
