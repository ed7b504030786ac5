/**
 * Split-anywhere invariance (issue 9): one form cut by a page break before
 * every row in turn, inside tall merged cells, with the cut cell printed once
 * or on both pages, with and without a repeated header
 * (scripts/pdf-fixtures/splits.ts, fixtures/pdf/splits/). Each rendering, as
 * PDF and as its `pdftotext -layout` text, must read as the form it was
 * rendered from, field for field, and without a diagnostic.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Document } from "../../src/model/document.js";
import { parseBytes, parseText } from "../../src/parse.js";
import { comparable, EXPECTED_FORMS, fixture } from "../helpers.js";

interface Case {
  file: string;
  kind: "once" | "repeat" | "header" | "inside";
  form: string;
  at: string;
}
const { cases } = JSON.parse(readFileSync(fixture("pdf/splits/cases.json"), "utf8")) as { cases: Case[] };

/**
 * Layout text keeps no cell edges, so a paragraph's end inside a goal cannot
 * be seen there (test/load/layout.test.ts says why): its goals compare
 * without their line breaks, the PDF's with them.
 */
const flatGoals = <F extends { goals: { expected: string | null; actual: string | null } }>(f: F): F => ({
  ...f,
  goals: { expected: f.goals.expected?.replace(/\n/g, "") ?? null, actual: f.goals.actual?.replace(/\n/g, "") ?? null },
});

/**
 * Level labels of a layout text that fit two group starts equally well in
 * pdftotext's rounded lines: read right, but said as guesses
 * (layout.inferred-level, quoting the label).
 */
const DOUBTED: Record<string, string[]> = {
  "once-13-ind2.pdf": ["数量指标", "质量指标", "时效指标", "产出指标", "效益指标"],
};

function check(doc: Document, c: Case, layout = false): void {
  const want = EXPECTED_FORMS.find((f) => f.projectName === c.form);
  expect(want, c.form).toBeDefined();
  if (layout) expect(doc.forms.map(comparable).map(flatGoals)).toEqual([flatGoals(want!)]);
  else expect(doc.forms.map(comparable)).toEqual([want]);
  const doubted = layout ? (DOUBTED[c.file] ?? []).map((t) => `layout.inferred-level: "${t}"`) : [];
  expect(doc.diagnostics.map((d) => `${d.code}: ${d.code === "layout.inferred-level" ? `"${d.quotes?.[0]?.text ?? ""}"` : d.message}`)).toEqual(doubted);
}

describe("the split cases", () => {
  const rows = ["year", "name", "dept", "fundhead", "fund-total", "fund-fiscal", "fund-carryover", "fund-other", "goalhead", "goals", "indhead",
    "ind1", "ind2", "ind3", "ind4", "ind5", "ind6", "ind7", "ind8", "total", "grade"];
  it("cut before every row, the cut cell printed once and on both pages", () => {
    for (const kind of ["once", "repeat"]) expect(cases.filter((c) => c.kind === kind).map((c) => c.at), kind).toEqual(rows);
  });
  it("cut inside the indicator table with its header repeated, and inside tall cells", () => {
    expect(cases.filter((c) => c.kind === "header").map((c) => c.at)).toEqual(rows.slice(rows.indexOf("ind1")));
    expect(cases.filter((c) => c.kind === "inside").map((c) => c.at)).toEqual(["goal", "funding", "level1", "level1"]);
  });
});

describe.each(cases)("$file", (c) => {
  it("pdf: the form, field for field", async () => {
    const doc = await parseBytes(new Uint8Array(readFileSync(fixture(`pdf/splits/${c.file}`))), { source: c.file, verify: false });
    check(doc, c);
  }, 30_000);
  it("pdftotext -layout: the form, field for field", async () => {
    const doc = await parseText(readFileSync(fixture(`pdf/splits/${c.file.replace(/\.pdf$/, ".layout.txt")}`)), { source: c.file, verify: false });
    check(doc, c, true);
  });
});
