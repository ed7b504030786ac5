/**
 * Loads pdf.js once per process (per JavaScript realm).
 *
 * Version: pdfjs-dist 5.4.x. 6.x declares `node >=22.13` and 6.3+ calls
 * `Promise.withResolvers`, which Node 20 lacks; 5.4 supports Node >=20.16 and
 * already has the 5.x operator list (`constructPath` carrying the paint
 * operator and a flat path buffer). Only the legacy build runs in Node (the
 * modern build expects browser globals such as `DOMMatrix` up front).
 */
type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | undefined;

/** The pdf.js module, imported on first use and shared afterwards. */
export function pdfjs(): Promise<PdfJs> {
  loading ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return loading;
}

export type { PdfJs };
