/**
 * The container loaders end to end: the seed's seven forms, rendered to HTML,
 * xlsx, xls, ods (one sheet, and one form per sheet), docx and odt by
 * scripts/container-fixtures/generate.ts, parse back field for field to
 * fixtures/seed/expected.json, with provenance that leads back to the cell.
 */
import { readFileSync } from "node:fs";
import { read, type CellObject } from "@e965/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../../src/model/document.js";
import { parseBytes, parseText } from "../../../src/parse.js";
import { comparable, EXPECTED_FORMS, fixture, SEED_TEXT } from "../../helpers.js";

const bytes = (name: string) => new Uint8Array(readFileSync(fixture(`containers/${name}`)));

interface Case {
  file: string;
  kind: Document["source"]["kind"];
  encoding: string | null;
  /** Diagnostic codes the file must give (all of them), and no others: grammar.preamble quotes the 附件 line before the first form. */
  codes: string[];
  /** Container fields every value read from a table cell must carry. */
  address: "sheet" | "table";
}

const CASES: Case[] = [
  { file: "seed.html", kind: "html", encoding: "utf-8", codes: ["grammar.preamble", "html.chrome"], address: "table" },
  { file: "seed.gbk.html", kind: "html", encoding: "gb18030", codes: ["grammar.preamble", "html.chrome"], address: "table" },
  { file: "seed-landscape.html", kind: "html", encoding: "utf-8", codes: ["html.chrome"], address: "table" },
  { file: "seed.xlsx", kind: "xlsx", encoding: null, codes: [], address: "sheet" },
  { file: "seed.xls", kind: "xls", encoding: null, codes: [], address: "sheet" },
  { file: "seed.ods", kind: "ods", encoding: null, codes: [], address: "sheet" },
  { file: "per-sheet.xlsx", kind: "xlsx", encoding: null, codes: ["xlsx.hidden"], address: "sheet" },
  { file: "per-sheet.xls", kind: "xls", encoding: null, codes: ["xlsx.hidden"], address: "sheet" },
  { file: "per-sheet.ods", kind: "ods", encoding: null, codes: ["xlsx.hidden"], address: "sheet" },
  { file: "seed.docx", kind: "docx", encoding: null, codes: [], address: "table" },
  { file: "seed.odt", kind: "odt", encoding: null, codes: [], address: "table" },
];

/** The rules the verifier reports for each seed form read from the tab-separated export. */
let seedRules: string[][];
beforeAll(async () => {
  const doc = await parseText(SEED_TEXT, { source: "seed.txt" });
  seedRules = doc.forms.map((f) => f.verification!.findings.map((x) => x.rule));
});

describe.each(CASES)("$file", (c) => {
  let doc: Document;
  beforeAll(async () => {
    doc = await parseBytes(bytes(c.file), { source: c.file });
  });

  it("is detected from its bytes", () => {
    expect(doc.source.kind).toBe(c.kind);
    expect(doc.source.encoding).toBe(c.encoding);
  });

  it("yields the seed's seven forms, field for field", () => {
    expect(doc.forms.map((f) => f.projectName)).toEqual(EXPECTED_FORMS.map((f) => f.projectName));
    doc.forms.forEach((form, i) => {
      const { indicators, ...rest } = comparable(form);
      const { indicators: want, ...wantRest } = EXPECTED_FORMS[i]!;
      expect(rest, `form ${i + 1}`).toEqual(wantRest);
      want.forEach((ind, j) => expect(indicators[j], `form ${i + 1}, indicator ${j + 1}`).toEqual(ind));
      expect(indicators).toHaveLength(want.length);
    });
  });

  it("gives the verifier the same findings as the text export", () => {
    expect(doc.forms.map((f) => f.verification!.findings.map((x) => x.rule))).toEqual(seedRules);
  });

  it("gives only the diagnostics its container explains", () => {
    expect([...new Set(doc.diagnostics.map((d) => d.code))].sort()).toEqual(c.codes);
  });

  it("gives every value read from a table its container address", () => {
    for (const form of doc.forms) {
      for (const [path, p] of Object.entries(form.provenance)) {
        // In the HTML and Word files the title and year are paragraphs outside the tables.
        if (c.address === "table" && (path === "title" || path === "year")) continue;
        if (c.address === "sheet") {
          expect(p.sheet, path).toBeTypeOf("string");
          expect(p.address, path).toMatch(/^[A-Z]+\d+$/);
        } else {
          expect([p.table, p.row, p.column].every((n) => Number.isInteger(n)), `${path}: ${JSON.stringify(p)}`).toBe(true);
        }
      }
    }
  });
});

