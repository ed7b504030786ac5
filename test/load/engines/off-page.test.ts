/**
 * Text drawn outside the page box, which both engines' text layers drop, is
 * listed as `off-page` furniture, the same under both engines, and the
 * ledger accounts for it. fixtures/pdf/odd/off-page.pdf is narrow-one.pdf
 * with two lines drawn off the page (scripts/pdf-fixtures/off-page.ts says
 * which); the expected text is the generator's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OFF_PAGE_TEXT } from "../../../scripts/pdf-fixtures/off-page.js";
import { ledger } from "../../../src/ledger/index.js";
import { pdfJsOffPageText } from "../../../src/load/pdf/offpage.js";
import { parseWithSheet } from "../../../src/parse.js";
import { fixture } from "../../helpers.js";

const ENGINES = ["pdfjs", "pdfium"] as const;
const read = (engine: (typeof ENGINES)[number], name: string) =>
  parseWithSheet(new Uint8Array(readFileSync(fixture(name))), { source: name, pdf: { engine } });

describe("text outside the page box", () => {
  // The two lines are two text objects with nothing between them: one word each, joined as drawn.
  const expected = [{ text: OFF_PAGE_TEXT.map((t) => t.text).join(""), kind: "off-page", page: 1 }];

  it.each(ENGINES)("%s: listed as off-page furniture, quoting it and naming the page", async (engine) => {
    const { sheet } = await read(engine, "pdf/odd/off-page.pdf");
    expect(sheet.furniture?.filter((f) => f.kind === "off-page")).toEqual(expected);
  });

  it.each(ENGINES)("%s: the form is read as from narrow-one.pdf, and the ledger accounts for the off-page text as furniture", async (engine) => {
    const off = await read(engine, "pdf/odd/off-page.pdf");
    const plain = await read(engine, "pdf/seed/narrow-one.pdf");
    expect(plain.sheet.furniture?.filter((f) => f.kind === "off-page")).toEqual([]);
    expect(off.document.forms).toEqual(plain.document.forms);
    const l = ledger(off.sheet, off.document);
    expect(l.entries.filter((e) => e.furniture === "off-page")).toEqual([{ text: expected[0]!.text, page: 1, account: "furniture", furniture: "off-page" }]);
    expect(l.characters.unaccounted).toBe(0);
    expect(l.characters.furniture - ledger(plain.sheet, plain.document).characters.furniture).toBe(expected[0]!.text.replace(/\s/g, "").length);
  });
});

describe("pdf.js: what the text layer left out, from the operator list", () => {
  const OPS = { showText: 1, showSpacedText: 2, beginAnnotation: 3, endAnnotation: 4, save: 5 };
  const show = (s: string) => [Array.from(s, (unicode) => ({ unicode, width: 500 }))];
  const ops = (...texts: Array<string | number>) => ({
    fnArray: texts.map((t) => (typeof t === "number" ? t : OPS.showText)),
    argsArray: texts.map((t) => (typeof t === "number" ? [] : show(t))),
  });
  const items = (...strs: string[]) => strs.map((str) => ({ str }));

  it("aligns the drawn glyphs with the text layer in order: a dropped word equal to a kept one is found where it was drawn", () => {
    expect(pdfJsOffPageText(ops("项目", "项目名称"), OPS, items("项目名称"))).toBe("项目");
    expect(pdfJsOffPageText(ops("项目名称", "项目"), OPS, items("项目名称"))).toBe("项目");
  });

  it("puts a space where whitespace or kept text came between dropped characters", () => {
    expect(pdfJsOffPageText(ops("PROOF 1", "kept", "X"), OPS, items("kept"))).toBe("PROOF 1 X");
  });

  it("nothing when the text layer kept everything; NFKC as pdf.js folds its text layer", () => {
    expect(pdfJsOffPageText(ops("⽬标 ﬁ"), OPS, items("目标", "fi"))).toBe("");
  });

  it("leaves annotation appearances out", () => {
    expect(pdfJsOffPageText(ops("正文", OPS.beginAnnotation, "批注", OPS.endAnnotation), OPS, items("正文"))).toBe("");
  });

  it("a text layer in another order than the drawing: the drawn characters beyond those kept, by count", () => {
    expect(pdfJsOffPageText(ops("甲乙", "丙丁", "戊"), OPS, items("丙丁", "甲乙"))).toBe("戊");
  });
});
