import { collapseSpacesAndHanGaps, hanGap, isSpace } from "../text/chars.js";

const PARAGRAPH_BREAK = /<\/p\s*>\s*<p(?:\s[^<>]*)?>|<br\s*\/?>|<\/(?:div|li|tr)\s*>/gi;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g;
// Han characters, or more: every code unit isHan takes for Han in the BMP, and
// surrogates (a character outside the BMP may be Han).
const HAN_OR_MORE = "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u9fff\uf900-\ufaff";
/**
 * What a line that cleaning leaves as it is cannot hold: whitespace but a
 * plain space ([^\S ]; a line break among it), "<" or "&" (markup may start
 * there), a space at either end, two together, or one between two Han
 * characters (or what may be). Text in which it finds none is tidy as it
 * stands; text in which it finds something may be tidy all the same.
 */
export const MAY_NEED_CLEANING = new RegExp(`[^\\S ]|[<&]|^ | $|  |[${HAN_OR_MORE}\\udc00-\\udfff] (?=[${HAN_OR_MORE}\\ud800-\\udbff])`);
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'" };

/**
 * Free text (goals, deviation notes, notes rows) as it should read: the stray
 * HTML some systems export is removed (paragraph ends become line breaks),
 * entities decoded, whitespace collapsed, and the gaps a wrapped cell leaves
 * between Han characters closed. Punctuation is kept as printed.
 */
export function cleanFreeText(text: string): string {
  // Most text is tidy as printed, and one search by the engine tells (free
  // text is the longest a form holds: a loop over its char codes costs more).
  if (!MAY_NEED_CLEANING.test(text)) return text;
  // Tags and paragraph ends all start with "<", entities with "&": most text has neither.
  const withBreaks = text.includes("<") ? text.replace(PARAGRAPH_BREAK, "\n").replace(TAG, "") : text;
  const decoded = withBreaks.includes("&") ? withBreaks.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e) : withBreaks;
  // Each line tidied (collapseSpacesAndHanGaps), blank ones dropped.
  let nl = decoded.indexOf("\n");
  if (nl < 0) return collapseSpacesAndHanGaps(decoded);
  if (isTidy(decoded)) return decoded;
  let out = "";
  let from = 0;
  for (;;) {
    const line = collapseSpacesAndHanGaps(decoded.slice(from, nl < 0 ? decoded.length : nl));
    if (line !== "") out = out === "" ? line : out + "\n" + line;
    if (nl < 0) return out;
    from = nl + 1;
    nl = decoded.indexOf("\n", from);
  }
}

/**
 * True when cleaning the lines of s would leave it as it is: no line blank,
 * and no whitespace but single spaces inside a line, none between two Han
 * characters. Free text mostly is, and then no line need be cut out.
 */
function isTidy(s: string): boolean {
  const n = s.length;
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && (c < 0x80 || (c > 0x3000 && c < 0xfeff))) continue; // the usual: no whitespace
    if (c === 0x0a) {
      if (i === lineStart) return false; // a blank line
      lineStart = i + 1;
    } else if (isSpace(c)) {
      // One plain space inside a line (not at its ends), not in a Han gap.
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0x0a;
      if (c !== 0x20 || i === lineStart || isSpace(next) || hanGap(s, i, i + 1)) return false;
    }
  }
  return lineStart < n; // the last line not blank
}
