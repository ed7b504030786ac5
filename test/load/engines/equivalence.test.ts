/**
 * Both PDF engines give the same Document, and the same Sheet, on every PDF
 * fixture (seed renderings, page splits, the generative corpus, the variants,
 * the bad files): every field equal, provenance boxes within 0.5 pt. A
 * difference is reported by field path and page. The pdf.js side of each
 * file is checked against its expected forms by the other tests, so this
 * carries those checks over to PDFium.
 *
 * fixtures/pdf/bad/hostile/ is left out: pdf.js needs the worker's termination
 * there (see bounds.test.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeDiffs, documentDiff } from "../../../scripts/pdf-engines/diff.js";
import { parseWithSheet } from "../../../src/parse.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const HOSTILE = join(ROOT, "fixtures/pdf/bad/hostile");

function pdfs(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return p === HOSTILE ? [] : pdfs(p);
    return n.toLowerCase().endsWith(".pdf") ? [p] : [];
  });
}

const FILES = pdfs(join(ROOT, "fixtures")).map((p) => relative(ROOT, p));

async function read(file: string, engine: "pdfjs" | "pdfium"): Promise<unknown> {
  try {
    const { document, sheet } = await parseWithSheet(new Uint8Array(readFileSync(join(ROOT, file))), { source: file, pdf: { engine } });
    return { document, sheet };
  } catch (e) {
    const err = e as { code?: string };
    // The wording may name the engine; the code is the contract.
    return { error: err.code ?? String(e) };
  }
}

describe("pdf.js and PDFium", () => {
  it("are compared on every PDF fixture", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(130);
    expect(FILES.filter((f) => f.startsWith("fixtures/corpus/")).length).toBeGreaterThanOrEqual(48);
  });

  it.each(FILES)("give the same Document and Sheet: %s", async (file) => {
    const a = await read(file, "pdfjs");
    const b = await read(file, "pdfium");
    const diffs = documentDiff(a, b, 0.5, 20);
    expect(diffs, describeDiffs(file, diffs)).toEqual([]);
  });
});

describe("the comparison", () => {
  it("names the field and the page of a difference, and lets boxes differ by 0.5 pt", () => {
    const a = { forms: [{ provenance: { title: { page: 2, bbox: [1, 2, 3, 4] }, year: { page: 3, bbox: [0, 0, 0, 0] } }, title: "甲" }] };
    const b = { forms: [{ provenance: { title: { page: 2, bbox: [1.4, 2, 3, 4.5] }, year: { page: 3, bbox: [0.6, 0, 0, 0] } }, title: "乙" }] };
    const diffs = documentDiff(a, b);
    expect(diffs.map((d) => [d.path, d.page])).toEqual([["forms[0].provenance.year.bbox", 3], ["forms[0].title", undefined]]);
    expect(describeDiffs("x.pdf", diffs)).toContain("x.pdf: forms[0].provenance.year.bbox (page 3)");
  });
});
