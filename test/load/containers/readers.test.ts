/**
 * The pieces of the container loaders on small hand-written inputs: table
 * grids with spans, line breaks and entities, nested layout tables, chrome,
 * encodings, Word merges, and numbers read as printed.
 */
import { utils, write } from "@e965/xlsx";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { blocksToSheet, placeCells } from "../../../src/load/blocks.js";
import { readDocx } from "../../../src/load/docx/reader.js";
import { readOdt } from "../../../src/load/odt/reader.js";
import { decodeHtml } from "../../../src/load/html/encoding.js";
import { loadHtml } from "../../../src/load/html/index.js";
import { readHtml } from "../../../src/load/html/reader.js";
import { loadSpreadsheet } from "../../../src/load/xlsx/index.js";

const cellsOf = (html: string) =>
  blocksToSheet(readHtml(html).blocks, "t", "html").rows.map((r) => r.cells.map((c) => [c.text, c.col, c.origin]));

describe("HTML tables", () => {
  it("places rowspan and colspan on the grid, a merged cell once with its span", () => {
    const rows = cellsOf(`<table>
      <tr><td rowspan="2">一级指标</td><td colspan="2">名称</td><td>分值</td></tr>
      <tr><td>甲</td><td>乙</td><td>5.00</td></tr>
      <tr><td>丙</td><td colspan=3>丁</td></tr></table>`);
    expect(rows).toEqual([
      [["一级指标", 0, { table: 0, row: 0, column: 0, rowSpan: 2 }], ["名称", 1, { table: 0, row: 0, column: 1, colSpan: 2 }], ["分值", 3, { table: 0, row: 0, column: 3 }]],
      [["甲", 1, { table: 0, row: 1, column: 1 }], ["乙", 2, { table: 0, row: 1, column: 2 }], ["5.00", 3, { table: 0, row: 1, column: 3 }]],
      [["丙", 0, { table: 0, row: 2, column: 0 }], ["丁", 1, { table: 0, row: 2, column: 1, colSpan: 3 }]],
    ]);
  });

  it("a rowspan past the table's end stops at its last row; rowspan=0 runs to the end", () => {
    expect(placeCells([[{ text: "a", rowSpan: 9, colSpan: 1 }, { text: "b", rowSpan: 1, colSpan: 1 }], [{ text: "c", rowSpan: 0, colSpan: 1 }]]))
      .toEqual([{ text: "a", row: 0, col: 0, rowSpan: 2, colSpan: 1 }, { text: "b", row: 0, col: 1, rowSpan: 1, colSpan: 1 }, { text: "c", row: 1, col: 1, rowSpan: 1, colSpan: 1 }]);
  });

  it("reads <br> and <p> as line breaks, decodes entities, collapses other whitespace", () => {
    const rows = cellsOf(`<table><tr><td><p>一是&nbsp;完成  任务；</p><p>二是&lt;按时&gt;&amp;
      足额</p></td><td>甲<br>乙<br/>丙</td><td>&#8805;250(&#20154;)</td><td>  &nbsp; </td></tr></table>`);
    expect(rows).toEqual([[["一是 完成 任务；\n二是<按时>& 足额", 0, expect.anything()], ["甲\n乙\n丙", 1, expect.anything()], ["≥250(人)", 2, expect.anything()]]]);
  });

  it("td and tr without end tags, as old pages write them", () => {
    expect(cellsOf("<table><tr><td>项目名称<td>甲<tr><td>主管部门<td>乙</table>").map((r) => r.map((c) => c[0]))).toEqual([["项目名称", "甲"], ["主管部门", "乙"]]);
  });

  it("a layout table around forms: its own text is lines, each inner table a table of its own", () => {
    const { blocks } = readHtml(`<table><tr><td>左栏文字</td><td><h1>标题</h1>
      <table><tr><td>项目名称</td><td>甲</td></tr></table><p>中间</p>
      <table><tr><td>项目名称</td><td>乙</td></tr></table></td></tr></table>`);
    expect(blocks).toEqual([
      { kind: "line", text: "左栏文字", origin: { table: 0, row: 0, column: 0 } },
      { kind: "line", text: "标题", origin: { table: 0, row: 0, column: 1 } },
      { kind: "table", table: 1, cells: [{ text: "项目名称", row: 0, col: 0, rowSpan: 1, colSpan: 1 }, { text: "甲", row: 0, col: 1, rowSpan: 1, colSpan: 1 }] },
      { kind: "line", text: "中间", origin: { table: 0, row: 0, column: 1 } },
      { kind: "table", table: 2, cells: [{ text: "项目名称", row: 0, col: 0, rowSpan: 1, colSpan: 1 }, { text: "乙", row: 0, col: 1, rowSpan: 1, colSpan: 1 }] },
    ]);
  });

  it("text outside tables is lines in document order; chrome, hidden and script text is not", () => {
    const { blocks, chrome } = readHtml(`<html><head><title>页面</title><style>td{}</style></head><body>
      <nav>首页 | 公开</nav><div class="crumbs">位置</div><h1>财政项目支出绩效自评表</h1><p>(2023 年度)</p>
      <div style="display: none">隐藏</div><span hidden>也隐藏</span><script>var x = "脚本";</script>
      <footer>版权</footer></body></html>`);
    expect(blocks).toEqual([{ kind: "line", text: "财政项目支出绩效自评表" }, { kind: "line", text: "(2023 年度)" }]);
    expect(chrome).toEqual([
      { element: "<title>", text: "页面" },
      { element: "<nav>", text: "首页 | 公开" },
      { element: '<div class="crumbs">', text: "位置" },
      { element: "hidden <div>", text: "隐藏" },
      { element: "hidden <span>", text: "也隐藏" },
      { element: "<footer>", text: "版权" },
    ]);
  });
});

