import type { CellRef, RawForm } from "../../grammars/self-evaluation/index.js";
import { cleanLabel } from "../text/chars.js";
import type { FormContext } from "./context.js";

/** Furniture tokens: their rows are page furniture, not content (see the ledger). */
const FURNITURE = new Set(["AttachmentCell", "UnitNoteCell", "FillingUnitCell"]);

/**
 * The safety net of the ledger: every cell the grammar placed in a part of
 * the form that holds values (header fields, funding rows, goals, indicator
 * rows, 总分 and 评分等级 rows, notes) and that no value was read from, nor a
 * diagnostic quotes, gets a `form.unread-cells` warning that quotes it, one
 * per row. Nothing of a form is dropped unseen. Runs after the form is
 * normalised; a form read in full costs one set look-up per cell.
 */
export function reportUnreadCells(raw: RawForm, ctx: FormContext): void {
  const used = ctx.used;
  // Misses only: a form read in full allocates nothing here.
  let missed: CellRef[] | undefined;
  const scan = (refs: readonly CellRef[]) => {
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i]!;
      if (!used.has(r)) (missed ??= []).push(r);
    }
  };
  if (raw.year && !used.has(raw.year)) (missed ??= []).push(raw.year);
  scan(raw.projectName);
  scan(raw.department);
  scan(raw.implementingUnit);
  if (raw.specialFund) scan(raw.specialFund.values);
  if (raw.amountUnit) scan(raw.amountUnit.values);
  if (raw.selfTotal) scan(raw.selfTotal.values);
  if (raw.projectAttribute) scan(raw.projectAttribute.values);
  if (raw.sourceFunding) for (const row of raw.sourceFunding.rows) scan(row.cells);
  if (raw.criteria) {
    for (const h of raw.criteria.headers) for (const c of h.cells) if (c.token === "TextCell" && !used.has(c)) (missed ??= []).push(c);
    for (const row of raw.criteria.rows) scan(row.cells);
  }
  for (const row of raw.headerExtras) if (!row.cells.some((c) => FURNITURE.has(c.token))) scan(row.cells);
  if (raw.funding) for (const row of raw.funding.rows) scan(row.values);
  if (raw.goals) {
    for (const c of raw.goals.header) if (c.token !== "ExpectedGoalHeader" && c.token !== "AchievedGoalHeader" && c.token !== "CompletionRateHeader" && !used.has(c)) (missed ??= []).push(c);
    for (const row of raw.goals.rows) scan(row.cells);
  }
  if (raw.indicators) {
    // A header cell no column is known by, and not reported as an unknown column.
    for (const h of raw.indicators.headers) for (const c of h.cells) if (c.token === "TextCell" && !used.has(c)) (missed ??= []).push(c);
    for (const row of raw.indicators.rows) {
      scan(row.levels);
      scan(row.values);
    }
  }
  if (raw.total) {
    scan(raw.total.before);
    scan(raw.total.values);
  }
  if (raw.grade) scan(raw.grade.values);
  for (const n of raw.notes) scan(n.values);
  if (!missed) return;
  // One warning per row (cells of a key are always non-blank: blank cells get no token).
  const rows = new Map<string, CellRef[]>();
  for (const r of missed) {
    const key = `${r.cell.page}:${r.cell.line ?? ""}`;
    let list = rows.get(key);
    if (!list) rows.set(key, (list = []));
    list.push(r);
  }
  for (const refs of rows.values()) {
    const first = refs[0]!;
    const where = `line ${first.cell.line ?? "?"}${first.cell.page > 1 ? `, page ${first.cell.page}` : ""}`;
    const texts = refs.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ");
    ctx.warn("form.unread-cells", `cells no value of the form was read from (${where}): ${texts}`, first, "warning", refs);
  }
}
