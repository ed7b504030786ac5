/**
 * Word writes a text box twice, as a DrawingML shape (mc:Choice) and as its
 * VML fallback (mc:Fallback). Taken from the container soak's Word-made
 * documents (scripts/containers-soak/word-docx.ts): a title in a text box was
 * read twice, and the form was preceded by a title with no form after it
 * (form.title-only).
 */
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/load/docx/reader.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const box = (choice: string, fallback: string) =>
  `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${choice}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${fallback}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const lines = (xml: string) => readDocx(xml).map((b) => (b.kind === "line" ? b.text : `table ${b.table}`));

describe("Word text boxes (mc:AlternateContent)", () => {
  it("a text box's text is read once, from the choice", () => {
    expect(lines(doc(box(para("财政项目支出绩效自评表"), para("财政项目支出绩效自评表")) + para("（2023年度）")))).toEqual(["财政项目支出绩效自评表", "（2023年度）"]);
  });

  it("a fallback holding a table is skipped whole when the choice was read, and the tables after it keep their order", () => {
    const table = `<w:tbl><w:tr><w:tc>${para("项目名称")}</w:tc></w:tr></w:tbl>`;
    expect(lines(doc(box(table, table) + table))).toEqual(["table 0", "table 1"]);
  });

  it("the fallback is read when the choice held no text (a picture, say)", () => {
    expect(lines(doc(box("<w:p/>", para("评分等级")) + para("优")))).toEqual(["评分等级", "优"]);
  });

  it("text boxes nested in a fallback do not end the skipping early", () => {
    const inner = box(para("内"), para("内"));
    expect(lines(doc(box(para("外") + inner, para("外") + inner) + para("后")))).toEqual(["外", "内", "后"]);
  });
});
