/**
 * The app's exports, made in the page by the CLI's own writers: CSV and JSON
 * exactly as `jixiao parse --format csv|json` writes them, and XLSX holding
 * the CSV's rows and columns. In the XLSX every cell is text: amounts, rates
 * and scores stay the decimal strings the form printed ("0.10", "1121.92"),
 * where a spreadsheet number would be a binary float that drops trailing zeros.
 */
import * as XLSX from "@e965/xlsx";
import type { Document } from "../src/core.js";
import { documentWriter } from "../src/cli/parse-output.js";

/** The documents as the CLI's CSV or JSON. */
export function exportText(format: "csv" | "json", docs: readonly Document[]): string {
  const w = documentWriter(format, format === "json");
  return w.begin() + docs.map((d, i) => w.item(d, i)).join("") + w.end(docs.length);
}

/** The CSV's rows as an XLSX workbook, every cell a string. */
export function exportXlsx(docs: readonly Document[]): Uint8Array<ArrayBuffer> {
  const csv = exportText("csv", docs).replace(/^\uFEFF/, "");
  // raw: the CSV's fields are kept as text, never parsed into numbers or dates.
  const read = XLSX.read(csv, { type: "string", raw: true });
  const sheet = read.Sheets[read.SheetNames[0]!]!;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "jixiao");
  return new Uint8Array(XLSX.write(book, { bookType: "xlsx", type: "array" }) as ArrayBuffer);
}
