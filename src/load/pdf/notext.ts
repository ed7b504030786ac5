/**
 * Scans: a PDF whose pages paint images but carry no text layer. Telling it
 * apart from an empty or broken file matters to the user: a scan needs OCR,
 * which jixiao does not do.
 */
import type { PdfJs } from "./engine.js";

/** True when the operator list paints at least one raster image. */
export function paintsImages(fnArray: readonly number[], OPS: PdfJs["OPS"]): boolean {
  const image = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  return fnArray.some((fn) => image.has(fn));
}

/** The message of `pdf.no-text`, saying whether the pages look scanned. */
export function noTextMessage(pages: number, imagePages: number): string {
  return imagePages > 0
    ? `no text layer: ${imagePages} of ${pages} page(s) are images only, as in a scan; OCR is needed before jixiao can read it`
    : `no text layer: the ${pages} page(s) hold no extractable text (OCR may be needed)`;
}
