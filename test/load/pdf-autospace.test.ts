/**
 * The Asian–Latin spacing of word processors (src/load/pdf/autospace.ts):
 * a document that sets a fifth of an em between digits and Han everywhere
 * reads those gaps as no space; one that sets them flush keeps a gap as a
 * space. Geometry as Writer printed seed 3001 at 10.5 pt: "≥437" then "次"
 * 2.16 pt on.
 */
import { describe, expect, it } from "vitest";
import { markAutospace } from "../../src/load/pdf/autospace.js";
import type { Run } from "../../src/load/pdf/items.js";
import { lineText, toLines } from "../../src/load/pdf/join.js";

const run = (text: string, x0: number, width: number, y = 700, size = 10.5): Run => ({ text, x0, x1: x0 + width, y, size });
const text = (pages: readonly (readonly Run[])[]): string[] => pages.flatMap((p) => toLines(p).map(lineText));

describe("Asian–Latin spacing", () => {
  it("reads a word processor's spacing after digits as no space", () => {
    const pages = [[run("≥437", 290.3, 26.24), run("次", 318.7, 10.5)], [run("=1236", 100, 29.9, 600), run("人", 132.1, 10.5, 600)]];
    expect(text(pages)).toEqual(["≥437 次", "=1236 人"]);
    expect(text(markAutospace(pages))).toEqual(["≥437次", "=1236人"]);
  });

  it("keeps the gap as a space where the document sets other junctions flush", () => {
    const pages = [[run("(2023", 10, 25), run("年度)", 37.3, 21), run("95", 100, 10.5, 650), run("次", 110.6, 10.5, 650), run("12", 100, 10.5, 630), run("人", 110.55, 10.5, 630)]];
    expect(text(markAutospace(pages))).toEqual(["(2023 年度)", "95次", "12人"]);
  });

  it("leaves wider gaps (a neighbouring cell, a typed space) as spaces", () => {
    const pages = [[run("≥437", 290.3, 26.24), run("次", 318.7, 10.5), run("98.00", 400, 26), run("受客观因素影响", 431.25, 73.5)]];
    expect(text(markAutospace(pages))).toEqual(["≥437次 98.00 受客观因素影响"]);
  });

  it("returns the pages as they were when no junction is spaced", () => {
    const pages = [[run("张", 0, 10.5), run("江", 10.5, 10.5)]];
    expect(markAutospace(pages)).toBe(pages);
  });
});
