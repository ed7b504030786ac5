import { readFileSync } from "node:fs";
import { openEngine } from "../../src/load/pdf/engines/open.js";
import { PdfOptions } from "../../src/load/pdf/options.js";
const [file, pg] = process.argv.slice(2);
for (const engine of ["pdfjs", "pdfium"] as const) {
  const doc = await openEngine(new Uint8Array(readFileSync(file!)), PdfOptions.parse({ engine }), { source: file!, within: (p) => p });
  const page = await doc.page(Number(pg));
  const r = (n: number) => Math.round(n * 10) / 10;
  console.log(engine, "view", page.view, "h", page.rules.h.length, "v", page.rules.v.length);
  console.log(" v:", page.rules.v.map((v) => `${r(v.x)}:${r(v.y0)}-${r(v.y1)}`).sort().join(" "));
  console.log(" h:", page.rules.h.slice(0, 12).map((h) => `${r(h.y)}:${r(h.x0)}-${r(h.x1)}`).join(" "));
  console.log(" runs:", page.runs.slice(0, 8).map((x) => `${x.text}@${r(x.x0)}-${r(x.x1)},${r(x.y)},${r(x.size)}`).join(" | "));
  const xs = [...new Set(page.rules.v.map((v) => r(v.x)))].sort((a, b) => a - b);
  console.log(" vx:", xs.join(" "), "hmin/max", Math.min(...page.rules.h.map((h) => h.x0)), Math.max(...page.rules.h.map((h) => h.x1)), "ys", r(Math.min(...page.rules.h.map((h) => h.y))), r(Math.max(...page.rules.h.map((h) => h.y))));
  await doc.close();
}
