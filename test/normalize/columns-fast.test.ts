import { describe, expect, it } from "vitest";
import type { RawRow } from "../../grammars/self-evaluation/index.js";
import { headerColumns, headerNeedsColumns, needsColumns } from "../../src/normalize/columns.js";

const header = (tokens: string[]): RawRow => ({
  line: 1,
  page: 1,
  cells: tokens.map((token, col) => ({ cell: { text: token, col, page: 1, line: 1 }, token })),
});

describe("headerNeedsColumns", () => {
  it("is needsColumns(headerColumns(header)), without making the columns", () => {
    const seed = ["Level1Header", "Level2Header", "Level3Header", "TargetHeader", "ActualHeader", "WeightHeader", "ScoreHeader", "DeviationHeader"];
    for (const tokens of [
      seed,
      [...seed.slice(0, 3), "NatureHeader", ...seed.slice(3)],
      [...seed.slice(0, 4), "UnitHeader", ...seed.slice(4)],
      [...seed, "TextCell"],
      ["TextCell"],
      [],
    ]) {
      expect(headerNeedsColumns(header(tokens)), tokens.join(" ")).toBe(needsColumns(headerColumns(header(tokens))));
    }
  });
});
