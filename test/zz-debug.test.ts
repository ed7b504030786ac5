import { it } from "vitest";
import { readFileSync } from "node:fs";
import { parseWithSheet } from "../src/parse.js";
import { ledger } from "../src/ledger/index.js";
import { cellUses } from "../grammars/self-evaluation/index.js";
import { damagedTsv, damagedLayout } from "./ledger/damage.js";
import { fixture } from "./helpers.js";
it("dbg", async () => {
  const text = process.env.LAYOUT ? damagedLayout(readFileSync(fixture(process.env.LAYOUT), "utf8"), Number(process.env.SEED)) : damagedTsv(Number(process.env.SEED));
  const { document, sheet } = await parseWithSheet(text, { verify: false });
  const l = ledger(sheet, document);
  const uses = cellUses(sheet.rows);
  const bad = l.entries.filter((e) => e.account === "unaccounted");
  for (const b of bad) {
    console.log("UNACC", JSON.stringify(b));
    const row = sheet.rows.find((r) => r.line === b.line)!;
    for (const c of row.cells) console.log("   cell", JSON.stringify(c.text), c.col, JSON.stringify(uses.get(c)));
  }
  const L = Number(process.env.L ?? bad[0]?.line ?? 0);
  console.log(text.split("\n").slice(Math.max(0, L - 4), L + 3).map((x, i) => `${L - 3 + i}: ${x}`).join("\n"));
  console.log(JSON.stringify(document.diagnostics.map((d) => [d.code, d.line, d.message.slice(0, 80)])));
});
