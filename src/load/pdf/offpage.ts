/**
 * Text drawn outside the page box. Neither engine's text layer keeps it
 * (pdf.js's getTextContent drops a glyph whose origin lies outside the page's
 * view; the PDFium engine applies the same test), since no viewer shows it;
 * it is listed as `off-page` furniture instead, so that nothing the PDF holds
 * is lost unseen.
 *
 * Both engines report it the same way: the characters in drawing order,
 * folded as pdf.js folds its text layer (NFKC) and with radicals mapped as in
 * runs, whitespace left out, and one space where whitespace or kept text came
 * between two dropped characters.
 */
import { mapRadicals } from "../radicals.js";

/** Whitespace, and format characters (zero-width marks), which pdf.js's text layer skips. */
const SKIPPED = /[\s\p{Cf}]/u;
/** Characters that may change under NFKC, which pdf.js applies to its text layer. */
const MAY_NORMALISE = /[^\t-~\u4e00-\u9fff]/u;

const fold = (s: string): string => (MAY_NORMALISE.test(s) ? s.normalize("NFKC") : s);

/** Collects the dropped characters of one page, in drawing order. */
export class OffPageText {
  private out = "";
  private gap = false;

  /** A character outside the page box (whitespace and format characters are only separators). */
  drop(ch: string): void {
    if (SKIPPED.test(ch)) {
      this.gap = true;
      return;
    }
    if (this.gap && this.out) this.out += " ";
    this.gap = false;
    this.out += fold(ch);
  }

  /** Whitespace or a kept character: the next dropped one starts a new word. */
  separate(): void {
    this.gap = true;
  }

  /** The page's dropped text ("" when none). */
  text(): string {
    return mapRadicals(this.out);
  }
}

/** The parts of a pdf.js operator list read here. */
interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** The parts of a glyph in a showText argument read here. */
interface GlyphLike {
  unicode?: string;
}

/**
 * What pdf.js drew on a page and its text layer left out: the operator
 * list holds every glyph of every showText with its Unicode, the text layer
 * the ones inside the page's view, in the same order. The two are aligned in
 * order, and the drawn characters the text layer does not have next are the
 * dropped ones. Annotation appearances are skipped: they are drawn, but never
 * in the text layer (nor in PDFium's).
 */
export function pdfJsOffPageText(ops: OperatorList, OPS: Record<string, number>, items: readonly unknown[]): string {
  const kept: string[] = [];
  for (const it of items) {
    const str = (it as { str?: unknown }).str;
    if (typeof str !== "string") continue;
    for (const ch of fold(str)) if (!SKIPPED.test(ch)) kept.push(ch);
  }
  const off = new OffPageText();
  let k = 0;
  forEachDrawn(ops, OPS, (ch) => {
    if (SKIPPED.test(ch)) off.separate();
    else if (kept[k] === ch) {
      k++;
      off.separate();
    } else off.drop(ch);
  });
  // Every kept character must have been drawn; if the alignment missed some, the text layer's order was
  // not the drawing order, and the drawn characters beyond what it kept, counted, are the dropped ones.
  return k === kept.length ? off.text() : bagDifference(ops, OPS, kept);
}

/** The drawn characters in drawing order, less as many of each as the text layer kept. */
function bagDifference(ops: OperatorList, OPS: Record<string, number>, kept: readonly string[]): string {
  const left = new Map<string, number>();
  for (const ch of kept) left.set(ch, (left.get(ch) ?? 0) + 1);
  const off = new OffPageText();
  forEachDrawn(ops, OPS, (ch) => {
    const n = left.get(ch) ?? 0;
    if (SKIPPED.test(ch)) off.separate();
    else if (n > 0) {
      left.set(ch, n - 1);
      off.separate();
    } else off.drop(ch);
  });
  return off.text();
}

/** Calls `each` with every character the page's showText operators draw (folded), annotations aside. */
function forEachDrawn(ops: OperatorList, OPS: Record<string, number>, each: (ch: string) => void): void {
  let inAnnotation = 0;
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.beginAnnotation) inAnnotation++;
    else if (fn === OPS.endAnnotation) inAnnotation = Math.max(0, inAnnotation - 1);
    if (inAnnotation || (fn !== OPS.showText && fn !== OPS.showSpacedText)) continue;
    const glyphs = (argsArray[i] as unknown[] | undefined)?.[0];
    if (!Array.isArray(glyphs)) continue;
    for (const g of glyphs as Array<GlyphLike | number | null>) {
      if (g === null || typeof g !== "object" || typeof g.unicode !== "string") continue;
      for (const ch of fold(g.unicode)) each(ch);
    }
  }
}
