import { joinWords, widthOf, type Word } from "./words.js";

/** Words grouped by source line, in order. */
export function byLine(words: readonly Word[]): Word[][] {
  const out: Word[][] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && last[0]!.line === w.line && last[0]!.page === w.page) last.push(w);
    else out.push([w]);
  }
  return out;
}

/**
 * True when lines can be one wrapped cell: a cell's text fills its width on
 * every line but the last, so no line but the last is narrower than the
 * last (a short line before a longer one is where one cell ended and the
 * next began). Widths count a CJK character as 2.
 */
export function wrapsAsOneCell(lines: readonly Word[][]): boolean {
  if (lines.length <= 1) return true;
  const widths = lines.map((l) => widthOf(joinWords(l)));
  const last = widths[widths.length - 1]!;
  const full = Math.max(...widths.slice(0, -1));
  return widths.slice(0, -1).every((w) => w >= last && w >= full - 2);
}
