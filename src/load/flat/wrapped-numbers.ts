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

/** True when `a` (before a line break) and `b` (after it) are one number cut by the wrap, printed with `d` decimals. */
function cutNumber(a: string, b: string, d: number): boolean {
  if (!/^\d|^\./u.test(b)) return false;
  const joined = a + b;
  const m = WHOLE.exec(joined);
  if (!m || (m[1]?.length ?? 0) !== d) return false;
  // The joined number must take all of b's figures (b = 0(平方 → its unit follows), and a must stop short of a number of its own.
  const digitsOfB = /^[\d.,]*/u.exec(b)![0].length;
  if (m[0].length < a.length + digitsOfB) return false;
  if (/\.$/u.test(a)) return true;
  const dec = /\.(\d+)$/u.exec(a);
  if (dec) return dec[1]!.length < d;
  // A thousands group left short (1,3 / 21.97), or the decimal point after the break (1,321 / .97).
  return /,\d{0,2}$/u.test(a) || b.startsWith(".");
}

/** The words with cut numbers joined; a joined word keeps its pieces (`pieces`), so the reader can say what it joined. */
export function joinWrappedNumbers(words: readonly Word[]): Array<Word & { pieces?: string[] }> {
  const d = usualDecimals(words);
  if (d === null || d === 0) return [...words];
  const out: Array<Word & { pieces?: string[] }> = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && w.before === "break" && last.page === w.page && WHOLE.test(last.text + w.text) && cutNumber(last.text, w.text, d)) {
      out[out.length - 1] = { ...last, text: last.text + w.text, pieces: [...(last.pieces ?? [last.text]), w.text] };
      continue;
    }
    out.push(w);
  }
  return out.map((w, index) => ({ ...w, index }));
}
