/**
 * A row a word processor splits across pages with rules on both sides
 * (src/load/pdf/closedcut.ts): geometry as Writer printed seed 51 — an
 * indicator row whose target 在项目计 / 划完成时间内完成 the page cut, closed at
 * the foot and opened again under a rule on the next page.
 */
import { describe, expect, it } from "vitest";
import { closedCut } from "../../src/load/pdf/closedcut.js";
import type { Box } from "../../src/load/pdf/geometry.js";
import type { PageCell, PageRow } from "../../src/load/pdf/rows.js";

/** Column edges: level 1, level 2, name, target, actual, weight, score. */
const X = [40, 70, 100, 170, 210, 250, 280, 310];

/** A one-line cell in column `col` of a row whose frame runs from y0 to y1; the text sits `inset` above the foot. */
function cell(text: string, col: number, y0: number, y1: number, inset = 2.5): PageCell {
  const frame: Box = [X[col]!, y0, X[col + 1]!, y1];
  const box: Box = [X[col]! + 1, y0 + inset, X[col + 1]! - 1, y0 + inset + 10];
  return { text, col, box: frame, frame, continuesBelow: false, lines: [{ text, brk: false, box }] };
}

const row = (cells: PageCell[], top: number): PageRow => ({ top, cells, table: 0, gridRow: 0 });

describe("rows split across pages with rules on both sides", () => {
  const foot = row([cell("项目完成及时性", 2, 60, 75), cell("在项目计", 3, 60, 75), cell("效果明显", 4, 60, 75), cell("3.00", 5, 60, 75), cell("3.00", 6, 60, 75)], 75);

  it("joins the rest of a cut cell on the next page's first row to the cell at the foot", () => {
    const rest = row([cell("划完成时间内完成", 3, 770, 800)], 800);
    const cut = closedCut([foot], [rest]);
    expect(cut.map(([a, b]) => [a.text, b.text])).toEqual([["在项目计", "划完成时间内完成"]]);
  });

  it("leaves a new row its own: it has its own name, weight and score", () => {
    const next = row([cell("项目故障率", 2, 785, 800), cell("≥1422场", 3, 785, 800), cell("1463.00场", 4, 785, 800), cell("6.00", 5, 785, 800), cell("6.00", 6, 785, 800)], 800);
    expect(closedCut([foot], [next])).toEqual([]);
  });

  it("leaves a new row its own beside a level cell closed at the foot", () => {
    const withLevel = row([cell("成本指标", 1, 60, 75), ...foot.cells], 75);
    const next = row([cell("项目故障率", 2, 785, 800), cell("≥1422场", 3, 785, 800), cell("1463.00场", 4, 785, 800), cell("6.00", 5, 785, 800), cell("6.00", 6, 785, 800)], 800);
    expect(closedCut([withLevel], [next])).toEqual([]);
  });

  it("does not take a row for a rest when the foot cell's text ended above its foot", () => {
    const tall = row([cell("项目完成及时性", 2, 60, 90, 10), cell("在项目计", 3, 60, 90, 10), cell("效果明显", 4, 60, 90, 10), cell("3.00", 5, 60, 90, 10)], 90);
    expect(closedCut([tall], [row([cell("划完成时间内完成", 3, 770, 800)], 800)])).toEqual([]);
  });
});
