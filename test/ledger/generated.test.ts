/**
 * The ledger on generated damage: forms with random cells and rows inserted,
 * rows deleted, duplicated, swapped or cut off, in tab-separated text, in
 * pdftotext -layout text and in a PDF's Sheet. Whatever jixiao makes of the
 * damage, every cell must end in a value, a label, furniture or a diagnostic
 * that quotes it. Each case is a fixed seed: a failure names it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/load/errors.js";
import { parseSheet, parseWithSheet } from "../../src/parse.js";
import { fixture, SEED_TEXT } from "../helpers.js";
import { damagedLayout, damagedSheet, damagedTsv } from "./damage.js";
import { expectAllAccounted, expectLoaderKeepsEverything } from "./ledger-check.js";

async function expectTextAccounted(name: string, text: string): Promise<void> {
  let result;
  try {
    result = await parseWithSheet(text, { source: name, verify: false });
  } catch (e) {
    // Damage may leave no form at all: then the input error is the account.
    if (e instanceof InputError && e.code === "input.no-form") return;
    throw e;
  }
  expectLoaderKeepsEverything(name, [text], result.sheet);
  expectAllAccounted(name, result.sheet, result.document);
}

describe("the ledger accounts for every cell of damaged forms", () => {
  it("tab-separated seed, 120 damaged copies (seeds 1–120)", async () => {
    for (let seed = 1; seed <= 120; seed++) await expectTextAccounted(`tsv seed ${seed}`, damagedTsv(seed));
  }, 120_000);

  it("pdftotext -layout text, 30 damaged copies of two fixtures (seeds 1–15 each)", async () => {
    for (const rel of ["pdf/seed/landscape.layout.txt", "variants/level-subtotals/subtotals.layout.txt"]) {
      const text = readFileSync(fixture(rel), "utf8");
      for (let seed = 1; seed <= 15; seed++) await expectTextAccounted(`${rel} seed ${seed}`, damagedLayout(text, seed));
    }
  }, 120_000);

  it("the seed with its tabs as runs of spaces (read as layout text), whole and in 40 damaged copies", async () => {
    // Whole: level labels no row took were once dropped by the layout loader.
    await expectTextAccounted("seed, tabs as 4 spaces", SEED_TEXT.replace(/\t/g, "    "));
    for (let seed = 1; seed <= 40; seed++) {
      await expectTextAccounted(`spaced tsv seed ${seed}`, damagedTsv(seed).replace(/\t/g, " ".repeat(2 + (seed % 5))));
    }
  }, 120_000);

  it("a PDF's Sheet, 40 damaged copies (seeds 1–40)", async () => {
    const { sheet } = await parseWithSheet(new Uint8Array(readFileSync(fixture("pdf/seed/narrow.pdf"))), { verify: false });
    for (let seed = 1; seed <= 40; seed++) {
      const damaged = damagedSheet(sheet, seed);
      expectAllAccounted(`narrow.pdf sheet seed ${seed}`, damaged, parseSheet(damaged));
    }
  }, 120_000);

  it("a funding row the form lacks is named by a diagnostic", async () => {
    // 上年结转资金's row with its label misspelt as an unknown source: the form cannot place it.
    const lines = SEED_TEXT.split("\n");
    const at = lines.findIndex((l) => l.includes("上年结转资金"));
    lines[at] = lines[at]!.replace("上年结转资金", "专项债券资金");
    const { document, sheet } = await parseWithSheet(lines.join("\n"), { verify: false });
    const l = expectAllAccounted("misspelt funding row", sheet, document);
    const entry = l.entries.find((e) => e.text.includes("专项债券资金"))!;
    expect(entry.account).toBe("diagnostic");
    const d = document.diagnostics[entry.diagnostics![0]!]!;
    expect(d.message).toContain("专项债券资金");
  });

  it("an indicator row the form lacks is named by a diagnostic", async () => {
    // An indicator row reduced to its name: no target, actual, weight or score.
    const lines = SEED_TEXT.split("\n");
    const at = lines.findIndex((l) => l.includes("年度完成接待任务数"));
    const name = "年度完成接待任务数";
    lines[at] = `\t\t${name}`;
    const { document, sheet } = await parseWithSheet(lines.join("\n"), { verify: false });
    expect(document.forms[1]!.indicators.some((i) => i.name === name)).toBe(false);
    const l = expectAllAccounted("indicator row reduced to its name", sheet, document);
    const entry = l.entries.find((e) => e.text === name && e.line === at + 1)!;
    expect(entry.account).toBe("diagnostic");
    expect(document.diagnostics[entry.diagnostics![0]!]!.message).toContain(name);
  });
});
