import { cellKey } from "../text/chars.js";

/** A cell that means "no value": empty, a run of dashes or slashes, 无 or 空. */
const NOTHING = /^(?:[-\u2010\u2011\u2013-\u2015/\\]+|无|空)?$/;
/** An unsigned number, with or without thousands separators: the integer digits, then the fraction. */
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Reads a printed amount, rate or score as a decimal string, exactly as
 * printed but without thousands separators: "1,121.92" → "1121.92",
 * "(12.50)" → "-12.50", "88.15%" → "88.15". Returns null for a cell that
 * means "nothing" ("", "-", "/", "—") and undefined for a cell that is not a
 * number at all. Never goes through a float.
 *
 * Regular expressions, not a char-code scan: the scan this replaced saved
 * under 0.2 % of `jixiao parse` on the 20 MB seed repetition (parseDecimal is
 * 0.1 % of the whole command's CPU profile), within noise (issue 12).
 */
export function parseDecimal(text: string): string | null | undefined {
  // Width folded, every whitespace removed, U+2212 minus read as "-".
  let s = cellKey(text).replace(/\u2212/g, "-");
  if (NOTHING.test(s)) return null;
  let negative = false;
  if (s.length >= 2 && s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.endsWith("%")) s = s.slice(0, -1);
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  const m = NUMBER.exec(s);
  if (!m) return undefined;
  const printed = m[1]!.replace(/,/g, "") + (m[2] ?? "");
  // Through decimalText, so that 100.00 and its like are one shared string, not a copy per cell.
  const digits = decimalText(printed, 0, printed.length);
  return negative && /[1-9]/.test(digits) ? "-" + digits : digits;
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
