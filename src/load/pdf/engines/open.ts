/**
 * The one table from an engine's name to the function that opens a document
 * with it. Each engine is imported when first used, so a run on one engine
 * never loads the other.
 */
import type { ResolvedPdfOptions } from "../options.js";
import type { EngineDocument, EngineName, OpenContext } from "./types.js";

type Opener = (bytes: Uint8Array, opts: ResolvedPdfOptions, ctx: OpenContext) => Promise<EngineDocument>;

const ENGINES: Record<EngineName, Opener> = {
  pdfjs: async (b, o, c) => (await import("./pdfjs.js")).openPdfJs(b, o, c),
  pdfium: async (b, o, c) => (await import("./pdfium.js")).openPdfium(b, o, c),
};

/** Opens a document with the engine the options name. */
export function openEngine(bytes: Uint8Array, opts: ResolvedPdfOptions, ctx: OpenContext): Promise<EngineDocument> {
  return ENGINES[opts.engine](bytes, opts, ctx);
}
