/**
 * Numbers a narrow cell wrapped onto the next line, joined back: a viewer's
 * copy gives `1,321.9` / `7`, `932.` / `78`, `=1107.0` / `0(平方` or `10.0` /
 * `0` where the page shows 1,321.97, 932.78, =1107.00(平方 and 10.00. The
 * text prints its figures with the same number of decimals (two, as a rule);
 * a piece that stops short of them, right before a line break, and a piece
 * after the break that completes them, are one cell. Each join is an
 * inference, and the reader says so where it places the cell.
 */
import type { Word } from "./words.js";

const OP = String.raw`(?:[=＝≥≧≤≦>＞<＜]|>=|<=)?`;
/** A number as printed, with its decimals captured; an operator may lead, a unit may follow. */
const WHOLE = new RegExp(String.raw`^${OP}[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?=$|[^\d.,])`, "u");

/** The start of a number, cut anywhere: 12,140,4 or 12,140,475.1 (whole, it is WHOLE). */
const PREFIX = new RegExp(String.raw`^${OP}[-−]?(?:\d{1,3}(?:,\d{3})*(?:,\d{0,2})?|\d+)(?:\.\d*)?$`, "u");

/** The decimals most of the text's numbers print with, or null when the text does not say. */
function usualDecimals(words: readonly Word[]): number | null {
  const counts = new Map<number, number>();
  words.forEach((w, k) => {
    // A piece a wrap may have cut (a line break and a figure after it) is no evidence of the habit.
    const next = words[k + 1];
    if (next && next.before === "break" && /^[\d.]/u.test(next.text)) return;
    const m = WHOLE.exec(w.text);
    if (m?.[1]) counts.set(m[1].length, (counts.get(m[1].length) ?? 0) + 1);
  });
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1]);
  // Only a clear habit counts: a text that prints 1 and 2 decimals alike gives no rule to join by.
  if (!best || best[1] < 5 || (second && second[1] * 5 > best[1])) return null;
  return best[0];
}

/** True when `a` stops short of a number printed with `d` decimals: it ends in its point, in fewer decimals, or in a thousands group left short. */
function short(a: string, d: number): boolean {
  if (/\.$/u.test(a)) return true;
  const dec = /\.(\d+)$/u.exec(a);
  if (dec) return dec[1]!.length < d;
  return /,\d{0,2}$/u.test(a);
}

/**
 * Whether `a` (before a line break) and `b` (after it) are one number cut by
 * the wrap, printed with `d` decimals: "complete" when the two make it,
 * "partial" when they make only more of it (10,2 / 56.8 / 7: a third piece
 * must complete it), null when they are two cells.
 */
function cutNumber(a: string, b: string, d: number): "complete" | "partial" | null {
  if (!/^\d|^\./u.test(b)) return null;
  if (!short(a, d) && !(b.startsWith(".") && /\d$/u.test(a))) return null;
  const joined = a + b;
  const m = WHOLE.exec(joined);
  // A thousands group still short after the join (12,1 / 40,4): more of the number follows.
  if (!m) return PREFIX.test(joined) && short(joined, d) ? "partial" : null;
  // The joined number must take all of b's figures (b = 0(平方 → its unit follows).
  const digitsOfB = /^[\d.,]*/u.exec(b)![0].length;
  if (m[0].length < a.length + digitsOfB) return null;
  if ((m[1]?.length ?? 0) === d) return "complete";
  return PREFIX.test(joined) && short(joined, d) ? "partial" : null;
}

/** `last` completed by the one or two pieces from `words[k]` on (each after a line break), and the index of the last piece taken; null when they do not complete it. */
function completed(last: Word & { pieces?: string[] }, words: readonly Word[], k: number, d: number): { word: Word & { pieces: string[] }; last: number } | null {
  let text = last.text;
  const pieces: string[] = [];
  // A narrow column cuts a long amount (12,140,475.10) into four pieces at most.
  for (let j = k; j < Math.min(words.length, k + 3); j++) {
    const w = words[j]!;
    if (w.before !== "break" || w.page !== last.page) return null;
    const cut = cutNumber(text, w.text, d);
    if (!cut) return null;
    text += w.text;
    pieces.push(w.text);
    if (cut === "complete") return { word: { ...last, text, pieces: [...(last.pieces ?? [last.text]), ...pieces] }, last: j };
  }
  return null;
}

/** The words with cut numbers joined; a joined word keeps its pieces (`pieces`), so the reader can say what it joined. */
export function joinWrappedNumbers(words: readonly Word[]): Array<Word & { pieces?: string[] }> {
  const d = usualDecimals(words);
  if (d === null || d === 0) return [...words];
  const out: Array<Word & { pieces?: string[] }> = [];
  for (let k = 0; k < words.length; k++) {
    const last = out[out.length - 1];
    const joined = last ? completed(last, words, k, d) : null;
    if (joined) {
      out[out.length - 1] = joined.word;
      k = joined.last;
      continue;
    }
    out.push(words[k]!);
  }
  return out.map((w, index) => ({ ...w, index }));
}
