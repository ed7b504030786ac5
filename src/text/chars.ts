/*
 * Character-level clean-up shared by the grammar (to key cells) and the
 * normaliser (to produce values). Pure: no I/O, browser-safe.
 *
 * Every function here is a single scan over char codes with a fast path that
 * returns its input unchanged when there is nothing to do (the usual case for
 * a cell): no regular expression, and no new string unless one is needed.
 */

/**
 * True for exactly the code units the regular expression class `\s` matches
 * (and String.prototype.trim removes): ECMAScript WhiteSpace and
 * LineTerminator. Tested against `\s` for every code unit.
 */
export function isSpace(c: number): boolean {
  // Ordered for the common cases: printable ASCII, then Han and CJK punctuation (above U+3000).
  if (c > 0x20) {
    if (c < 0xa0) return false;
    if (c > 0x3000) return c === 0xfeff;
    return c === 0x3000 || c === 0xa0 || c === 0x1680 ||
      (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f));
  }
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

const HAN_CHAR = /^\p{Script=Han}$/u;
// Han-ness of each BMP code unit, looked up in the engine's own Unicode tables
// (HAN_CHAR) the first time it is asked: 0 not yet known, 1 no, 2 yes.
// Bounded (64 KiB) and exact whatever Unicode version the engine has.
const HAN_BMP = new Uint8Array(0x10000);

/** True when code point `cp` is of the Han script (`\p{Script=Han}`). */
export function isHan(cp: number): boolean {
  if (cp < 0x2e80) return cp >= 0x80 && hanSlow(cp); // nothing in ASCII is Han
  if (cp >= 0x4e00 && cp <= 0x9fa5) return true; // CJK Unified Ideographs since Unicode 1.1
  return hanSlow(cp);
}

function hanSlow(cp: number): boolean {
  if (cp > 0xffff) return HAN_CHAR.test(String.fromCodePoint(cp));
  let k = HAN_BMP[cp]!;
  if (k === 0) HAN_BMP[cp] = k = HAN_CHAR.test(String.fromCharCode(cp)) ? 2 : 1;
  return k === 2;
}

/** The code point ending at index `end - 1` of `s` (a surrogate pair read whole, as a `u` regex does). */
function codePointBefore(s: string, end: number): number {
  const lo = s.charCodeAt(end - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && end >= 2) {
    const hi = s.charCodeAt(end - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** The code point starting at index `i` of `s`, or -1 past its end. */
function codePointAt(s: string, i: number): number {
  return i < s.length ? s.codePointAt(i)! : -1;
}

/** True when the whitespace run s[from, to) stands between two Han characters (a wrapped cell's gap). */
export function hanGap(s: string, from: number, to: number): boolean {
  return from > 0 && to < s.length && isHan(codePointAt(s, to)) && isHan(codePointBefore(s, from));
}

/** What foldWidth does to code unit c: -1 keeps it, -2 drops it, else the code unit it becomes. */
function foldOf(c: number): number {
  if (c < 0xa0) return -1;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a)) return 0x20;
  if (c === 0x200b || c === 0xfeff) return -2;
  if (c === 0x2267) return 0x2265; // ≧ → ≥
  if (c === 0x2266) return 0x2264; // ≦ → ≤
  if (c === 0x2550 || c === 0xfe66) return 0x3d; // ═ (box drawing) and ﹦ (small form), printed for = by some fonts
  return -1;
}

/**
 * Folds full-width ASCII (０-９, （）, ：, ％, ＝ …) to ASCII, ideographic and
 * no-break spaces to a plain space, ≧ ≦ to ≥ ≤, and ═ ﹦ to =. Han text and CJK
 * punctuation such as 、。 are left alone.
 */
export function foldWidth(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && foldOf(s.charCodeAt(i)) === -1) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  let from = i; // start of the run of kept code units not yet copied
  for (; i < n; i++) {
    const f = foldOf(s.charCodeAt(i));
    if (f === -1) continue;
    if (from < i) out += s.slice(from, i);
    if (f !== -2) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from < n ? out + s.slice(from) : out;
}

/** Removes whitespace standing between two Han characters: there it is layout (a wrapped cell), not content. */
export function removeHanGaps(s: string): string {
  return rewriteSpaceRuns(s, (i, j) => (hanGap(s, i, j) ? "" : null));
}

/** Collapses whitespace runs to one space and trims. */
export function collapseSpaces(s: string): string {
  return tidySpaces(s, false);
}

/**
 * collapseSpaces then removeHanGaps, in one pass: whitespace runs become one
 * space, or nothing at either end and between two Han characters.
 */
export function collapseSpacesAndHanGaps(s: string): string {
  return tidySpaces(s, true);
}

function tidySpaces(s: string, closeHanGaps: boolean): string {
  const n = s.length;
  // A run becomes nothing at either end or in a Han gap, else one space (kept
  // as it is when it is one already).
  return rewriteSpaceRuns(s, (i, j) => {
    if (i === 0 || j === n || (closeHanGaps && hanGap(s, i, j))) return "";
    return j - i > 1 || s.charCodeAt(i) !== 0x20 ? " " : null;
  });
}

/**
 * `s` with each run s[i, j) of whitespace replaced by what `replace` returns
 * for it, or kept where that is null; `s` itself when nothing is replaced.
 */
function rewriteSpaceRuns(s: string, replace: (i: number, j: number) => string | null): string {
  const n = s.length;
  let out: string | null = null; // null while the result is s itself
  let from = 0; // start of the part of s not yet copied to out
  let i = 0;
  while (i < n) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    const by = replace(i, j);
    if (by !== null) {
      out = (out ?? "") + s.slice(from, i) + by;
      from = j;
    }
    i = j;
  }
  return out === null ? s : out + s.slice(from);
}

