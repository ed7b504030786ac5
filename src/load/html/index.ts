/**
 * The HTML loader: a published page's bytes in, a Sheet out. Each <table>
 * row is a row, a merged cell is one cell with its span, and lines of text
 * outside tables (title, year, 填报单位) are rows of one cell. Provenance:
 * the table (0-based, in document order), row and column of each cell.
 */
import type { Diagnostic } from "../../model/document.js";
import type { Sheet } from "../../model/sheet.js";
import { blocksToSheet } from "../blocks.js";
import { InputError } from "../errors.js";
import { chromeDiagnostics } from "../chrome.js";
import { decodeHtml } from "./encoding.js";
import { readHtml } from "./reader.js";

/** Bounds of the HTML loader. */
export interface HtmlOptions {
  /** Largest page read, in bytes (default 32 MiB; a page of a few hundred forms is a few MiB). */
  maxBytes?: number;
}

/** Default {@link HtmlOptions.maxBytes}. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;

/** What a container loader yields: the Sheet, the encoding it decoded, and what it noticed on the way. */
export interface LoadedSheet {
  sheet: Sheet;
  encoding: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads an HTML page into a Sheet.
 *
 * @throws InputError `input.too-large` past the bound, `input.encoding` when it does not decode
 */
export function loadHtml(bytes: Uint8Array, source: string, options: HtmlOptions = {}): LoadedSheet {
  const max = options.maxBytes ?? MAX_HTML_BYTES;
  if (bytes.byteLength > max) {
    throw new InputError("input.too-large", source, `the HTML page has ${bytes.byteLength} bytes, more than the bound of ${max}`);
  }
  const { text, encoding, guessed } = decodeHtml(bytes, source);
  const { blocks, chrome } = readHtml(text);
  const diagnostics: Diagnostic[] = [];
  if (guessed) {
    diagnostics.push({
      code: "html.encoding-guessed",
      severity: "info",
      message: "the page declares no charset and is not UTF-8: it was read as GB18030 (GBK, GB2312)",
    });
  }
  diagnostics.push(...chromeDiagnostics(chrome, "html.chrome"));
  return { sheet: blocksToSheet(blocks, source, "html"), encoding, diagnostics };
}
