/**
 * Template families jixiao does not read yet (issue 11): each yields
 * input.no-form or form.incomplete naming the first row it could not place,
 * never a form with silently wrong values.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";
import { InputError } from "../../src/load/errors.js";

const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n") + "\n";

describe("a Hebei-style 预算项目绩效自评表 with a row and a table jixiao cannot place", () => {
  // The family is read (fixtures/variants/hebei); here its budget row prints
  // no 合计 label and its indicator table is one jixiao does not know.
  const text = tsv([
    ["预算项目绩效自评表"],
    ["一、基本情况"],
    ["项目名称", "乡村道路养护"],
    ["是否为专项资金", "是"],
    ["实施(主管)单位", "某县交通运输局"],
    ["金额单位", "万元"],
    ["二、预算执行情况"],
    ["预算安排情况(调整后)", "资金到位情况", "资金执行情况", "预算执行进度(%)"],
    ["100", "100", "95", "95"],
    ["考核内容", "考核要点", "评分细则", "标准分", "自评得分"],
    ["履职尽责", "资金拨付", "按时拨付得满分", "90", "88"],
    ["总分", "100", "97.60"],
  ]);

  it("is read as hebei up to them: the unlabelled row is not guessed to be 合计, the table is form.incomplete at its header", async () => {
    const doc = await parseText(text, { source: "hebei.txt" });
    const form = doc.forms[0]!;
    expect(form).toMatchObject({ template: "hebei", projectName: "乡村道路养护", implementingUnit: "某县交通运输局", specialFund: true, complete: false });
    expect(form.funding).toEqual([]);
    expect(form.indicators).toEqual([]);
    expect(form.total).toEqual({ weight: null, score: null });
    const at = (code: string) => doc.diagnostics.filter((d) => d.code === code).map((d) => [d.line, d.cell, d.severity]);
    // The row of amounts without a label is quoted where it stands; the table's header is where the parser stopped.
    expect(at("grammar.unplaced-row")[0]).toEqual([9, 0, "warning"]);
    expect(doc.diagnostics.find((d) => d.code === "grammar.unplaced-row")!.message).toContain("100");
    expect(at("grammar.unexpected")).toEqual([[10, 0, "warning"]]);
    expect(doc.diagnostics.find((d) => d.code === "grammar.unexpected")!.message).toContain("考核内容");
    expect(at("form.incomplete")[0]?.[2]).toBe("error");
  });
});

describe("an evaluation-criteria template (评价内容 | 分值 | 自评分 | 复核分)", () => {
  // The family is read now (fixtures/variants/criteria); a column of it that
  // jixiao does not know is reported, and its cells are not read into a field.
  const text = tsv([
    ["财政预算支出项目绩效目标自评表"],
    ["项目名称", "城市绿化"],
    ["一级指标", "评价内容", "分值", "自评分", "复核分", "扣分说明", "评价标准及依据"],
    ["项目决策", "立项依据充分性", "5", "5", "5", "未扣分", "符合规定"],
    ["总分", "5", "5", "5"],
  ]);

  it("is named criteria, not read as a 绩效目标自评表 though its title ends so; an unknown column is layout.unknown-column, quoted", async () => {
    const doc = await parseText(text, { source: "criteria.txt" });
    const form = doc.forms[0]!;
    expect(form.template).toBe("criteria");
    expect(form.indicators).toEqual([]);
    expect(form.criteria).toEqual([
      { level1: "项目决策", level2: null, content: "立项依据充分性", weight: "5", selfScore: "5", reviewScore: "5", basis: "符合规定" },
    ]);
    expect(form.complete).toBe(true);
    expect(doc.diagnostics.map((d) => [d.code, d.severity, d.line, d.cell])).toEqual([["layout.unknown-column", "warning", 3, 5]]);
    expect(doc.diagnostics[0]!.quotes?.map((q) => q.text)).toEqual(["扣分说明", "未扣分"]);
    expect(form.verification?.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a 部门预算项目支出绩效自评表 whose indicator table jixiao does not know", () => {
  // The Shandong and Sichuan 2023 families are read (fixtures/variants/shandong,
  // sichuan-2023); a form under their title with an unknown table is not guessed at.
  const text = tsv([
    ["部门预算项目支出绩效自评表"],
    ["(2023年度)"],
    ["主管部门(盖章)", "某市教育局", "单位：万元"],
    ["项目名称", "学生资助"],
    ["项目预算执行情况(10分)", "", "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "得分计算方法"],
    ["", "年度资金总额", "500.00", "480.00", "10", "96.00%", "9.60", "执行率×分值"],
    ["考核内容", "考核要点", "评分细则", "标准分", "自评得分"],
    ["履职尽责", "资金拨付", "按时拨付得满分", "90", "88"],
    ["总分", "100", "97.60"],
  ]);

  it("is read as shandong up to the table, which yields form.incomplete naming its header row, and no indicator", async () => {
    const doc = await parseText(text, { source: "shandong-unknown.txt" });
    const form = doc.forms[0]!;
    expect(form).toMatchObject({ template: "shandong", projectName: "学生资助", department: "某市教育局", complete: false, indicators: [] });
    expect(form.funding[0]).toMatchObject({ initialBudget: "500.00", executed: "480.00", rate: "96.00", score: "9.60" });
    expect(doc.diagnostics.find((d) => d.code === "form.incomplete")?.severity).toBe("error");
    const unplaced = doc.diagnostics.filter((d) => d.code === "grammar.unplaced-row" || d.code === "grammar.unexpected");
    expect(unplaced[0]).toMatchObject({ line: 7, cell: 0 });
    expect(unplaced[0]!.message).toContain("考核内容");
    // Nothing of the unknown table becomes a value: no total is summed from it.
    expect(form.total).toEqual({ weight: null, score: null });
  });
});

describe("a page with no form", () => {
  it("is input.no-form", async () => {
    await expect(parseText(tsv([["一、基本情况"], ["是否为专项资金", "是"]]), { source: "x.txt" })).rejects.toBeInstanceOf(InputError);
  });
});
