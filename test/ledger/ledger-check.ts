import { expect } from "vitest";
import { ledger } from "../../src/ledger/index.js";
import { mapRadicals } from "../../src/load/radicals.js";
import type { Document } from "../../src/model/document.js";
import type { Ledger } from "../../src/model/ledger.js";
import type { Sheet } from "../../src/model/sheet.js";

/**
 * Non-whitespace characters as a multiset, folded the way the loader reads
 * them: NFKC (Kangxi radicals, full-width forms) and the CJK Radicals
 * Supplement characters some fonts map glyphs to (⻔ → 门, see load/radicals.ts).
 */
export function charBag(texts: Iterable<string>): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of texts) {
    for (const ch of mapRadicals(t).normalize("NFKC")) {
      if (/\s/u.test(ch)) continue;
      bag.set(ch, (bag.get(ch) ?? 0) + 1);
    }
  }
  return bag;
}

/** What `a` holds more of than `b`, as "字×n" strings. */
function excess(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [ch, n] of a) if (n > (b.get(ch) ?? 0)) out.push(`${ch}×${n - (b.get(ch) ?? 0)}`);
  return out;
}

/**
 * The loader lost nothing and added nothing: the characters of the input
 * (whitespace aside) are those of the Sheet's cells plus the furniture it
 * dropped. `input` is the text as the source has it (pdf.js items for a PDF).
 */
export function expectLoaderKeepsEverything(name: string, input: Iterable<string>, sheet: Sheet): void {
  const inBag = charBag(input);
  const outBag = charBag([...sheet.rows.flatMap((r) => r.cells.map((c) => c.text)), ...(sheet.furniture ?? []).map((f) => f.text)]);
  const lost = excess(inBag, outBag);
  const added = excess(outBag, inBag);
  expect(lost, `${name}: characters of the input in no cell and no furniture`).toEqual([]);
  expect(added, `${name}: characters in the Sheet that the input does not have`).toEqual([]);
}

/** Every cell of the Sheet and every piece of furniture accounted for; the message names the first that is not. */
export function expectAllAccounted(name: string, sheet: Sheet, doc: Pick<Document, "forms" | "diagnostics">): Ledger {
  const l = ledger(sheet, doc);
  const first = l.entries.find((e) => e.account === "unaccounted");
  const where = first ? `"${first.text}" (page ${first.page}, line ${first.line ?? "?"}, cell ${first.cell ?? "?"})` : "";
  expect(first, `${name}: text nothing accounts for, first ${where}`).toBeUndefined();
  let total = 0;
  for (const t of [...sheet.rows.flatMap((r) => r.cells.map((c) => c.text)), ...(sheet.furniture ?? []).map((f) => f.text)]) {
    total += [...t].filter((ch) => !/\s/u.test(ch)).length;
  }
  const c = l.characters;
  expect(c.value + c.label + c.furniture + c.diagnostic, `${name}: characters accounted for`).toBe(total);
  return l;
}
