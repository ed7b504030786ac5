/**
 * Header cells wrapped over two lines in pdftotext text (全年执行 / 数, 计量单 /
 * 位, 得 / 分). A header row whose cells wrap spreads over three lines: the
 * cells that fit on one line sit on the middle line, the wrapped ones put
 * their first line above it and their last line below. Read line by line,
 * the pieces above would make a row of their own and the pieces below would
 * join the row under the header. So the two pieces of a wrapped header cell
 * are joined first, into one chunk on the header's middle line.
 */
import type { Chunk } from "./model.js";
import { overlaps } from "./model.js";
import { HEADERS, WRAPPED_HEADERS } from "./vocabulary.js";

const isHeader = (t: string) => HEADERS.has(t) || WRAPPED_HEADERS.has(t);
const norm = (t: string) => t.replace(/\s+/g, "");

/**
 * Joins a chunk and the chunk in its columns one or two lines below when
 * together, and neither alone, they spell a header cell. The joined chunk
 * takes the line between them when that line holds a header cell (the
 * header's middle line), else the upper one. Mutates and returns `lines`.
 */
export function joinWrappedHeaders(lines: Chunk[][]): Chunk[][] {
  for (let i = 0; i < lines.length; i++) {
    for (const a of [...lines[i]!]) {
      const ta = norm(a.text);
      if (isHeader(ta)) continue;
      for (let j = i + 1; j <= Math.min(i + 2, lines.length - 1); j++) {
        const b = lines[j]!.find((c) => overlaps(a, c) && !isHeader(norm(c.text)) && isHeader(ta + norm(c.text)));
        if (!b) continue;
        const mid = j === i + 2 && lines[i + 1]!.some((c) => isHeader(norm(c.text))) ? i + 1 : i;
        lines[i] = lines[i]!.filter((c) => c !== a);
        lines[j] = lines[j]!.filter((c) => c !== b);
        const joined: Chunk = { line: lines[mid]![0]?.line ?? a.line, page: a.page, c0: Math.min(a.c0, b.c0), c1: Math.max(a.c1, b.c1), text: ta + norm(b.text) };
        lines[mid] = [...lines[mid]!, joined].sort((x, y) => x.c0 - y.c0);
        break;
      }
    }
  }
  return lines;
}
