/**
 * The spreadsheet loader: .xlsx, .xls and .ods through SheetJS (the
 * @e965/xlsx republication of SheetJS 0.20.3 on the npm registry; the `xlsx`
 * package there is stuck at 0.18.5, with published vulnerabilities). Every
 * visible row of every visible sheet is a row; a merged range is one cell, at
 * its top-left cell, with its span; hidden sheets, rows and columns are
 * skipped and reported. Provenance: the sheet's name and the cell's A1 address.
 */
import { read, utils, type CellObject, type WorkBook, type WorkSheet } from "@e965/xlsx";
import type { Diagnostic } from "../../model/document.js";
import type { Cell, CellOrigin, Row, Sheet } from "../../model/sheet.js";
import { InputError } from "../errors.js";
import type { LoadedSheet } from "../html/index.js";
import { checkZipInflates, MAX_INFLATED_BYTES, readZipEntry, requireZipEntries } from "../zip/index.js";
import { printedText, printsOtherThanStored } from "./cells.js";
import { odsHiddenParts, type HiddenParts } from "./ods-hidden.js";

/** Bounds of the spreadsheet loader. */
export interface SpreadsheetOptions {
  /** Largest file read, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Largest inflated size of an .xlsx or .ods, all parts together (default 200 MiB). */
  maxInflatedBytes?: number;
  /** Most cells with content read, over all sheets (default 2,000,000). */
  maxCells?: number;
}

/** The spreadsheet formats this loader reads. */
export type SpreadsheetKind = "xlsx" | "xls" | "ods";

const NAMES: Record<SpreadsheetKind, string> = { xlsx: "workbook", xls: "Excel 97-2003 workbook", ods: "OpenDocument spreadsheet" };

/** How many skipped texts, or rounded cells, a diagnostic quotes before it only counts the rest. */
const QUOTED = 40;

/**
 * Reads a workbook into a Sheet.
 *
 * @throws InputError `input.too-large`, `input.corrupt` (damaged zip or workbook), `input.encrypted`
 */
export function loadSpreadsheet(bytes: Uint8Array, source: string, kind: SpreadsheetKind, options: SpreadsheetOptions = {}): LoadedSheet {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (bytes.byteLength > maxBytes) {
    throw new InputError("input.too-large", source, `the ${NAMES[kind]} has ${bytes.byteLength} bytes, more than the bound of ${maxBytes}`);
  }
  const maxInflated = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  let odsHidden: HiddenParts | null = null;
  if (kind !== "xls") {
    // SheetJS inflates without a bound of its own: each part is first inflated here within one.
    const entries = requireZipEntries(bytes, source, NAMES[kind]);
    checkZipInflates(bytes, entries, source, maxInflated);
    if (kind === "ods") {
      // An encrypted .ods keeps its manifest in the clear, saying how each part is encrypted.
      const manifest = readZipEntry(bytes, entries, "META-INF/manifest.xml", source, maxInflated);
      if (manifest && new TextDecoder().decode(manifest).includes("<manifest:encryption-data")) {
        throw new InputError("input.encrypted", source, `the ${NAMES[kind]} is password-protected: save a copy without a password and parse that`);
      }
      odsHidden = odsHiddenParts(bytes, entries, source, maxInflated);
    }
  }
  let wb: WorkBook;
  try {
    wb = read(bytes, { type: "array", dense: true, cellNF: true, cellText: true, cellStyles: true, cellDates: false, WTF: false });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(why)) {
      throw new InputError("input.encrypted", source, `the ${NAMES[kind]} is password-protected: save a copy without a password and parse that`);
    }
    throw new InputError("input.corrupt", source, `the ${NAMES[kind]} cannot be read: ${why}`);
  }
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  const budget = { left: options.maxCells ?? 2_000_000 };
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    // A hidden sheet (a draft, an old copy, the lists behind drop-downs) is no page of the published form.
    if ((wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 || odsHidden?.get(name)?.sheet) diagnostics.push(hiddenSheet(ws, name, i + 1));
    else readSheet(ws, name, i + 1, rows, diagnostics, budget, source, odsHidden?.get(name));
  });
  const sheet: Sheet = { source, kind, pages: wb.SheetNames.length, rows };
  return { sheet, encoding: null, diagnostics };
}

