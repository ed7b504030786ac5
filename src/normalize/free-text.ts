import { collapseSpaces, removeHanGaps } from "../text/chars.js";

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
  const withBreaks = text.replace(PARAGRAPH_BREAK, "\n").replace(TAG, "");
  const decoded = withBreaks.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e);
  return decoded
    .split("\n")
    .map((line) => removeHanGaps(collapseSpaces(line)))
    .filter((line) => line !== "")
    .join("\n");
}
