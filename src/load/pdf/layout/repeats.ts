/**
 * A table header printed again at the top of a continuation page, in
 * pdftotext text. It must go before the rows are assembled: its wrapped
 * pieces (一级 / 指标, 二级 / 指标) sit in the level columns and would be read
 * as pieces of the level labels of the rows below them.
 */
import type { DroppedText } from "../../../model/ledger.js";
import type { Chunk } from "./model.js";
import { HEADERS } from "./vocabulary.js";

const MAX_HEADER_LINES = 6;

const norm = (cs: Chunk[]) => cs.map((c) => c.text).join("").replace(/\s+/g, "");
const isHeaderLine = (cs: Chunk[]) => cs.some((c) => HEADERS.has(c.text.replace(/\s+/g, "")));

/**
 * Empties the first lines of a page when, text for text, they repeat a run of
 * consecutive lines of the page before that holds a header cell (三级指标 …).
 * The longest such run wins; a page that starts with a form's title keeps it,
 * and so does a page whose page before starts another form after the run.
 */
export function dropRepeatedHeaderLines(lines: Chunk[][], dropped?: DroppedText[]): Chunk[][] {
  // Non-empty lines by page, as indexes into `lines`.
  const byPage = new Map<number, number[]>();
  lines.forEach((cs, i) => {
    if (cs.length === 0) return;
    const p = cs[0]!.page;
    let list = byPage.get(p);
    if (!list) byPage.set(p, (list = []));
    list.push(i);
  });
  const out = lines.slice();
  for (const [page, idx] of byPage) {
    const before = byPage.get(page - 1);
    if (!before) continue;
    const prev = before.map((i) => norm(lines[i]!));
    let drop = 0;
    for (let k = Math.min(MAX_HEADER_LINES, idx.length); k >= 1 && drop === 0; k--) {
      const top = idx.slice(0, k);
      if (!top.some((i) => isHeaderLine(lines[i]!)) || top.some((i) => /自评表/.test(norm(lines[i]!)))) continue;
      const want = top.map((i) => norm(lines[i]!));
      for (let s = 0; s + k <= prev.length; s++) {
        // A title after the run begins another form: the header this page starts with is that form's own.
        if (want.every((t, j) => prev[s + j] === t) && !prev.slice(s + k).some((t) => /自评表/.test(t))) {
          drop = k;
          break;
        }
      }
    }
    for (const i of idx.slice(0, drop)) {
      for (const c of lines[i]!) dropped?.push({ text: c.text, kind: "repeated-header", page: c.page, line: c.line });
      out[i] = [];
    }
  }
  return out;
}