/** A label or short value as it should read: width folded, wrapped-Han gaps removed, spaces collapsed. */
export function cleanLabel(s: string): string {
  // Most labels are clean already: one scan to tell, then the two passes only when not.
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c > 0x20 && c < 0xa0) || (c > 0x3000 && c < 0xfeff)) continue; // printable ASCII, Han, CJK punctuation
    if (c === 0x20) {
      // A single space inside the label, not in a Han gap, stays.
      if (i > 0 && i + 1 < n && !isSpace(s.charCodeAt(i + 1)) && !hanGap(s, i, i + 1)) continue;
      return tidySpaces(foldWidth(s), true);
    }
    if (isSpace(c) || foldOf(c) !== -1) return tidySpaces(foldWidth(s), true);
  }
  return s;
}

/** The key a cell is lexed by: width folded and every whitespace removed. */
export function cellKey(s: string): string {
  // What foldWidth does not keep as it is, it either turns into a space
  // (removed here) or drops, except full-width ASCII and ≧ ≦.
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII, Han and CJK punctuation, the usual, stay as they are.
    if ((c > 0x20 && c < 0xa0) || (c > 0x3000 && c < 0xfeff)) continue;
    if (isSpace(c) || foldOf(c) !== -1) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  let from = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = foldOf(c);
    if (f === -1 && !isSpace(c)) continue;
    if (from < i) out += s.slice(from, i);
    if (f >= 0 && f !== 0x20) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from < n ? out + s.slice(from) : out;
}

/**
 * True when cleanLabel(s) is `label`, a text of Han characters only (such as
 * 产出指标), read off s without cleaning it: s must be label's characters in
 * order with nothing between or around them but whitespace and U+200B. (Any
 * whitespace between two Han characters is a gap cleanLabel removes; what
 * foldWidth changes is not Han.) Lets a cell that reads as a known label be
 * given the label's own string, and no new one.
 */
export function cleansTo(s: string, label: string): boolean {
  const m = label.length;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === label.charCodeAt(k)) {
      k++;
      continue;
    }
    if (!(isSpace(c) || c === 0x200b)) return false;
  }
  return k === m;
}

/** The code unit cellKey makes of c (foldWidth's, or c itself), or -1 when it drops c. */
function keyCode(c: number): number {
  if (isSpace(c)) return -1;
  const f = foldOf(c);
  return f === -1 ? c : f >= 0 ? f : -1;
}

/** cellKey(s).includes(part), read off s without making its key. */
export function keyIncludes(s: string, part: string): boolean {
  const m = part.length;
  if (m === 0) return true;
  const first = part.charCodeAt(0);
  for (let i = 0; i < s.length; i++) {
    if (keyCode(s.charCodeAt(i)) !== first) continue;
    // The rest of part, from the code units cellKey keeps after i.
    let k = 1;
    for (let j = i + 1; k < m && j < s.length; j++) {
      const c = keyCode(s.charCodeAt(j));
      if (c === -1) continue;
      if (c !== part.charCodeAt(k)) break;
      k++;
    }
    if (k === m) return true;
  }
  return false;
}