describe("HTML page chrome by class and id", () => {
  it("a class naming chrome is chrome, one that also names content is not", () => {
    const { blocks, chrome } = readHtml(`<div class="site-footer">页脚</div><div id="top_nav">导航</div><div class="article-header"><h1>财政项目支出绩效自评表</h1></div>
      <div class="wz_content">正文</div><div class="dqwz">当前位置</div><table class="header"><tr><td class="header">项目名称</td><td class="menu-cell">菜单</td></tr></table>`);
    expect(chrome.map((c) => c.text)).toEqual(["页脚", "导航", "当前位置", "菜单"]);
    expect(blocks.map((b) => (b.kind === "line" ? b.text : b.cells.map((c) => c.text).join("|")))).toEqual(["财政项目支出绩效自评表", "正文", "项目名称"]);
  });
});

describe("HTML encodings", () => {
  // "项目" in GBK
  const gbk = [0xcf, 0xee, 0xc4, 0xbf];
  it("the BOM first, then <meta charset>, then <meta http-equiv>, else UTF-8", () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8("<p>项目</p>")]), "t")).toMatchObject({ encoding: "utf-8", guessed: false });
    expect(decodeHtml(new Uint8Array([...strToU8('<meta charset="GBK"><p>'), ...gbk]), "t")).toMatchObject({ text: '<meta charset="GBK"><p>项目', encoding: "gb18030" });
    expect(decodeHtml(new Uint8Array([...strToU8('<meta http-equiv="content-type" content="text/html; charset=gb2312">'), ...gbk]), "t").text).toMatch(/项目$/);
    expect(decodeHtml(strToU8("<p>项目</p>"), "t")).toEqual({ text: "<p>项目</p>", encoding: "utf-8", guessed: false });
  });

  it("an undeclared page that is not UTF-8 is read as GB18030, and says so", () => {
    const loaded = loadHtml(new Uint8Array([...strToU8("<html><body><p>"), ...gbk]), "t");
    expect(loaded.encoding).toBe("gb18030");
    expect(loaded.sheet.rows[0]!.cells[0]!.text).toBe("项目");
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["html.encoding-guessed"]);
  });

  it("a declared charset the bytes do not match is input.encoding", () => {
    expect(() => loadHtml(new Uint8Array([...strToU8('<meta charset="utf-8"><p>'), ...gbk]), "t")).toThrow(/not valid UTF-8/);
  });
});

