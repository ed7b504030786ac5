/**
 * The pieces the variant layouts are read with, one by one: furniture and
 * department tokens, placing indicator cells under their headers, joining a
 * target printed over 指标性质 | 指标值 | 计量单位, and what jixiao says about a
 * row or column it does not know.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recognise } from "../../grammars/self-evaluation/index.js";
import { lexRows } from "../../grammars/self-evaluation/input.js";
import type { CellRef, RawIndicatorRow } from "../../grammars/self-evaluation/index.js";
import { tsvToSheet } from "../../src/load/tsv.js";
import { orderedAssignment } from "../../src/normalize/align.js";
import { headerColumns, isOperator, joinTarget, needsColumns, placeUnderColumns } from "../../src/normalize/columns.js";
import { parseSheet, parseText } from "../../src/parse.js";
import { verify } from "../../src/verify/index.js";

const tokensOf = (line: string) =>
  lexRows(tsvToSheet(line, "t").rows).map((t) => t.tokenType.name).filter((n) => n !== "RowEnd");

const ref = (text: string, col: number, token = "TextCell", bbox?: [number, number, number, number]): CellRef => ({
  cell: bbox ? { text, col, page: 1, line: 1, bbox } : { text, col, page: 1, line: 1 },
  token,
});

describe("tokens of the variant layouts", () => {
  it("reads attachment, unit and filling-unit cells as furniture", () => {
    expect(tokensOf("附件2\t附表3\t附表1-2\t单位：万元\t金额单位：元\t填报单位：某区水务局")).toEqual([
      "AttachmentCell", "AttachmentCell", "AttachmentCell", "UnitNoteCell", "UnitNoteCell", "FillingUnitCell",
    ]);
  });
  it("tells the department-wide title from a project title", () => {
    expect(tokensOf("部门整体支出绩效自评表\t2023年度部门整体支出绩效自评表\t项目支出绩效自评表")).toEqual([
      "DepartmentFormTitle", "DepartmentFormTitle", "FormTitle",
    ]);
  });
  it("reads the funding synonyms and the new columns", () => {
    expect(tokensOf("预算执行情况(元)\t项目资金（元）\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重")).toEqual([
      "FundingLabel", "FundingLabel", "InitialBudgetHeader", "AdjustedBudgetHeader", "ExecutedHeader", "RateHeader", "WeightHeader",
    ]);
    expect(tokensOf("年度预算执行情况（万元）\t项目资金情况\t项目资金（单位：元）")).toEqual(["FundingLabel", "FundingLabel", "FundingLabel"]);
    expect(tokensOf("指标性质\t计量单位\t产出指标（50分）\t经济成本指标")).toEqual(["NatureHeader", "UnitHeader", "Level1Label", "Level2Label"]);
  });
});

it("reads the unit of a label printed 项目资金（单位：元）", () => {
  const text = "项目支出绩效自评表\n项目名称\t甲\n项目资金（单位：元）\t年初预算数\t全年预算数\t全年执行数\n年度资金总额\t100\t100\t100\n总分\t100\t100";
  expect(parseSheet(tsvToSheet(text, "u")).forms[0]!.fundingUnit).toBe("元");
});

describe("a department-wide form", () => {
  const text = [
    "部门整体支出绩效自评表", "(2023年度)", "部门名称\t某局",
    "年度预算执行情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t1.00\t1.00\t1.00\t10\t100.00\t10",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t活动场次\t≥2(场)\t2(场)\t50\t50",
    "总分\t100.00\t90.00", "评价结论\t良好",
    "财政项目支出绩效自评表", "项目名称\t甲", "总分\t100.00\t100.00",
  ].join("\n");

  it("is read in full as its own form type and template, its rows never read as a project form's", () => {
    const { forms, diagnostics } = parseSheet(tsvToSheet(text, "d"));
    expect(forms.map((f) => [f.formType, f.template])).toEqual([["department", "department"], ["project", "national"]]);
    const dept = forms[0]!;
    expect(dept).toMatchObject({ department: "某局", year: 2023, total: { weight: "100.00", score: "90.00" } });
    expect(dept.funding.map((r) => [r.kind, r.executed, r.score])).toEqual([["total", "1.00", "10"]]);
    expect(dept.indicators.map((i) => [i.level1, i.name, i.weight, i.score])).toEqual([["产出指标", "活动场次", "50", "50"]]);
    expect(dept.notes).toEqual({ 评价结论: "良好" });
    expect(forms[1]!).toMatchObject({ projectName: "甲", funding: [], indicators: [] });
    // 年度预算执行情况 states no unit: the 万元 read is said, at that label, and nothing else is.
    expect(diagnostics).toEqual([expect.objectContaining({ code: "funding.unit-assumed", severity: "info", form: 1, line: 4 })]);
  });

  it("is verified by the project form's rules: here 50 + 10 is not the printed 100", () => {
    const { forms } = parseSheet(tsvToSheet(text, "d"));
    const rules = verify(forms[0]!).findings.filter((f) => f.severity === "error").map((f) => f.rule);
    expect(rules).toContain("weights.total");
    expect(rules).toContain("total.sum");
  });
});

describe("indicator cells placed under their headers", () => {
  const header = { line: 1, page: 1, cells: [
    ref("一级指标", 0, "Level1Header"), ref("二级指标", 1, "Level2Header"), ref("三级指标", 2, "Level3Header"),
    ref("指标性质", 3, "NatureHeader"), ref("指标值", 4, "TargetHeader"), ref("计量单位", 5, "UnitHeader"),
    ref("实际完成值", 6, "ActualHeader"), ref("权重", 7, "WeightHeader"), ref("得分", 8, "ScoreHeader"),
  ] };
  const columns = headerColumns(header);

  it("switches to header placement only for columns the seed lacks", () => {
    expect(needsColumns(columns)).toBe(true);
    expect(needsColumns(columns.filter((c) => c.field !== "nature" && c.field !== "unit"))).toBe(false);
  });

  it("keeps a qualitative row's blank 指标性质 and 计量单位 from shifting its cells", () => {
    const row: RawIndicatorRow = { levels: [], line: 2, page: 1, values: [ref("技能提升", 2), ref("明显提升", 4), ref("明显提升", 6), ref("30", 7), ref("27", 8)] };
    const cells = placeUnderColumns(row, columns, { weight: row.values[3], score: row.values[4] });
    expect(cells.get("target")?.[0]?.cell.text).toBe("明显提升");
    expect(cells.get("actual")?.[0]?.cell.text).toBe("明显提升");
    expect(cells.get("nature")).toBeUndefined();
  });

  it("shifts a text row that lost its leading cells, by its 得分 cell", () => {
    const row: RawIndicatorRow = { levels: [], line: 3, page: 1, values: [ref("培训人次", 0), ref("≥", 1), ref("500", 2), ref("人次", 3), ref("532", 4), ref("15", 5), ref("15", 6)] };
    const cells = placeUnderColumns(row, columns, { weight: row.values[5], score: row.values[6] });
    expect(cells.get("name")?.[0]?.cell.text).toBe("培训人次");
    expect(cells.get("unit")?.[0]?.cell.text).toBe("人次");
  });

  it("places by x when cells carry boxes (PDF), whatever their index", () => {
    const boxed = headerColumns({ line: 1, page: 1, cells: [ref("指标值", 0, "TargetHeader", [100, 0, 150, 10]), ref("计量单位", 1, "UnitHeader", [150, 0, 190, 10])] });
    const row: RawIndicatorRow = { levels: [], line: 2, page: 1, values: [ref("人次", 7, "TextCell", [160, 20, 180, 30])] };
    expect(placeUnderColumns(row, boxed).get("unit")?.[0]?.cell.text).toBe("人次");
  });

  it("keeps cells in order, each in a column of its own, nearest overall (pdftotext columns)", () => {
    // a name wider than its centred header starts left of it, nearer the header before
    expect(orderedAssignment([25, 43, 59], [18, 27, 42, 57])).toEqual([1, 2, 3]);
    // two cells never share a column
    expect(orderedAssignment([40, 41], [40, 60])).toEqual([0, 1]);
    expect(orderedAssignment([2, 4], [0, 2, 4])).toEqual([1, 2]);
    expect(orderedAssignment([], [1])).toEqual([]);
    expect(orderedAssignment([1, 2, 3], [1, 2])).toBeNull();
  });

  it("joins 指标性质 | 指标值 | 计量单位 into one target text", () => {
    expect(joinTarget(ref("≥", 3), ref("500", 4), ref("人次", 5))).toBe("≥500人次");
    expect(joinTarget(ref("＝", 3), ref("100", 4), ref("%", 5))).toBe("＝100%");
    // not an operator: left out; a value with its own unit keeps it
    expect(joinTarget(ref("正向", 3), ref("95", 4), ref("%", 5))).toBe("95%");
    expect(joinTarget(undefined, ref("≥50(个)", 4), ref("个", 5))).toBe("≥50(个)");
    expect(joinTarget(undefined, ref("明显提升", 4), undefined)).toBe("明显提升");
    expect(joinTarget(ref("≥", 3), undefined, ref("%", 5))).toBe("");
    expect(isOperator("不低于")).toBe(true);
    expect(isOperator("定性")).toBe(false);
  });
});

describe("what jixiao says about a layout it does not know", () => {
  const head = "财政项目支出绩效自评表\n(2023年度)\n项目名称\t\t甲\n项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t2.00\t2.00\t2.00\t10\t100.00\t10.00";

  it("names an amounts row under an unknown label, and reads on", () => {
    const { forms, diagnostics } = parseSheet(tsvToSheet(`${head}\n\t自筹经费\t2.00\t2.00\t2.00\t-\t100.00\t-\n总分\t\t10\t10.00`, "u"));
    expect(forms[0]!.complete).toBe(true);
    expect(forms[0]!.funding.map((r) => r.label)).toEqual(["年度资金总额"]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "grammar.unplaced-row", line: 6, cell: 1, message: expect.stringContaining("自筹经费") })]);
  });

  it("never reads a wide unknown row under 年度总体目标 as goal text", () => {
    const goals = "年度总体目标\t预期目标\t\t实际完成情况\n\t目标甲\t\t完成甲";
    const table = "指标类别\t指标细类\t指标名称\t目标值\t完成值\t分数\t得分";
    const { forms, diagnostics } = parseSheet(tsvToSheet(`${head}\n${goals}\n${table}`, "g"));
    expect(forms[0]!.goals).toEqual({ expected: "目标甲", actual: "完成甲" });
    expect(diagnostics.find((d) => d.code === "grammar.unplaced-row")).toMatchObject({ line: 8, cell: 0 });
  });

  it("keeps the grammar's own view: rows and their recognition errors", () => {
    const r = recognise(tsvToSheet(`${head}\n\t自筹经费\t2.00`, "r"));
    expect(r.errors).toEqual([]);
    expect(r.forms[0]!.unplaced.map((row) => row.cells[0]!.cell.text)).toEqual(["自筹经费"]);
  });
});

describe("the verifier on 3-decimal amounts and negative sub-rows", () => {
  it("reports printed amounts as printed and sees no overspending against a cut", async () => {
    const text = readFileSync(new URL("../../fixtures/variants/funding-yuan/wanyuan-3dp.txt", import.meta.url));
    const form = (await parseText(text)).forms[0]!;
    const findings = form.verification!.findings;
    // 其他资金: adjusted (1.500), executed 0: a budget cut, not an overspend
    expect(findings.map((f) => f.rule)).not.toContain("funding.overspend");
    const adjusted = findings.find((f) => f.rule === "funding.adjusted")!;
    expect(adjusted).toMatchObject({ expected: "89.974", found: "92.50", difference: "2.526" });
    expect(adjusted.message.en).toContain("initial 89.974 万元");
  });
});
