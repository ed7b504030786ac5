/**
 * A row's numbers wrapped around its label's line in `pdftotext -layout`
 * text (`100. 99.2` / `总分` / `00  9`).
 *
 * A cell's wrapped lines are centred on its row, so numbers that wrap in two
 * stand one line above and one below a one-line label beside them. Joined
 * (layout/numbers.ts), they sit on the upper line and build a row of values
 * of their own, above a row holding the label alone. A row of nothing but
 * values whose every number reaches from above a label-only row's line to
 * below it is that row's.
 */
import { pieceText, type Draft } from "../pdf/layout/model.js";
import { VALUE } from "../pdf/layout/vocabulary.js";

/** Moves each straddling row's values into the label row they wrap around. Mutates and returns `drafts`. */
export function joinStraddlingValues(drafts: Draft[]): Draft[] {
  for (let k = 0; k + 1 < drafts.length; k++) {
    const values = drafts[k]!;
    const label = drafts[k + 1]!;
    if (values.page !== label.page || values.levels.size > 0 || label.levels.size > 0) continue;
    if (values.pieces.length === 0 || !values.pieces.every((p) => VALUE.test(pieceText(p)))) continue;
    if (label.pieces.length === 0 || label.pieces.some((p) => VALUE.test(pieceText(p)))) continue;
    // 1-based line of the label row's line.
    const at = Math.min(...label.lines) + 1;
    if (label.lines.some((l) => l + 1 !== at)) continue;
    const straddles = values.pieces.every((p) => p.chunks.every((c) => c.line < at && (c.lastLine ?? 0) > at));
    if (!straddles) continue;
    label.pieces.push(...values.pieces);
    label.pieces.sort((a, b) => a.c0 - b.c0);
    values.pieces = [];
  }
  return drafts;
}
