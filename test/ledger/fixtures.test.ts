/**
 * The ledger on every fixture: every character of the input ends in a value,
 * a label, named furniture or a diagnostic that quotes it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { decodeText } from "../../src/load/decode.js";
import { nodeAssets } from "../../src/load/pdf/assets.js";
import { pdfjs } from "../../src/load/pdf/engine.js";
import { parseWithSheet } from "../../src/parse.js";
import { fixture } from "../helpers.js";
import { expectAllAccounted, expectLoaderKeepsEverything } from "./ledger-check.js";

const root = fixture("");
const inputs = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => /\.(txt|pdf)$/.test(f) && !f.startsWith("pdf/bad/") && !f.endsWith("README.md"))
  .sort();

/**
 * Every character every page draws, as pdf.js's operator list has it (the
 * Unicode of each showText glyph): the PDF's own text, inside the page box
 * or not. Text drawn outside the page box, which no text layer keeps, must
 * come out as off-page furniture. Annotation appearances are left out, as
 * both engines leave them out of the page.
 */
async function pdfTexts(bytes: Uint8Array): Promise<string[]> {
  const lib = await pdfjs();
  const assets = nodeAssets();
  const doc = await lib.getDocument({
    data: new Uint8Array(bytes), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl,
    isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
  }).promise;
  const out: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const ops = await (await doc.getPage(p)).getOperatorList();
      let annotation = 0;
      ops.fnArray.forEach((fn, i) => {
        if (fn === lib.OPS.beginAnnotation) annotation++;
        if (fn === lib.OPS.endAnnotation) annotation--;
        if (annotation > 0 || (fn !== lib.OPS.showText && fn !== lib.OPS.showSpacedText)) return;
        for (const g of (ops.argsArray[i] as unknown[][])[0]!) if (g && typeof g === "object" && "unicode" in g) out.push(String(g.unicode));
      });
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

describe("the ledger accounts for every character of every fixture", () => {
  it("finds the fixtures", ({ expect }) => expect(inputs.length).toBeGreaterThan(40));
  for (const rel of inputs) {
    it(rel, async () => {
      const bytes = new Uint8Array(readFileSync(fixture(rel)));
      const { document, sheet } = await parseWithSheet(bytes, { source: rel, verify: false });
      const input = rel.endsWith(".pdf") ? await pdfTexts(bytes) : [decodeText(bytes, rel).text];
      expectLoaderKeepsEverything(rel, input, sheet);
      expectAllAccounted(rel, sheet, document);
    }, 60_000);
  }
});
