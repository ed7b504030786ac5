/**
 * The ledger: what became of every piece of text a document's loader read.
 * Each non-empty cell of the Sheet is a value of a form (its provenance names
 * the cell), one of the form's printed labels, named page furniture, or text
 * a diagnostic quotes; what the loader dropped before the Sheet is listed as
 * named furniture. Anything else is `unaccounted`, which is a bug: the tests
 * demand none, on every fixture and on generated damage.
 */
import { cellUses, type CellUse } from "../../grammars/self-evaluation/consumed.js";
import type { Document } from "../model/document.js";
import type { FurnitureKind, Ledger, LedgerEntry, LedgerTotals } from "../model/ledger.js";
import type { Cell, Sheet } from "../model/sheet.js";
import { cellKey } from "../text/chars.js";

/**
 * Tokens whose cells are values, or name a row of values (a funding row's
 * label, a level label): with no provenance and no diagnostic, such a cell
 * (and a row the page shows but the form lacks) was lost.
 */
const VALUE_TOKENS = new Set([
  "YearLine", "DepartmentNameLabel", "NumberCell", "DashCell", "MeasureCell", "TextCell",
  "TotalFundsLabel", "FiscalFundsLabel", "CarryoverFundsLabel", "OtherFundsLabel", "SpecialAccountFundsLabel", "UnitFundsLabel",
  "Level1Label", "Level2Label",
]);

const FURNITURE_TOKENS: Record<string, FurnitureKind> = {
  AttachmentCell: "attachment",
  UnitNoteCell: "unit-note",
  FillingUnitCell: "filling-unit",
};

const place = (page: number | undefined, line: number | undefined, cell: number | undefined) => `${page ?? ""}:${line ?? ""}:${cell ?? ""}`;

/** Non-whitespace characters of a text, counted as code points. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/**
 * Accounts for every cell of `sheet` (the Sheet `document` was parsed from)
 * and for the furniture its loader dropped. Pure; re-reads the Sheet with the
 * grammar to learn which cells were the form's labels.
 */
export function ledger(sheet: Sheet, document: Pick<Document, "forms" | "diagnostics">): Ledger {
  const entries: LedgerEntry[] = [];
  for (const f of sheet.furniture ?? []) {
    const e: LedgerEntry = { text: f.text, page: f.page, account: "furniture", furniture: f.kind };
    if (f.line !== undefined) e.line = f.line;
    if (f.bbox) e.bbox = f.bbox;
    entries.push(e);
  }

  const values = new Map<string, { form: number; paths: string[] }>();
  document.forms.forEach((form, i) => {
    for (const [path, p] of Object.entries(form.provenance)) {
      const k = place(p.page, p.line, p.cell);
      let v = values.get(k);
      if (!v) values.set(k, (v = { form: i + 1, paths: [] }));
      v.paths.push(path);
    }
  });
  const quotes = new Map<string, { indexes: number[]; form: number | undefined }>();
  document.diagnostics.forEach((d, i) => {
    for (const q of d.quotes ?? []) {
      const k = place(q.page, q.line, q.cell) + "\u0000" + cellKey(q.text);
      let v = quotes.get(k);
      if (!v) quotes.set(k, (v = { indexes: [], form: d.form }));
      v.indexes.push(i);
    }
  });

  const uses = cellUses(sheet.rows);
  for (const row of sheet.rows) {
    let rowFurniture: FurnitureKind | undefined;
    for (const cell of row.cells) {
      if (cellKey(cell.text) === "") continue;
      const use = uses.get(cell);
      if (use && use.rule === "furnitureRow" && FURNITURE_TOKENS[use.token]) rowFurniture ??= FURNITURE_TOKENS[use.token];
      entries.push(account(cell, use, values, quotes, rowFurniture));
    }
  }
  return { entries, characters: totals(entries) };
}

function account(
  cell: Cell,
  use: CellUse | undefined,
  values: Map<string, { form: number; paths: string[] }>,
  quotes: Map<string, { indexes: number[]; form: number | undefined }>,
  rowFurniture: FurnitureKind | undefined,
): LedgerEntry {
  const e: LedgerEntry = { text: cell.text, page: cell.page, account: "unaccounted" };
  if (cell.line !== undefined) e.line = cell.line;
  e.cell = cell.offset ?? cell.col;
  if (cell.bbox) e.bbox = cell.bbox;
  const v = values.get(place(cell.page, cell.line, cell.offset ?? cell.col));
  if (v) return { ...e, account: "value", form: v.form, paths: v.paths };
  const q = quotes.get(place(cell.page, cell.line, cell.offset ?? cell.col) + "\u0000" + cellKey(cell.text));
  if (q) {
    const out: LedgerEntry = { ...e, account: "diagnostic", diagnostics: q.indexes };
    if (q.form !== undefined) out.form = q.form;
    return out;
  }
  if (use?.pageNumber) return { ...e, account: "furniture", furniture: "page-number" };
  if (use?.rule === "furnitureRow" && rowFurniture) return { ...e, account: "furniture", furniture: rowFurniture };
  // 其他 and 合计 name rows elsewhere, but columns in a funding block by source (中央 | … | 其他 | 合计).
  if (use?.rule !== undefined && use.rule !== "strayRow" && (!VALUE_TOKENS.has(use.token) || (use.rule === "valueRow" && use.token === "DepartmentNameLabel") || use.rule === "sourceFundingHeader")) {
    // Which form a label belongs to is not kept: labels are the form's printed structure.
    return { ...e, account: "label", label: use.token };
  }
  return e;
}

function totals(entries: readonly LedgerEntry[]): LedgerTotals {
  const t: LedgerTotals = { value: 0, label: 0, furniture: 0, diagnostic: 0, unaccounted: 0 };
  for (const e of entries) t[e.account] += countChars(e.text);
  return t;
}

/** The entries nothing accounts for, in Sheet order. */
export function unaccounted(l: Ledger): LedgerEntry[] {
  return l.entries.filter((e) => e.account === "unaccounted");
}
