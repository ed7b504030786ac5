import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../../src/parse.js";
import { fixture } from "../../helpers.js";
import { compareFields } from "./fields.js";

/*
 * The seed's seven forms as flattened text (fixtures/flat/, made by
 * scripts/flat-fixtures/generate.ts from the committed seed PDFs and the HTML
 * rendering of fixtures/seed/expected.json), read field for field against
 * that expected.json.
 */

const read = (name: string) => parseText(readFileSync(fixture(`flat/${name}`)), { source: name, verify: false });

describe("a PDF viewer's select-all-copy (pdf.js text items in stream order)", () => {
  for (const style of ["narrow", "landscape", "sheet"]) {
    it(`${style}.viewer.txt: every field of the seven forms`, async () => {
      const doc = await read(`${style}.viewer.txt`);
      expect(doc.source.kind).toBe("text-flat");
      expect(doc.forms).toHaveLength(7);
      const { total, wrong } = compareFields(doc.forms);
      expect(total).toBe(1410); // 1403 before each form got its `template`
      expect(wrong).toEqual([]);
      // Nothing left over, and every inference said.
      expect(doc.diagnostics.filter((d) => d.code === "layout.unplaced-text" || d.code.startsWith("grammar."))).toEqual([]);
      expect(doc.diagnostics.filter((d) => d.code === "layout.inferred-columns").length).toBeGreaterThanOrEqual(7);
    });
  }

  it("narrow.viewer.txt: amounts that wrapped in the narrow funding columns are joined back, and said so", async () => {
    const doc = await read("narrow.viewer.txt");
    const f7 = doc.forms[6]!;
    expect(f7.funding[0]!.executed).toBe("2584.52");
    const joined = doc.diagnostics.filter((d) => d.form === 7 && d.message.includes("2,584.5 + 2"));
    expect(joined).toHaveLength(2);
    expect(joined.every((d) => d.code === "layout.inferred-columns")).toBe(true);
  });

  it("keeps the line and character offset of each value", async () => {
    const text = readFileSync(fixture("flat/landscape.viewer.txt"), "utf8");
    const doc = await read("landscape.viewer.txt");
    const lines = text.split("\n");
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
    const f1 = doc.forms[0]!;
    const funding = lineOf("年度资金总额:");
    expect(f1.provenance["funding[0].executed"]).toEqual({ line: funding + 1, cell: lines[funding]!.indexOf("196.69"), page: 1 });
    const row = lineOf("日均餐饮伙食供应人数");
    expect(f1.provenance["indicators[1].target"]).toEqual({ line: row + 1, cell: lines[row]!.indexOf("≥250(人)"), page: 1 });
    expect(f1.provenance["projectName"]).toEqual({ line: lineOf("项目名称") + 1, cell: "项目名称 ".length, page: 1 });
  });
});

describe("a browser's copy of the HTML page", () => {
  it("browser.txt (Chromium puts tabs between cells): read as a tab export", async () => {
    const doc = await read("browser.txt");
    expect(doc.source.kind).toBe("text-tsv");
    const { wrong } = compareFields(doc.forms);
    expect(wrong).toEqual([]);
    // innerText breaks a cell's paragraphs onto lines of their own, with no tab: form 7's 实际完成情况
    // has five paragraphs, four of them on lines that start in the first column. Joining them is said.
    const continued = doc.diagnostics.filter((d) => d.code === "layout.continued-cell");
    expect(continued.map((d) => [d.form, d.severity])).toEqual([[7, "info"]]);
    expect(doc.diagnostics.filter((d) => d.code === "form.unread-cells")).toEqual([]);
  });

  it("browser.spaces.txt (the copy pasted where tabs are lost): every field", async () => {
    const doc = await read("browser.spaces.txt");
    expect(doc.source.kind).toBe("text-flat");
    expect(compareFields(doc.forms).wrong).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === "layout.unplaced-text" || d.code.startsWith("grammar."))).toEqual([]);
  });
});

describe("pdftotext without -layout (block order)", () => {
  for (const style of ["narrow", "landscape", "sheet"]) {
    it(`${style}.pdftotext.txt: read as flattened text, and every form flagged as out of reading order`, async () => {
      const doc = await read(`${style}.pdftotext.txt`);
      expect(doc.source.kind).toBe("text-flat");
      const flagged = new Set(doc.diagnostics.filter((d) => d.code === "layout.reading-order").map((d) => d.form));
      expect(flagged.size).toBe(doc.forms.length);
      expect(doc.forms.map((f) => f.title)).toEqual(Array(7).fill("财政项目支出绩效自评表"));
    });
  }
});
