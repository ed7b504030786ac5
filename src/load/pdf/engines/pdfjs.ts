/**
 * The pdf.js engine, the reference: text items from getTextContent become
 * runs (items.ts), the operator list gives ruling lines (rules.ts) and tells
 * whether a page paints images.
 *
 * Untrusted input: pdf.js runs with `isEvalSupported: false`, no font faces,
 * no system fonts, nothing fetched.
 */
import { pdfjs } from "../engine.js";
import { toRuns } from "../items.js";
import { paintsImages } from "../notext.js";
import { pdfJsOffPageText } from "../offpage.js";
import type { ResolvedPdfOptions } from "../options.js";
import { extractRules } from "../rules.js";
import type { EngineDocument, EnginePage, OpenContext, RotatedText } from "./types.js";

/** Largest image (in pixels) pdf.js decodes; bigger ones are skipped, which bounds memory on scans. */
const MAX_IMAGE_PIXELS = 64 * 1024 * 1024;

async function assetsFor(opts: ResolvedPdfOptions): Promise<{ cMapUrl: string; standardFontDataUrl: string }> {
  if (opts.cMapUrl && opts.standardFontDataUrl) return { cMapUrl: opts.cMapUrl, standardFontDataUrl: opts.standardFontDataUrl };
  const { nodeAssets } = await import("../assets.js");
  const node = nodeAssets();
  return { cMapUrl: opts.cMapUrl ?? node.cMapUrl, standardFontDataUrl: opts.standardFontDataUrl ?? node.standardFontDataUrl };
}

/** Opens a document with pdf.js. */
export async function openPdfJs(bytes: Uint8Array, opts: ResolvedPdfOptions, ctx: OpenContext): Promise<EngineDocument> {
  const [lib, assets] = await Promise.all([pdfjs(), assetsFor(opts)]);
  const task = lib.getDocument({
    // A plain copy: pdf.js may keep or detach what it gets, and refuses Node Buffers
    // (whose slice() would share memory anyway).
    data: new Uint8Array(bytes),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await ctx.within(task.promise);
  } catch (err) {
    await task.destroy();
    throw err;
  }
  const opened = doc;
  return {
    // pdf.js takes the page count from the page tree's /Count and reads no page past it.
    numPages: opened.numPages,
    async page(p: number): Promise<EnginePage> {
      const page = await ctx.within(opened.getPage(p));
      const [text, ops] = await ctx.within(Promise.all([page.getTextContent(), page.getOperatorList()]));
      const rotated: RotatedText[] = [];
      const runs = toRuns(text.items, rotated);
      const result: EnginePage = {
        runs,
        rotated,
        rules: extractRules(ops, lib.OPS),
        view: page.view as [number, number, number, number],
        paintsImages: runs.length === 0 && paintsImages(ops.fnArray, lib.OPS),
        offPage: pdfJsOffPageText(ops, lib.OPS, text.items),
      };
      page.cleanup();
      return result;
    },
    close: () => task.destroy(),
  };
}
