import { foldWidth } from "../text/chars.js";

const EMPTY = /^(?:[-‐‑–—―/\\]+|无|空)?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const PLAIN = /^(\d+)(\.\d+)?$/;
const SIMPLE = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Reads a printed amount, rate or score as a decimal string, exactly as
 * printed but without thousands separators: "1,121.92" → "1121.92",
 * "(12.50)" → "-12.50", "88.15%" → "88.15". Returns null for a cell that
 * means "nothing" ("", "-", "/", "—") and undefined for a cell that is not a
 * number at all. Never goes through a float.
 */
export function parseDecimal(text: string): string | null | undefined {
  if (SIMPLE.test(text)) return text; // the common case, printed plainly
  let s = foldWidth(text).replace(/\s+/g, "").replace(/\u2212/g, "-");
  if (EMPTY.test(s)) return null;
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
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
  const m = GROUPED.exec(s) ?? PLAIN.exec(s);
  if (!m) return undefined;
  const digits = m[1]!.replace(/,/g, "") + (m[2] ?? "");
  return negative && /[1-9]/.test(digits) ? "-" + digits : digits;
}