describe("Word tables", () => {
  const tc = (text: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  it("gridSpan widens a cell, vMerge restart/continue merges down, gridBefore skips columns", () => {
    const xml = `<w:document><w:body><w:p><w:r><w:t>财政项目</w:t></w:r><w:r><w:t xml:space="preserve">支出绩效自评表</w:t></w:r></w:p><w:tbl>
      <w:tr>${tc("产出指标", '<w:vMerge w:val="restart"/>')}${tc("名称", '<w:gridSpan w:val="2"/>')}${tc("5.00")}</w:tr>
      <w:tr>${tc("", "<w:vMerge/>")}${tc("甲")}${tc("乙")}${tc("3.00")}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("丙")}<w:tc><w:p><w:r><w:t>丁</w:t><w:br/><w:t>戊</w:t></w:r></w:p><w:p><w:r><w:t>己</w:t></w:r></w:p></w:tc></w:tr>
      </w:tbl></w:body></w:document>`;
    expect(readDocx(xml)).toEqual([
      { kind: "line", text: "财政项目支出绩效自评表" },
      {
        kind: "table", table: 0, cells: [
          { text: "产出指标", row: 0, col: 0, rowSpan: 2, colSpan: 1 },
          { text: "名称", row: 0, col: 1, rowSpan: 1, colSpan: 2 },
          { text: "5.00", row: 0, col: 3, rowSpan: 1, colSpan: 1 },
          { text: "甲", row: 1, col: 1, rowSpan: 1, colSpan: 1 },
          { text: "乙", row: 1, col: 2, rowSpan: 1, colSpan: 1 },
          { text: "3.00", row: 1, col: 3, rowSpan: 1, colSpan: 1 },
          { text: "丙", row: 2, col: 1, rowSpan: 1, colSpan: 1 },
          { text: "丁\n戊\n己", row: 2, col: 2, rowSpan: 1, colSpan: 1 },
        ],
      },
    ]);
  });

  it("deleted text and field codes are not text", () => {
    const xml = `<w:document><w:body><w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>`;
    expect(readDocx(xml)).toEqual([{ kind: "line", text: "保留" }]);
  });
});

describe("OpenDocument text tables", () => {
  it("covered cells hold their places; spans come from number-columns/rows-spanned; text:s and line breaks are text", () => {
    const p = (t: string) => `<text:p>${t}</text:p>`;
    const xml = `<office:text><text:h>财政项目支出绩效自评表</text:h><table:table>
      <table:table-row><table:table-cell table:number-rows-spanned="2" table:number-columns-spanned="2">${p("项目资金")}</table:table-cell><table:covered-table-cell/><table:table-cell>${p("年初<text:s text:c=\"2\"/>预算数")}</table:table-cell></table:table-row>
      <table:table-row><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell>${p("1,121.92")}</table:table-cell></table:table-row>
      <table:table-row><table:table-cell>${p("甲<text:line-break/>乙")}${p("丙")}</table:table-cell><table:table-cell table:number-columns-repeated="2"/></table:table-row>
      </table:table><text:p>（2023 年度）<office:annotation><text:p>批注</text:p></office:annotation></text:p></office:text>`;
    expect(readOdt(xml)).toEqual([
      { kind: "line", text: "财政项目支出绩效自评表" },
      {
        kind: "table", table: 0, cells: [
          { text: "项目资金", row: 0, col: 0, rowSpan: 2, colSpan: 2 },
          { text: "年初  预算数", row: 0, col: 2, rowSpan: 1, colSpan: 1 },
          { text: "1,121.92", row: 1, col: 2, rowSpan: 1, colSpan: 1 },
          { text: "甲\n乙\n丙", row: 2, col: 0, rowSpan: 1, colSpan: 1 },
          { text: "", row: 2, col: 1, rowSpan: 1, colSpan: 1 },
        ],
      },
      { kind: "line", text: "（2023 年度）" },
    ]);
  });
});

describe("spreadsheet numbers are read as printed", () => {
  function workbook(): Uint8Array {
    const ws = utils.aoa_to_sheet([["a", "b", "c", "d"]]);
    ws["A1"] = { t: "n", v: 1121.92, z: "#,##0.00" };
    ws["B1"] = { t: "n", v: 0.9279, z: "0.00%" };
    ws["C1"] = { t: "n", v: 92.7959, z: "0.00" };
    ws["D1"] = { t: "n", v: 10, z: "0.00" };
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, "表1");
    return new Uint8Array(write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  }

  it("keeps thousands separators, percentages and decimals exactly as shown; says where the format rounds the stored value", () => {
    const { sheet, diagnostics } = loadSpreadsheet(workbook(), "t.xlsx", "xlsx");
    expect(sheet.rows[0]!.cells.map((c) => [c.text, c.origin])).toEqual([
      ["1,121.92", { sheet: "表1", address: "A1" }],
      ["92.79%", { sheet: "表1", address: "B1" }],
      ["92.80", { sheet: "表1", address: "C1" }],
      ["10.00", { sheet: "表1", address: "D1" }],
    ]);
    expect(diagnostics).toEqual([{ code: "xlsx.printed-number", severity: "info", page: 1, message: expect.stringContaining("C1 stores 92.7959, prints 92.80") }]);
  });

  it("a zip that is no workbook, handed to the spreadsheet loader, is input.corrupt", () => {
    expect(() => loadSpreadsheet(zipSync({ "a.txt": strToU8("x") }), "t.xlsx", "xlsx")).toThrow(expect.objectContaining({ code: "input.corrupt" }));
  });
});
