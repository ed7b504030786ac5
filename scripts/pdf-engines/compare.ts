/**
 * Reads PDFs with both engines and prints where their Documents (and their
 * Sheets) differ: `tsx scripts/pdf-engines/compare.ts [files or folders…]`
 * (default: every PDF under fixtures/). Exit 1 when anything differs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseWithSheet } from "../../src/parse.js";
import { describeDiffs, documentDiff } from "./diff.js";

function pdfs(p: string): string[] {
  if (statSync(p).isDirectory()) return readdirSync(p).sort().flatMap((n) => pdfs(join(p, n)));
  return p.toLowerCase().endsWith(".pdf") ? [p] : [];
}

async function read(file: string, engine: "pdfjs" | "pdfium"): Promise<unknown> {
  try {
    const { document, sheet } = await parseWithSheet(new Uint8Array(readFileSync(file)), { source: file, pdf: { engine } });
    return { document, sheet };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { error: e.code ?? "internal" };
  }
}

const args = process.argv.slice(2);
const files = (args.length ? args : ["fixtures"]).flatMap(pdfs);
let differing = 0;
const time = { pdfjs: 0, pdfium: 0 };
for (const f of files) {
  let t = performance.now();
  const a = await read(f, "pdfjs");
  time.pdfjs += performance.now() - t;
  t = performance.now();
  const b = await read(f, "pdfium");
  time.pdfium += performance.now() - t;
  const diffs = documentDiff(a, b, 0.5, 20);
  if (diffs.length) {
    differing++;
    console.log(describeDiffs(f, diffs));
  }
}
console.log(`${files.length} PDFs, ${differing} differ; pdfjs ${Math.round(time.pdfjs)} ms, pdfium ${Math.round(time.pdfium)} ms`);
process.exitCode = differing ? 1 : 0;
