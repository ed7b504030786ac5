/**
 * Joins runs into the text of one cell or one line, in reading order.
 *
 * Content-stream order is not visual order in some exporters, so runs are
 * sorted by position: lines top to bottom (baselines clustered), runs left to
 * right within a line. Spaces come from geometry, never from the stream:
 * - within a line, a gap wider than a fifth of an em is a space, except
 *   between two Han characters (justified CJK text is spaced by layout),
 *   and before a run marked `tight` (a word processor's Asian–Latin
 *   spacing, autospace.ts);
 * - between lines, a wrap inside Han text or CJK punctuation joins without a
 *   space (满意/度指/标 → 满意度指标); a wrap between two Latin words or
 *   numbers gets one space;
 * - inside a drawn cell, a line that ends clearly short of the cell's text
 *   edge and is followed by another line ends a paragraph: the lines join
 *   with "\n" (see paragraphBreaks).
 */
import type { Box } from "./geometry.js";
import { runBox, type Run } from "./items.js";

/** Baselines closer than this share of the font size are one line. */
const SAME_LINE = 0.45;
/** A gap wider than this share of the font size is a space. */
const SPACE_GAP = 0.2;

/** Han, CJK punctuation, full-width forms: characters that wrap without a space. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

function lastChar(s: string): string | undefined {
  const cps = Array.from(s);
  return cps[cps.length - 1];
}

function firstChar(s: string): string | undefined {
  return Array.from(s)[0];
}

/** Groups runs into lines, top line first; each line's runs left to right. */
export function toLines(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - r.y) <= SAME_LINE * Math.max(line.size, r.size)) {
      line.runs.push(r);
      line.size = Math.max(line.size, r.size);
    } else {
      lines.push({ y: r.y, size: r.size, runs: [r] });
    }
  }
  for (const l of lines) l.runs.sort((a, b) => a.x0 - b.x0);
  return lines.map((l) => l.runs);
}

/** Text of one line: runs in x order, spaces where the gap says so. */
export function lineText(line: readonly Run[]): string {
  let out = "";
  let prev: Run | undefined;
  for (const r of line) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      const size = Math.max(prev.size, r.size);
      const spaced = r.spaceBefore || (!r.tight && gap > SPACE_GAP * size);
      if (spaced && !(isCjk(lastChar(out)) && isCjk(firstChar(r.text)))) out += " ";
    }
    out += r.text;
    prev = r;
  }
  return out;
}

/** Character classes that decide whether a line wrap swallowed a space. */
function charClass(ch: string | undefined): "han" | "alpha" | "digit" | "punct" | "other" {
  if (ch === undefined) return "other";
  if (isCjk(ch)) return "han";
  if (/[A-Za-z]/.test(ch)) return "alpha";
  if (/[0-9]/.test(ch)) return "digit";
  if (/[,;:!?]/.test(ch)) return "punct";
  return "other";
}

/** Class pairs where a wrap may or may not have eaten a space; the text's own habit decides. */
const HABIT_PAIRS = new Set(["punct>han", "punct>alpha", "punct>digit", "han>alpha", "alpha>han", "han>digit", "digit>han"]);

/**
 * For each class pair, whether the text writes it with a space ("互动, 开展")
 * more often than without ("人员,协助"), counted inside its lines.
 */
function spacingHabit(lines: readonly string[]): Map<string, boolean> {
  const counts = new Map<string, [number, number]>();
  for (const line of lines) {
    const chars = Array.from(line);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      if (/\s/.test(a)) continue;
      let j = i + 1;
      while (j < chars.length && /\s/.test(chars[j]!)) j++;
      if (j >= chars.length) break;
      const key = `${charClass(a)}>${charClass(chars[j])}`;
      if (!HABIT_PAIRS.has(key)) continue;
      const c = counts.get(key) ?? [0, 0];
      c[j > i + 1 ? 0 : 1]++;
      counts.set(key, c);
    }
  }
  return new Map([...counts].map(([k, [spaced, tight]]) => [k, spaced > tight]));
}

/** Characters a line may not end with: they go down with the word they open. */
const OPENING = "“‘(（《〈「『【〔[{";
/** Characters a line may not start with: they go down with the character before them (kinsoku). */
const CLOSING = "”’)）》〉」』】〕]}。，、；：？！…,.;:!?%％·";
/** Assumed width of a non-CJK character, in ems: wider than digits and most Latin letters, so a word's width is not underestimated. */
const NARROW_EM = 0.6;
/** A line ending short of the text edge by less than this many ems is a wrap, whatever the next word. */
const PARAGRAPH_GAP = 2;
/** Slack, in ems, on top of the next line's first word before a short line counts as a paragraph's end. */
const WORD_SLACK = 0.5;

/**
 * The first unit of a line that a wrap would have moved as a whole: opening
 * punctuation with what it opens, one Han character or one Latin word or
 * number, and the closing punctuation that may not start a line.
 */
export function firstWord(line: string): string {
  const chars = Array.from(line.trimStart());
  let i = 0;
  while (i < chars.length && OPENING.includes(chars[i]!)) i++;
  if (i < chars.length && isCjk(chars[i]) && !CLOSING.includes(chars[i]!)) i++;
  else while (i < chars.length && !/\s/.test(chars[i]!) && !isCjk(chars[i])) i++;
  while (i < chars.length && CLOSING.includes(chars[i]!)) i++;
  return chars.slice(0, i).join("");
}

/** Estimated width of a text in ems: CJK characters one em, anything else NARROW_EM. */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isCjk(ch) ? 1 : NARROW_EM;
  return w;
}

