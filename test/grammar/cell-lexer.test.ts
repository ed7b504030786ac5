import { readFileSync } from "node:fs";
import fg from "fast-glob";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyKeys, forgetKeys } from "../../grammars/self-evaluation/classify.js";
import { cellOf, lexParts, lexRows, rowEndOf } from "../../grammars/self-evaluation/input.js";
import { formLexer, RowEnd } from "../../grammars/self-evaluation/tokens.js";
import { tsvSheetStream, tsvToSheet } from "../../src/load/tsv.js";
import type { Row } from "../../src/model/sheet.js";
import { parseSheet } from "../../src/parse.js";
import { cellKey } from "../../src/text/chars.js";
import { fixture, SEED_TEXT } from "../helpers.js";

/** What the Chevrotain lexer makes of each key on its own. */
const lexedAlone = (key: string) => formLexer.tokenize(`${key}\n`).tokens[0]!.tokenType.name;

const allKeys = (text: string) =>
  tsvToSheet(text, "t").rows.flatMap((r) => r.cells.map((c) => cellKey(c.text))).filter((k) => k !== "");

const fixtureKeys = [SEED_TEXT, ...fg.sync("variants/**/*.txt", { cwd: fixture("") }).filter((f) => !f.endsWith(".layout.txt"))
  .map((f) => readFileSync(fixture(f), "utf8"))].flatMap(allKeys);

describe("classifyKeys", () => {
  it("gives every cell of the seed and the variants the token the Chevrotain lexer gives it, first time and kept", () => {
    const expected = fixtureKeys.map(lexedAlone);
    forgetKeys();
    expect(classifyKeys(fixtureKeys).map((t) => t.name)).toEqual(expected);
    // Now short keys come from what was kept, long ones are lexed again.
    expect(classifyKeys(fixtureKeys).map((t) => t.name)).toEqual(expected);
  });

  it("agrees with the lexer on arbitrary keys, past the bound on kept answers", () => {
    const key = fc.string({ unit: fc.constantFrom(..."0123456789.,%-/()≥≤=<>:人个元万项目名称总分指标满意度其中abc"), minLength: 1, maxLength: 50 });
    fc.assert(fc.property(fc.array(key, { minLength: 1, maxLength: 400 }), (keys) => {
      expect(classifyKeys(keys).map((t) => t.name)).toEqual(keys.map(lexedAlone));
    }), { numRuns: 80 });
  });

  it("keeps the answers bounded: 50,000 distinct keys still classify", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `${i}.5`);
    expect(new Set(classifyKeys(keys).map((t) => t.name))).toEqual(new Set(["NumberCell"]));
  });
});

describe("lexParts", () => {
  it("cuts the seed into its seven forms, at the title rows", () => {
    const parts = [...lexParts(tsvToSheet(SEED_TEXT, "seed").rows)];
    expect(parts).toHaveLength(7);
    for (const part of parts) {
      expect(part[0]!.tokenType.name).toBe("FormTitle");
      expect(part.at(-1)!.tokenType).toBe(RowEnd);
    }
  });

  it("gives each token its cell, and each row end its line and page", () => {
    const rows: Row[] = [
      { page: 1, line: 3, cells: [{ text: "项目名称", col: 0, page: 1, line: 3 }, { text: "  ", col: 1, page: 1, line: 3 }, { text: "机关 服务", col: 2, page: 1, line: 3 }] },
      { page: 2, line: 9, cells: [{ text: "- 2 -", col: 0, page: 2, line: 9 }] },
      { page: 2, line: 10, cells: [{ text: "总分", col: 4, page: 2, line: 10 }] },
    ];
    const tokens = lexRows(rows);
    // The blank cell and the page-number row carry no token.
    expect(tokens.map((t) => t.tokenType.name)).toEqual(["ProjectNameLabel", "TextCell", "RowEnd", "TotalScoreLabel", "RowEnd"]);
    expect(tokens.map((t) => t.image)).toEqual(["项目名称", "机关服务", "\n", "总分", "\n"]);
    expect(cellOf(tokens[1])).toBe(rows[0]!.cells[2]);
    expect(cellOf(tokens[2])).toBeUndefined();
    expect(rowEndOf(tokens[4])).toMatchObject({ line: 10, page: 2 });
    expect(rowEndOf(tokens[3])).toBeUndefined();
    // Offsets order the tokens as the source does.
    expect(tokens.map((t) => t.startOffset)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("a streamed Sheet", () => {
  it("parses to the same forms and diagnostics as the Sheet held whole", () => {
    const damaged = SEED_TEXT.replace("年度总体目标", "年度 总体 目标 说明").replace(/\n[^\n]*总分[^\n]*\n/, "\n");
    for (const text of [SEED_TEXT, damaged]) {
      const streamed = tsvSheetStream(text, "s");
      // A generator can be read once: nothing may read the rows twice.
      expect(streamed.rows[Symbol.iterator]()).toBe(streamed.rows);
      expect(parseSheet(streamed)).toEqual(parseSheet(tsvToSheet(text, "s")));
    }
  });

  it("counts pages by form feeds, and cells after a feed are on the new page", () => {
    const sheet = tsvToSheet("a\tb\n\fc\t\td\r\ne\f\f\nf", "p");
    expect(sheet.pages).toBe(4);
    expect(sheet.rows.map((r) => [r.line, r.page, r.cells.map((c) => `${c.col}:${c.text}`)])).toEqual([
      [1, 1, ["0:a", "1:b"]],
      [2, 2, ["0:c", "2:d"]],
      [3, 4, ["0:e"]],
      [4, 4, ["0:f"]],
    ]);
  });
});
