/**
 * The text of a spreadsheet cell, read as the office printed it: the cell's
 * formatted text (`w`, what the number format makes of the stored value), so
 * `1,121.92` and `92.79%` stay exactly as shown and never pass through a float.
 */
import { Decimal } from "decimal.js";
import type { CellObject } from "@e965/xlsx";

/** The cell's printed text: its formatted text, else its stored value as text. */
export function printedText(c: CellObject): string {
  let t: string;
  if (typeof c.w === "string") t = c.w;
  else if (c.v === undefined || c.v === null) t = "";
  else if (c.v instanceof Date) t = c.v.toISOString().slice(0, 10);
  else t = String(c.v);
  return t.replace(/\r\n?/g, "\n");
}

const PLAIN_NUMBER = /^-?[\d,]*\.?\d+%?$/;

/**
 * True when a numeric cell prints a different number than it stores (its
 * format shows fewer decimals: 92.7959 printed as 92.80). The printed text is
 * what jixiao reads; the loader reports such cells.
 */
export function printsOtherThanStored(c: CellObject): boolean {
  if (c.t !== "n" || typeof c.v !== "number" || typeof c.w !== "string" || !Number.isFinite(c.v)) return false;
  const w = c.w.trim();
  if (!PLAIN_NUMBER.test(w)) return false;
  let printed = new Decimal(w.replace(/[,%]/g, ""));
  if (w.endsWith("%")) printed = printed.div(100);
  // String(v) is the shortest decimal that reads back as the stored double: what the office typed.
  return !printed.equals(new Decimal(String(c.v)));
}
