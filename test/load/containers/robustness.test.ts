/**
 * Untrusted containers never make a loader throw anything but an
 * InputError, and the bounds hold.
 */
import { utils, write } from "@e965/xlsx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../../src/load/docx/reader.js";
import { InputError } from "../../../src/load/errors.js";
import { loadHtml } from "../../../src/load/html/index.js";
import { readHtml } from "../../../src/load/html/reader.js";
import { loadSpreadsheet } from "../../../src/load/xlsx/index.js";
import { parseBytes } from "../../../src/parse.js";

const tag = fc.constantFrom("<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td rowspan="3">', '<td colspan="0">', '<th rowspan="-1">',
  "<br>", "<p>", "</p>", "<nav>", "</nav>", "<script>", "</script>", '<div style="display:none">', "</div>", "<caption>", "&nbsp;", "&#xFFFF;", "项目名称", "1,121.92");
const wordTag = fc.constantFrom("<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:p>", "</w:p>", "<w:t>", "</w:t>", '<w:vMerge w:val="restart"/>',
  "<w:vMerge/>", '<w:gridSpan w:val="99999"/>', '<w:gridBefore w:val="x"/>', "<w:br/>", "文字", "&amp;");

describe("the readers take any markup", () => {
  it("readHtml never throws, and its tables' cells lie on their grid", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, fc.string()), { maxLength: 60 }), (parts) => {
        const { blocks } = readHtml(parts.join(""));
        for (const b of blocks) if (b.kind === "table") for (const c of b.cells) expect(c.col >= 0 && c.rowSpan >= 1 && c.colSpan >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("readDocx never throws", () => {
    fc.assert(fc.property(fc.array(fc.oneof(wordTag, fc.string()), { maxLength: 60 }), (parts) => void readDocx(parts.join(""))), { numRuns: 300 });
  });

  it("parseBytes on damaged bytes fails, if at all, with an InputError", async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([["项目名称", "甲"]]), "s");
    const xlsx = new Uint8Array(write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: xlsx.length - 1 }), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
        const b = xlsx.slice();
        b[at] = byte;
        try {
          await parseBytes(b, { source: "x", verify: false });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("bounds", () => {
  it("a workbook past maxCells is input.too-large", () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet(Array.from({ length: 50 }, (_, r) => Array.from({ length: 10 }, (_, c) => `${r}-${c}`))), "s");
    const b = new Uint8Array(write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    expect(() => loadSpreadsheet(b, "x.xlsx", "xlsx", { maxCells: 100 })).toThrow(expect.objectContaining({ code: "input.too-large" }));
    expect(loadSpreadsheet(b, "x.xlsx", "xlsx").sheet.rows).toHaveLength(50);
  });

  it("an HTML page past maxBytes is input.too-large", () => {
    expect(() => loadHtml(new Uint8Array(2000).fill(0x20), "x.html", { maxBytes: 1000 })).toThrow(expect.objectContaining({ code: "input.too-large" }));
  });
});
