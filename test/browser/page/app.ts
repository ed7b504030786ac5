// A minimal browser app on jixiao/browser, as the README's browser section shows it:
// the pdf.js engine, with pdf.js's worker and its CMaps and standard fonts served by the app itself,
// and the PDFium engine, with PDFium's wasm served by the app (its URL given as pdf.pdfiumWasm).
import { GlobalWorkerOptions } from "pdfjs-dist/build/pdf.mjs";
import { parseBytes } from "../../../src/core.js";

GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.mjs";

async function parseUrl(url: string, engine: "pdfjs" | "pdfium" = "pdfjs") {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const doc = await parseBytes(bytes, {
    source: url,
    verify: {},
    pdf: engine === "pdfjs"
      ? { engine, cMapUrl: "/pdfjs/cmaps/", standardFontDataUrl: "/pdfjs/standard_fonts/" }
      : { engine, pdfiumWasm: "/pdfium/pdfium.wasm" },
  });
  return {
    kind: doc.source.kind,
    sha256: doc.source.sha256,
    forms: doc.forms.map((f) => ({
      project: f.projectName,
      total: f.total.score,
      totalScoreBbox: f.provenance["total.score"]?.bbox ?? null,
      findings: (f.verification?.findings ?? []).map((x) => `${x.severity} ${x.rule}`),
    })),
  };
}

/** A PDF without asset locations: outside Node there is no default, and the error says what to give. */
async function withoutAssets(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return parseBytes(bytes, { source: url, pdf: { engine: "pdfjs" } }).then(
    () => "parsed",
    (e: { name?: string; code?: string; message?: string }) => `${e.name} ${e.code}: ${e.message}`,
  );
}

/** A PDF with the default engine (PDFium) and no wasm: outside Node there is no default wasm either. */
async function defaultWithoutWasm(url: string) {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return parseBytes(bytes, { source: url }).then(
    () => "parsed",
    (e: { name?: string; code?: string; message?: string }) => `${e.name} ${e.code}: ${e.message}`,
  );
}

Object.assign(globalThis, { jixiaoParse: parseUrl, jixiaoWithoutAssets: withoutAssets, jixiaoDefaultWithoutWasm: defaultWithoutWasm });
document.body.setAttribute("data-ready", "1");
