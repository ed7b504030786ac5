/**
 * Word processors' spacing between Asian and Latin text. Writer (autospace),
 * Word (自动调整中文与西文的间距) and WPS set about a fifth of an em between a
 * Latin letter or digit and a Han character with no space in the text
 * (≥437次 prints as "≥437 次"); read by the gap alone, every such junction
 * would gain a space. A typed space is about as wide, so no one width tells
 * the two apart: the document's own habit does. Where junctions of one
 * direction (Latin then Han, or Han then Latin) have that gap, and hardly
 * any have none, the producer spaced them, and such a gap is marked `tight` (no
 * space); a document that sets them flush keeps its gaps as spaces
 * ("(2023 年度)" typed with a space).
 */
import { toLines } from "./join.js";
import type { Run } from "./items.js";

/** A junction gap up to this share of an em is flush (kerning, float error). */
const FLUSH = 0.05;
/**
 * The producer's spacing: Writer sets 0.196-0.216 em in the corpus's faces.
 * A typed space in the seed's Chromium PDFs is 0.227-0.256 em, so the bound
 * lies between the two, and a narrow margin it is.
 */
const SPACED: readonly [number, number] = [0.12, 0.22];
/**
 * Spaced junctions of one direction a document needs. One is enough: pdf.js
 * merges most junctions into one item (with no space), so few are seen apart.
 */
const MIN_JUNCTIONS = 1;

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const LATIN = /[0-9A-Za-z]/;

type Direction = "latin-han" | "han-latin";

function direction(before: Run, after: Run): Direction | null {
  const a = Array.from(before.text).at(-1) ?? "";
  const b = Array.from(after.text)[0] ?? "";
  if (LATIN.test(a) && HAN.test(b)) return "latin-han";
  if (HAN.test(a) && LATIN.test(b)) return "han-latin";
  return null;
}

/** The junctions of a document's lines: adjacent runs on one baseline where Han meets Latin, with their gap in ems. */
function junctions(pages: readonly (readonly Run[])[]): { after: Run; dir: Direction; ems: number }[] {
  const out: { after: Run; dir: Direction; ems: number }[] = [];
  for (const runs of pages) {
    for (const line of toLines(runs)) {
      for (let i = 1; i < line.length; i++) {
        const [a, b] = [line[i - 1]!, line[i]!];
        const dir = b.spaceBefore ? null : direction(a, b);
        if (dir) out.push({ after: b, dir, ems: (b.x0 - a.x1) / Math.max(a.size, b.size) });
      }
    }
  }
  return out;
}

/**
 * The pages' runs, a run marked `tight` where the gap before it is the
 * producer's Asian–Latin spacing by the document's habit; unchanged (the same
 * arrays) when the document sets such junctions flush.
 */
export function markAutospace(pages: readonly (readonly Run[])[]): readonly (readonly Run[])[] {
  const all = junctions(pages);
  const spacedDirs = new Set<Direction>();
  for (const dir of ["latin-han", "han-latin"] as const) {
    const js = all.filter((j) => j.dir === dir);
    const spaced = js.filter((j) => j.ems >= SPACED[0] && j.ems <= SPACED[1]).length;
    const flush = js.filter((j) => j.ems <= FLUSH).length;
    // At most one flush junction in ten spaced ones: the producer spaces them. (Wider gaps are
    // neighbouring cells or typed spaces, and count for neither: a typed space is a glyph of the
    // text layer, which pdf.js keeps in its item, and the run after it has spaceBefore.)
    if (spaced >= MIN_JUNCTIONS && flush * 10 <= spaced) spacedDirs.add(dir);
  }
  if (spacedDirs.size === 0) return pages;
  const tight = new Set(all.filter((j) => spacedDirs.has(j.dir) && j.ems > FLUSH && j.ems <= SPACED[1]).map((j) => j.after));
  return pages.map((runs) => runs.map((r) => (tight.has(r) ? { ...r, tight: true } : r)));
}
