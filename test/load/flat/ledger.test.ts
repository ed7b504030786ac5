import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flatTextToSheet } from "../../../src/load/flat/index.js";
import { fixture } from "../../helpers.js";

/*
 * The ledger: every character of the text ends in a cell, in named page
 * furniture, or in a diagnostic that quotes it. Counted without whitespace,
 * which is layout, after NFKC (labels are given in their folded spelling).
 */
const count = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").length;

describe("flattened text: nothing silently lost", () => {
  for (const name of ["narrow.viewer.txt", "landscape.viewer.txt", "sheet.viewer.txt", "browser.spaces.txt"]) {
    it(`${name}: characters in = characters in cells + furniture`, () => {
      const text = readFileSync(fixture(`flat/${name}`), "utf8");
      const sheet = flatTextToSheet(text, name);
      const inCells = sheet.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + count(c.text), 0), 0);
      const furniture = sheet.furniture.reduce((n, f) => n + count(f.text), 0);
      expect(sheet.diagnostics.filter((d) => d.code === "layout.unplaced-text")).toEqual([]);
      expect(inCells + furniture).toBe(count(text));
    });
  }
});
