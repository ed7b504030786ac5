/**
 * Level-2 groups that a doubted level-1 label stands inside.
 *
 * A level-1 label that placeLevels could not fit to any group (it stands
 * far from the middle of the group it was given) may not be a level-1 label
 * at all: Chromium sets a level-2 label at the line's start when nothing
 * stands left of it (成本指标 at column 0, in the level-1 column), and a
 * level-2 label so misread leaves the level-2 group it stands in to the
 * label above it. So the level-2 group whose lines hold such a label is
 * doubted too: its rows may read under another level-2 label.
 */
import { FITS_NO_GROUP, type LevelTable } from "../pdf/layout/levels.js";
import type { Doubt, Draft } from "../pdf/layout/model.js";
import { isValue } from "../pdf/layout/vocabulary.js";

/** Lines a row covers, 0-based, its level-2 label included (a level-1 label may reach far beyond its row). */
function lineSpan(r: Draft): [number, number] {
  const pieces = [...r.pieces, ...(r.levels.has(2) ? [r.levels.get(2)!] : [])];
  const all = [...r.lines, ...pieces.flatMap((p) => p.chunks.map((c) => c.line - 1))];
  return [Math.min(...all), Math.max(...all)];
}

/**
 * Puts in `doubts` the level-2 label of each level-2 group whose lines hold
 * a level-1 label doubted in `doubts` as fitting no group, and which that label does not start.
 */
export function doubtNesting(tables: readonly LevelTable[], drafts: readonly Draft[], doubts: Doubt[]): void {
  const doubted = new Set(doubts.filter((d) => d.why === FITS_NO_GROUP).map((d) => d.piece));
  for (const { header, end, levels } of tables) {
    const rows = drafts.filter((d) => Math.min(...d.lines) > header && Math.min(...d.lines) < end && d.pieces.some((p) => p.chunks.some(isValue)));
    const starts = rows.flatMap((r, i) => (r.levels.has(2) ? [i] : []));
    for (const label of levels) {
      if (label.level !== 1 || label.straddles || !doubted.has(label.piece)) continue;
      const at = rows.findIndex((r) => r.levels.get(1) === label.piece);
      starts.forEach((s0, k) => {
        const last = (starts[k + 1] ?? rows.length) - 1;
        if (s0 === at || label.first < lineSpan(rows[s0]!)[0] || label.last > lineSpan(rows[last]!)[1]) return;
        const why = `the level-1 label ${JSON.stringify(label.piece.chunks.map((c) => c.text).join(""))}, which fits no group, stands inside this level-2 group: it may be a level-2 label set in the level-1 column, which would end this group at it`;
        doubts.push({ code: "layout.inferred-level", piece: rows[s0]!.levels.get(2)!, why });
      });
    }
  }
}
