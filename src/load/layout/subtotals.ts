/**
 * Level-1 groups checked against their printed subtotals.
 *
 * A level-1 label that prints its subtotal (产出指标（62分）) says how much
 * weight its group holds: the 分值 of its rows add up to it. placeLevels
 * places labels by their lines alone, which pdftotext rounds; where the rows
 * it gave a label do not add up to the label's subtotal, the group's edges
 * are not where the form has them, and the rows at either edge may read
 * under the label next to it. The figures are compared as printed, never
 * corrected: the check only says which placements to doubt.
 */
import { Decimal } from "decimal.js";
import type { LevelTable } from "../pdf/layout/levels.js";
import { pieceText, type Doubt, type Draft, type Piece } from "../pdf/layout/model.js";
import { isValue, PLAIN_NUMBER } from "../pdf/layout/vocabulary.js";

/** A subtotal at a label's end: （62分）, (7分), (16). */
const SUBTOTAL = /[(（](\d+(?:\.\d+)?)分?[)）]$/u;

/** A row's 分值 as printed: the first of the two plain numbers that end its cells (a deviation note may follow them), or null. */
function weightOf(row: Draft): Decimal | null {
  const texts = [...row.pieces].sort((a, b) => a.c0 - b.c0).map(pieceText);
  const num = (i: number) => i >= 0 && PLAIN_NUMBER.test(texts[i]!);
  const n = texts.length;
  const at = num(n - 1) && num(n - 2) ? n - 2 : !num(n - 1) && num(n - 2) && num(n - 3) ? n - 3 : -1;
  return at < 0 ? null : new Decimal(texts[at]!.replace(/,/g, ""));
}

/**
 * Puts in `doubts` every level-1 label whose group's 分值 do not add up to
 * its printed subtotal, with the level-1 labels either side of it (the rows
 * at both its edges may be theirs). Groups with a row whose 分值 cannot be
 * read are not judged.
 */
export function doubtSubtotals(tables: readonly LevelTable[], drafts: readonly Draft[], doubts: Doubt[]): void {
  for (const { header, end } of tables) {
    const rows = drafts.filter((d) => Math.min(...d.lines) > header && Math.min(...d.lines) < end && d.pieces.some((p) => p.chunks.some(isValue)));
    const starts = rows.flatMap((r, i) => (r.levels.has(1) ? [i] : []));
    const labels: Piece[] = starts.map((i) => rows[i]!.levels.get(1)!);
    starts.forEach((s0, k) => {
      const m = SUBTOTAL.exec(pieceText(labels[k]!));
      if (!m) return;
      const group = rows.slice(s0, starts[k + 1] ?? rows.length);
      const weights = group.map(weightOf);
      if (weights.some((w) => w === null)) return;
      const sum = (weights as Decimal[]).reduce((a, w) => a.plus(w), new Decimal(0));
      if (sum.eq(m[1]!)) return;
      const why = `the 分值 of the rows this level-1 label was given add up to ${sum.toFixed()}, not its subtotal ${m[1]}: the group's edges are a guess, and the rows at them may belong to the label next to it`;
      for (const j of [k - 1, k, k + 1]) if (labels[j]) doubts.push({ code: "layout.inferred-level", piece: labels[j]!, why });
    });
  }
}
