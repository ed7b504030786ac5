// The baseline of `npm run bench:batch` for PDFs: a process that only opens
// each PDF with pdf.js and reads every page's text and operators, with the
// loader's own options; what any pdf.js-based reader pays at the least.
//
// pdf.js is loaded as jixiao loads it (dist/src/load/pdf/engine.js: the
// modern build, with only what Node lacks added), so the two pay for the
// same pdf.js; `--legacy` loads the legacy build instead, which replaces
// Array.prototype.push and costs about 10 % more CPU (issue 12).
// Usage: node pdfjs-only.mjs [--legacy] FILE…   (prints the pages read)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { URL } from "node:url";

const args = process.argv.slice(2);
const legacy = args[0] === "--legacy";
const files = legacy ? args.slice(1) : args;
const lib = legacy
  ? await import("pdfjs-dist/legacy/build/pdf.mjs")
  : await (await import(new URL("../../dist/src/load/pdf/engine.js", import.meta.url).href)).pdfjs();
const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
let pages = 0;
for (const file of files) {
  const task = lib.getDocument({
    data: new Uint8Array(readFileSync(file)), cMapUrl: join(root, "cmaps") + sep, cMapPacked: true,
    standardFontDataUrl: join(root, "standard_fonts") + sep, isEvalSupported: false, disableFontFace: true,
    useSystemFonts: false, useWorkerFetch: false, isOffscreenCanvasSupported: false, maxImageSize: 64 * 1024 * 1024, verbosity: 0,
  });
  try {
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await Promise.all([page.getTextContent(), page.getOperatorList()]);
      page.cleanup();
      pages++;
    }
  } catch {
    // A file pdf.js refuses costs what it cost; the CLI reports it.
  } finally {
    await task.destroy();
  }
}
process.stdout.write(`${pages}\n`);
