/**
 * The one Node-only module of the PDF loader: finds pdfjs-dist's bundled CMaps
 * and standard fonts on disk. A browser caller passes `cMapUrl` and
 * `standardFontDataUrl` itself, and this module is never loaded.
 *
 * pdf.js in Node reads these through NodeCMapReaderFactory and
 * NodeStandardFontDataFactory, which take plain file-system paths; nothing is
 * fetched from a network. It also reads PDFium's wasm binary for the PDFium
 * engine, which a browser caller passes as bytes or a URL instead.
 */
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";

/** Asset locations for pdf.js, as directory paths ending in a separator. */
export interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
}

let cached: PdfAssets | undefined;

/** Resolves (once) the CMaps and standard-font directories of the installed pdfjs-dist. */
export function nodeAssets(): PdfAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("pdfjs-dist/package.json"));
  cached = {
    cMapUrl: join(root, "cmaps") + sep,
    standardFontDataUrl: join(root, "standard_fonts") + sep,
  };
  return cached;
}

let wasmCache: Uint8Array | undefined;

/** The PDFium WebAssembly binary shipped inside @embedpdf/pdfium, read once. */
export async function nodePdfiumWasm(): Promise<Uint8Array> {
  if (wasmCache) return wasmCache;
  const { readFile } = await import("node:fs/promises");
  const require = createRequire(import.meta.url);
  wasmCache = new Uint8Array(await readFile(require.resolve("@embedpdf/pdfium/pdfium.wasm")));
  return wasmCache;
}
