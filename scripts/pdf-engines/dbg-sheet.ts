import { readFileSync } from "node:fs";
import { loadPdf } from "../../src/load/pdf/index.js";
const [file, pg] = process.argv.slice(2);
for (const engine of ["pdfjs", "pdfium"] as const) {
  const sheet = await loadPdf(new Uint8Array(readFileSync(file!)), file!, { engine });
  console.log(engine, sheet.rows.filter((r) => r.page === Number(pg)).slice(0, 4).map((r) => r.cells.map((c) => `${c.col}:${c.text}`).join(" | ")).join("\n  "));
  console.log(" furniture:", sheet.furniture?.filter((f) => f.page === Number(pg)).map((f) => `${f.kind}:${f.text}@${f.bbox?.join(",")}`).join(" ; "));
}
