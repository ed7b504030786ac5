/**
 * Loads pdf.js once per process (per JavaScript realm).
 *
 * Version: pdfjs-dist 5.4.x. 6.x declares `node >=22.13`; 5.4 supports Node
 * >=20.16 and already has the 5.x operator list (`constructPath` carrying the
 * paint operator and a flat path buffer).
 *
 * Build: the modern one, with what Node 20 lacks added where missing
 * (shims.ts), and no existing global replaced. The legacy build, which
 * replaces `Array.prototype.push` for every program that imports it, is the
 * fallback only where no DOMMatrix can be had (@napi-rs/canvas, pdfjs-dist's
 * optional dependency, not installed).
 */
import { addMissing } from "./shims.js";

// Typed by the legacy build's declarations, the only ones pdfjs-dist ships (see pdfjs-modern.d.ts).
type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | undefined;

/** The pdf.js module, imported on first use and shared afterwards. */
export function pdfjs(): Promise<PdfJs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJs> {
  if (!(await addMissing())) return import("pdfjs-dist/legacy/build/pdf.mjs");
  // The modern build warns on import in Node that the legacy one is meant for
  // it, before any verbosity option can be given: that one line is held back
  // (it would land on the command's stderr for every PDF); any other warning passes.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(args.length === 1 && typeof args[0] === "string" && args[0].startsWith("Warning: Please use the `legacy` build"))) warn.apply(console, args);
  };
  try {
    return await import("pdfjs-dist/build/pdf.mjs");
  } finally {
    console.warn = warn;
  }
}

export type { PdfJs };
