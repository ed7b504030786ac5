/**
 * The floor of reading a PDF with pdf.js, as a whole process: import pdf.js,
 * open the file, read every page's text and operator list, and exit. The
 * yardstick of npm run bench:startup (and of bench:batch): jixiao reads the
 * same with the same options, then builds the table, parses and verifies.
 *
 *   node scripts/pdfjs-read.mjs FILE.pdf      (after npm run build)
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
// The same pdf.js build, loaded the same way, as jixiao's PDF loader (src/load/pdf/engine.ts).
import { pdfjs } from "../dist/src/load/pdf/engine.js";

const { getDocument } = await pdfjs();

const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const task = getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  cMapUrl: join(root, "cmaps") + sep,
  cMapPacked: true,
  standardFontDataUrl: join(root, "standard_fonts") + sep,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  isOffscreenCanvasSupported: false,
  verbosity: 0,
});
const doc = await task.promise;
let items = 0;
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  items += text.items.length + ops.fnArray.length;
  page.cleanup();
}
await task.destroy();
process.stdout.write(`${doc.numPages} page(s), ${items} text items and operators\n`);
