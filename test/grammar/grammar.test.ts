import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recognise } from "../../grammars/self-evaluation/index.js";
import { lexRows } from "../../grammars/self-evaluation/input.js";
import { tsvToSheet } from "../../src/load/tsv.js";
import { Form } from "../../src/model/form.js";
import { parseSheet } from "../../src/parse.js";
import { grammarArtifacts } from "../../scripts/grammar-artifacts.js";
import { SEED_TEXT } from "../helpers.js";

const tokensOf = (line: string) =>
  lexRows(tsvToSheet(line, "t").rows).map((t) => t.tokenType.name).filter((n) => n !== "RowEnd");

describe("the lexer", () => {
  it("reads label cells only when the whole cell is the label", () => {
    expect(tokensOf("总分\t总分析平台\t项目名称\t一级 指标\t满意 度指 标")).toEqual([
      "TotalScoreLabel", "TextCell", "ProjectNameLabel", "Level1Header", "Level1Label",
    ]);
  });
  it("reads synonyms as the same category", () => {
    expect(tokensOf("分值\t分数\t权重")).toEqual(["WeightHeader", "WeightHeader", "WeightHeader"]);
    expect(tokensOf("其中: 当年财政拨款\t本年财政拨款\t财政资金")).toEqual(["FiscalFundsLabel", "FiscalFundsLabel", "FiscalFundsLabel"]);
  });
  it("tells numbers, dashes, measures and text apart", () => {
    expect(tokensOf("1,121.92\t-\t≥250(人)\t5.00(人)\t全年正常运营\t(2023 年度)")).toEqual([
      "NumberCell", "DashCell", "MeasureCell", "MeasureCell", "TextCell", "YearLine",
    ]);
  });
});

describe("the parser", () => {
  it("recognises every part of each seed form", () => {
    const r = recognise(tsvToSheet(SEED_TEXT, "seed"));
    expect(r.errors).toEqual([]);
    expect(r.strays).toEqual([]);
    expect(r.forms).toHaveLength(7);
    for (const f of r.forms) {
      expect(f.title?.cell.text).toBe("财政项目支出绩效自评表");
      expect(f.funding?.columns.map((c) => c.token)).toEqual([
        "InitialBudgetHeader", "AdjustedBudgetHeader", "ExecutedHeader", "WeightHeader", "RateHeader", "ScoreHeader",
      ]);
      expect(f.funding?.rows.map((r) => r.label.token)).toEqual([
        "TotalFundsLabel", "FiscalFundsLabel", "CarryoverFundsLabel", "OtherFundsLabel",
      ]);
      expect(f.goals?.header.map((c) => c.token)).toEqual(["ExpectedGoalHeader", "AchievedGoalHeader"]);
      expect(f.total?.label.token).toBe("TotalScoreLabel");
      expect(f.grade?.values).toHaveLength(1);
    }
    // the seed's sixth form: label fragments 标 / 满意 on a row, 度指 before 总分
    expect(r.forms[5]!.total!.before.map((c) => c.cell.text)).toEqual(["度指"]);
  });

  it("reads one form as well as many", () => {
    const one = SEED_TEXT.split("\n").slice(0, 31).join("\n");
    expect(recognise(tsvToSheet(one, "one")).forms).toHaveLength(1);
  });

  it("accepts a header row repeated on the next page", () => {
    const lines = SEED_TEXT.split("\n");
    const header = lines[15]!;
    const doubled = [...lines.slice(0, 21), header, ...lines.slice(21)].join("\n");
    const { forms, diagnostics } = parseSheet(tsvToSheet(doubled, "d"));
    expect(diagnostics).toEqual([]);
    expect(forms[0]!.indicators).toHaveLength(12);
  });

  it("never throws, whatever the sheet holds (property)", () => {
    const vocabulary = ["财政项目支出绩效自评表", "项目名称", "总分", "评分等级", "一级指标", "产出指标", "数量指标", "年度资金总额:",
      "项目资金(万元)", "年初预算数", "1,121.92", "-", "≥95(%)", "5.00", "优", "标", "满意", "", "年度总体目标", "预期目标"];
    const cellArb = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 40 }), (rows) => {
        const text = rows.map((r) => r.join("\t")).join("\n");
        const { forms } = parseSheet(tsvToSheet(text, "p"));
        for (const f of forms) expect(Form.safeParse(f).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("generated artefacts", () => {
  it("cst.d.ts and diagram.html are current (run scripts/gen-grammar.ts)", () => {
    const { dts, diagram } = grammarArtifacts();
    const dir = new URL("../../grammars/self-evaluation/", import.meta.url);
    expect(readFileSync(new URL("cst.d.ts", dir), "utf8")).toBe(dts);
    expect(readFileSync(new URL("diagram.html", dir), "utf8")).toBe(diagram);
  });
});
