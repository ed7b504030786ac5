/**
 * The OpenDocument text loader: an .odt's content.xml (fflate, then
 * htmlparser2 in XML mode) into a Sheet, tables with their merged cells as
 * one cell with its span, paragraphs outside tables as rows. Provenance:
 * table, row and column, as for Word.
 */
import { blocksToSheet } from "../blocks.js";
import { InputError } from "../errors.js";
import type { LoadedSheet } from "../html/index.js";
import { MAX_INFLATED_BYTES, readZipEntry, requireZipEntries } from "../zip/index.js";
import type { DocxOptions } from "../docx/index.js";
import { readOdt } from "./reader.js";

/**
 * Reads an OpenDocument text into a Sheet.
 *
 * @throws InputError `input.too-large`, `input.corrupt`, `input.encrypted`
 */
export function loadOdt(bytes: Uint8Array, source: string, options: DocxOptions = {}): LoadedSheet {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (bytes.byteLength > maxBytes) {
    throw new InputError("input.too-large", source, `the OpenDocument text has ${bytes.byteLength} bytes, more than the bound of ${maxBytes}`);
  }
  const entries = requireZipEntries(bytes, source, "OpenDocument text");
  const budget = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  const manifest = readZipEntry(bytes, entries, "META-INF/manifest.xml", source, budget);
  if (manifest && new TextDecoder().decode(manifest).includes("<manifest:encryption-data")) {
    throw new InputError("input.encrypted", source, "the OpenDocument text is password-protected: save a copy without a password and parse that");
  }
  const content = readZipEntry(bytes, entries, "content.xml", source, budget);
  if (!content) throw new InputError("input.corrupt", source, "the OpenDocument text has no content.xml");
  return { sheet: blocksToSheet(readOdt(new TextDecoder().decode(content)), source, "odt"), encoding: null, diagnostics: [] };
}
