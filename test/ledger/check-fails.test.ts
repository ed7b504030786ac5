/**
 * The ledger checks fail when something is lost: a cell removed from a
 * diagnostic's quotes, a piece of furniture forgotten, a value's provenance
 * gone. Each test loses one thing on purpose and expects the check to name it.
 */
import { describe, expect, it } from "vitest";
import { ledger } from "../../src/ledger/index.js";
import { parseWithSheet } from "../../src/parse.js";
import { SEED_TEXT } from "../helpers.js";
import { expectAllAccounted, expectLoaderKeepsEverything } from "./ledger-check.js";

describe("the ledger checks can fail", () => {
  it("a quote left out of a diagnostic makes its cell unaccounted, named with its place", async () => {
    const text = SEED_TEXT.replace("上年结转资金", "专项债券资金");
    const { document, sheet } = await parseWithSheet(text, { verify: false });
    const d = document.diagnostics.find((x) => x.code === "grammar.unplaced-row")!;
    d.quotes = d.quotes!.slice(1);
    expect(() => expectAllAccounted("dropped quote", sheet, document)).toThrow(/专项债券资金|\(page 1, line \d+, cell \d+\)/);
  });

  it("a value without provenance is unaccounted", async () => {
    const { document, sheet } = await parseWithSheet(SEED_TEXT, { verify: false });
    const form = document.forms[0]!;
    const p = form.provenance;
    delete p["projectName"];
    const l = ledger(sheet, document);
    expect(l.entries.find((e) => e.account === "unaccounted")?.text).toBe(form.projectName);
  });

  it("text the loader drops without listing it fails the loader check", async () => {
    const text = SEED_TEXT.replace("财政项目支出绩效自评表", "- 1 -\n财政项目支出绩效自评表");
    const { sheet } = await parseWithSheet(text, { verify: false });
    expectLoaderKeepsEverything("as read", [text], sheet);
    const rows = sheet.rows.filter((r) => !r.cells.some((c) => c.text.includes("- 1 -")));
    expect(() => expectLoaderKeepsEverything("a row lost", [text], { ...sheet, rows })).toThrow(/in no cell and no furniture/);
  });
});
