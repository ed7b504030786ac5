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
const isHeader = (t: string) => HEADERS.has(t) || WRAPPED_HEADERS.has(t);
const isPrefix = (t: string) => NAMES.some((n) => n.startsWith(t) && n !== t);
const norm = (t: string) => t.replace(/\s+/g, "");

/**
 * Joins a chunk and the chunks in its columns on the lines below (at most two
 * lines between pieces, never across a blank line) while together they still
 * begin a header cell, and keeps the join when it spells one and took more
 * than one piece: the longest header wins (年初预算 / 数 is 年初预算数).
 * Mutates and returns `lines`; the pieces' texts are concatenated, none lost.
 */
export function joinWrappedHeaders(lines: Chunk[][]): Chunk[][] {
  for (let i = 0; i < lines.length; i++) {
    for (const a of [...lines[i]!]) {
      if (!lines[i]!.includes(a)) continue;
      const first = norm(a.text);
      if (!isPrefix(first)) continue;
      const pieces: [number, Chunk][] = [[i, a]];
      let text = first;
      let best: { n: number; text: string } | undefined;
      for (let last = i; ;) {
        const next = below(lines, last, a, text);
        if (!next) break;
        pieces.push(next);
        text += norm(next[1].text);
        last = next[0];
        if (isHeader(text)) best = { n: pieces.length, text };
      }
      if (!best) continue;
      const used = pieces.slice(0, best.n);
      for (const [k, c] of used) lines[k] = lines[k]!.filter((x) => x !== c);
      const headerCount = (k: number) => lines[k]!.filter((c) => isHeader(norm(c.text))).length;
      const span = used.map(([k]) => k);
      let mid = span[0]!;
      for (let k = span[0]!; k <= span[span.length - 1]!; k++) if (headerCount(k) > headerCount(mid)) mid = k;
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
function below(lines: Chunk[][], last: number, a: Chunk, text: string): [number, Chunk] | undefined {
  for (let j = last + 1; j <= Math.min(last + 2, lines.length - 1); j++) {
    const b = lines[j]!.find((c) => c.page === a.page && c.c0 <= a.c1 && a.c0 <= c.c1 && (isHeader(text + norm(c.text)) || isPrefix(text + norm(c.text))));
    if (b) return [j, b];
    if (lines[j]!.length === 0) return undefined;
  }
  return undefined;
}
