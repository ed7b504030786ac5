import { byLine } from "./lines.js";
import { joinWords, widthOf, type Word } from "./words.js";

/*
 * The two goal texts (预期目标, 实际完成情况) of flattened text run on one
 * after the other, sometimes on one line where the second starts on the
 * baseline of the first's last line. Where the first ends is told by how
 * wrapped cells fill their lines: every line of a cell's paragraph but its
 * last fills the cell's width, so a line narrower than the cell, that is no
 * paragraph's end, cannot be inside it.
 */

/** A paragraph ends with one of these, so the line it ends on may be short. */
const PARAGRAPH_END = /[。！？；;.!?]$/u;
/** A space after one of these belongs to the text (", " in 依据社保规定, 按时…), it is no cell gap. */
const TEXT_SPACE_AFTER = /[,，;；、:：]$/u;
const CJK_END = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]$/u;
const CJK_START = /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** How an enumerated paragraph of an official text opens: 一是, 2., 3、, （三）. */
const ITEM_START = /^(?:[一二三四五六七八九十]+是|\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])/u;
/** Room for a line that is full but for a character that did not fit. */
const SLACK = 4;

/** The two texts, each as paragraphs of words; `fits` counts the cuts that agree with the wrapping. */
export interface GoalSplit {
  expected: Word[][];
  actual: Word[][];
  fits: number;
  /** The first word of the second text. */
  cut: Word | undefined;
}

/** The lines of one cell: widths checked, and cut into paragraphs; null when they cannot be one cell. */
function paragraphs(lines: Word[][]): Word[][] | null {
  if (lines.length === 0) return null;
  const widths = lines.map((l) => widthOf(joinWords(l)));
  if (lines.length === 1) return [lines[0]!];
  const full = Math.max(...widths.slice(0, -1));
  if (widths[widths.length - 1]! > full + SLACK) return null;
  const out: Word[][] = [[]];
  for (let k = 0; k < lines.length; k++) {
    out[out.length - 1]!.push(...lines[k]!);
    if (k === lines.length - 1) break;
    // A full line ends a paragraph only visibly: at a sentence's end with the next line opening an item (四是, 2., （三）).
    if (widths[k]! >= full - SLACK) {
      if (PARAGRAPH_END.test(joinWords(lines[k]!)) && ITEM_START.test(lines[k + 1]![0]!.text)) out.push([]);
      continue;
    }
    if (!PARAGRAPH_END.test(joinWords(lines[k]!))) return null;
    out.push([]);
  }
  return out;
}

/**
 * Cuts the words of the two goal texts where the second begins: at a line
 * break, or at a space (not one after a comma) inside a line. Of the cuts
 * whose both halves read as wrapped cells, the one after a sentence's end
 * is preferred, then the first. Null when no cut fits.
 */
export function splitGoals(words: Word[]): GoalSplit | null {
  const lines = byLine(words);
  const candidates: Array<{ before: Word[][]; after: Word[][]; cut: Word; gap: boolean }> = [];
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j]!;
    if (j > 0) candidates.push({ before: lines.slice(0, j), after: lines.slice(j), cut: line[0]!, gap: false });
    for (let p = 1; p < line.length; p++) {
      if (TEXT_SPACE_AFTER.test(line[p - 1]!.text)) continue;
      // A space between two CJK characters is no part of a Chinese text: most likely where the cells meet.
      // So is a space after a Chinese sentence's end (。 2023 年…).
      const gap = (CJK_END.test(line[p - 1]!.text) && CJK_START.test(line[p]!.text)) || /[。！？；]$/u.test(line[p - 1]!.text);
      candidates.push({ before: [...lines.slice(0, j), line.slice(0, p)], after: [line.slice(p), ...lines.slice(j + 1)], cut: line[p]!, gap });
    }
  }
  let best: GoalSplit | null = null;
  let bestScore = -Infinity;
  let fits = 0;
  for (const c of candidates) {
    const expected = paragraphs(c.before);
    const actual = paragraphs(c.after);
    if (!expected || !actual) continue;
    fits++;
    const lastLine = c.before[c.before.length - 1]!;
    const score = (PARAGRAPH_END.test(joinWords(lastLine)) ? 2 : 0) + (c.gap ? 1.5 : 0) - 0.1 * (expected.length + actual.length);
    if (score > bestScore) {
      bestScore = score;
      best = { expected, actual, fits: 0, cut: c.cut };
    }
  }
  if (best) best.fits = fits;
  return best;
}
