/**
 * Text items of a page, from pdf.js getTextContent, as positioned runs.
 *
 * pdf.js yields one item per run of one font; some producers change font (or
 * subset) on every glyph, so a word arrives in pieces. It also yields filler
 * items of its own (empty strings marking an end of line, spaces it infers
 * from gaps). Fillers are dropped here: the joiner decides spaces from the
 * geometry, the same way for every producer.
 */
import { mapRadicals } from "../radicals.js";
import type { Box } from "./geometry.js";

/** One run of text on a page, in page user space. */
export interface Run {
  text: string;
  /** Left and right edge of the run. */
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font size (height of the em square) in user space. */
  size: number;
  /** The text layer had a space right before this run (it was split off an item at a space). */
  spaceBefore?: boolean;
  /** The gap before this run is the producer's spacing between Asian and Latin text, not a space (autospace.ts). */
  tight?: boolean;
}

/** The subset of pdf.js TextItem this module reads. */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Converts pdf.js text items to runs: fillers dropped, radicals mapped, rotated text skipped (and listed in `rotated`, for the ledger). */
export function toRuns(items: readonly unknown[], rotated?: Array<{ text: string; x: number; y: number }>): Run[] {
  const runs: Run[] = [];
  for (const raw of items) {
    const it = raw as Partial<TextItemLike>;
    if (typeof it.str !== "string" || !it.transform) continue; // marked-content markers
    if (it.str.trim() === "") continue; // pdf.js fillers and lone spaces
    const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
    // Rotated or vertical text is not part of these forms (stamps, watermarks).
    if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d)) {
      rotated?.push({ text: it.str, x: e, y: f });
      continue;
    }
    const size = Math.abs(d) || it.height || 1;
    const width = it.width ?? 0;
    const x0 = a >= 0 ? e : e - width;
    const text = mapRadicals(it.str);
    if (/\S\s+\S/u.test(text.trim())) splitAtSpaces(text.trim(), x0, width, f, size, runs);
    else runs.push({ text: text.trim(), x0, x1: x0 + width, y: f, size });
  }
  return runs;
}

/** Estimated advance of a character in ems: full width for CJK, about half for the rest. */
function advance(ch: string): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 1 : 0.55;
}

/**
 * pdf.js merges glyphs of one font on one line into one item, inserting a
 * space for a wide gap — even when the gap is a cell border ("室 实" spanning
 * two cells). Such items are split at their spaces; the pieces' positions are
 * estimated from character widths, with the spaces taking up what is left.
 */
function splitAtSpaces(text: string, x0: number, width: number, y: number, size: number, out: Run[]): void {
  const words = text.split(/\s+/u);
  const spaces = text.length - words.join("").length;
  const ems = words.map((w) => Array.from(w).reduce((s, ch) => s + advance(ch), 0) * size);
  const inked = ems.reduce((s, w) => s + w, 0);
  const scale = inked > width ? width / inked : 1;
  const gap = spaces > 0 ? Math.max(0, width - inked * scale) / (words.length - 1) : 0;
  let x = x0;
  words.forEach((w, i) => {
    const wWidth = ems[i]! * scale;
    out.push({ text: w, x0: x, x1: x + wWidth, y, size, spaceBefore: i > 0 });
    x += wWidth + gap;
  });
}

/** Glyph box of a run: from a little below the baseline to a little below the em top. */
export function runBox(r: Run): Box {
  return [r.x0, r.y - 0.2 * r.size, r.x1, r.y + 0.8 * r.size];
}

/** The point that decides which cell a run belongs to: its middle, half an x-height up. */
export function runAnchor(r: Run): [number, number] {
  return [(r.x0 + r.x1) / 2, r.y + 0.3 * r.size];
}
