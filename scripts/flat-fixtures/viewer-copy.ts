/**
 * What a PDF viewer's select-all-copy gives: pdf.js `getTextContent` items in
 * content-stream order, each item's text followed by a line break where
 * pdf.js marks `hasEOL` (as pdf.js's own viewer copies). Shared by
 * generate.ts (the committed fixtures) and soak.ts (fresh renderings).
 */
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export async function viewerCopy(pdf: string): Promise<string> {
  const data = new Uint8Array(await readFile(pdf));
  const doc = await getDocument({
    data,
    cMapUrl: join(root, "node_modules/pdfjs-dist/cmaps/"),
    cMapPacked: true,
    standardFontDataUrl: join(root, "node_modules/pdfjs-dist/standard_fonts/"),
    useSystemFonts: false,
  }).promise;
  let out = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("str" in item)) continue;
      out += item.str;
      if (item.hasEOL) out += "\n";
    }
    // The viewer's text layers are one div per page: a copy across them breaks the line.
    if (!out.endsWith("\n")) out += "\n";
  }
  await doc.destroy();
  return out;
}
