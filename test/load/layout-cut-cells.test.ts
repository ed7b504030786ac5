/**
 * Cells of `pdftotext -layout` text that pdftotext set away from their
 * columns or cut (level-label pieces right of their header's column, a
 * level cell cut at a page break, amounts wrapped around their row's middle
 * line), read from fixtures/corpus/: each is read into the cell it belongs
 * to. Expected values are those of each case's generating form
 * (fixtures/corpus/NNNN-*.json).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { layoutTextToSheet } from "../../src/load/layout.js";

const DIR = new URL("../../fixtures/corpus/", import.meta.url);
const sheetOf = (name: string) => layoutTextToSheet(readFileSync(new URL(`${name}.layout.txt`, DIR), "utf8"), name);
/** The cells of the row starting at `line` of `page`, as `col:text`. */
const rowAt = (name: string, page: number, line: number) => sheetOf(name).rows.find((r) => r.page === page && r.line === line)?.cells.map((c) => `${c.col}:${c.text}`);

describe("level pieces", () => {
  it("takes a level-2 label set right of its header's column, left of every name of its page (0024-calc, 数量 / 指标 at 6, 二级 at 3)", () => {
    // Form 3's first group is 产出指标 / 数量指标 / 服务覆盖率; its next row (设备维护完成率) is 时效指标's.
    expect(rowAt("0024-calc", 6, 205)?.slice(0, 3)).toEqual(["0:产出指标(36分)", "6:数量指标", "9:服务覆盖率"]);
    expect(rowAt("0024-calc", 7, 213)?.slice(0, 2)).toEqual(["3:时效指标", "7:设备维护完成率"]);
  });

  it("joins a level-2 label's pieces beside the level-1 label's (服务 / 对象 / 满意 / 度指 / 标 at 6-8, 0046-calc)", () => {
    expect(rowAt("0046-calc", 2, 83)?.slice(0, 3)).toEqual(["0:满意度指标(24分)", "6:服务对象满意度指标", "9:示范点建设数量"]);
  });

  it("goes on with a subtotal through a piece that reads like a measure (满意度指标（ / 56分 / ）, 0012-calc)", () => {
    expect(rowAt("0012-calc", 1, 39)?.slice(0, 2)).toEqual(["0:满意度指标（56分）", "6:服务对象满意度指标"]);
  });

  it("drops a reprint cut to its last line at the next page's top (分) of 产出指标(40分), 0046-calc) as named furniture", () => {
    const sheet = sheetOf("0046-calc");
    expect((sheet.furniture ?? []).filter((f) => f.kind === "repeated-cell").map((f) => `${f.page}:${f.line}:${f.text}`)).toContain("2:61:分)");
    expect(sheet.diagnostics.filter((d) => d.code === "layout.inferred-level")).toEqual([]);
  });
});

describe("amounts wrapped around their row's middle line", () => {
  it("joins 270 / 5.74 above and below the row's other values, beside a label wrapped as 其中:当年财政拨 / 款 (0017-chromium)", () => {
    // The form's row: 当年财政拨款 2762.94 2762.94 2705.74.
    expect(rowAt("0017-chromium", 1, 22)).toEqual(["24:其中:当年财政拨款", "37:2762.94", "42:2762.94", "47:2705.74", "50:-", "53:97.92", "80:-"]);
  });

  it("joins several amounts so wrapped (4174468 / … / 7.97, 0038-calc), and keeps two rows' integer scores apart (0039-chromium)", () => {
    // The form's row: 当年财政拨款 41744687.97 43263399.85 26992035.17.
    expect(rowAt("0038-calc", 1, 24)?.slice(1, 4)).toEqual(["28:41744687.97", "33:43263399.85", "38:26992035.17"]);
    // 培训满意度 5 5 and 培训参与人数 6 6, around 8.00 8.00 of the row between.
    expect(rowAt("0039-chromium", 2, 83)?.slice(-2).map((c) => c.replace(/^\d+:/, ""))).toEqual(["5", "5"]);
  });
});

describe("funding values on a page without their header or full row", () => {
  it("are each said to be placed by guess (0026-calc: 上年结转资金 0.00 0.00 0.00 atop page 4, its header and 年度资金总额 on page 3)", () => {
    // The form's row holds 0.00 for its three amounts and no 分值 or 执行率: whichever of these the loader misplaced, it is quoted.
    const doubts = sheetOf("0026-calc").diagnostics.filter((d) => d.code === "layout.inferred-column" && d.page === 4 && d.line === 107);
    expect(doubts.map((d) => d.quotes?.[0]?.text)).toEqual(["0.00", "0.00", "0.00"]);
    expect(doubts.map((d) => d.cell).sort()).toEqual([53, 70, 78]);
    expect(doubts.every((d) => /another page|a page without its header/.test(d.message))).toBe(true);
  });
});

describe("a cell's text set in two on its line", () => {
  it("quotes the rows from one holding more cells before its 分值 than the header has columns (全年正常运  营, 0039-chromium)", () => {
    // The form's row: 产出指标 成本指标 服务满意度 效果明显 全年正常运营 27.00 27.00 — five cells before 分值, as the header prints.
    const rows = sheetOf("0039-chromium").diagnostics.filter((d) => d.code === "layout.inferred-rows" && d.page === 1 && d.line === 30);
    expect(rows.map((d) => [d.line, d.quotes?.slice(0, 6).map((q) => q.text)])).toEqual([[30, ["产出指标", "成本指标", "服务满意度", "效果明显", "全年正常运", "营"]]]);
    expect(rows[0]!.message).toContain("6 cells before its 分值, the header 5 columns");
  });
});

describe("funding values left as printed", () => {
  it("are each flagged, those overlapping no header column too (0013-chromium: 上年结转资金 and 其他资金 read as one row)", () => {
    const cells = sheetOf("0013-chromium").diagnostics.filter((d) => d.code === "layout.inferred-column" && d.page === 3 && d.line === 51).map((d) => d.cell);
    // The row's 12 values: 0.00 at 15, 25, 30, 33, 39, 46, 49 and dashes at 44, 58, 59, 66, 74.
    expect(cells.sort((a, b) => a! - b!)).toEqual([15, 25, 30, 33, 39, 44, 46, 49, 58, 59, 66, 74]);
  });
});
