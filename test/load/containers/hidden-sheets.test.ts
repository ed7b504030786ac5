/**
 * Hidden sheets of a workbook are not read, and each is reported with its
 * text. Taken from the container soak's one-form-per-sheet workbooks
 * (scripts/containers-soak/book.ts): a hidden draft copy of the first form
 * came out as an extra form, and a hidden sheet of drop-down lists
 * (评分等级, level names) as rows no form accounts for.
 */
import { utils, write, type WorkBook } from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadSpreadsheet, type SpreadsheetKind } from "../../../src/load/xlsx/index.js";

function book(): WorkBook {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["项目名称", "科创中心建设工作经费"]]), "1 科创中心");
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["财政项目支出绩效自评表"], ["项目名称", "旧稿"]]), "草稿（勿用）");
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["评分等级", "一级指标"], ["优", "产出指标"]]), "下拉选项");
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["项目名称", "基层文化惠民提升运行经费"]]), "2 文化惠民");
  return wb;
}

/** The workbook with sheets 2 (hidden) and 3 (very hidden, which only a macro can show) as Excel and Calc write them. */
function hiddenBook(kind: "xlsx" | "xls"): Uint8Array {
  const wb = book();
  wb.Workbook = { Sheets: wb.SheetNames.map((name, i) => ({ name, Hidden: i === 1 ? 1 : i === 2 ? 2 : 0 })) };
  return new Uint8Array(write(wb, { type: "array", bookType: kind }) as ArrayBuffer);
}

/** The workbook as an .ods whose sheets 2 and 3 use a table style with table:display="false", as Calc saves a hidden sheet. */
function hiddenOds(): Uint8Array {
  const files = unzipSync(new Uint8Array(write(book(), { type: "array", bookType: "ods" }) as ArrayBuffer));
  const content = strFromU8(files["content.xml"]!)
    .replace("</office:automatic-styles>", `<style:style style:name="ta2" style:family="table" style:master-page-name="mp1"><style:table-properties table:display="false"/></style:style></office:automatic-styles>`)
    .replace(/(<table:table table:name="(?:草稿（勿用）|下拉选项)" table:style-name=)"ta1"/g, '$1"ta2"');
  const { mimetype, ...rest } = files;
  return zipSync({ mimetype: [mimetype!, { level: 0 }], ...rest, "content.xml": strToU8(content) });
}

const CASES: Array<[SpreadsheetKind, () => Uint8Array]> = [["xlsx", () => hiddenBook("xlsx")], ["xls", () => hiddenBook("xls")], ["ods", hiddenOds]];

describe("hidden sheets", () => {
  it.each(CASES)("%s: only the visible sheets are rows; each hidden one is a warning quoting its text", (kind, make) => {
    const { sheet, diagnostics } = loadSpreadsheet(make(), `t.${kind}`, kind);
    expect(sheet.rows.map((r) => [r.page, r.cells.map((c) => c.text)])).toEqual([
      [1, ["项目名称", "科创中心建设工作经费"]],
      [4, ["项目名称", "基层文化惠民提升运行经费"]],
    ]);
    expect(sheet.pages).toBe(4);
    expect(diagnostics).toEqual([
      {
        code: "xlsx.hidden-sheet", severity: "warning", page: 2,
        message: 'sheet "草稿（勿用）" is hidden and was not read, with 3 cell(s) of text: A1 "财政项目支出绩效自评表"; A2 "项目名称"; B2 "旧稿"',
      },
      {
        code: "xlsx.hidden-sheet", severity: "warning", page: 3,
        message: 'sheet "下拉选项" is hidden and was not read, with 4 cell(s) of text: A1 "评分等级"; B1 "一级指标"; A2 "优"; B2 "产出指标"',
      },
    ]);
  });

  it("a visible sheet is read whatever its table style says besides display", () => {
    const files = unzipSync(new Uint8Array(write(book(), { type: "array", bookType: "ods" }) as ArrayBuffer));
    const { sheet, diagnostics } = loadSpreadsheet(zipSync({ ...files, mimetype: [files.mimetype!, { level: 0 }] }), "t.ods", "ods");
    expect(sheet.rows.map((r) => r.page)).toEqual([1, 2, 2, 3, 3, 4]);
    expect(diagnostics).toEqual([]);
  });
});
