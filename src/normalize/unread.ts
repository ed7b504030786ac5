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
  const rows = new Map<string, CellRef[]>();
  const add = (refs: readonly (CellRef | null | undefined)[]) => {
    for (const r of refs) {
      if (!r || r.cell.text.trim() === "" || ctx.used.has(r.cell)) continue;
      const key = `${r.cell.page}:${r.cell.line ?? ""}`;
      let list = rows.get(key);
      if (!list) rows.set(key, (list = []));
      list.push(r);
    }
  };
  add([raw.year]);
  add(raw.projectName);
  add(raw.department);
  add(raw.implementingUnit);
  for (const row of raw.headerExtras) if (!row.cells.some((c) => FURNITURE.has(c.token))) add(row.cells);
  for (const row of raw.funding?.rows ?? []) add(row.values);
  if (raw.goals) {
    add(raw.goals.header.filter((c) => c.token !== "ExpectedGoalHeader" && c.token !== "AchievedGoalHeader"));
    for (const row of raw.goals.rows) add(row.cells);
  }
  // A header cell no column is known by, and not reported as an unknown column.
  for (const h of raw.indicators?.headers ?? []) add(h.cells.filter((c) => c.token === "TextCell"));
  for (const row of raw.indicators?.rows ?? []) {
    add(row.levels);
    add(row.values);
  }
  if (raw.total) {
    add(raw.total.before);
    add(raw.total.values);
  }
  if (raw.grade) add(raw.grade.values);
  for (const n of raw.notes) add(n.values);
  for (const refs of rows.values()) {
    const first = refs[0]!;
    const where = `line ${first.cell.line ?? "?"}${first.cell.page > 1 ? `, page ${first.cell.page}` : ""}`;
    const texts = refs.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ");
    ctx.warn("form.unread-cells", `cells no value of the form was read from (${where}): ${texts}`, first, "warning", refs);
  }
}
