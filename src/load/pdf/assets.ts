/**
 * The one Node-only module of the PDF loader: finds pdfjs-dist's bundled CMaps
 * and standard fonts on disk. A browser caller passes `cMapUrl` and
 * `standardFontDataUrl` itself, and this module is never called there.
 *
 * pdf.js in Node reads these through NodeCMapReaderFactory and
 * NodeStandardFontDataFactory, which take plain file-system paths; nothing is
 * fetched from a network. It also reads PDFium's wasm binary for the PDFium
 * engine, which a browser caller passes as bytes or a URL instead.
 *
 * Node's modules are reached through `process.getBuiltinModule` (Node ≥ 20.16,
 * as pdf.js itself does) rather than imported: a static `node:` import would
 * make every browser bundler fail on this file, even though a browser never
 * runs it.
 */
import { UsageError } from "../../model/usage-error.js";

/** Asset locations for pdf.js, as directory paths ending in a separator. */
export interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
}
interface NodeModuleApi {
  createRequire(from: string): { resolve(id: string): string; (id: string): unknown };
}
interface NodePathApi {
  dirname(p: string): string;
  join(...p: string[]): string;
  sep: string;
}

let cached: PdfAssets | undefined;

/** Node's module `id`, or a UsageError naming what a caller outside Node must give instead. */
function nodeModule<T>(id: string, instead: string): T {
  const get = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule;
  if (typeof get !== "function") throw new UsageError("usage.options", "options.pdf", `parse: options.pdf: outside Node, give ${instead}`);
  return get(id) as T;
}

/**
 * Resolves (once) the CMaps and standard-font directories of the installed pdfjs-dist.
 *
 * @throws UsageError `usage.options` outside Node, where the caller must give both locations
 */
export function nodeAssets(): PdfAssets {
  if (cached) return cached;
  const instead = "pdf.cMapUrl and pdf.standardFontDataUrl (URLs of a copy of pdfjs-dist's cmaps/ and standard_fonts/, ending in /)";
  const { createRequire } = nodeModule<NodeModuleApi>("module", instead);
  const { dirname, join, sep } = nodeModule<NodePathApi>("path", instead);
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  cached = {
    cMapUrl: join(root, "cmaps") + sep,
    standardFontDataUrl: join(root, "standard_fonts") + sep,
  };
  return cached;
}

let wasmCache: Uint8Array | undefined;

/**
 * The PDFium WebAssembly binary shipped inside @embedpdf/pdfium, read once.
 *
 * @throws UsageError `usage.options` outside Node, where the caller must give `pdf.pdfiumWasm`
 */
export async function nodePdfiumWasm(): Promise<Uint8Array> {
  if (wasmCache) return wasmCache;
  // PDFium is the default engine, so a browser caller who set up only pdf.js hears of that choice too.
  const instead = "pdf.pdfiumWasm (the bytes or URL of @embedpdf/pdfium's pdfium.wasm), or choose pdf.engine \"pdfjs\"";
  const { createRequire } = nodeModule<NodeModuleApi>("module", instead);
  const { readFile } = nodeModule<{ readFile(p: string): Promise<Uint8Array> }>("fs/promises", instead);
  wasmCache = new Uint8Array(await readFile(createRequire(import.meta.url).resolve("@embedpdf/pdfium/pdfium.wasm")));
  return wasmCache;
}

/** @embedpdf/pdfium's `init`, the one entry point jixiao uses. */
export type PdfiumInit = typeof import("@embedpdf/pdfium").init;

/**
 * @embedpdf/pdfium's CommonJS entry, for Node. Its ES-module entries (the
 * "import" and "browser" ones) are an Emscripten build with ASSERTIONS on,
 * which defines a warning getter on globalThis for each of some 150 runtime
 * symbols the build left out (`hookGlobalSymbolAccess`); the CommonJS entry
 * is built without that and adds nothing to the host's globals.
 *
 * @throws UsageError `usage.options` outside Node (the caller there uses the package's browser entry)
 */
export function nodePdfiumInit(): PdfiumInit {
  const instead = "pdf.pdfiumWasm (the bytes or URL of @embedpdf/pdfium's pdfium.wasm)";
  const { createRequire } = nodeModule<NodeModuleApi>("module", instead);
  return (createRequire(import.meta.url)("@embedpdf/pdfium") as { init: PdfiumInit }).init;
}
