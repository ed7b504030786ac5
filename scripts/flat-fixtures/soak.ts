/**
 * Field-for-field accuracy of `pdftotext` without -layout on PDFs this
 * reader was never tuned on: the corpus renderer (scripts/corpus/) draws
 * random forms and prints them with Chromium or Calc; each PDF's block-order
 * text is parsed and compared with the forms it was drawn from.
 *
 *   npx tsx scripts/flat-fixtures/soak.ts [--seeds 5001-5040] [--kind pdftotext|viewer] [--out DIR] [--keep] [--reuse] [--wrong] [--unflagged]
 *
 * --kind viewer reads each PDF's viewer copy (viewer-copy.ts: pdf.js text in
 * content-stream order, as a viewer's select-all-copy gives it) instead of
 * its `pdftotext` (without -layout) text, the default.
 *
 * --kind browser reads each case's HTML page as Chromium's select-all-copy
 * gives it (browser-copy.ts: tabs between cells, no PDF rendered);
 * browser-spaces the same copy with its tabs turned into spaces.
 *
 * --reuse reads the PDFs already rendered in DIR (--out) instead of rendering them again.
 * Renders into DIR (a temporary folder unless --out, removed unless --keep),
 * then prints per case the share of fields right, how many of the wrong
 * ones are a value (not a blank), how many of those are flagged where they
 * stand (a layout.inferred-* diagnostic quoting the cell the value was read
 * from: flags.ts), and the totals. --wrong lists every wrong field,
 * --unflagged the wrong values no diagnostic flags.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseText } from "../../src/parse.js";
import { parseSeeds } from "../corpus/build.js";
import { caseName, drawCase } from "../corpus/case.js";
import { compareForms } from "../corpus/compare.js";
import { renderCases } from "../corpus/render.js";
import { wrongAndFlagged } from "./flags.js";
import { browserCopies, withoutTabs } from "./browser-copy.js";
import { viewerCopy } from "./viewer-copy.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const out = args.includes("--out") ? resolve(opt("--out", "")) : await mkdtemp(join(tmpdir(), "jixiao-flat-soak-"));
await mkdir(out, { recursive: true });
const kind = opt("--kind", "pdftotext");
if (!["pdftotext", "viewer", "browser", "browser-spaces"].includes(kind)) throw new Error(`--kind ${kind}: expected pdftotext, viewer, browser or browser-spaces`);
const browser = kind.startsWith("browser");
const cases = parseSeeds(opt("--seeds", "5001-5040")).map(drawCase);
try {
  if (!args.includes("--reuse") && !browser) await renderCases(cases, out);
  const copies = browser ? await browserCopies(cases) : [];
  let fields = 0;
  let matched = 0;
  let valued = 0;
  let flaggedTotal = 0;
  let cellless = 0;
  const byProducer = new Map<string, { fields: number; matched: number; wrong: number; flagged: number }>();
  for (const [k, c] of cases.entries()) {
    const pdf = join(out, `${caseName(c.seed)}.pdf`);
    const txt = pdf.replace(/\.pdf$/, `.${kind}.txt`);
    if (browser) await writeFile(txt, kind === "browser" ? copies[k]! : withoutTabs(copies[k]!));
    else if (kind === "viewer") await writeFile(txt, await viewerCopy(pdf));
    else execFileSync("pdftotext", ["-enc", "UTF-8", pdf, txt]);
    const doc = await parseText(new Uint8Array(await readFile(txt)), { source: txt, verify: false });
    const r = compareForms(c.forms, doc.forms);
    // A wrong field that holds a value (not blank, not missing) is one the reader put in the wrong place.
    const { wrong, flagged, unflagged } = wrongAndFlagged(doc, r.differences);
    fields += r.fields;
    matched += r.matched;
    valued += wrong.length;
    flaggedTotal += flagged;
    const warned = doc.diagnostics.some((d) => d.code === "layout.reading-order");
    // Fields no cell holds (a form's completeness, the unit its amounts default to) cannot be flagged at a cell: counted apart, never as flagged.
    const own = unflagged.filter((d) => /^forms\[\d+\]\.(?:complete|fundingUnit):/.test(d)).length;
    cellless += own;
    // A browser copy is of the HTML page, whichever producer the case would print with.
    const producer = browser ? "html" : c.rendering.renderer;
    const p = byProducer.get(producer) ?? { fields: 0, matched: 0, wrong: 0, flagged: 0 };
    byProducer.set(producer, { fields: p.fields + r.fields, matched: p.matched + r.matched, wrong: p.wrong + wrong.length, flagged: p.flagged + flagged });
    console.log(`${caseName(c.seed)}: ${r.matched}/${r.fields} = ${((100 * r.matched) / r.fields).toFixed(2)} %, ${wrong.length} wrong values, ${flagged} of them flagged at the field${own ? ` (${own} of the others have no cell of their own: complete, fundingUnit)` : ""}${warned ? " (forms flagged layout.reading-order)" : ""}`);
    if (args.includes("--wrong")) for (const d of r.differences) console.log(`    ${d}`.slice(0, 240));
    if (args.includes("--unflagged")) for (const d of unflagged) console.log(`    unflagged: ${d}`.slice(0, 240));
  }
  for (const [producer, p] of byProducer) console.log(`${producer}: ${p.matched}/${p.fields} fields = ${((100 * p.matched) / p.fields).toFixed(2)} %, ${p.wrong} wrong values, ${p.flagged} of them flagged at the field`);
  console.log(`total: ${matched}/${fields} fields = ${((100 * matched) / fields).toFixed(2)} %, ${valued} wrong values, ${flaggedTotal} of them flagged at the field${cellless ? ` (of the ${valued - flaggedTotal} unflagged, ${cellless} have no cell of their own: complete, fundingUnit)` : ""}, over ${cases.length} cases`);
} finally {
  if (!args.includes("--keep") && !args.includes("--out")) await rm(out, { recursive: true, force: true });
}
