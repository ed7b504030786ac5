/**
 * Header cells wrapped over two or three lines in `pdftotext -layout` text
 * (全年执行 / 数, 全年 / 执行 / 数, 年初预算 / 数, 计量单 / 位).
 *
 * A header row whose cells wrap spreads over several lines, each cell's lines
 * centred on the row: cells of one line sit on the middle line, cells of two
 * put a line above and below it, cells of three take the lines two apart.
 * Read line by line, the pieces above would make a row of their own and the
 * pieces below would join the row under the header. So the pieces of a
 * wrapped header cell are joined first, into one chunk on the header's
 * middle line, the line of the pieces that holds most header cells.
 */
import type { Chunk } from "../pdf/layout/model.js";
import { HEADERS, WRAPPED_HEADERS } from "../pdf/layout/vocabulary.js";

const NAMES = [...HEADERS, ...WRAPPED_HEADERS];
// Headers are matched with full-width brackets as ASCII (执行率（ / %）); the text keeps what was printed.
const key = (t: string) => t.replace(/（/g, "(").replace(/）/g, ")");
const isHeader = (t: string) => HEADERS.has(key(t)) || WRAPPED_HEADERS.has(key(t));
const isPrefix = (t: string) => NAMES.some((n) => n.startsWith(key(t)) && n !== key(t));
const norm = (t: string) => t.replace(/\s+/g, "");

/**
 * Joins a chunk and the chunks in its columns on the lines below (at most two
 * lines between pieces, never across a blank line) while together they still
 * begin a header cell, and keeps the join when it spells one and took more
 * than one piece: the longest header wins (年初预算 / 数 is 年初预算数).
 * Mutates and returns `lines`; the pieces' texts are concatenated, none lost.
 */
export function joinWrappedHeaders(lines: Chunk[][]): Chunk[][] {
  // Pieces in the same columns first; only then pieces a few columns aside, among those left.
  joinPass(lines, 0);
  joinPass(lines, 4);
  // Squeezed hardest (Chromium, large type in a narrow column), the middle piece of a three-line
  // cell shares the first piece's line, set several columns right of it: 全年 … 执行 / 数.
  return joinPass(lines, 8);
}

function joinPass(lines: Chunk[][], slack: number): Chunk[][] {
  for (let i = 0; i < lines.length; i++) {
    for (const a of [...lines[i]!]) {
      if (!lines[i]!.includes(a)) continue;
      const first = norm(a.text);
      if (!isPrefix(first)) continue;
      const pieces: [number, Chunk][] = [[i, a]];
      let text = first;
      let best: { n: number; text: string } | undefined;
      for (let last = i; ;) {
        // Below a piece beside the first on its line (全年 … 执行), the last piece may stand under either (数).
        const tail = pieces[pieces.length - 1]![1];
        const extent = pieces.length > 1 && pieces[pieces.length - 2]![0] === last ? { ...tail, c0: Math.min(...pieces.map(([, c]) => c.c0)) } : tail;
        const next = below(lines, last, extent, text, slack);
        if (!next) break;
        pieces.push(next);
        text += norm(next[1].text);
        last = next[0];
        if (isHeader(text)) best = { n: pieces.length, text };
      }
      if (!best) continue;
      const used = pieces.slice(0, best.n);
      for (const [k, c] of used) lines[k] = lines[k]!.filter((x) => x !== c);
      // Only cells complete on one line tell the middle line: a header's first piece (年初预算) does not.
      const headerCount = (k: number) => lines[k]!.filter((c) => HEADERS.has(key(norm(c.text)))).length;
      const span = used.map(([k]) => k);
      let mid = span[0]!;
      for (let k = span[0]!; k <= span[span.length - 1]!; k++) if (headerCount(k) > headerCount(mid)) mid = k;
      // The single-line cells may sit just below the pieces (年初预算 / 数, then 分值 … 得分).
      const after = span[span.length - 1]! + 1;
      if (after < lines.length && lines[after]![0]?.page === a.page && headerCount(after) > headerCount(mid)) mid = after;
      const cs = used.map(([, c]) => c);
      const joined: Chunk = {
        line: lines[mid]![0]?.line ?? a.line,
        page: a.page,
        c0: Math.min(...cs.map((c) => c.c0)),
        c1: Math.max(...cs.map((c) => c.c1)),
        text: best.text,
      };
      lines[mid] = [...lines[mid]!, joined].sort((x, y) => x.c0 - y.c0);
    }
  }
  return lines;
}

/** The next piece of a header being joined: in its columns, one or two lines below, that keeps it a header or a header's start. */
function below(lines: Chunk[][], last: number, a: Chunk, text: string, slack: number): [number, Chunk] | undefined {
  // Squeezed, the last piece of a three-line cell may even share the line of the one before (执行 数).
  if (slack > 0 && last > 0) {
    const same = lines[last]!.find((c) => c.c0 > a.c1 && c.c0 - a.c1 <= slack && c.page === a.page &&
      (isHeader(text + norm(c.text)) || (slack >= 8 && isPrefix(text + norm(c.text)) && !isHeader(norm(c.text)))));
    if (same) return [last, same];
  }
  for (let j = last + 1; j <= Math.min(last + 2, lines.length - 1); j++) {
    const fits = (c: Chunk) => c.page === a.page && (isHeader(text + norm(c.text)) || isPrefix(text + norm(c.text)));
    const b = lines[j]!.find((c) => fits(c) && c.c0 <= a.c1 && a.c0 <= c.c1);
    if (b) return [j, b];
    // Dense exports squeeze the header's columns: the piece may stand a few columns aside (全年 / 执行 / 数).
    const gap = (c: Chunk) => Math.max(c.c0 - a.c1, a.c0 - c.c1);
    const near = lines[j]!.filter((c) => fits(c) && gap(c) <= slack).sort((x, y) => gap(x) - gap(y))[0];
    if (near) return [j, near];
    if (lines[j]!.length === 0) return undefined;
  }
  return undefined;
}
