/**
 * The Word loader: a .docx's bytes in, a Sheet out. It reads
 * word/document.xml itself (fflate, then htmlparser2 in XML mode). Mammoth
 * would keep the spans too, but it brings eight dependencies, makes HTML only
 * to be parsed again, and drops the page headers and footers; reading the XML
 * keeps every table's grid (w:gridSpan, w:vMerge, w:gridBefore) exactly, and
 * the table, row and column each cell came from. Paragraphs outside tables (the
 * title, the year, 填报单位) are rows of one cell; the page headers and
 * footers (word/header*.xml, footer*.xml) are page chrome, reported.
 */
import type { Diagnostic } from "../../model/document.js";
import { blocksToSheet } from "../blocks.js";
import { chromeDiagnostics } from "../chrome.js";
import { InputError } from "../errors.js";
import type { LoadedSheet } from "../html/index.js";
import { MAX_INFLATED_BYTES, readZipEntry, requireZipEntries } from "../zip/index.js";
import { readDocx } from "./reader.js";

/** Bounds of the Word loader. */
export interface DocxOptions {
  /** Largest file read, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Largest inflated size of the parts read (default 200 MiB). */
  maxInflatedBytes?: number;
}

const utf8 = new TextDecoder("utf-8");

/**
 * Reads a Word document into a Sheet.
 *
 * @throws InputError `input.too-large`, `input.corrupt`
 */
export function loadDocx(bytes: Uint8Array, source: string, options: DocxOptions = {}): LoadedSheet {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (bytes.byteLength > maxBytes) {
    throw new InputError("input.too-large", source, `the Word document has ${bytes.byteLength} bytes, more than the bound of ${maxBytes}`);
  }
  const entries = requireZipEntries(bytes, source, "Word document");
  const budget = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  const body = readZipEntry(bytes, entries, "word/document.xml", source, budget);
  if (!body) throw new InputError("input.corrupt", source, "the Word document has no word/document.xml");
  const blocks = readDocx(utf8.decode(body));
  const chrome = entries
    .filter((e) => /^word\/(header|footer)\d*\.xml$/.test(e.name))
    .flatMap((e) => {
      const part = readZipEntry(bytes, entries, e.name, source, budget);
      const text = part ? readDocx(utf8.decode(part)).flatMap((b) => (b.kind === "line" ? [b.text] : b.cells.map((c) => c.text))).join(" ").trim() : "";
      return text ? [{ element: `the page ${e.name.includes("header") ? "header" : "footer"} ${e.name}`, text }] : [];
    });
  const diagnostics: Diagnostic[] = chromeDiagnostics(chrome, "docx.chrome");
  return { sheet: blocksToSheet(blocks, source, "docx"), encoding: null, diagnostics };
}
