// The baseline of `npm run bench:batch` for PDFs: a process that only opens
// each PDF with pdf.js and reads every page's text and operators, with the
// loader's own options; what any pdf.js-based reader pays at the least.
// Usage: node pdfjs-only.mjs FILE…   (prints the pages read)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";

const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
let pages = 0;
for (const file of process.argv.slice(2)) {
  const task = lib.getDocument({
    data: new Uint8Array(readFileSync(file)), cMapUrl: join(root, "cmaps") + sep, cMapPacked: true,
    standardFontDataUrl: join(root, "standard_fonts") + sep, isEvalSupported: false, disableFontFace: true,
    useSystemFonts: false, useWorkerFetch: false, isOffscreenCanvasSupported: false, verbosity: 0,
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
