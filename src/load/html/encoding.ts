/**
 * The encoding of an HTML page: the byte-order mark, else the charset its
 * <meta> declares (in the first 4 KiB, as browsers look), else UTF-8. A page
 * that declares nothing and is not UTF-8 is read as GB18030 (a superset of
 * GBK and GB2312), and a diagnostic says so.
 */
import { Parser } from "htmlparser2";
import { InputError } from "../errors.js";

/** The decoded page, the encoding used, and whether it was guessed. */
export interface DecodedHtml {
  text: string;
  encoding: string;
  /** Set when no BOM or <meta> named the encoding and UTF-8 failed. */
  guessed: boolean;
}

/** Labels pages declare, as WHATWG TextDecoder labels; GBK and GB2312 are read by GB18030, their superset. */
function decoderLabel(declared: string): string {
  const l = declared.trim().toLowerCase();
  if (l === "gbk" || l === "gb2312" || l === "gb_2312-80" || l === "x-gbk" || l === "cp936" || l === "gb18030") return "gb18030";
  return l;
}

/** The charset a <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> in the head declares. */
export function declaredCharset(head: string): string | null {
  let found: string | null = null;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (found !== null || name !== "meta") return;
      if (attribs.charset) found = attribs.charset;
      else if (attribs["http-equiv"]?.toLowerCase() === "content-type" && attribs.content) {
        const at = attribs.content.toLowerCase().indexOf("charset=");
        if (at >= 0) found = attribs.content.slice(at + 8).split(/[;\s"']/)[0] ?? null;
      }
    },
  });
  parser.write(head);
  parser.end();
  return found;
}

function decode(label: string, bytes: Uint8Array, source: string, why: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new InputError("input.encoding", source, `the page declares the charset "${label}" (${why}), which cannot be decoded`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError("input.encoding", source, `the page is not valid ${label.toUpperCase()}, the charset ${why}`);
  }
}

/** Decodes an HTML page's bytes. @throws InputError `input.encoding` */
export function decodeHtml(b: Uint8Array, source: string): DecodedHtml {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: decode("utf-8", b.subarray(3), source, "its byte-order mark names"), encoding: "utf-8", guessed: false };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: decode("utf-16le", b.subarray(2), source, "its byte-order mark names"), encoding: "utf-16le", guessed: false };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: decode("utf-16be", b.subarray(2), source, "its byte-order mark names"), encoding: "utf-16be", guessed: false };
  const declared = declaredCharset(new TextDecoder("latin1").decode(b.subarray(0, 4096)));
  if (declared) {
    const label = decoderLabel(declared);
    return { text: decode(label, b, source, "its <meta> declares"), encoding: label, guessed: false };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8", guessed: false };
  } catch {
    return { text: decode("gb18030", b, source, "guessed after UTF-8 failed"), encoding: "gb18030", guessed: true };
  }
}
