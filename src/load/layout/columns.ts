/**
 * Funding values placed under their header columns in `pdftotext -layout`
 * text.
 *
 * Numbers are right-aligned in their cells and headers centred, so a short
 * number (`0.00`) starts far right of its header and nearer the next one: by
 * its first column it would read as the next column's value. A column's
 * extent is its header's columns widened by every value already placed in it
 * (the long amounts of the first rows fill the cell's width), and a value
 * takes the column whose extent it shares most; its `col` becomes the
 * header's, as for a text under a header (alignUnderHeaders).
 */
import { pieceText, shared, type Doubt, type Draft, type Piece } from "../pdf/layout/model.js";
import { VALUE } from "../pdf/layout/vocabulary.js";

interface Column {
  c0: number;
  c1: number;
  /** The header's first column, which a value placed in the column takes. */
  at: number;
}

/** Where a full row printed one column's value on its page. */
interface Spot {
  c0: number;
  c1: number;
  col: Column;
}

const FUNDING_HEADER = /^(?:年初预算数|全年预算数|全年执行数|分值|分数|权重|执行率[(（]%[)）]|得分|预算执行率|调整后预算数|预算执行数)$/u;
/**
 * How far, in characters, a value may stand clear of its column's extent. Six
 * read three more corpus texts but shifted the amounts of the department-wide
 * form (test/variants) one column right: values must touch their column.
 */
const NEAR = 0;
/** How many characters nearer one spot than another a value must stand to be placed beyond doubt. */
const CLOSE = 2;
/** What ends a funding block: the goals' header, the indicator table's, the next form. */
const END = /^(?:预期目标|一级指标|三级指标)$|自评表/u;

/** Moves each funding value's `col` to the column it stands in (see the module comment). */
export function alignFundingValues(drafts: Draft[], doubts: Doubt[] = []): void {
  let columns: Column[] | undefined;
  let headerPage = 0;
  let reference: { page: number; spots: Spot[] } | undefined;
  for (const d of drafts) {
    const texts = d.pieces.map(pieceText);
    if (texts.filter((t) => FUNDING_HEADER.test(t)).length >= 3) {
      columns = d.pieces.filter((p) => FUNDING_HEADER.test(pieceText(p))).map((p) => ({ c0: p.c0, c1: p.c1, at: p.c0 }));
      headerPage = d.page;
      reference = undefined;
      continue;
    }
    if (!columns) continue;
    if (texts.some((t) => END.test(t))) {
      columns = undefined;
      reference = undefined;
      continue;
    }
    const cols = columns;
    const values = [...d.pieces].filter((p) => VALUE.test(pieceText(p))).sort((a, b) => a.c0 - b.c0);
    // A row with a value under every header (年度资金总额 has them all) shows where this page
    // prints each column's values: pdftotext sets each page, and each line's Han text, in
    // character columns of its own, so the header's columns may lie well left of its values,
    // or on another page. Its values take the columns in order.
    if (values.length === cols.length) {
      reference = { page: d.page, spots: values.map((p, k) => ({ c0: p.c0, c1: p.c1, col: cols[k]! })) };
      values.forEach((p, k) => (p.c0 = cols[k]!.at));
      continue;
    }
    if (reference?.page === d.page && placeByReference(values, reference.spots, doubts)) continue;
    // A row whose values would not take distinct columns, left to right, is left as printed:
    // its header's columns are no guide (a squeezed header far from its values).

    const placed: [Piece, Column][] = [];
    for (const p of [...d.pieces].sort((a, b) => a.c0 - b.c0)) {
      if (!VALUE.test(pieceText(p))) continue;
      let best: Column | undefined;
      for (const col of cols) if (shared(col, p) >= -NEAR && (!best || shared(col, p) > shared(best, p))) best = col;
      if (best) placed.push([p, best]);
    }
    const order = placed.map(([, c]) => cols.indexOf(c));
    // The full row on this page placed nothing (a tie, or values out of its order): its spots
    // and the header's columns disagree, and the header's columns decide below, a guess.
    // On a page holding neither the header nor the full row, the character columns are the
    // header's page's, which pdftotext set apart from this one's: a guess as well.
    const elsewhere = d.page !== headerPage && reference?.page !== d.page;
    const guess = reference?.page === d.page || elsewhere;
    const say = (p: Piece, why: string) => doubts.push({ code: "layout.inferred-column", piece: p, why });
    // A value that overlaps no header column there stays where it is printed, which is as much a guess.
    if (elsewhere) for (const p of values) if (!placed.some(([q]) => q === p)) say(p, "funding value left where it is printed, on a page without its header or the full row: it overlaps no header column there");
    if (order.some((k, i) => i > 0 && k <= order[i - 1]!)) {
      // Every value of the row, those overlapping no header column too: the row is left as printed.
      if (guess) for (const p of values) say(p, "funding value left where it is printed: neither the full row's values nor the header's columns place this row's values in order");
      continue;
    }
    if (guess) for (const [p] of placed) say(p, elsewhere ? "funding value placed under the header column it overlaps on another page: pdftotext sets each page in character columns of its own" : "funding value placed under the header column it overlaps, not by the full row above, whose values fit this row's in no one way");
    for (const [p, col] of placed) {
      col.c0 = Math.min(col.c0, p.c0);
      col.c1 = Math.max(col.c1, p.c1);
      p.c0 = col.at;
    }
  }
}

/**
 * Places a row's values under the full row's values on the same page: amounts
 * are right-aligned and dashes centred in their cells, so a value takes the
 * spot whose right edge or middle is nearest its own. False (nothing moved)
 * when a value has two spots equally near or the values would not take
 * distinct spots left to right: the row then goes the header's way.
 */
function placeByReference(values: Piece[], spots: Spot[], doubts: Doubt[]): boolean {
  const mid = (r: { c0: number; c1: number }) => (r.c0 + r.c1) / 2;
  const distance = (p: Piece, s: Spot) => Math.min(Math.abs(p.c1 - s.c1), Math.abs(mid(p) - mid(s)));
  const picks: number[] = [];
  for (const p of values) {
    const ds = spots.map((s) => distance(p, s));
    const least = Math.min(...ds);
    if (ds.filter((x) => x === least).length > 1) return false;
    picks.push(ds.indexOf(least));
  }
  if (picks.some((k, i) => i > 0 && k <= picks[i - 1]!)) return false;
  // A value about as near another spot: pdftotext may have set its row's grid apart from the full row's.
  values.forEach((p, i) => {
    const ds = spots.map((s) => distance(p, s));
    const second = Math.min(...ds.filter((_, k) => k !== picks[i]));
    if (second - ds[picks[i]!]! <= CLOSE) doubts.push({ code: "layout.inferred-column", piece: p, why: `funding value placed under the nearer of two columns (${ds[picks[i]!]} and ${second} characters from where the full row prints them): the row may be set apart from the full row's grid` });
  });
  values.forEach((p, i) => (p.c0 = spots[picks[i]!]!.col.at));
  return true;
}
