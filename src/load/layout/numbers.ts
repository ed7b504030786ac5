/**
 * Numbers wrapped inside a narrow cell of `pdftotext -layout` text
 * (`35399568.4` / `1`, `29775` / `866.6` / `2`, `2,58` / `4.52`).
 *
 * A spreadsheet or browser wraps a number that does not fit its column at
 * any digit, and pdftotext prints each piece on a line of its own, in the
 * cell's columns. Read line by line, the lower pieces look like values of a
 * row of their own (a weight `2`, a score `1`). They are joined to the piece
 * above them before rows are built, so that every later step sees the whole
 * number in one chunk.
 */
import type { Chunk } from "../pdf/layout/model.js";

/** A piece of a number: digits, separators, a decimal point; at most a sign before it. */
const HEAD = /^[=≥≤<>＝≧≦＞＜]?[\d,]*\d[\d,]*\.?\d*$/u;
/** What a wrapped number leaves on the lines below its first: digits and separators only. */
const TAIL = /^[\d,.]*\d[\d,.]*%?$/u;

/** A whole number as forms print them: grouped or not, four decimals at most. */
const NUMBER = /^[=≥≤<>＝≧≦＞＜]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,4})?%?$/u;

/**
 * Whether `tail` can go on from `head`: a head that already shows two decimals
 * is complete (amounts, rates and scores print two), and together they must
 * still read as one number (`69.36` and `69.36` are two).
 */
function continues(head: string, tail: string): boolean {
  if (/\.\d{2}/.test(head)) return false;
  const joined = (head + tail).replace(/\.$/, "");
  // A grouping still in progress (2,5 / 8 / 4.52) may go on on the next line.
  return NUMBER.test(joined) || /^[=≥≤<>＝≧≦＞＜]?\d{1,3}(?:,\d{3})*,\d{0,2}$/u.test(joined);
}

/** A line holding nothing but number pieces: the wrap of a row's numbers, never a row. */
const onlyPieces = (cs: readonly Chunk[]) => cs.length > 0 && cs.every((c) => TAIL.test(c.text) || HEAD.test(c.text));

/**
 * Joins each number piece to the number piece above it in the same columns.
 * The piece below must lie within the columns of the one above (±1: pdftotext
 * rounds positions), no other text may stand between them in those columns,
 * both on one page, at most two lines apart, and one of the two lines must
 * hold nothing but number pieces, or the line between them the row's other
 * numbers: two rows' scores one under the other sit on lines that also hold
 * the rows' names, and stay apart. Mutates and
 * returns `lines`; no character is lost (the pieces' texts are concatenated).
 */
export function joinWrappedNumbers(lines: Chunk[][]): Chunk[][] {
  // A line emptied by joining its pieces upward was not blank in the text.
  const blank = lines.map((cs) => cs.length === 0);
  // Where a piece was joined upward, the number it joined goes on from there (a third line may follow).
  const ghosts: Ghost[][] = lines.map(() => []);
  for (let i = 1; i < lines.length; i++) {
    for (const tail of [...lines[i]!]) {
      if (!TAIL.test(tail.text)) continue;
      const head = headAbove(lines, blank, ghosts, i, tail);
      if (!head) continue;
      const [j, h] = head;
      // A number cut inside its grouping or after its point (2,58 / 4.69, 30883729. / 44) cannot end there.
      // So can one with a single decimal whose second digit stands alone below (179.4 / 3): amounts print two.
      const unfinished = /,\d{0,2}$|\.$/.test(h.text) || (/\.\d$/.test(h.text) && /^\d$/.test(tail.text));
      // A number wrapped around its row's middle line (270 / the row's other values / 5.74, beside a
      // label wrapped as 其中:当年财政拨 / 款): the line between prints the row's numbers in other columns.
      // The tail brings the amount's decimals, which the head lacks: two rows' scores (5 and 6 around 8.00 8.00) stay apart.
      const around = j === i - 2 && lines[i - 1]!.some((c) => NUMBER.test(c.text)) && !h.text.includes(".") && /\d\.\d{2}$|^\.\d{2}$/.test(tail.text);
      if (!unfinished && !around && !onlyPieces(lines[i]!) && !onlyPieces(lines[j]!)) continue;
      if (!continues(h.text, tail.text)) continue;
      h.text += tail.text;
      h.lastLine = tail.line;
      h.c0 = Math.min(h.c0, tail.c0);
      h.c1 = Math.max(h.c1, tail.c1);
      lines[i] = lines[i]!.filter((c) => c !== tail);
      ghosts[i]!.push({ c0: tail.c0, c1: tail.c1, head: h, line: j });
    }
  }
  return lines;
}

interface Ghost {
  c0: number;
  c1: number;
  head: Chunk;
  line: number;
}

function headAbove(lines: Chunk[][], blank: boolean[], ghosts: Ghost[][], i: number, tail: Chunk): [number, Chunk] | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const cs = lines[j]!;
    if (blank[j]) return undefined;
    const ghost = ghosts[j]!.find((g) => g.c0 <= tail.c1 && tail.c0 <= g.c1);
    const over = cs.filter((c) => c.c0 <= tail.c1 && tail.c0 <= c.c1);
    if (ghost && over.length === 0) {
      // Columns as the last piece had them: the number's first line may be wider.
      if (tail.c0 < ghost.c0 - 1 || tail.c1 > ghost.c1 + 1 || ghost.head.page !== tail.page) return undefined;
      return [ghost.line, ghost.head];
    }
    if (over.length === 0) continue;
    const h = over[0]!;
    if (over.length > 1 || h.page !== tail.page || !HEAD.test(h.text)) return undefined;
    if (tail.c0 < h.c0 - 1 || tail.c1 > h.c1 + 1) return undefined;
    return [j, h];
  }
  return undefined;
}
