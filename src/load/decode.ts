import { InputError } from "./errors.js";

/** Text encodings the text loader recognises. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Decodes the bytes of a text export. A BOM decides when there is one;
 * otherwise strict UTF-8 is tried first and GB18030 (a superset of GBK and
 * GB2312, which many offices still publish in) second.
 */
export function decodeText(bytes: Uint8Array, source: string): { text: string; encoding: TextEncoding } {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: strict("utf-8", b.subarray(3), source), encoding: "utf-8-bom" };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: strict("utf-16le", b.subarray(2), source), encoding: "utf-16le" };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: strict("utf-16be", b.subarray(2), source), encoding: "utf-16be" };
  }
  if (b.includes(0)) {
    const utf16 = bomlessUtf16(b);
    if (utf16) {
      throw new InputError("input.encoding", source,
        `this looks like UTF-16 ${utf16.toUpperCase()} text without a byte-order mark (every other byte is NUL); save it as UTF-8, or as UTF-16 with a BOM`);
    }
    throw new InputError("input.binary", source, "this is a binary file, not a text export or a PDF");
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8" };
  } catch {
    // not UTF-8: try the national standard next
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(b), encoding: "gb18030" };
  } catch {
    throw new InputError(
      "input.encoding",
      source,
      `cannot decode the text: it is neither UTF-8 nor GB18030 (first bad byte near offset ${firstBadUtf8(b)})`,
    );
  }
}

/**
 * "le" or "be" when the bytes look like UTF-16 without a BOM: in the first
 * 4 KiB, most bytes on one side of each pair are NUL (ASCII and line breaks
 * in UTF-16) and almost none on the other. Decoding it anyway would be a
 * guess; the message says what the file seems to be instead.
 */
function bomlessUtf16(b: Uint8Array): "le" | "be" | null {
  const n = Math.min(b.length, 4096) & ~1;
  // Too few pairs to tell text from a few binary bytes.
  if (n < 32) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  const side = odd >= pairs * 0.2 && even <= pairs * 0.02 ? "le" : even >= pairs * 0.2 && odd <= pairs * 0.02 ? "be" : null;
  if (side === null) return null;
  // And it must read as text in that encoding: hardly any control characters or
  // bad code units (not fatal: the sample may end inside a surrogate pair).
  return looksBinary(new TextDecoder(`utf-16${side}`).decode(b.subarray(0, n))) ? null : side;
}

function strict(label: string, bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("input.encoding", source, `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}`);
  }
}

function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

// Control characters other than tab, line feed, carriage return and form
// feed, and the replacement character a lenient decoder leaves for bad bytes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/g;

/** True when decoded text is mostly control characters: a binary file that happened to decode. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  const control = sample.match(CONTROL)?.length ?? 0;
  return control / sample.length > 0.02;
}
