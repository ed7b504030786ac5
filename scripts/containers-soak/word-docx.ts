/**
 * A case as a .docx written the way Microsoft Word writes one, not as
 * LibreOffice converts HTML: word/document.xml made here from the corpus grid
 * (scripts/corpus/grid.ts), so the expected fields are the case's.
 * - merged cells as Word marks them: w:gridSpan, and w:vMerge="restart" with
 *   an explicit empty continuation cell (<w:vMerge/>) in every row below;
 * - cell text split over several runs, with proofing marks and a bookmark
 *   between them, xml:space="preserve";
 * - wrapped labels broken by <w:br/> where a narrow column wraps them;
 * - a tracked deletion (w:del/w:delText) and insertion (w:ins) in the goals;
 * - on even seeds the title in a text box, which Word writes twice: as a
 *   DrawingML shape (mc:Choice) and as its VML fallback (mc:Fallback), of
 *   which a reader shows one; on odd seeds in a content control (w:sdt).
 */
import { strToU8, zipSync } from "fflate";
import type { CorpusCase } from "../corpus/case.js";
import { COLUMNS, formGrid, type GridCell, type GridRow } from "../corpus/grid.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text as Word's runs: split at a third and two thirds of its length, with marks between the runs. */
function runs(text: string): string {
  const chars = [...text];
  const cuts = chars.length >= 6 ? [Math.floor(chars.length / 3), Math.floor((2 * chars.length) / 3)] : [];
  const pieces = [0, ...cuts, chars.length].slice(1).map((end, i, a) => chars.slice(i === 0 ? 0 : a[i - 1], end).join(""));
  const marks = ['<w:proofErr w:type="gramStart"/>', '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'];
  return pieces.map((p, i) => `${i > 0 ? marks[(i - 1) % 2] : ""}<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(p)}</w:t></w:r>`).join("");
}

/** A cell's text as runs, with the breaks a narrow column puts into wrapped labels. */
function cellRuns(c: GridCell, narrow: boolean): string {
  let parts = [c.text];
  if (narrow && c.cls === "lab" && /[（(]/.test(c.text.slice(1))) parts = c.text.split(/(?=[（(])/);
  else if (narrow && c.cls === "lvl" && /^[\u4e00-\u9fff]{4,}$/.test(c.text)) parts = [c.text.slice(0, 2), c.text.slice(2)];
  return parts.map(runs).join('<w:r><w:br/></w:r>');
}

function paragraph(body: string, center = true): string {
  return `<w:p><w:pPr>${center ? '<w:jc w:val="center"/>' : ""}</w:pPr>${body}</w:p>`;
}

function tableXml(rows: GridRow[], narrow: boolean): string {
  const open = new Map<number, { col: number; colspan: number; left: number }>(); // col → cell merged down
  const trs = rows.map((r) => {
    const byCol = new Map(r.cells.map((c) => [c.col, c]));
    const tcs: string[] = [];
    for (let col = 0; col < COLUMNS; ) {
      const c = byCol.get(col);
      const above = open.get(col);
      if (c) {
        const span = c.colspan > 1 ? `<w:gridSpan w:val="${c.colspan}"/>` : "";
        const merge = c.rowspan > 1 ? '<w:vMerge w:val="restart"/>' : "";
        if (c.rowspan > 1) open.set(col, { col, colspan: c.colspan, left: c.rowspan - 1 });
        const goals = c.cls === "text" && c.text !== "" && r.kind === "goals:text";
        const body = c.text === "" ? "" : goals
          ? `${cellRuns(c, narrow)}<w:del w:id="1" w:author="审核" w:date="2024-03-01T00:00:00Z"><w:r><w:delText>（初稿，待修改）</w:delText></w:r></w:del><w:ins w:id="2" w:author="审核" w:date="2024-03-01T00:00:00Z"></w:ins>`
          : cellRuns(c, narrow);
        tcs.push(`<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>${paragraph(body, c.cls !== "text")}</w:tc>`);
        col += c.colspan;
      } else if (above) {
        // Word writes a cell under a vertical merge as an empty continuation cell.
        tcs.push(`<w:tc><w:tcPr>${above.colspan > 1 ? `<w:gridSpan w:val="${above.colspan}"/>` : ""}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        if (--above.left === 0) open.delete(col);
        col += above.colspan;
      } else {
        tcs.push(`<w:tc><w:tcPr/><w:p/></w:tc>`);
        col++;
      }
    }
    return `<w:tr><w:trPr>${r.indicatorHeader ? "<w:tblHeader/>" : ""}</w:trPr>${tcs.join("")}</w:tr>`;
  });
  const grid = `<w:tblGrid>${'<w:gridCol w:w="900"/>'.repeat(COLUMNS)}</w:tblGrid>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>${grid}${trs.join("")}</w:tbl>`;
}

/** The title as a text box: the DrawingML shape and the VML fallback, each holding the paragraph. */
function textBox(title: string): string {
  const content = `<w:txbxContent>${paragraph(runs(title))}</w:txbxContent>`;
  return `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="400000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" type="#_x0000_t202" style="width:393.7pt;height:31.5pt"><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'mc:Ignorable="wps"',
].join(" ");

/** The case's forms as a Word document's bytes. */
export function wordDocx(c: CorpusCase): Uint8Array {
  const narrow = c.rendering.labelColumns === "narrow";
  const body = c.forms.map((f, i) => {
    const [title, year, ...rows] = formGrid(f, c.rendering);
    const t = title!.cells[0]!.text;
    const head = c.seed % 2 === 0
      ? textBox(t)
      : `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>${paragraph(runs(t))}</w:sdtContent></w:sdt>`;
    const y = year!.cells[0]!.text;
    return `${i > 0 ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : ""}${head}${y ? paragraph(runs(y)) : ""}${tableXml(rows, narrow)}<w:p/>`;
  });
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  return zipSync({ "[Content_Types].xml": strToU8(types), "_rels/.rels": strToU8(rels), "word/document.xml": strToU8(document) });
}
