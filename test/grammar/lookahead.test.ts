/**
 * The parser reads the lookahead paths of its costliest alternation from a
 * table made at build time (grammars/self-evaluation/lookahead.ts). These
 * tests hold that table to what Chevrotain computes, and the parser that reads
 * it to the plain Chevrotain parser, CST for CST.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { lexRows } from "../../grammars/self-evaluation/input.js";
import { SelfEvaluationParser, selfEvaluationParser } from "../../grammars/self-evaluation/parser.js";
import { STORED_PATHS } from "../../grammars/self-evaluation/lookahead-paths.js";
import { tsvToSheet } from "../../src/load/tsv.js";
import { grammarArtifacts, storedPaths } from "../../scripts/grammar-artifacts.js";
import { fixture } from "../helpers.js";

const plain = new SelfEvaluationParser({ stored: false, validate: true });

function parseWith(parser: SelfEvaluationParser, text: string): { cst: unknown; errors: string[] } {
  parser.input = lexRows(tsvToSheet(text, "t").rows);
  const cst = parser.document();
  return { cst, errors: parser.errors.map((e) => `${e.name}: ${e.message} at ${e.token.startOffset}`) };
}

describe("stored lookahead", () => {
  it("lookahead-paths.ts is current (run scripts/gen-grammar.ts)", () => {
    const file = readFileSync(new URL("../../grammars/self-evaluation/lookahead-paths.ts", import.meta.url), "utf8");
    expect(file).toBe(grammarArtifacts().lookahead);
    expect(STORED_PATHS).toEqual(storedPaths(Object.values(plain.getGAstProductions())));
    // The alternation that costs the start-up its 110 ms is among them.
    expect(Object.keys(STORED_PATHS)).toContain("document#0");
  });

  it("the grammar passes Chevrotain's validations, which the shipped instance skips", () => {
    // performSelfAnalysis throws "Parser Definition Errors detected" on any.
    expect(() => new SelfEvaluationParser({ validate: true })).not.toThrow();
  });

  it("gives the same CST and errors as plain Chevrotain on every tab-separated fixture", () => {
    const files = fg.sync(["seed/*.txt", "variants/**/*.txt", "flat/**/*.tsv.txt"], { cwd: fixture(".") });
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(fixture(f), "utf8");
      expect(parseWith(selfEvaluationParser, text), f).toEqual(parseWith(plain, text));
    }
  });

  it("gives the same CST and errors as plain Chevrotain on random rows of labels, values and furniture", () => {
    const cell = fc.constantFrom(
      "项目支出绩效自评表", "2023年度", "项目名称", "主管部门", "实施单位", "附件2", "单位：万元", "项目资金", "年初预算数", "全年执行数",
      "年度资金总额", "财政拨款", "其他资金", "年度总体目标", "预期目标", "一级指标", "二级指标", "三级指标", "产出指标", "数量指标",
      "总分", "评分等级", "优", "100.00", "95.5", "≥90%", "-", "某项工作", "填报人：", "说明",
    );
    const text = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 25 }).map((rows) => rows.map((r) => r.join("\t")).join("\n") + "\n");
    fc.assert(fc.property(text, (t) => {
      expect(parseWith(selfEvaluationParser, t)).toEqual(parseWith(plain, t));
    }), { numRuns: 300 });
  });
});
