/**
 * Prints the Sheet rows the layout loader makes of a `pdftotext -layout`
 * text, one row a line (`page:line  [col]text  [col]text …`), and its
 * diagnostics, for finding why a layout rendering reads wrong.
 *
 *   npx tsx scripts/corpus/layout-rows.ts FILE.layout.txt [--from LINE] [--to LINE]
 */
import { readFileSync } from "node:fs";
import { layoutTextToSheet } from "../../src/load/layout.js";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) throw new Error("usage: layout-rows.ts FILE.layout.txt [--from LINE] [--to LINE]");
const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const from = opt("--from", 0);
const to = opt("--to", Infinity);
const sheet = layoutTextToSheet(readFileSync(file, "utf8"), file);
for (const r of sheet.rows) {
  if ((r.line ?? 0) < from || (r.line ?? 0) > to) continue;
  console.log(`${r.page}:${r.line}\t${r.cells.map((c) => `[${c.col}]${c.text}`).join("  ")}`);
}
for (const d of sheet.diagnostics) console.log(`${d.code} p${d.page} l${d.line} c${d.cell}: ${d.message}`);
