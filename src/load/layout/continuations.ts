/**
 * An indicator row's wrapped measures built into a row of their own
 * (`≥1325.0  1344.00(  20.00  20.00` / `0(人)  人)`).
 *
 * A spreadsheet wraps a measure that does not fit its narrow column at any
 * character, and pdftotext prints the rest on the next line. That rest reads
 * as a value (`0(人)`), so the line was taken for a row of its own: one
 * indicator too many, and every row after it compared against the wrong one.
 * In an indicator table every row prints its 分值 and 得分; a row without
 * them whose pieces go on from the cells of the row beside it (a number cut
 * inside its digits, a bracket it closes or opens) is that row's wrap.
 */
import { pieceText, shared, type Draft, type Piece } from "../pdf/layout/model.js";
import type { LevelTable } from "../pdf/layout/levels.js";
import { PLAIN_NUMBER as NUMBER, unbalanced } from "../pdf/layout/vocabulary.js";

/**
 * The row's 分值 and 得分 from the right, as the normaliser places them: the
 * last two cells are numbers, or the two before a last text (the 偏差原因).
 */
export function hasScorePair(texts: readonly string[]): boolean {
  const n = texts.length;
  const num = (i: number) => i >= 0 && NUMBER.test(texts[i]!);
  return (num(n - 1) && num(n - 2)) || (!num(n - 1) && num(n - 2) && num(n - 3));
}

/**
 * How strongly `upper` + `lower` read as one cut cell: a bracket the upper
 * opens and the lower closes; a number cut inside its digits (`≥1573.0` /
 * `0（人）`); a bare unit under a number that has none (`1582.00` / `（人）`).
 */
function goesOn(upper: string, lower: string): number {
  if (unbalanced(upper) > 0 && unbalanced(lower) < 0) return 2;
  if (/^[^(（]*[)）]/u.test(lower) && unbalanced(upper) > 0) return 2;
  if (/\d\.\d?$/u.test(upper) && /^\d/u.test(lower)) return 1;
  if (/\d$/u.test(upper) && /^[(（][^)）\d]{1,6}[)）]$/u.test(lower)) return 1;
  return 0;
}

/**
 * The pieces of `row` each fragment piece goes with, in order: each to the
 * piece it shares most columns with, or, where that is taken or there is
 * none, to the piece after the previous one's (pdftotext sets a chunk after
 * Han text left of its column, as it counts a Han character one column
 * wide). None when a fragment piece would go to the row's 分值 or 得分, or
 * past the row's last piece.
 */
function pairUp(fragment: Piece[], row: Piece[]): Piece[] | undefined {
  // The 分值 and 得分 are the row's last two number pieces (a note may follow).
  const texts = row.map(pieceText);
  const scoreAt = texts.length - (NUMBER.test(texts[texts.length - 1]!) ? 2 : 3);
  const out: number[] = [];
  for (const p of fragment) {
    let at = -1;
    for (let k = 0; k < row.length; k++) if (shared(row[k]!, p) >= 0 && (at < 0 || shared(row[k]!, p) > shared(row[at]!, p))) at = k;
    const prev = out[out.length - 1];
    if (prev !== undefined && at <= prev) at = prev + 1;
    if (at < 0 || at >= row.length || (at >= scoreAt && at <= scoreAt + 1)) return undefined;
    // A piece must start before the piece after its partner.
    const next = row[at + 1];
    if (next && p.c0 >= next.c0) return undefined;
    out.push(at);
  }
  return out.map((k) => row[k]!);
}

/** Evidence that `fragment` goes on from `row` (above it: true) or into it (below). */
function evidence(fragment: Piece[], row: Piece[], above: boolean): number {
  const partners = pairUp(fragment, row);
  if (!partners) return -1;
  let sum = 0;
  fragment.forEach((p, k) => {
    const q = partners[k]!;
    sum += above ? goesOn(pieceText(q), pieceText(p)) : goesOn(pieceText(p), pieceText(q));
  });
  return sum;
}

/**
 * Joins each row without 分值/得分 in an indicator table into the row beside
 * it (same page, the next line or the one after) whose cells it continues,
 * where only one side shows it does. Mutates and returns `drafts`; texts
 * are joined, never dropped.
 */
export function joinWrappedMeasureRows(tables: readonly LevelTable[], drafts: Draft[]): Draft[] {
  const inTable = (d: Draft) => tables.some((t) => d.lines[0]! > t.header && d.lines[0]! < t.end);
  const sorted = (d: Draft) => [...d.pieces].sort((a, b) => a.c0 - b.c0);
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    if (!inTable(d) || d.levels.size > 0 || d.pieces.length === 0) continue;
    const pieces = sorted(d);
    if (hasScorePair(pieces.map(pieceText))) continue;
    // Fragment lines the row took in (`有效提 按计划` under `0(次) (次)`) may belong to the row on the other side.
    if (pieces.some((p) => p.chunks.some((c) => !d.lines.includes(c.line - 1)))) continue;
    const top = Math.min(...d.lines);
    const bottom = Math.max(...d.lines);
    const near = (o: Draft | undefined, up: boolean): Draft | undefined => {
      if (!o || o.page !== d.page || !inTable(o) || !hasScorePair(sorted(o).map(pieceText))) return undefined;
      const gap = up ? top - Math.max(...o.lines) : Math.min(...o.lines) - bottom;
      return gap >= 1 && gap <= 2 ? o : undefined;
    };
    const up = near(drafts[k - 1], true);
    const down = near(drafts[k + 1], false);
    const fromUp = up ? evidence(pieces, sorted(up), true) : -1;
    const fromDown = down ? evidence(pieces, sorted(down), false) : -1;
    const into = fromUp > 0 && fromDown <= 0 ? up : fromDown > 0 && fromUp <= 0 ? down : undefined;
    if (!into) continue;
    const partners = pairUp(pieces, sorted(into))!;
    pieces.forEach((p, i) => {
      const q = partners[i]!;
      q.chunks.push(...p.chunks);
      q.c0 = Math.min(q.c0, p.c0);
      q.c1 = Math.max(q.c1, p.c1);
    });
    into.lines.push(...d.lines);
    into.lines.sort((a, b) => a - b);
    drafts.splice(k, 1);
    k--;
  }
  return drafts;
}