/** The warning for a hidden sheet that was not read, quoting its text. */
function hiddenSheet(ws: WorkSheet, name: string, page: number): Diagnostic {
  const quoted: string[] = [];
  let count = 0;
  ((ws["!data"] ?? []) as (CellObject | undefined)[][]).forEach((cells, r) =>
    cells?.forEach((c, col) => {
      const text = c ? printedText(c).trim() : "";
      if (text === "") return;
      if (quoted.length < QUOTED) quoted.push(`${utils.encode_cell({ r, c: col })} "${text.replace(/\n/g, " ")}"`);
      count++;
    }),
  );
  const what = count === 0 ? "no text" : `${count} cell(s) of text: ${quoted.join("; ")}${count > QUOTED ? `, and ${count - QUOTED} more` : ""}`;
  return { code: "xlsx.hidden-sheet", severity: "warning", page, message: `sheet "${name}" is hidden and was not read, with ${what}` };
}

function readSheet(
  ws: WorkSheet,
  name: string,
  page: number,
  rows: Row[],
  diagnostics: Diagnostic[],
  budget: { left: number },
  source: string,
  hidden: { rows: Set<number>; cols: Set<number> } | undefined,
): void {
  const data = (ws["!data"] ?? []) as (CellObject | undefined)[][];
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of ws["!merges"] ?? []) {
    spans.set(`${m.s.r},${m.s.c}`, { rowSpan: m.e.r - m.s.r + 1, colSpan: m.e.c - m.s.c + 1 });
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  const hiddenRows = hidden?.rows ?? new Set<number>();
  (ws["!rows"] ?? []).forEach((info, r) => info?.hidden && hiddenRows.add(r));
  const hiddenCols = hidden?.cols ?? new Set<number>();
  (ws["!cols"] ?? []).forEach((info, c) => info?.hidden && hiddenCols.add(c));
  const skipped: string[] = [];
  const rounded: string[] = [];
  let skippedCount = 0;
  let roundedCount = 0;
  data.forEach((cellsOfRow, r) => {
    if (!cellsOfRow) return;
    const cells: Cell[] = [];
    const line = rows.length + 1;
    cellsOfRow.forEach((c, col) => {
      if (!c || covered.has(`${r},${col}`)) return;
      const text = printedText(c);
      if (text.trim() === "") return;
      if (--budget.left < 0) throw new InputError("input.too-large", source, "the workbook holds more cells than the bound of the spreadsheet loader", { page });
      const address = utils.encode_cell({ r, c: col });
      if (hiddenRows.has(r) || hiddenCols.has(col)) {
        if (skipped.length < QUOTED) skipped.push(`${address} "${text.replace(/\n/g, " ")}"`);
        skippedCount++;
        return;
      }
      if (printsOtherThanStored(c)) {
        if (rounded.length < QUOTED) rounded.push(`${address} stores ${String(c.v)}, prints ${c.w}`);
        roundedCount++;
      }
      const origin: CellOrigin = { sheet: name, address };
      const span = spans.get(`${r},${col}`);
      if (span && span.rowSpan > 1) origin.rowSpan = span.rowSpan;
      if (span && span.colSpan > 1) origin.colSpan = span.colSpan;
      cells.push({ text, col, page, line, origin });
    });
    if (cells.length > 0) rows.push({ page, line, cells });
  });
  const more = (n: number, quoted: number) => (n > quoted ? `, and ${n - quoted} more` : "");
  if (skippedCount > 0) {
    const which = [
      hiddenRows.size ? `row(s) ${[...hiddenRows].map((r) => r + 1).join(", ")}` : "",
      hiddenCols.size ? `column(s) ${[...hiddenCols].map((c) => utils.encode_col(c)).join(", ")}` : "",
    ].filter(Boolean).join(" and ");
    diagnostics.push({
      code: "xlsx.hidden",
      severity: "warning",
      page,
      message: `sheet "${name}": hidden ${which} skipped, with ${skippedCount} cell(s) of text: ${skipped.join("; ")}${more(skippedCount, QUOTED)}`,
    });
  }
  if (roundedCount > 0) {
    diagnostics.push({
      code: "xlsx.printed-number",
      severity: "info",
      page,
      message: `sheet "${name}": ${roundedCount} number(s) read as printed, which their format rounds from the value stored: ${rounded.join("; ")}${more(roundedCount, QUOTED)}`,
    });
  }
}
