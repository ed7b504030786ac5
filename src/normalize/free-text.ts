import { collapseSpacesAndHanGaps } from "../text/chars.js";

const PARAGRAPH_BREAK = /<\/p\s*>\s*<p(?:\s[^<>]*)?>|<br\s*\/?>|<\/(?:div|li|tr)\s*>/gi;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g;
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'" };

/**
 * Free text (goals, deviation notes, notes rows) as it should read: the stray
 * HTML some systems export is removed (paragraph ends become line breaks),
 * entities decoded, whitespace collapsed, and the gaps a wrapped cell leaves
 * between Han characters closed. Punctuation is kept as printed.
 */
export function cleanFreeText(text: string): string {
  // Tags and paragraph ends all start with "<", entities with "&": most text has neither.
  const withBreaks = text.includes("<") ? text.replace(PARAGRAPH_BREAK, "\n").replace(TAG, "") : text;
  const decoded = withBreaks.includes("&") ? withBreaks.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e) : withBreaks;
  // Each line tidied (collapseSpacesAndHanGaps), blank ones dropped.
  let nl = decoded.indexOf("\n");
  if (nl < 0) return collapseSpacesAndHanGaps(decoded);
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
