import { readFileSync } from "node:fs";
import { openEngine } from "../../src/load/pdf/engines/open.js";
import { PdfOptions } from "../../src/load/pdf/options.js";
import { assemblePage } from "../../src/load/pdf/cells.js";
import { buildTables } from "../../src/load/pdf/grid.js";
const [file, pg] = process.argv.slice(2);
for (const engine of ["pdfjs", "pdfium"] as const) {
  const doc = await openEngine(new Uint8Array(readFileSync(file!)), PdfOptions.parse({ engine }), { source: file!, within: (p) => p });
  const page = await doc.page(Number(pg));
  const tables = buildTables(page.rules);
  console.log(engine, tables.length, "tables", tables.map((t) => JSON.stringify(t).length));
  const rows = assemblePage(page.runs, tables).filter((r) => r.table < 0);
  console.log(rows.map((r) => r.cells.map((c) => `${c.col}:${c.text}@${Math.round(c.box[0])}`).join(" | ")).join("\n  "));
  await doc.close();
}
