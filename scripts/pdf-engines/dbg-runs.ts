import { readFileSync } from "node:fs";
import { openEngine } from "../../src/load/pdf/engines/open.js";
import { PdfOptions } from "../../src/load/pdf/options.js";
const [file, pg] = process.argv.slice(2);
const out: Record<string, string[]> = {};
for (const engine of ["pdfjs", "pdfium"] as const) {
  const doc = await openEngine(new Uint8Array(readFileSync(file!)), PdfOptions.parse({ engine }), { source: file!, within: (p) => p });
  const page = await doc.page(Number(pg));
  const r = (n: number) => Math.round(n * 10) / 10;
  out[engine] = page.runs.map((x) => `${x.text}@${r(x.x0)}-${r(x.x1)},${r(x.y)},${r(x.size)}${x.spaceBefore ? " sp" : ""}`);
  await doc.close();
}
for (const e of ["pdfjs", "pdfium"]) console.log(e, out[e]!.filter((x) => x.includes(",575.") || x.includes(",571.") || x.includes(",57")).join(" ; "));
const a = new Set(out.pdfjs), b = new Set(out.pdfium);
console.log("only pdfjs:", out.pdfjs!.filter((x) => !b.has(x)).join("\n  "));
console.log("only pdfium:", out.pdfium!.filter((x) => !a.has(x)).join("\n  "));
console.log("counts", out.pdfjs!.length, out.pdfium!.length);
const strip = (s: string) => s.replace(/@.*/, "");
const ta = out.pdfjs!.map(strip).join("|"), tb = out.pdfium!.map(strip).join("|");
let i = 0; while (i < ta.length && ta[i] === tb[i]) i++;
console.log("first text difference:", ta.slice(i - 40, i + 60), "\n vs", tb.slice(i - 40, i + 60));
