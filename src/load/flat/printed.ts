/**
 * Figures as flattened text prints them, for the checks that hold a reading
 * against the form's arithmetic (funding-fit.ts places values by it,
 * doubts.ts flags what contradicts it).
 */
import { Decimal } from "decimal.js";

/** A plain number (thousands separators allowed), else null: a rate's `%` or a unit makes it no figure to compute with. */
export function plainNumber(text: string): Decimal | null {
  const t = text.replace(/,/g, "");
  return /^-?\d+(?:\.\d+)?$/.test(t) ? new Decimal(t) : null;
}

/** True when `printed` is x truncated or rounded half-up to its own decimals: offices print either. */
export function printedAs(x: Decimal, printed: string): boolean {
  const p = plainNumber(printed);
  if (!p) return false;
  const d = /\.(\d+)$/.exec(printed)?.[1]?.length ?? 0;
  return x.toDecimalPlaces(d, Decimal.ROUND_DOWN).eq(p) || x.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).eq(p);
}
