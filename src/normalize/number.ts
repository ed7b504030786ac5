import { cellKey } from "../text/chars.js";

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Reads a printed amount, rate or score as a decimal string, exactly as
 * printed but without thousands separators: "1,121.92" → "1121.92",
 * "(12.50)" → "-12.50", "88.15%" → "88.15". Returns null for a cell that
 * means "nothing" ("", "-", "/", "—") and undefined for a cell that is not a
 * number at all. Never goes through a float.
 */
export function parseDecimal(text: string): string | null | undefined {
  const plain = plainDecimal(text); // the common case, printed plainly
  if (plain !== undefined) return plain;
  // Width folded, every whitespace removed, U+2212 minus read as "-".
  let s = cellKey(text);
  if (s.includes("\u2212")) s = s.replace(/\u2212/g, "-");
  if (meansNothing(s)) return null;
  let from = 0;
  let to = s.length;
  let negative = false;
  if (s.charCodeAt(0) === 0x28 /* ( */ && s.charCodeAt(to - 1) === 0x29 /* ) */ && to >= 2) {
    negative = true;
    from++;
    to--;
  }
  if (to > from && s.charCodeAt(to - 1) === 0x25 /* % */) to--;
  if (to > from && s.charCodeAt(from) === 0x2d /* - */) {
    negative = !negative;
    from++;
  } else if (to > from && s.charCodeAt(from) === 0x2b /* + */) {
    from++;
  }
  const digits = digitsOf(s, from, to);
  if (digits === null) return undefined;
  return negative && hasNonZeroDigit(digits) ? "-" + digits : digits;
}

/**
 * A number printed plainly, `0|[1-9]\d*` with an optional `.\d+`, as
 * decimalText gives it (one scan for both); undefined for any other text.
 */
function plainDecimal(t: string): string | undefined {
  const n = t.length;
  if (n === 0) return undefined;
  const c0 = t.charCodeAt(0);
  let i = 1;
  let int = c0 - 0x30; // the integer part's value, while it has at most three digits
  if (c0 >= 0x31 && c0 <= 0x39) {
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (!isDigit(c)) break;
      int = int * 10 + (c - 0x30);
    }
  } else if (c0 !== 0x30) {
    return undefined;
  }
  const intEnd = i;
  if (i < n) {
    if (t.charCodeAt(i) !== 0x2e /* . */ || i + 1 === n) return undefined;
    for (i++; i < n; i++) if (!isDigit(t.charCodeAt(i))) return undefined;
  }
  if (intEnd <= 3 && int <= 100) {
    const fraction = n - intEnd; // 0, or the point and the digits after it
    if (fraction === 0) return COMMON_VALUES[3 * int]!;
    if (t.charCodeAt(intEnd + 1) === 0x30) {
      if (fraction === 2) return COMMON_VALUES[3 * int + 1]!;
      if (fraction === 3 && t.charCodeAt(intEnd + 2) === 0x30) return COMMON_VALUES[3 * int + 2]!;
    }
  }
  return t;
}

/** A cell that means "no value": empty, a run of dashes or slashes, 无 or 空. */
function meansNothing(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  const c0 = s.charCodeAt(0);
  if (n === 1 && (c0 === 0x65e0 /* 无 */ || c0 === 0x7a7a /* 空 */)) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // - ‐ ‑ – — ― / \
    if (!(c === 0x2d || (c >= 0x2010 && c <= 0x2011) || (c >= 0x2013 && c <= 0x2015) || c === 0x2f || c === 0x5c)) return false;
  }
  return true;
}

/**
 * s[from, to) read as `\d+` or `\d{1,3}(,\d{3})+`, with an optional `.\d+`:
 * the digits without the separators, or null when it is not such a number.
 */
function digitsOf(s: string, from: number, to: number): string | null {
  let i = from;
  while (i < to && isDigit(s.charCodeAt(i))) i++;
  const lead = i - from;
  if (lead === 0) return null;
  let grouped = false;
  if (i < to && s.charCodeAt(i) === 0x2c /* , */) {
    if (lead > 3) return null;
    while (i < to && s.charCodeAt(i) === 0x2c) {
      if (i + 4 > to) return null; // fewer than three characters after the comma
      if (!(isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3)))) return null;
      i += 4;
    }
    grouped = true;
  }
  const intEnd = i;
  if (i < to) {
    if (s.charCodeAt(i) !== 0x2e /* . */ || i + 1 === to) return null;
    for (i++; i < to; i++) if (!isDigit(s.charCodeAt(i))) return null;
  }
  if (!grouped) return decimalText(s, from, to);
  // The lead digits, then each group without its comma, then the fraction.
  let out = s.slice(from, from + lead);
  for (let k = from + lead; k < intEnd; k += 4) out += s.slice(k + 1, k + 4);
  return out + s.slice(intEnd, to);
}

function hasNonZeroDigit(digits: string): boolean {
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c >= 0x31 && c <= 0x39) return true;
  }
  return false;
}

// "0" to "100", each also as "N.0" and "N.00" (at 3N, 3N + 1, 3N + 2): what
// percentages, rates and scores mostly print.
const COMMON_VALUES: string[] = [];
for (let n = 0; n <= 100; n++) COMMON_VALUES.push(String(n), `${n}.0`, `${n}.00`);

/**
 * s[from, to), a number as `\d+(?:\.\d+)?` reads it, as a string: one of
 * COMMON_VALUES when it is printed as one (no form then keeps a copy of
 * it, nor the cell it was read from), else s itself when it is the whole of
 * s, else a slice.
 */
export function decimalText(s: string, from: number, to: number): string {
  if (to - from <= 6 && (s.charCodeAt(from) !== 0x30 /* 0 */ || to - from === 1 || s.charCodeAt(from + 1) === 0x2e /* . */)) {
    let n = 0;
    let i = from;
    for (; i < to && i - from < 4; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x2e) break;
      n = n * 10 + (c - 0x30);
    }
    if (n <= 100 && i - from < 4) {
      const fraction = to - i; // 0, or the point and the digits after it
      if (fraction === 0) return COMMON_VALUES[3 * n]!;
      if (s.charCodeAt(i + 1) === 0x30) {
        if (fraction === 2) return COMMON_VALUES[3 * n + 1]!;
        if (fraction === 3 && s.charCodeAt(i + 2) === 0x30) return COMMON_VALUES[3 * n + 2]!;
      }
    }
  }
  return from === 0 && to === s.length ? s : s.slice(from, to);
}
