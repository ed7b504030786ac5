/**
 * Level placements of `pdftotext -layout` text said to be guesses
 * (layout.inferred-level): a level-1 group whose 分值 do not add up to its
 * label's subtotal, and a level-2 group that a level-1 label fitting no
 * group stands inside. Also: a subtotal wrapped inside its digits completes
 * its label.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { layoutTextToSheet } from "../../src/load/layout.js";

const HEADER = "一级指标        二级指标     三级指标       年度指标值     实际完成值     分值   得分";
const TOTAL = "                     总分                                       100.00 97.00";

/** A table of three rows under two top-aligned level-1 labels; `first` is the first label's text. */
const table = (first: string) =>
  [
    HEADER,
    `${first.padEnd(12)}数量指标     课程参与人数    ≥1325.00(人)   1344.00(人)    20.00  20.00`,
    "                         活动故障率      =0(%)          0.00(%)        5.00   5.00",
    "效益指标(10分)  社会效益指标 培训人数        ≥10(人)        12.00(人)      10.00  10.00",
    TOTAL,
  ].join("\n");

const levelDoubts = (text: string) =>
  layoutTextToSheet(text, "x.txt").diagnostics.filter((d) => d.code === "layout.inferred-level").map((d) => d.quotes?.map((q) => `${q.line}:${q.text}`).join(" "));

describe("level-1 subtotals", () => {
  it("says nothing when each group's 分值 add up to its label's subtotal", () => {
    expect(levelDoubts(table("产出指标(25分)"))).toEqual([]);
  });

  it("quotes a label whose group's 分值 do not add up to its subtotal, and the label after it (the rows at their boundary may be either's)", () => {
    // 20.00 + 5.00 is 25, the label prints 30: one of the label's rows, or one of the next label's, is misplaced.
    expect(levelDoubts(table("产出指标(30分)"))).toEqual(["2:产出指标(30分)", "4:效益指标(10分)"]);
  });

  it("completes a subtotal whose bracket wrapped inside its digits (满意度指标(1 / 2分), 0041-chromium)", () => {
    // Lines 258-266 of fixtures/corpus/0041-chromium.layout.txt, the rows cut short; its form holds 满意度指标 (12分) over three rows of 6, 3 and 3.
    const text = [
      "一级  二级      三级指标                年度指标值                实际完成值     分值   得分",
      "      服务 档案整理覆盖率            全年正常运营              效果明显       6.00   6.00",
      "满意",
      "      对象",
      "度指",
      "      满意 示范点建设数量            效果明显                达成指标       3.00   3.00",
      "标(1",
      "      度指",
      "2分)",
      "       标 项目验收通过率            ≥95(%)              95.00(%)       3.00   3.00",
      TOTAL,
    ].join("\n");
    const sheet = layoutTextToSheet(text, "x.txt");
    const cells = sheet.rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(cells).toContain("满意度指标(12分)");
    expect(cells).not.toContain("2分)");
    expect(sheet.diagnostics.filter((d) => d.code === "layout.inferred-level")).toEqual([]);
  });
});

describe("a level-2 group holding a level-1 label that fits no group", () => {
  it("is doubted: 成本指标 set at column 0 inside 时效指标's group (fixtures/corpus/0045-chromium, lines 59-90)", () => {
    // The generating form's 产出指标 holds 时效指标 (4 rows) and then 成本指标 (6 rows); read as a level-1
    // label, 成本指标 leaves its rows to 时效指标.
    const text = readFileSync(new URL("../../fixtures/corpus/0045-chromium.layout.txt", import.meta.url), "utf8");
    const doubts = layoutTextToSheet(text, "0045").diagnostics.filter((d) => d.code === "layout.inferred-level" && d.form === 1);
    expect(doubts.map((d) => `${d.page}:${d.line}:${d.quotes?.[0]?.text}`)).toEqual(expect.arrayContaining(["1:59:时效指标", "1:45:成本指标"]));
    expect(doubts.find((d) => d.quotes?.[0]?.text === "时效指标")?.message).toContain("stands inside this level-2 group");
  });
});
