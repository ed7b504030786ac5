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

/** The strings of every text item on every page, as pdf.js reads them: the PDF's own text. */
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
      const content = await (await doc.getPage(p)).getTextContent();
      for (const it of content.items) if ("str" in it) out.push(it.str);
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