describe("provenance leads back to the source cell", () => {
  it.each(["seed.xlsx", "seed.xls", "seed.ods", "per-sheet.xlsx", "per-sheet.ods"])("%s: the sheet and A1 address hold the value as printed", async (file) => {
    const doc = await parseBytes(bytes(file), { source: file, verify: false });
    // Read independently of the loader, through SheetJS's sparse sheets.
    const wb = read(bytes(file), { type: "array", cellNF: true, cellText: true });
    let checked = 0;
    doc.forms.forEach((form) => {
      const paths = ["projectName", "total.score", "total.weight", ...form.funding.map((_, i) => `funding[${i}].executed`), ...form.indicators.map((_, i) => `indicators[${i}].score`)];
      for (const path of paths) {
        const p = form.provenance[path];
        expect(p, path).toBeDefined();
        const cell = wb.Sheets[p!.sheet!]![p!.address!] as CellObject | undefined;
        const printed = String(cell?.w ?? cell?.v ?? "").replace(/,/g, "");
        const value = path.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], form);
        expect(printed, `${form.projectName} ${path} at ${p!.sheet}!${p!.address}`).toBe(value === null ? "-" : String(value));
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(100);
  });

  // Positions read off the page by hand: seed.html holds a layout table (table 0)
  // around the forms, whose first table is table 1; its rows are 项目名称 (0),
  // 主管部门 (1), the funding header (2), then one row per funding row; the
  // funding cells' columns, with the level columns 0 and 1 under the merged
  // 项目资金 label and the row label in columns 2-3, are 4, 5, 6 … .
  it("seed.html and seed.docx: table, row and column of hand-read cells", async () => {
    const n = EXPECTED_FORMS[0]!.funding.length;
    for (const [file, table] of [["seed.html", 1], ["seed.docx", 0]] as const) {
      const form = (await parseBytes(bytes(file), { source: file, verify: false })).forms[0]!;
      expect(form.provenance["projectName"], file).toMatchObject({ table, row: 0, column: 2 });
      expect(form.provenance["implementingUnit"], file).toMatchObject({ table, row: 1, column: 7 });
      expect(form.provenance["funding[0].initialBudget"], file).toMatchObject({ table, row: 3, column: 4 });
      expect(form.provenance["funding[0].executed"], file).toMatchObject({ table, row: 3, column: 6 });
      expect(form.provenance["funding[0].score"], file).toMatchObject({ table, row: 3, column: 9 });
      // goals: two rows; the indicator header; then the indicators
      expect(form.provenance["indicators[0].name"], file).toMatchObject({ table, row: 3 + n + 3, column: 2 });
      expect(form.provenance["indicators[0].level1"], file).toMatchObject({ table, row: 3 + n + 3, column: 0 });
    }
  });

  it("the second form of seed.html is the layout table's second inner table", async () => {
    const form = (await parseBytes(bytes("seed.html"), { source: "seed.html", verify: false })).forms[1]!;
    expect(form.provenance["projectName"]).toMatchObject({ table: 2, row: 0, column: 2 });
  });
});

describe("what the containers hold beside the forms", () => {
  it("seed.html names each piece of page chrome it did not read, quoting it", async () => {
    const doc = await parseBytes(bytes("seed.html"), { source: "seed.html" });
    const chrome = doc.diagnostics.filter((d) => d.code === "html.chrome").map((d) => d.message);
    expect(chrome).toHaveLength(6);
    expect(chrome.join("\n")).toContain("首页 信息公开 政务服务 互动交流");
    expect(chrome.join("\n")).toContain("当前位置：首页 > 信息公开 > 财政预决算");
    expect(chrome.join("\n")).toContain("沪ICP备00000000号");
    expect(chrome.join("\n")).toContain("<title>");
    // The sidebar of the layout table is chrome too; the script's text is no page text at all.
    expect(chrome.join("\n")).toContain("部门预算 部门决算 绩效自评");
    expect(chrome.join("\n")).not.toContain("统计代码");
  });

  it.each(["per-sheet.xlsx", "per-sheet.xls", "per-sheet.ods"])("%s reports each sheet's hidden row and column, quoting their text", async (file) => {
    const doc = await parseBytes(bytes(file), { source: file, verify: false });
    const hidden = doc.diagnostics.filter((d) => d.code === "xlsx.hidden");
    expect(hidden).toHaveLength(7);
    hidden.forEach((d, i) => {
      expect(d.page).toBe(i + 1);
      expect(d.message).toContain("row(s) 3");
      expect(d.message).toContain("column(s) M");
      expect(d.message).toContain('M1 "校验:通过"');
      expect(d.message).toContain('B3 "内部审核备注:草稿,勿公开"');
    });
    // and none of that text reached a form
    expect(JSON.stringify(doc.forms)).not.toMatch(/校验|内部审核/);
  });
});
