/*
 * Character-level clean-up shared by the grammar (to key cells) and the
 * normaliser (to produce values). Pure: no I/O, browser-safe.
 */

const HAN = "\\p{Script=Han}";
const HAN_GAP = new RegExp(`(?<=[${HAN}])\\s+(?=[${HAN}])`, "gu");
const HAS_SPACE = /\s/;
const NEEDS_FOLD = /[\uff01-\uff5e\u3000\u2267\u2266\u2265\u2264\u00a0\u2002-\u200b\ufeff]/;

/**
 * Folds full-width ASCII (０-９, （）, ：, ％, ＝ …) to ASCII, ideographic and
 * no-break spaces to a plain space, and ≧ ≦ to ≥ ≤. Han text and CJK
 * punctuation such as 、。 are left alone.
 */
export function foldWidth(s: string): string {
  if (!NEEDS_FOLD.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a)) out += " ";
    else if (c === 0x200b || c === 0xfeff) continue;
    else if (c === 0x2267) out += "≥";
    else if (c === 0x2266) out += "≤";
    else out += ch;
  }
  return out;
}

/** Removes whitespace standing between two Han characters: there it is layout (a wrapped cell), not content. */
export function removeHanGaps(s: string): string {
  return HAS_SPACE.test(s) ? s.replace(HAN_GAP, "") : s;
}

/** Collapses whitespace runs to one space and trims. */
export function collapseSpaces(s: string): string {
  return HAS_SPACE.test(s) ? s.replace(/\s+/g, " ").trim() : s;
}

/** A label or short value as it should read: width folded, wrapped-Han gaps removed, spaces collapsed. */
export function cleanLabel(s: string): string {
  return removeHanGaps(collapseSpaces(foldWidth(s)));
}

/** The key a cell is lexed by: width folded and every whitespace removed. */
export function cellKey(s: string): string {
  const folded = foldWidth(s);
  return HAS_SPACE.test(folded) ? folded.replace(/\s+/g, "") : folded;
}
