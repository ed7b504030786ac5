/**
 * Prints what the PDF loader sees on each page of a PDF, for finding why a
 * rendering reads wrong: every table (its grid and whether it is open at the
 * top or bottom), every page row before stitching (table, grid row, cells
 * with column, frame, flags) and, with --sheet, the Sheet rows the grammar
 * gets.
 *
 *   npx tsx scripts/corpus/dump.ts FILE.pdf [--page N] [--sheet] [--runs]
 */
import { readFileSync } from "node:fs";
import { nodeAssets } from "../../src/load/pdf/assets.js";
import { assemblePages } from "../../src/load/pdf/cells.js";
import { pdfjs } from "../../src/load/pdf/engine.js";
import { buildTables } from "../../src/load/pdf/grid.js";
import { toRuns } from "../../src/load/pdf/items.js";
import { extractRules } from "../../src/load/pdf/rules.js";
import { loadPdf } from "../../src/load/pdf/index.js";

const f = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) throw new Error("usage: dump.ts FILE.pdf [--page N] [--sheet] [--runs]");
  const pi = args.indexOf("--page");
  const only = pi >= 0 ? Number(args[pi + 1]) : 0;
  const bytes = new Uint8Array(readFileSync(file));
  const lib = await pdfjs();
  const a = nodeAssets();
  const doc = await lib.getDocument({ data: bytes.slice(), cMapUrl: a.cMapUrl, cMapPacked: true, standardFontDataUrl: a.standardFontDataUrl, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const read: Parameters<typeof assemblePages>[0][number][] = [];
  const bottoms: number[] = [];
  const heights: number[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
    read.push({ runs: toRuns(text.items), tables: buildTables(extractRules(ops, lib.OPS)) });
    const [, y0, , y1] = page.view as [number, number, number, number];
    bottoms.push(Math.min(y0, y1));
    heights.push(Math.abs(y1 - y0));
  }
  const pages = assemblePages(read, bottoms, heights);
  read.forEach(({ runs, tables }, i) => {
    const p = i + 1;
    if (only && p !== only) return;
    console.log(`=== page ${p}`);
    tables.forEach((t, ti) => {
      console.log(`table ${ti}: box ${t.box.map(f).join(",")} openTop ${t.openTop} openBottom ${t.openBottom} xs ${t.xs.map(f).join(",")}`);
      console.log(`  ys ${t.ys.map(f).join(",")}`);
    });
    if (args.includes("--runs")) for (const r of runs) console.log(`  run ${JSON.stringify(r.text)} x ${f(r.x0)}-${f(r.x1)} y ${f(r.y)} size ${f(r.size)}`);
    for (const row of pages[i]!) {
      const cells = row.cells.map((c) => {
        const spill = c.lines?.filter((l) => l.spill).map((l) => l.text) ?? [];
        return `[${c.col}${c.continuesAbove ? "^" : ""}${c.continuesBelow ? "v" : ""} ${f(c.frame[0])}-${f(c.frame[2])} ${JSON.stringify(c.text)}${spill.length ? ` spill ${JSON.stringify(spill)}` : ""}]`;
      });
      console.log(`${row.through ? "through" : `t${row.table} r${row.gridRow}`} top ${f(row.top)}: ${cells.join(" ")}`);
    }
  });
  await doc.destroy();
  if (args.includes("--sheet")) {
    const sheet = await loadPdf(bytes, file);
    console.log("=== sheet");
    for (const d of sheet.furniture ?? []) console.log(`dropped p${d.page} ${d.kind} ${JSON.stringify(d.text)} ${JSON.stringify(d.bbox)}`);
    for (const r of sheet.rows) console.log(`p${r.page} l${r.line}: ${r.cells.map((c) => `[${c.col} ${JSON.stringify(c.text)}]`).join(" ")}`);
  }
}

main().catch((e: unknown) => {
  console.error(`dump: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 70;
});