/**
 * Which lines of a cell end a paragraph (index i: a break between line i and
 * line i + 1). A wrapping renderer fills every line of a paragraph but its
 * last, so a line ending short of the cell's text edge ends a paragraph —
 * when the gap is more than PARAGRAPH_GAP ems (a line may end a character or
 * two early when kinsoku sends the character before closing punctuation down
 * with it) and the next line's first word would have fitted into the gap (a
 * long number or Latin word goes down whole and leaves a wide gap behind).
 * The text edge is the cell's right edge less its padding, taken to be the
 * left padding (the distance from the left edge to the leftmost line).
 * Narrow labels wrapped a character or two a line (满意/度指/标) fill their
 * lines, so they never break.
 */
export function paragraphBreaks(lines: readonly (readonly Run[])[], texts: readonly string[], frame: Box): boolean[] {
  const breaks = lines.map(() => false);
  if (lines.length < 2) return breaks;
  const left = Math.min(...lines.map((l) => l[0]?.x0 ?? Infinity));
  const edge = frame[2] - Math.max(0, left - frame[0]);
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 0 || !texts[i]!.trim() || !texts[i + 1]!.trim()) continue;
    const size = Math.max(...line.map((r) => r.size));
    const right = Math.max(...line.map((r) => r.x1));
    const gap = edge - right;
    const word = emWidth(firstWord(texts[i + 1]!)) + WORD_SLACK;
    breaks[i] = gap > Math.max(PARAGRAPH_GAP, word) * size;
  }
  return breaks;
}

/**
 * Joins wrapped lines of one cell. A wrap loses whatever space stood there,
 * so the joint is decided by what meets at it: Han–Han never has a space,
 * two Latin letters always (a word wrap), a number or measure broken
 * mid-token (2,584.5/2, ≥150.00/(次)) never; between punctuation, Han, Latin and
 * digits the text's own habit decides. `breaks[i]` marks a paragraph's end
 * after line i (paragraphBreaks): those lines join with "\n", and a "\n"
 * already inside a line (a cell continued from the page before) stays.
 */
export function joinLines(lines: readonly string[], breaks: readonly boolean[] = []): string {
  // A paragraph break after a line goes with it; an empty line's break passes to the line before.
  const kept: { text: string; brk: boolean }[] = [];
  lines.forEach((l, i) => {
    const text = l.trim();
    if (text !== "") kept.push({ text, brk: breaks[i] ?? false });
    else if (breaks[i] && kept.length > 0) kept[kept.length - 1]!.brk = true;
  });
  const parts = kept.map((k) => k.text);
  let habit: Map<string, boolean> | undefined;
  let out = "";
  let brk = false;
  for (const [i, line] of parts.entries()) {
    if (brk) out += "\n";
    else if (out) {
      const key = `${charClass(lastChar(out))}>${charClass(firstChar(line))}`;
      if (key === "alpha>alpha") out += " ";
      else if (HABIT_PAIRS.has(key) && (habit ??= spacingHabit(parts)).get(key)) out += " ";
    }
    out += line;
    brk = kept[i]!.brk;
  }
  // Paragraph breaks ("\n", also those inside a line joined earlier) stay; other whitespace is one space.
  return out.replace(/[^\S\n]+/g, " ").replace(/ ?\n\s*/g, "\n");
}

/**
 * Text and bounding box of a set of runs read as one block. Given the drawn
 * cell's frame, a line ending short of it starts a new paragraph ("\n").
 */
export function blockText(runs: readonly Run[], frame?: Box): { text: string; box: Box; tailGap: number } {
  const lines = toLines(runs);
  const texts = lines.map(lineText);
  const text = joinLines(texts, frame ? paragraphBreaks(lines, texts, frame) : []);
  return { text, box: unionBox(runs.map(runBox)), tailGap: frame ? lastLineGap(lines, frame) : 0 };
}

/** One line of a block: its text, its runs, and whether a paragraph ends after it. */
export interface BlockLine {
  text: string;
  runs: Run[];
  brk: boolean;
}

/**
 * The lines of a block of runs in reading order, with the paragraph breaks
 * the cell's frame implies (paragraphBreaks), and how far its last line ends
 * short of the text edge (lastLineGap). `joinLines` of the texts and breaks is
 * the block's text.
 */
export function blockLines(runs: readonly Run[], frame: Box): { lines: BlockLine[]; tailGap: number } {
  const lines = toLines(runs);
  const texts = lines.map(lineText);
  const breaks = paragraphBreaks(lines, texts, frame);
  return { lines: lines.map((l, i) => ({ text: texts[i]!, runs: l, brk: breaks[i]! })), tailGap: lastLineGap(lines, frame) };
}

/**
 * How far, in ems, the last line of a cell ends short of its text edge (as in
 * paragraphBreaks). A cell cut by a page break goes on on the next page; this
 * is what tells whether its last line there ended a paragraph.
 */
function lastLineGap(lines: readonly (readonly Run[])[], frame: Box): number {
  const last = lines[lines.length - 1];
  if (!last || last.length === 0) return 0;
  const left = Math.min(...lines.map((l) => l[0]?.x0 ?? Infinity));
  const edge = frame[2] - Math.max(0, left - frame[0]);
  const size = Math.max(...last.map((r) => r.size));
  return (edge - Math.max(...last.map((r) => r.x1))) / size;
}

/** True when a line ending `gap` ems short of its text edge ended a paragraph before `next` (paragraphBreaks' rule). */
export function endsParagraph(gap: number, next: string): boolean {
  return gap > Math.max(PARAGRAPH_GAP, emWidth(firstWord(next)) + WORD_SLACK);
}

/** Smallest box holding all the given boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]); y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]); y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}
