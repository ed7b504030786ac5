/**
 * The one Node-only module of the PDF loader: finds pdfjs-dist's bundled CMaps
 * and standard fonts on disk. A browser caller passes `cMapUrl` and
 * `standardFontDataUrl` itself, and this module is never called there.
 *
 * pdf.js in Node reads these through NodeCMapReaderFactory and
 * NodeStandardFontDataFactory, which take plain file-system paths; nothing is
 * fetched from a network.
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
  createRequire(from: string): { resolve(id: string): string };
}
interface NodePathApi {
  dirname(p: string): string;
  join(...p: string[]): string;
  sep: string;
}

let cached: PdfAssets | undefined;

/**
 * Resolves (once) the CMaps and standard-font directories of the installed pdfjs-dist.
 *
 * @throws UsageError `usage.options` outside Node, where the caller must give both locations
 */
export function nodeAssets(): PdfAssets {
  if (cached) return cached;
  const get = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule;
  if (typeof get !== "function") {
    throw new UsageError("usage.options", "options.pdf",
      "parse: options.pdf: outside Node, give pdf.cMapUrl and pdf.standardFontDataUrl (URLs of a copy of pdfjs-dist's cmaps/ and standard_fonts/, ending in /)");
  }
  const { createRequire } = get("module") as NodeModuleApi;
  const { dirname, join, sep } = get("path") as NodePathApi;
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  cached = {
    cMapUrl: join(root, "cmaps") + sep,
    standardFontDataUrl: join(root, "standard_fonts") + sep,
  };
  return cached;
}
