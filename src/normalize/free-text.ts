import { collapseSpacesAndHanGaps, hanGap, isSpace } from "../text/chars.js";

const PARAGRAPH_BREAK = /<\/p\s*>\s*<p(?:\s[^<>]*)?>|<br\s*\/?>|<\/(?:div|li|tr)\s*>/gi;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g;
/** Whitespace of every kind (\s is exactly isSpace), and what may start markup. */
const MAY_NEED_CLEANING = /[\s<&]/;
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'" };

/**
 * Free text (goals, deviation notes, notes rows) as it should read: the stray
 * HTML some systems export is removed (paragraph ends become line breaks),
 * entities decoded, whitespace collapsed, and the gaps a wrapped cell leaves
 * between Han characters closed. Punctuation is kept as printed.
 */
export function cleanFreeText(text: string): string {
  // Most text is tidy as printed. Without whitespace, "<" or "&" it is; the
  // engine's own search tells that several times faster than a loop over
  // char codes (free text is the longest a form holds). Else one scan tells.
  if (!MAY_NEED_CLEANING.test(text) || isTidy(text, true)) return text;
  // Tags and paragraph ends all start with "<", entities with "&": most text has neither.
  const withBreaks = text.includes("<") ? text.replace(PARAGRAPH_BREAK, "\n").replace(TAG, "") : text;
  const decoded = withBreaks.includes("&") ? withBreaks.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e) : withBreaks;
  // Each line tidied (collapseSpacesAndHanGaps), blank ones dropped.
  let nl = decoded.indexOf("\n");
  if (nl < 0) return collapseSpacesAndHanGaps(decoded);
  if (isTidy(decoded, false)) return decoded;
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
 * characters (and, with `plain`, no "<" or "&" either, which could start
 * markup). Free text mostly is, and then no line need be cut out.
 */
function isTidy(s: string, plain: boolean): boolean {
  const n = s.length;
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0x3c && c !== 0x26 && (c < 0x80 || (c > 0x3000 && c < 0xfeff))) continue; // the usual: not space, not markup
    if (plain && (c === 0x3c || c === 0x26)) return false;
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
