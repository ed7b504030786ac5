/**
 * Whitespace removal for the labels and words the rules compare (满意 度指 标,
 * " 优 "), without a regular expression for the usual label that has none.
 */

/** True for the code units JavaScript's `\s` matches. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.replace(/\s+/g, "")`; the string itself when it holds no whitespace. */
export function stripSpace(s: string): string {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return s.replace(/\s+/g, "");
  return s;
}

/** `s.trim() !== ""`: true when s holds anything but whitespace. */
export function hasText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return true;
  return false;
}
